package io.threadline.ui.timeline;

import io.threadline.picture.TimeText;
import io.threadline.trace.CounterTrack;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * A counter (such as a queue's length) as a step chart scaled to its maximum, drawn per pixel
 * column: each column shows the value in force at its end, plus a thin spike where the value
 * moved within the column (an item put and taken at the same instant still shows).
 */
final class CounterChartTrack implements Track {
    private static final int EXACT_LIMIT = 32;
    private static final int SAMPLES = 16;

    private final CounterTrack counter;
    private final TraceExtras extras;

    CounterChartTrack(CounterTrack counter, TraceExtras extras) {
        this.counter = counter;
        this.extras = extras;
    }

    @Override
    public double height(TimelineMetrics m) {
        return m.counterHeight();
    }

    private long max() {
        return Math.max(1, extras.max(counter));
    }

    private double y(TrackContext ctx, long v) {
        double top = ctx.metrics().barPadding() + 4;
        double bottom = ctx.height() - ctx.metrics().barPadding();
        return Math.round(bottom - (bottom - top) * v / max());
    }

    @Override
    public void render(TrackContext ctx) {
        GraphicsContext gc = ctx.gc();
        TimelinePalette p = ctx.palette();
        int n = counter.size();
        if (n == 0) {
            return;
        }
        int w = (int) Math.ceil(ctx.width());
        double bottom = y(ctx, 0);
        double maxY = y(ctx, max());
        // the maximum as a dashed guide, so the chart's scale reads at a glance
        gc.setStroke(p.color(PaletteKey.BORDER));
        gc.setLineWidth(1);
        gc.setLineDashes(4, 4);
        gc.strokeLine(0, maxY + 0.5, w, maxY + 0.5);
        gc.setLineDashes((double[]) null);
        gc.setStroke(p.color(PaletteKey.COUNTER));
        gc.strokeLine(0, bottom + 0.5, w, bottom + 0.5);

        long first = counter.get(0).time();
        double endX = Math.min(w, Math.ceil(ctx.scale().x(ctx.horizon())));
        int x0 = (int) Math.max(0, Math.floor(ctx.scale().x(first)));
        long runValue = Long.MIN_VALUE;
        int runStart = x0;
        gc.setFill(p.color(PaletteKey.COUNTER_FILL));
        double prevY = Double.NaN;
        gc.beginPath();
        for (int x = x0; x < endX; x++) {
            double ta = ctx.scale().time(x);
            double tb = Math.min(ctx.scale().time(x + 1), ctx.horizon() + 1);
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
                for (int s = 0; s < SAMPLES; s++) {
                    long v = counter.get(from + (int) ((long) (i1 - from) * s / SAMPLES)).value();
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (end != runValue) {
                if (runValue != Long.MIN_VALUE) {
                    gc.fillRect(runStart, y(ctx, runValue), x - runStart, bottom - y(ctx, runValue));
                }
                runValue = end;
                runStart = x;
            }
            double ey = y(ctx, end) + 0.5;
            if (Double.isNaN(prevY)) {
                gc.moveTo(x, ey);
            } else if (ey != prevY) {
                gc.lineTo(x + 0.5, prevY);
                gc.lineTo(x + 0.5, ey);
            }
            gc.lineTo(x + 1, ey);
            prevY = ey;
            if (hi != lo) {
                // moved within this pixel: show the range it passed through
                gc.moveTo(x + 0.5, y(ctx, hi) + 0.5);
                gc.lineTo(x + 0.5, y(ctx, lo) + 0.5);
                gc.moveTo(x + 1, ey);
            }
        }
        if (runValue != Long.MIN_VALUE) {
            gc.fillRect(runStart, y(ctx, runValue), endX - runStart, bottom - y(ctx, runValue));
        }
        gc.setStroke(p.color(PaletteKey.COUNTER));
        gc.setLineWidth(Math.max(1.5, ctx.metrics().line()));
        gc.stroke();
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
    public void renderHeader(TrackContext ctx) {
        GraphicsContext gc = ctx.gc();
        TimelineMetrics m = ctx.metrics();
        double mid = ctx.height() / 2;
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(m.bold());
        gc.setFill(ctx.palette().color(PaletteKey.TEXT));
        gc.fillText(ctx.text().ellipsize(counter.name(), m.bold(), ctx.width() - 24), 14,
                Math.round(mid - m.bold().getSize() * 0.6));
        gc.setFont(m.small());
        gc.setFill(ctx.palette().color(PaletteKey.MUTED_TEXT));
        gc.fillText("max " + extras.max(counter), 14, Math.round(mid + m.small().getSize() * 0.8));
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
        return counter.name() + ": " + counter.get(i).value() + " at " + TimeText.seconds(counter.get(i).time())
                + "\nmax " + extras.max(counter);
    }

    @Override
    public String describeHeader(TrackContext ctx) {
        return counter.name() + " — a counter over time, highest value " + extras.max(counter);
    }
}
