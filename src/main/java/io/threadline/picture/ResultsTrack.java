package io.threadline.picture;

import io.threadline.trace.ResultMark;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The results one pool call (map, imap_unordered …) delivered to the thread that asked: a
 * diamond where results arrive, labelled with their values in arrival order, and a bracket from
 * the first to the last. Ordered calls are filled diamonds, unordered ones hollow. The times
 * written count from the call's start (a tick, and a dashed lead to the first result), so two
 * calls made one after the other compare as the lesson means: how long each made its caller wait.
 */
public final class ResultsTrack implements Track {
    private final String variant;
    private final TraceExtras extras;

    public ResultsTrack(String variant, TraceExtras extras) {
        this.variant = variant;
        this.extras = extras;
    }

    public String variant() {
        return variant;
    }

    @Override
    public double height(PictureMetrics m) {
        return m.resultsHeight();
    }

    private boolean hollow() {
        return variant.contains("unordered");
    }

    private Rgb color(PictureTheme p) {
        return p.color(hollow() ? Ink.RESULT_UNORDERED : Ink.RESULT_MAP);
    }

    /** Results up to the horizon, in arrival order. */
    private List<ResultMark> visible(TrackContext ctx) {
        List<ResultMark> all = extras.results(variant);
        List<ResultMark> out = new ArrayList<>(all.size());
        for (ResultMark r : all) {
            if (r.time() <= ctx.horizon()) {
                out.add(r);
            }
        }
        return out;
    }

    /** The diamonds, their values and the times of the last frame painted, {x, y, w, h} in the row's coordinates. */
    private final List<double[]> marks = new ArrayList<>();

    /** Results close enough on screen to share one diamond. */
    private static List<List<ResultMark>> groups(TrackContext ctx, List<ResultMark> results) {
        // nearer than a diamond's width, two diamonds would overlap and read as one
        double near = (ctx.metrics().capRadius() + 1.5) * 2 + 1;
        List<List<ResultMark>> out = new ArrayList<>();
        double groupX = Double.NaN;
        for (ResultMark r : results) {
            double x = ctx.scale().x(r.time());
            if (out.isEmpty() || Math.abs(x - groupX) > near) {
                out.add(new ArrayList<>());
                groupX = x;
            }
            out.get(out.size() - 1).add(r);
        }
        return out;
    }

