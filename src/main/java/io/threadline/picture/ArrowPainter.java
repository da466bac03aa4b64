package io.threadline.picture;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Arrows from the thread that caused a change to the thread it changed (who started whom, whose
 * put or death ended a wait, who killed whom), by the window's rules: instant hand-offs are left
 * out, and a picture with very many arrows gets none rather than a fence of lines.
 */
final class ArrowPainter {
    private static final int DENSE = 2000;
    private static final double MIN_WAIT_PX = 3;
    private static final int BUSY = 40;

    private ArrowPainter() {
    }

    /**
     * @param lanes thread → {y, height} of its lane, in the painter's coordinates (x = 0 at scale start)
     */
    static void draw(Painter g, Frame f, Map<Integer, double[]> lanes) {
        TimeScale scale = f.scale();
        PictureMetrics m = f.metrics();
        double pad = m.barPadding();
        double head = m.capRadius() + 1;
        List<double[]> arrows = new ArrayList<>();   // {time, y0, y1}
        for (Map.Entry<Integer, double[]> target : lanes.entrySet()) {
            int t = target.getKey();
            double[] tr = target.getValue();
            LaneColumns lane = f.trace().lane(t);
            int n = LaneBins.lastAtOrBefore(lane, lane.size(), f.horizon(), 0) + 1;
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
                double[] sr = lanes.get(c);
                if (sr == null) {
                    continue;
                }
                boolean down = tr[0] > sr[0];
                double y0 = sr[0] + sr[1] / 2 + (down ? head : -head);
                double y1 = down ? tr[0] + pad : tr[0] + tr[1] - pad;
                arrows.add(new double[] {lane.time(e), y0, y1});
            }
        }
        if (arrows.size() > BUSY) {
            return;
        }
        Rgb color = f.theme().color(Ink.ARROW);
        double lw = m.line() + 1;
        for (double[] a : arrows) {
            double x = Math.round(scale.x(a[0])) + (lw % 2 == 1 ? 0.5 : 0);
            boolean down = a[2] > a[1];
            g.setStroke(color);
            g.setFill(color);
            g.setLineWidth(lw);
            double tip = down ? a[2] - head * 1.3 : a[2] + head * 1.3;
            g.strokeLine(x, a[1], x, tip);
            double hw = head * 0.95;
            g.fillPolygon(new double[] {x - hw, x + hw, x}, new double[] {tip, tip, a[2]}, 3);
        }
    }
}
