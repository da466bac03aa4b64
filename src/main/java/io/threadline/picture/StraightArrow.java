package io.threadline.picture;

import java.util.ArrayList;
import java.util.List;

/**
 * A straight up-or-down arrow across the lanes (a cause's, a hand-over's) that leaves the lanes'
 * marks whole: its head stops at the mark of the lane it points to, its shaft breaks over the
 * marks and the span labels it passes, and it has no start dot where it leaves a mark (that mark
 * says where) or a word. At one
 * instant a run often starts, wakes or kills several threads at once; their arrows covered the
 * new rings and death marks they are about (pool-the-rest's killed workers under terminate()'s
 * arrows, the rings of a pool's workers under the GIL's hand-overs).
 */
final class StraightArrow {
    private StraightArrow() {
    }

    /**
     * Draws the arrow at x from {@code from} to {@code to} (painter coordinates; the rows' top at
     * {@code top}), in the painter's fill. {@code head}: the head's full length over 1.3.
     */
    static boolean draw(Painter g, TimelineRows rows, double top, double x, double from, double to, double head,
                        double lw) {
        return draw(g, rows, top, x, from, to, head, lw, new ArrayList<>());
    }

    /**
     * As above, keeping its head off the heads already drawn in {@code heads} ({x, top, bottom}
     * each, in painter coordinates), to which it adds its own: two arrows of one instant between
     * two squeezed lanes, one each way, met tip to tip as a diamond (asyncio's woke and cancel).
     * Returns whether any of it was drawn: between two adjacent squeezed lanes that both have a
     * mark there, marks may leave no room for a shaft or a head.
     */
    static boolean draw(Painter g, TimelineRows rows, double top, double x, double from, double to, double head,
                        double lw, List<double[]> heads) {
        boolean down = to > from;
        double hw = head * 0.95;
        // the rows it spans (rows' coordinates), with a head's room beyond each end
        double spanFrom = Math.min(from, to) - top - 2 * head;
        double spanTo = Math.max(from, to) - top + 2 * head;
        // the shaft passes under the lanes' words too
        List<double[]> crossed = MarkGaps.withLabels(rows, x, lw / 2 + 0.5, spanFrom, spanTo);
        List<double[]> besideHead = MarkGaps.withLabels(rows, x, hw + 0.5, spanFrom, spanTo);
        double end = to;
        for (double[] mk : besideHead) {
            if (end > top + mk[0] && end < top + mk[1]) {
                end = down ? top + mk[0] : top + mk[1];
            }
        }
        // between squeezed neighbours the head is made to fit, never over where the arrow starts
        // nor over a mark it passed; with no room it has none (the shaft still ends there)
        double limit = from;
        for (double[] mk : besideHead) {
            double near = top + (down ? mk[1] : mk[0]);
            if (down ? near <= end && near > limit : near >= end && near < limit) {
                limit = near;
            }
        }
        for (double[] other : heads) {
            if (Math.abs(other[0] - x) < 2 * hw) {
                // the nearer end of another head between this one's tip and where it starts
                double near = down ? other[2] : other[1];
                if (down ? near <= end && near > limit : near >= end && near < limit) {
                    limit = near;
                }
            }
        }
        double h = Math.min(head, (Math.abs(end - limit) - 1) / 1.3);
        double tip = down ? end - Math.max(0, h) * 1.3 : end + Math.max(0, h) * 1.3;
        // the shaft is a filled box on whole pixels, the same pixels as a stroked line there: the
        // software pipeline fills boxes directly but sends every stroke, however straight, through
        // its rasterizer, scanline by scanline
        double y0 = Math.round(Math.min(from, tip));
        double y1 = Math.round(Math.max(from, tip));
        boolean drawn = false;
        for (double[] piece : MarkGaps.pieces(crossed, top, y0, y1)) {
            double p0 = Math.round(piece[0]);
            double p1 = Math.round(piece[1]);
            if (p1 > p0) {
                g.fillRect(x - lw / 2, p0, lw, p1 - p0);
                // a stub shorter than the line is wide reads as a dot, not as an arrow
                drawn |= p1 - p0 >= Math.max(2, lw);
            }
        }
        // a head much smaller than the others reads as debris (two of them tip to tip, as a diamond)
        if (h >= Math.max(2, head * 0.6)) {
            double w = h * 0.95;
            g.fillPolygon(new double[] {x - w, x + w, x}, new double[] {tip, tip, end}, 3);
            heads.add(new double[] {x, Math.min(tip, end), Math.max(tip, end)});
            drawn = true;
        }
        double dot = Math.max(2, lw);
        for (double[] mk : MarkGaps.withLabels(rows, x, dot + 1, spanFrom, spanTo)) {
            if (from + dot > top + mk[0] && from - dot < top + mk[1]) {
                return drawn;
            }
        }
        g.fillOval(x - dot, from - dot, 2 * dot, 2 * dot);
        return drawn;
    }
}