    @Override
    public void paint(TrackContext ctx) {
        marks.clear();
        List<ResultMark> results = visible(ctx);
        if (results.isEmpty()) {
            return;
        }
        Painter g = ctx.painter();
        PictureTheme p = ctx.theme();
        PictureMetrics m = ctx.metrics();
        TimeScale s = ctx.scale();
        double width = ctx.width();
        double h = ctx.height();
        double r = m.capRadius() + 1.5;
        double cy = Math.round(h * 0.26);
        double bracketY = Math.round(h * 0.68) + 0.5;
        double labelY = Math.round(h * 0.86);
        Rgb c = color(p);

        long called = extras.callStart(variant);
        // a call the trace gives no start for counts from the run's start, and says so by its words
        boolean relative = called >= 0;
        double xc = relative ? Math.round(s.x(called)) : Double.POSITIVE_INFINITY;
        double x0 = Math.round(s.x(results.get(0).time()));
        double x1 = Math.round(s.x(results.get(results.size() - 1).time()));
        g.setStroke(p.color(Ink.MUTED_TEXT));
        g.setLineWidth(1);
        if (xc < x0) {
            // the call's start: a tick, and a dashed lead while its caller waits for the first result
            g.strokeLine(xc + 0.5, bracketY - 7, xc + 0.5, bracketY + 3);
            g.setLineDashes(3, 3);
            g.strokeLine(xc + 0.5, bracketY, x0 + 0.5, bracketY);
            g.setLineDashes(0, 0);
        }
        g.strokeLine(x0 + 0.5, bracketY - 4, x0 + 0.5, bracketY);
        g.strokeLine(x0 + 0.5, bracketY, x1 + 0.5, bracketY);
        g.strokeLine(x1 + 0.5, bracketY - 4, x1 + 0.5, bracketY);
        TextStyle small = m.small();
        g.setFont(small);
        g.setFill(p.color(Ink.MUTED_TEXT));
        String after = relative ? "after " : "";
        long from = relative ? called : 0;
        String[] at = TimeText.secondsPair(results.get(0).time() - from, results.get(results.size() - 1).time() - from);
        String first = "first " + after + at[0];
        String last = "last " + after + at[1];
        double fw = g.textWidth(first, small);
        double lw = g.textWidth(last, small);
        // where the times are written, {x0, x1} each: values put under their diamond keep off them
        List<double[]> times = new ArrayList<>(2);
        if (x1 - x0 >= fw + lw + 16) {
            g.fillText(first, x0, labelY, Painter.Align.LEFT);
            g.fillText(last, x1 + 1, labelY, Painter.Align.RIGHT);
            times.add(new double[] {x0, x0 + fw});
            times.add(new double[] {x1 + 1 - lw, x1 + 1});
        } else {
            String both = x1 == x0 ? (relative ? "all after " : "all at ") + at[0]
                    : first + " · " + last;
            // near the picture's end the words end at its edge instead of running past it
            double tx = Math.max(0, Math.min(x0, width - 4 - Math.ceil(g.textWidth(both, small))));
            g.fillText(both, tx, labelY, Painter.Align.LEFT);
            times.add(new double[] {tx, tx + g.textWidth(both, small)});
        }
        // the times' words are kept whole by what is drawn across the rows too (the playhead at a call's end)
        for (double[] t : times) {
            marks.add(new double[] {t[0] - 1, labelY - small.size() * 0.6, t[1] - t[0] + 2, small.size() * 1.2});
        }

        List<List<ResultMark>> groups = groups(ctx, results);
        TextStyle valueFont = m.smallBold();
        double lowY = Math.round(cy + r + valueFont.size() * 0.75);
        // the second line of values clears the times' line only in a row tall enough for three;
        // in a shorter one it keeps off the times and the bracket
        boolean lowClear = lowY + valueFont.size() * 0.5 <= labelY - small.size() * 0.5;
        List<double[]> busy = new ArrayList<>(times);
        busy.add(new double[] {x0, x1 + 1});
        List<Double> xs = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        for (List<ResultMark> group : groups) {
            double x = Math.round(s.x(group.get(0).time()));
            if (x < -400 || x > width + r) {
                continue;
            }
            xs.add(x);
            values.add(group.stream().map(ResultMark::value).toList());
        }
        if (xs.isEmpty()) {
            return;
        }
        double[] gx = xs.stream().mapToDouble(Double::doubleValue).toArray();
        List<ResultValueLayout.Label> labels = new ResultValueLayout(g, valueFont, gx, values, r, cy, lowY, width,
                lowClear, busy).labels();
        // a run sharing one label is held together by a bracket under its diamonds (a line through
        // them read as a span of time, as a bar does)
        g.setStroke(c);
        g.setLineWidth(1);
        double under = Math.round(cy + r + 3) + 0.5;
        for (ResultValueLayout.Label l : labels) {
            if (l.last() > l.first()) {
                double a = gx[l.first()] + 0.5;
                double b = gx[l.last()] + 0.5;
                g.strokeLine(a, under, b, under);
                g.strokeLine(a, under, a, cy + r);
                g.strokeLine(b, under, b, cy + r);
            }
        }
        for (double x : gx) {
            diamond(g, p, c, x + 0.5, cy, r);
            marks.add(new double[] {x + 0.5 - r - 1, cy - r - 1, 2 * r + 2, 2 * r + 2});
        }
        g.setFont(valueFont);
        g.setFill(p.color(Ink.TEXT));
        for (ResultValueLayout.Label l : labels) {
            if (l.text().isEmpty()) {
                continue;
            }
            g.fillText(l.text(), l.x(), l.y(), Painter.Align.LEFT);
            // the values are kept whole by what is drawn across the rows, on the diamonds' line too:
            // at the run's end the playhead struck pool-the-rest's "36, 49" through the 4
            marks.add(new double[] {l.x() - 1, l.y() - valueFont.size() * 0.6,
                    g.textWidth(l.text(), valueFont) + 2, valueFont.size() * 1.2});
        }
    }

    @Override
    public List<double[]> marks() {
        return java.util.Collections.unmodifiableList(marks);
    }

    private void diamond(Painter g, PictureTheme p, Rgb c, double cx, double cy, double r) {
        double[] xs = {cx, cx + r, cx, cx - r};
        double[] ys = {cy - r, cy, cy + r, cy};
        g.setFill(hollow() ? p.color(Ink.BACKGROUND) : c);
        g.fillPolygon(xs, ys, 4);
        g.setStroke(c);
        g.setLineWidth(2);
        g.strokePolygon(xs, ys, 4);
    }

