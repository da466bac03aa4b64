package io.threadline.ui.timeline;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import javafx.scene.canvas.GraphicsContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Arrows from the thread that caused a change to the thread it changed: who started whom, whose
 * death or put ended a wait, who was killed because of whom. Instant hand-offs (a wait shorter
 * than a few pixels) are left out, so arrows mark the waits a student should ask about; when
 * there are many, only the selected thread's are drawn.
 */
final class CauseArrows {
    /** Lanes with more events than this in view are too dense for arrows to mean anything. */
    private static final int DENSE = 2000;
    private static final double MIN_WAIT_PX = 3;
    /** More arrows than this on screen, and only those of the selected thread are drawn. */
    private static final int BUSY = 24;

    private CauseArrows() {
    }

    /**
     * Draws in body coordinates: x from the scale, y as given by {@code top} (content y already
     * mapped to the canvas).
     */
    static void draw(GraphicsContext gc, TrackContext ctx, TimelineRows rows, double top) {
        Trace trace = ctx.trace();
        TimeScale scale = ctx.scale();
        Map<Integer, TimelineRows.Row> lanes = new HashMap<>();
        for (TimelineRows.Row r : rows.rows()) {
            if (r.track().thread() >= 0) {
                lanes.put(r.track().thread(), r);
            }
        }
        double pad = ctx.metrics().barPadding();
        double head = ctx.metrics().capRadius() + 1;
        List<double[]> arrows = new ArrayList<>();   // {x time, y0, y1, mine}
        for (TimelineRows.Row target : lanes.values()) {
            int t = target.track().thread();
            LaneColumns lane = trace.lane(t);
            int size = lane.size();
            int n = LaneBins.lastAtOrBefore(lane, size, ctx.horizon(), 0) + 1;
            int from = LaneBins.lastAtOrBefore(lane, n, (long) Math.floor(scale.start()) - 1, 0) + 1;
            int to = LaneBins.lastAtOrBefore(lane, n, (long) Math.ceil(scale.end()), 0);
            if (to - from > DENSE) {
                continue;
            }
            for (int e = from; e <= to; e++) {
                int c = lane.cause(e);
                Reason r = lane.reason(e);
                if (c < 0 || c == t || !(r == Reason.STARTED || r == Reason.WOKEN || r == Reason.KILLED)) {
                    continue;
                }
                if (r == Reason.WOKEN && e > 0 && lane.state(e - 1) == ThreadState.WAITING
                        && scale.pixels(lane.time(e) - lane.time(e - 1)) < MIN_WAIT_PX) {
                    continue;
                }
                TimelineRows.Row source = lanes.get(c);
                if (source == null) {
                    continue;
                }
                boolean down = target.y() > source.y();
                // from the middle of the causing lane (where its end cap sits, if it died)...
                double y0 = top + source.y() + source.height() / 2 + (down ? head : -head);
                // ...to the near edge of the caused lane's bar
                double y1 = top + (down ? target.y() + pad : target.bottom() - pad);
                boolean mine = ctx.selected() == t || ctx.selected() == c;
                arrows.add(new double[] {lane.time(e), y0, y1, mine ? 1 : 0});
                if (arrows.size() > BUSY && ctx.selected() < 0) {
                    // too many to draw, and no thread selected whose arrows would be: nothing is drawn
                    return;
                }
            }
        }
        // many arrows make a fence of vertical lines: then only the selected thread's are drawn
        boolean all = arrows.size() <= BUSY;
        for (double[] a : arrows) {
            boolean mine = a[3] == 1;
            if (!all && !mine) {
                continue;
            }
            double lw = ctx.metrics().line() + (mine ? 2 : 1);
            double x = Math.round(scale.x(a[0])) + (lw % 2 == 1 ? 0.5 : 0);
            boolean down = a[2] > a[1];
            gc.setStroke(ctx.palette().color(mine ? PaletteKey.ACCENT : PaletteKey.ARROW));
            gc.setFill(ctx.palette().color(mine ? PaletteKey.ACCENT : PaletteKey.ARROW));
            gc.setLineWidth(lw);
            double tip = down ? a[2] - head * 1.3 : a[2] + head * 1.3;
            gc.strokeLine(x, a[1], x, tip);
            double hw = head * 0.95;
            gc.fillPolygon(new double[] {x - hw, x + hw, x}, new double[] {tip, tip, a[2]}, 3);
        }
    }
}
