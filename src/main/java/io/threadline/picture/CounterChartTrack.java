package io.threadline.picture;

import io.threadline.trace.CounterTrack;

import java.util.ArrayList;
import java.util.List;

/**
 * A counter (such as a queue's length) as a step chart scaled to its maximum, drawn per pixel
 * column: each column shows the value in force at its end, plus a thin spike where the value
 * moved within the column (an item put and taken at the same instant still shows). A counter
 * whose program names the value it should reach (a race's counter: threads × rounds) has that
 * value as a line of its own, so the updates lost are the gap under it.
 */
public final class CounterChartTrack implements Track {
    private static final int EXACT_LIMIT = 32;
    private static final int SAMPLES = 16;

    private final CounterTrack counter;
    private final TraceExtras extras;

    public CounterChartTrack(CounterTrack counter, TraceExtras extras) {
        this.counter = counter;
        this.extras = extras;
    }

    @Override
    public double height(PictureMetrics m) {
        return m.counterHeight();
    }

    /** The chart's top: the largest value, or the expected one if that is larger. */
    private long max() {
        Long expected = counter.expected();
        return Math.max(1, Math.max(extras.max(counter), expected == null ? 0 : expected));
    }

    private double y(TrackContext ctx, long v) {
        double top = ctx.metrics().barPadding() + 4;
        double bottom = ctx.height() - ctx.metrics().barPadding();
        return Math.round(bottom - (bottom - top) * v / max());
    }

