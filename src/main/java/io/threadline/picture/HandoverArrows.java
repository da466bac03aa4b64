package io.threadline.picture;

import io.threadline.trace.ResourceSpans;

/**
 * Hand-overs between a resource's lane and the thread lanes, in the cause arrows' style: from the
 * moment a release (or a GIL's forced switch) wakes a waiter, on the resource's lane, to the
 * moment that thread takes the resource, on its own lane. Only lanes on screen are looked at, and
 * within them only hand-overs in view. A lane with more hand-overs in view than fit at
 * {@link #MIN_GAP_PX} apart shows none (zooming in brings them): a GIL switching every 5 ms drew
 * a forest of arrows, one in every few, across every lane between its lane and its threads'
 * (threads-vs-processes, gil-cpu-vs-io, prime-check; a review of the projector's pictures), and
 * which ones were drawn said nothing.
 */
final class HandoverArrows {
    /** Past this many on screen, the view is too busy for more: the cause arrows' own limit. */
    private static final int MAX_ARROWS = 120;
    /** Closer than this to the last one drawn, a hand-over is left out: a lane's arrows stay readable. */
    private static final double MIN_GAP_PX = 24;

    private HandoverArrows() {
    }

    /** Draws them; returns how many. */
    static int paint(TrackContext ctx, TimelineRows rows, double top, double from, double to) {
        ResourceLanes lanes = rows.resourceLanes();
        if (lanes == null) {
            return 0;
        }
        Painter g = ctx.painter();
        PictureMetrics m = ctx.metrics();
        TimeScale sc = ctx.scale();
        double head = m.capRadius() + 1;
        double lw = Math.round(m.line() + 1);
        long t0 = (long) Math.floor(sc.startTime());
        long t1 = Math.min(ctx.horizon(), (long) Math.ceil(sc.endTime()));
        g.setFill(ctx.theme().color(Ink.ARROW));
        g.setStroke(ctx.theme().color(Ink.ARROW));
        g.setLineWidth(lw);
        int total = 0;
        for (TimelineRows.Row row : rows.rows()) {
            if (total >= MAX_ARROWS) {
                break;
            }
            if (!(row.track() instanceof ResourceTrack lane)) {
                continue;
            }
            double ry = top + row.y();
            if (ry + row.height() < from || ry > to) {
                continue;
            }
            ResourceSpans s = lanes.spans(lane.resource());
            int first = firstFrom(s, t0);
            int end = t1 == Long.MAX_VALUE ? s.handoverCount() : firstFrom(s, t1 + 1);
            if (end - first > sc.width() / MIN_GAP_PX) {
                continue;
            }
            double lastX = Double.NEGATIVE_INFINITY;
            for (int i = first; i < end; i++) {
                ResourceSpans.Handover h = s.handover(i);
                if (h.wokenAt() > t1) {
                    break;
                }
                if (h.acquiredAt() > ctx.horizon()) {
                    continue;
                }
                TimelineRows.Row target = rows.rowOf(h.thread());
                if (target == null) {
                    continue;
                }
                // from the waiter's wake-up to its take, each in the waiter's own step on the steps axis
                double x0 = Math.round(sc.waitEndX(h.thread(), h.wokenAt())) + 0.5;
                if (x0 - lastX < MIN_GAP_PX) {
                    continue;
                }
                lastX = x0;
                double x1 = Math.round(sc.actionX(h.thread(), h.acquiredAt())) + 0.5;
                double y0 = ry + row.height() * 0.3;
                double y1 = top + target.y() + (target.y() < row.y() ? target.height() - 3 : 3);
                if (Math.abs(x1 - x0) < 1) {
                    // straight down or up, as the cause arrows: the marks it meets stay whole
                    StraightArrow.draw(g, rows, top, x1, y0, y1, head, lw);
                } else {
                    boolean up = y1 < y0;
                    double tip = up ? y1 + head * 1.3 : y1 - head * 1.3;
                    g.strokeLine(x0, y0, x1, tip);
                    double hw = head * 0.95;
                    g.fillPolygon(new double[] {x1 - hw, x1 + hw, x1}, new double[] {tip, tip, y1}, 3);
                    double dot = Math.max(2, lw);
                    g.fillOval(x0 - dot, y0 - dot, 2 * dot, 2 * dot);
                }
                total++;
            }
        }
        return total;
    }

    /** The first hand-over woken at or after {@code t} (they come in wake-up order). */
    private static int firstFrom(ResourceSpans s, long t) {
        int lo = 0;
        int hi = s.handoverCount();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.handover(mid).wokenAt() < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
