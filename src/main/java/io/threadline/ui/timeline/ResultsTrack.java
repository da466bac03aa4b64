package io.threadline.ui.timeline;

import io.threadline.picture.TimeText;
import io.threadline.trace.ResultMark;
import io.threadline.trace.Trace;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The results one pool call (map, imap_unordered …) delivered to the thread that asked: a
 * diamond where results arrive, labelled with their values in arrival order, and a bracket from
 * the first to the last. Ordered calls are filled diamonds, unordered ones hollow.
 */
final class ResultsTrack implements Track {
    private final String variant;
    private final TraceExtras extras;

    ResultsTrack(String variant, TraceExtras extras) {
        this.variant = variant;
        this.extras = extras;
    }

    String variant() {
        return variant;
    }

    @Override
    public double height(TimelineMetrics m) {
        return m.resultsHeight();
    }

    private boolean hollow() {
        return variant.contains("unordered");
    }

    private Color color(TimelinePalette p) {
        return p.color(hollow() ? PaletteKey.RESULT_UNORDERED : PaletteKey.RESULT_MAP);
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

    /** Results close enough on screen to share one diamond. */
    private List<List<ResultMark>> groups(TrackContext ctx, List<ResultMark> results) {
        double near = ctx.metrics().capRadius() * 2;
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
    public void render(TrackContext ctx) {
        List<ResultMark> results = visible(ctx);
        if (results.isEmpty()) {
            return;
        }
        GraphicsContext gc = ctx.gc();
        TimelinePalette p = ctx.palette();
        TimelineMetrics m = ctx.metrics();
        double h = ctx.height();
        double r = m.capRadius() + 1.5;
        double cy = Math.round(h * 0.26);
        double bracketY = Math.round(h * 0.68) + 0.5;
        double labelY = Math.round(h * 0.86);
        Color c = color(p);

        double x0 = Math.round(ctx.scale().x(results.get(0).time()));
        double x1 = Math.round(ctx.scale().x(results.get(results.size() - 1).time()));
        gc.setStroke(p.color(PaletteKey.MUTED_TEXT));
        gc.setLineWidth(1);
        gc.strokeLine(x0 + 0.5, bracketY - 4, x0 + 0.5, bracketY);
        gc.strokeLine(x0 + 0.5, bracketY, x1 + 0.5, bracketY);
        gc.strokeLine(x1 + 0.5, bracketY - 4, x1 + 0.5, bracketY);
        Font small = m.small();
        gc.setFont(small);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(p.color(PaletteKey.MUTED_TEXT));
        String first = "first " + TimeText.seconds(results.get(0).time());
        String last = "last " + TimeText.seconds(results.get(results.size() - 1).time());
        double fw = ctx.text().width(first, small);
        double lw = ctx.text().width(last, small);
        if (x1 - x0 >= fw + lw + 16) {
            gc.setTextAlign(TextAlignment.LEFT);
            gc.fillText(first, x0, labelY);
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText(last, x1 + 1, labelY);
        } else {
            gc.setTextAlign(TextAlignment.LEFT);
            gc.fillText(x1 == x0 ? "first = last " + TimeText.seconds(results.get(0).time())
                    : first + " · " + last, x0, labelY);
        }

        List<List<ResultMark>> groups = groups(ctx, results);
        Font valueFont = m.smallBold();
        gc.setFont(valueFont);
        gc.setTextAlign(TextAlignment.LEFT);
        double lowY = Math.round(cy + r + valueFont.getSize() * 0.75);
        double lowEnd = Double.NEGATIVE_INFINITY;   // right end of the last label on the lower line
        for (int g = 0; g < groups.size(); g++) {
            List<ResultMark> group = groups.get(g);
            double x = Math.round(ctx.scale().x(group.get(0).time()));
            double next = g + 1 < groups.size()
                    ? Math.round(ctx.scale().x(groups.get(g + 1).get(0).time())) - r - 6 : ctx.width() - 4;
            if (x < -400 || x > ctx.width() + r) {
                continue;
            }
            diamond(gc, p, c, x + 0.5, cy, r);
            gc.setFill(p.color(PaletteKey.TEXT));
            StringJoiner values = new StringJoiner(", ");
            group.forEach(mark -> values.add(mark.value()));
            String all = values.toString();
            double w = ctx.text().width(all, valueFont);
            if (w <= next - (x + r + 5)) {
                gc.fillText(all, x + r + 5, cy);
            } else if (x - r >= lowEnd + 6) {
                // crowded: the values go under their own diamond, on a second line
                String text = ctx.text().ellipsize(all, valueFont, ctx.width() - 4 - (x - r));
                gc.fillText(text, x - r, lowY);
                lowEnd = x - r + ctx.text().width(text, valueFont);
            } else {
                gc.fillText(ctx.text().ellipsize(all, valueFont, next - (x + r + 5)), x + r + 5, cy);
            }
        }
    }

    private void diamond(GraphicsContext gc, TimelinePalette p, Color c, double cx, double cy, double r) {
        double[] xs = {cx, cx + r, cx, cx - r};
        double[] ys = {cy - r, cy, cy + r, cy};
        gc.setFill(hollow() ? p.color(PaletteKey.BACKGROUND) : c);
        gc.fillPolygon(xs, ys, 4);
        gc.setStroke(c);
        gc.setLineWidth(2);
        gc.strokePolygon(xs, ys, 4);
    }

    @Override
    public void renderHeader(TrackContext ctx) {
        GraphicsContext gc = ctx.gc();
        TimelineMetrics m = ctx.metrics();
        TimelinePalette p = ctx.palette();
        List<ResultMark> results = visible(ctx);
        double mid = ctx.height() / 2;
        double r = m.capRadius() + 1.5;
        double y1 = Math.round(mid - m.bold().getSize() * 0.6);
        diamond(gc, p, color(p), 14 + r, y1, r);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(m.bold());
        gc.setFill(p.color(PaletteKey.TEXT));
        double x = 14 + 2 * r + 8;
        gc.fillText(variant, x, y1);
        if (!results.isEmpty()) {
            double vx = x + ctx.text().width(variant, m.bold()) + 6;
            gc.setFont(m.small());
            gc.setFill(p.color(PaletteKey.MUTED_TEXT));
            String to = "→ " + ctx.trace().thread(results.get(0).thread()).name();
            if (vx + ctx.text().width(to, m.small()) < ctx.width() - 8) {
                gc.fillText(to, vx, y1);
            }
            String times = results.size() + (results.size() == 1 ? " result" : " results") + " · first "
                    + TimeText.seconds(results.get(0).time()) + " · last "
                    + TimeText.seconds(results.get(results.size() - 1).time());
            gc.fillText(ctx.text().ellipsize(times, m.small(), ctx.width() - 22), 14,
                    Math.round(mid + m.small().getSize() * 0.8));
        }
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
        return variant + " — results in arrival order: " + order + "\nfirst " + TimeText.seconds(all.get(0).time())
                + ", last " + TimeText.seconds(all.get(all.size() - 1).time());
    }
}