    @Override
    public void paintHeader(TrackContext ctx) {
        Painter g = ctx.painter();
        PictureMetrics m = ctx.metrics();
        PictureTheme p = ctx.theme();
        List<ResultMark> results = visible(ctx);
        double mid = ctx.height() / 2;
        double r = m.capRadius() + 1.5;
        // a row shrunk to its floor (lanes fitted to a projector) has room for one line only: the
        // counts and times go (the hover card has them) rather than overlap the next row
        boolean twoLines = ctx.height() >= (m.fontSize() + m.smallSize()) * 1.25 + 4;
        double y1 = twoLines ? Math.round(mid - m.fontSize() * 0.6) : Math.round(mid);
        diamond(g, p, color(p), 14 + r, y1, r);
        g.setFont(m.bold());
        g.setFill(p.color(Ink.TEXT));
        double x = 14 + 2 * r + 8;
        g.fillText(variant, x, y1, Painter.Align.LEFT);
        if (!results.isEmpty()) {
            double vx = x + g.textWidth(variant, m.bold()) + 6;
            g.setFont(m.small());
            g.setFill(p.color(Ink.MUTED_TEXT));
            String to = "→ " + ctx.trace().thread(results.get(0).thread()).name();
            if (vx + g.textWidth(to, m.small()) < ctx.width() - 8) {
                g.fillText(to, vx, y1, Painter.Align.LEFT);
            }
            if (!twoLines) {
                return;
            }
            long called = extras.callStart(variant);
            String[] at = TimeText.secondsPair(results.get(0).time() - Math.max(0, called),
                    results.get(results.size() - 1).time() - Math.max(0, called));
            String count = results.size() + (results.size() == 1 ? " result" : " results");
            String times = TextFit.fit(g, m.small(), ctx.width() - 22, summaries(count, at[0], at[1], called >= 0));
            g.fillText(times == null ? TextFit.ellipsize(g, count, m.small(), ctx.width() - 22) : times, 14,
                    Math.round(mid + m.smallSize() * 0.8), Painter.Align.LEFT);
        }
    }

    /**
     * The gutter's summary of a row, longest first: "8 results · first 0.912 s · last 1.036 s", then
     * "8 results · 0.912–1.036 s", then the count. A summary cut to "last 1.0…" read as a time of
     * 1.0 s (prime-check at 1280 px).
     */
    static String[] summaries(String count, String first, String last, boolean afterCall) {
        String range = first.equals(last) ? first : first.replace(" s", "") + "–" + last;
        if (afterCall) {
            return new String[] {count + " · " + (first.equals(last) ? first : first + " to " + last) + " after the call",
                    count + " · " + range + " after", count};
        }
        return new String[] {count + " · first " + first + " · last " + last, count + " · " + range, count};
    }

    @Override
    public String describeAt(TrackContext ctx, double x, double y) {
        double near = ctx.metrics().capRadius() * 2 + 4;
        for (List<ResultMark> group : groups(ctx, visible(ctx))) {
            double gx = ctx.scale().x(group.get(0).time());
            if (Math.abs(x - gx) <= near) {
                return describeGroup(ctx.trace(), group);
            }
        }
        return null;
    }

    private String describeGroup(Trace trace, List<ResultMark> group) {
        ResultMark head = group.get(0);
        StringJoiner out = new StringJoiner("\n");
        out.add(variant + ": " + group.size() + (group.size() == 1 ? " result reaches " : " results reach ")
                + trace.thread(head.thread()).name() + " at " + TimeText.seconds(head.time()));
        for (ResultMark r : group) {
            out.add("input " + r.input() + " → " + r.value()
                    + (r.from() >= 0 ? " (computed by " + trace.thread(r.from()).name() + ")" : ""));
        }
        return out.toString();
    }

    @Override
    public String describeHeader(TrackContext ctx) {
        List<ResultMark> all = extras.results(variant);
        if (all.isEmpty()) {
            return variant;
        }
        StringJoiner order = new StringJoiner(", ");
        all.forEach(r -> order.add(r.value()));
        long called = extras.callStart(variant);
        long first = all.get(0).time();
        long last = all.get(all.size() - 1).time();
        if (called < 0) {
            return variant + " — results in arrival order: " + order + "\nfirst " + TimeText.seconds(first)
                    + ", last " + TimeText.seconds(last);
        }
        return variant + " — results in arrival order: " + order + "\ncalled at " + TimeText.seconds(called)
                + "; first result " + TimeText.seconds(first - called) + " later (at " + TimeText.seconds(first)
                + "), last " + TimeText.seconds(last - called) + " later (at " + TimeText.seconds(last) + ")";
    }
}