    @Override
    public void paint(TrackContext ctx) {
        int n = counter.size();
        if (n == 0) {
            return;
        }
        Painter g = ctx.painter();
        PictureTheme p = ctx.theme();
        TimeScale s = ctx.scale();
        int w = (int) Math.ceil(ctx.width());
        double bottom = y(ctx, 0);
        double maxY = y(ctx, max());
        // the maximum as a dashed guide, so the chart's scale reads at a glance
        g.setStroke(p.color(Ink.BORDER));
        g.setLineWidth(1);
        g.setLineDashes(4, 4);
        g.strokeLine(0, maxY + 0.5, w, maxY + 0.5);
        g.setLineDashes(0, 0);
        g.setStroke(p.color(Ink.COUNTER));
        g.strokeLine(0, bottom + 0.5, w, bottom + 0.5);
        Long expected = counter.expected();
        if (expected != null && expected > 0) {
            double ey = y(ctx, expected) + 0.5;
            g.setStroke(p.color(Ink.ACCENT));
            g.setLineWidth(1.5);
            g.setLineDashes(6, 3);
            g.strokeLine(0, ey, w, ey);
            g.setLineDashes(0, 0);
            g.setLineWidth(1);
            String label = "expected " + expected;
            TextStyle font = ctx.metrics().smallBold();
            g.setFont(font);
            double lw = g.textWidth(label, font);
            g.setFill(p.color(Ink.BACKGROUND));
            g.fillRect(w - lw - 14, ey - font.size() * 0.6 + font.size() * 0.8, lw + 8, font.size() * 1.2);
            g.setFill(p.color(Ink.ACCENT));
            g.fillText(label, w - 10, ey + font.size() * 0.8, Painter.Align.RIGHT);
        }

        long first = counter.get(0).time();
        double endX = Math.min(w, Math.ceil(s.x(ctx.horizon())));
        int x0 = (int) Math.max(0, Math.floor(s.x(first)));
        long runValue = Long.MIN_VALUE;
        int runStart = x0;
        List<double[]> line = new ArrayList<>();      // the step line's points
        List<double[]> spikes = new ArrayList<>();    // {x, y0, y1}: moved within a column
        double prevY = Double.NaN;
        g.setFill(p.color(Ink.COUNTER_FILL));
        for (int x = x0; x < endX; x++) {
            double ta = s.time(x);
            double tb = Math.min(s.time(x + 1), ctx.horizon() + 1);
            int i0 = lastAtOrBefore(n, (long) Math.floor(ta));
            int i1 = lastAtOrBefore(n, (long) Math.ceil(tb) - 1);
            if (i1 < 0) {
                continue;
            }
            long end = counter.get(i1).value();
            long lo = end;
            long hi = end;
            int from = Math.max(i0, 0);
            if (i1 - from <= EXACT_LIMIT) {
                for (int i = from; i <= i1; i++) {
                    long v = counter.get(i).value();
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            } else {
                for (int k = 0; k < SAMPLES; k++) {
                    long v = counter.get(from + (int) ((long) (i1 - from) * k / SAMPLES)).value();
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (end != runValue) {
                if (runValue != Long.MIN_VALUE) {
                    double ry = y(ctx, runValue);
                    g.fillRect(runStart, ry, x - runStart, bottom - ry);
                }
                runValue = end;
                runStart = x;
            }
            double ey = y(ctx, end) + 0.5;
            if (Double.isNaN(prevY)) {
                line.add(new double[] {x, ey});
            } else if (ey != prevY) {
                line.add(new double[] {x + 0.5, prevY});
                line.add(new double[] {x + 0.5, ey});
            }
            prevY = ey;
            if (hi != lo) {
                spikes.add(new double[] {x + 0.5, y(ctx, hi) + 0.5, y(ctx, lo) + 0.5});
            }
        }
        if (runValue != Long.MIN_VALUE) {
            double ry = y(ctx, runValue);
            g.fillRect(runStart, ry, endX - runStart, bottom - ry);
        }
        if (line.isEmpty()) {
            return;
        }
        line.add(new double[] {endX, prevY});
        double[] xs = new double[line.size()];
        double[] ys = new double[line.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = line.get(i)[0];
            ys[i] = line.get(i)[1];
        }
        g.setStroke(p.color(Ink.COUNTER));
        g.setLineWidth(Math.max(1.5, ctx.metrics().line()));
        g.strokePolyline(xs, ys, xs.length);
        for (double[] sp : spikes) {
            g.strokeLine(sp[0], sp[1], sp[0], sp[2]);
        }
    }

    private int lastAtOrBefore(int n, long t) {
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (counter.get(mid).time() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    @Override
    public void paintHeader(TrackContext ctx) {
        Painter g = ctx.painter();
        PictureMetrics m = ctx.metrics();
        double mid = ctx.height() / 2;
        g.setFont(m.bold());
        g.setFill(ctx.theme().color(Ink.TEXT));
        g.fillText(TextFit.ellipsize(g, counter.name(), m.bold(), ctx.width() - 24), 14,
                Math.round(mid - m.fontSize() * 0.6), Painter.Align.LEFT);
        g.setFont(m.small());
        g.setFill(ctx.theme().color(Ink.MUTED_TEXT));
        g.fillText(TextFit.ellipsize(g, subtitle(), m.small(), ctx.width() - 24), 14,
                Math.round(mid + m.smallSize() * 0.8), Painter.Align.LEFT);
    }

    /** "max 3"; for a counter with an expected value, "max 6 · expected 12". */
    private String subtitle() {
        Long expected = counter.expected();
        return "max " + extras.max(counter) + (expected == null ? "" : " · expected " + expected);
    }

    @Override
    public String describeAt(TrackContext ctx, double x, double y) {
        int n = counter.size();
        double t = ctx.scale().time(Math.floor(x) + 1);
        if (n == 0 || t < counter.get(0).time() || ctx.scale().time(Math.floor(x)) > ctx.horizon()) {
            return null;
        }
        long at = (long) Math.ceil(t) - 1;
        int i = lastAtOrBefore(n, Math.min(at, ctx.horizon()));
        if (i < 0) {
            return null;
        }
        Long expected = counter.expected();
        return counter.name() + ": " + counter.get(i).value() + " at " + TimeText.seconds(counter.get(i).time())
                + "\nmax " + extras.max(counter) + (expected == null ? "" : ", expected " + expected);
    }

    @Override
    public String describeHeader(TrackContext ctx) {
        Long expected = counter.expected();
        return counter.name() + " — a counter over time, highest value " + extras.max(counter)
                + (expected == null ? "" : "; the program expects " + expected + " (the line)");
    }
}
