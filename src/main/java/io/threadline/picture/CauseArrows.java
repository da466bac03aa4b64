package io.threadline.picture;

import io.threadline.trace.CauseLink;
import io.threadline.trace.CauseLinks;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Arrows from the thread that caused a change to the thread it changed, labelled by kind: who
 * started whom, whose death ended a join, which put released a get (and which get a put), which
 * worker delivered a result, who was killed because the last non-daemon thread ended.
 *
 * <p>What is left out, so arrows mark what a student should ask about and never clutter: the
 * "created" and start-handshake links (they sit on top of "start"), instant hand-offs (a wait
 * shorter than a few pixels), arrows closer than a few pixels to the previous one into the same
 * lane (zoomed out, they thin out), lanes too dense to read, and labels that would overlap.
 * The cost follows what is on screen: each lane is searched from the window's first event.
 */
public final class CauseArrows {
    /** Lanes with more events than this in view are too dense for arrows to mean anything. */
    private static final int DENSE = 2000;
    /** A wake-up after a wait thinner than this is an instant hand-off, not worth an arrow. */
    private static final double MIN_WAIT_PX = 3;
    /** Arrows into one lane closer than this are thinned to the first (the focused thread's never are). */
    private static final double MIN_GAP_PX = 7;
    /**
     * At most this many arrows into one lane, and in all, on screen: beyond a hundred or so they
     * are a fence, not a story (each also costs the software pipeline three shapes a frame).
     */
    private static final int MAX_PER_LANE = 60;
    private static final int MAX_ARROWS = 120;

    /** An arrow placed on the canvas, in canvas coordinates (x relative to the body), between two rows. */
    private record Placed(CauseLink link, double x, double y0, double y1, boolean focus, TimelineRows.Row source,
                          TimelineRows.Row target) {
    }

    /**
     * An arrow's label as drawn: its box in the painter's coordinates (the lanes' gutter
     * included), and the arrow it names.
     */
    public record Label(CauseLink link, double x, double y, double width, double height) {
    }

    private CauseArrows() {
    }

    /**
     * Paints in body coordinates (the painter's origin at x = 0 of the scale), rows at content y
     * + {@code top}, for the band of y from {@code from} to {@code to} on screen: arrows wholly
     * outside it are left out, so they take no share of the limits. Returns the arrows drawn.
     *
     * @param focus     the thread whose arrows stand out (hovered, else selected), or -1
     * @param focusOnly draw only the focused thread's arrows (none without a focus)
     */
    public static List<CauseLink> paint(TrackContext ctx, TimelineRows rows, double top, double from, double to,
                                        boolean focusOnly, int focus) {
        return paint(ctx, rows, top, from, to, focusOnly, focus, null, 0);
    }

    /**
     * As above; each label drawn is added to {@code labels} (if not null), shifted right by
     * {@code dx} (the gutter: into the coordinates of the surface under the body's).
     */
    public static List<CauseLink> paint(TrackContext ctx, TimelineRows rows, double top, double from, double to,
                                        boolean focusOnly, int focus, List<Label> labels, double dx) {
        Trace trace = ctx.trace();
        if (trace == null || (focusOnly && focus < 0)) {
            return List.of();
        }
        List<Placed> placed = find(ctx, rows, top, from, to, focusOnly, focus);
        if (placed.isEmpty()) {
            return List.of();
        }
        Painter g = ctx.painter();
        PictureTheme p = ctx.theme();
        PictureMetrics m = ctx.metrics();
        double head = m.capRadius() + 1;
        boolean fade = !focusOnly && focus >= 0;
        // others first, the focused thread's on top; a faded head does not take the focused one's room
        List<Placed> shown = new ArrayList<>(placed.size());
        for (int pass = 0; pass < 2; pass++) {
            List<double[]> heads = new ArrayList<>();
            for (Placed a : placed) {
                if (a.focus() != (pass == 1)) {
                    continue;
                }
                g.setAlpha(fade && !a.focus() ? 0.28 : 1);
                Rgb c = p.color(a.focus() ? Ink.ACCENT : Ink.ARROW);
                double lw = Math.round(m.line() + (a.focus() ? 2 : 1));
                double x = Math.round(a.x()) + (lw % 2 == 1 ? 0.5 : 0);
                g.setFill(c);
                if (StraightArrow.draw(g, rows, top, x, a.y0(), a.y1(), head, lw, heads)) {
                    shown.add(a);
                    rows.arrowShafts().add(new double[] {x, Math.min(a.y0(), a.y1()) - top, Math.max(a.y0(), a.y1()) - top,
                            lw});
                }
            }
        }
        g.setAlpha(1);
        // an arrow the lanes' marks left no room for has no label either: a pill pointing at nothing
        drawLabels(g, ctx, rows, top, shown, fade, labels, dx);
        List<CauseLink> out = new ArrayList<>(shown.size());
        for (Placed a : shown) {
            out.add(a.link());
        }
        return out;
    }

    private static List<Placed> find(TrackContext ctx, TimelineRows rows, double top, double shownFrom,
                                     double shownTo, boolean focusOnly, int focus) {
        Trace trace = ctx.trace();
        TimeScale scale = ctx.scale();
        Map<Integer, TimelineRows.Row> lanes = new HashMap<>();
        List<TimelineRows.Row> order = new ArrayList<>();
        for (TimelineRows.Row r : rows.rows()) {
            if (r.track().thread() >= 0) {
                lanes.put(r.track().thread(), r);
                order.add(r);
            }
        }
        double pad = ctx.metrics().barPadding();
        double head = ctx.metrics().capRadius() + 1;
        List<Placed> out = new ArrayList<>();
        for (TimelineRows.Row target : order) {
            int t = target.track().thread();
            LaneColumns lane = trace.lane(t);
            int n = LaneBins.lastAtOrBefore(lane, lane.size(), ctx.horizon(), 0) + 1;
            int from = LaneBins.lastAtOrBefore(lane, n, (long) Math.floor(scale.startTime()) - 1, 0) + 1;
            int to = LaneBins.lastAtOrBefore(lane, n, (long) Math.ceil(scale.endTime()), 0);
            if (to - from > DENSE) {
                continue;
            }
            double lastX = Double.NEGATIVE_INFINITY;
            int kept = 0;
            for (int e = from; e <= to; e++) {
                int c = lane.cause(e);
                if (c < 0 || c == t || !drawn(trace, t, e, scale)) {
                    continue;
                }
                boolean mine = focus >= 0 && (t == focus || c == focus);
                if (focusOnly && !mine) {
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
                if (Math.max(y0, y1) < shownFrom || Math.min(y0, y1) > shownTo) {
                    continue;   // scrolled out of sight, both ends
                }
                double x = scale.eventX(trace, t, e);
                if (!mine && (x - lastX < MIN_GAP_PX || kept >= MAX_PER_LANE)) {
                    continue;
                }
                lastX = x;
                kept++;
                out.add(new Placed(CauseLinks.link(trace, t, e), x, y0, y1, mine, source, target));
                if (out.size() >= MAX_ARROWS) {
                    return out;
                }
            }
        }
        return out;
    }

    /** Whether event e deserves an arrow: a start, a wake-up after a visible wait, or a kill. */
    private static boolean drawn(Trace trace, int t, int e, TimeScale scale) {
        LaneColumns lane = trace.lane(t);
        Reason r = lane.reason(e);
        if (r == Reason.STARTED || r == Reason.KILLED) {
            return true;
        }
        if (r != Reason.WOKEN) {
            return false;
        }
        // a wake-up ends the wait before it (possibly behind a runnable instant)
        for (int k = e - 1; k >= 0; k--) {
            ThreadState s = lane.state(k);
            if (s == ThreadState.WAITING) {
                return scale.eventX(trace, t, e) - scale.eventX(trace, t, k) >= MIN_WAIT_PX;
            }
            if (s != ThreadState.RUNNABLE) {
                return false;
            }
        }
        return false;
    }

    /**
     * Labels beside the shafts, the focused thread's first, in free space: within the two lanes
     * the arrow joins (never in a lane between them), off every span's label and every other
     * arrow's. The first of a few places that is free wins: beside the shaft's middle, then in
     * the caused lane, then in the causing one, right of the shaft before left. A label with no
     * free place is left out; the hover card still says what the arrow is.
     */
    private static void drawLabels(Painter g, TrackContext ctx, TimelineRows rows, double top, List<Placed> placed,
                                   boolean fade, List<Label> out, double dx) {
        PictureMetrics m = ctx.metrics();
        PictureTheme p = ctx.theme();
        TextStyle font = m.smallBold();
        double h = Math.round(font.size() + 6);
        // other arrows' labels; span labels are looked up in the two rows a label may sit in
        List<double[]> taken = new ArrayList<>();
        // one label says it for a fan of like arrows (main starting every worker at 0 s)
        Set<String> said = new HashSet<>();
        g.setFont(font);
        for (int pass = 1; pass >= 0; pass--) {
            for (Placed a : placed) {
                if (a.focus() != (pass == 1)) {
                    continue;
                }
                String text = a.link().kind().label();
                String fan = text + "/" + a.link().from() + "/" + Math.round(a.x() / MIN_GAP_PX);
                if (said.contains(fan)) {
                    continue;
                }
                double w = Math.ceil(g.textWidth(text, font)) + 10;
                double[] at = place(ctx, a, top, w, h, taken, spanLabels(a.source(), top),
                        spanLabels(a.target(), top));
                if (at == null) {
                    continue;
                }
                said.add(fan);
                double x = at[0];
                double y = at[1];
                taken.add(new double[] {x - 2, y - 1, w + 4, h + 2});
                if (out != null) {
                    out.add(new Label(a.link(), x + dx, y, w, h));
                }
                g.setAlpha(fade && !a.focus() ? 0.4 : 1);
                Rgb ink = p.color(a.focus() ? Ink.ACCENT : Ink.ARROW);
                g.setFill(p.color(Ink.BACKGROUND));
                g.fillRoundRect(x, y, w, h, h);
                g.setStroke(ink);
                g.setLineWidth(1);
                g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, h);
                g.setFill(ink);
                g.fillText(text, x + 5, y + h / 2, Painter.Align.LEFT);
            }
        }
        g.setAlpha(1);
    }

    /** A row's span labels in canvas coordinates (none for a row that is not a thread's lane). */
    private static List<double[]> spanLabels(TimelineRows.Row r, double top) {
        if (!(r.track() instanceof ThreadTrack lane)) {
            return List.of();
        }
        List<double[]> out = new ArrayList<>(lane.spanLabels().size());
        for (double[] box : lane.spanLabels()) {
            out.add(new double[] {box[0], top + r.y() + box[1], box[2], box[3]});
        }
        return out;
    }

    /**
     * The top-left of the first free place for an arrow's label, or null: beside the shaft, in the
     * caused lane or the causing lane. A place right of the caused thread's end comes last, as words there read as
     * said about its death (event's "set" after the car's dot), and so does the causing lane,
     * whose words read as its own ("terminated" beside the main thread that terminated another).
     */
    private static double[] place(TrackContext ctx, Placed a, double top, double w, double h,
                                  List<double[]> taken, List<double[]> sourceLabels, List<double[]> targetLabels) {
        double sTop = top + a.source().y();
        double sBottom = top + a.source().bottom();
        double tTop = top + a.target().y();
        double tBottom = top + a.target().bottom();
        boolean down = a.y1() > a.y0();
        double[] ys = {
            Math.round((a.y0() + a.y1()) / 2 - h / 2),
            Math.round((tTop + tBottom) / 2 - h / 2),
            // the caused lane's band the arrow comes in through, beside its head
            down ? tTop + 1 : tBottom - h - 1,
            Math.round((sTop + sBottom) / 2 - h / 2),
        };
        // clear of the shaft and of a ring or cap sitting on it
        double gap = Math.max(6, Math.ceil(ctx.metrics().capRadius()) + 3);
        double right = Math.round(a.x()) + gap;
        double left = Math.round(a.x()) - gap - w;
        // nothing is drawn past the playhead: a label there would speak of what has not happened
        double end = Math.min(ctx.width(), Math.floor(ctx.scale().x(ctx.horizon())));
        double targetEnd = endX(ctx, a.target().track().thread());
        for (int pass = 0; pass < 2; pass++) {
            for (double y : ys) {
                for (double x : new double[] {right, left}) {
                    boolean inSource = within(y, h, sTop, sBottom);
                    boolean inTarget = within(y, h, tTop, tBottom);
                    boolean late = (inSource && !inTarget) || (inTarget && x + 1 >= targetEnd);
                    if (late != (pass == 1) || x < 0 || x + w > end || hides(a.source(), top, x, y, w, h)
                            || hides(a.target(), top, x, y, w, h)) {
                        continue;
                    }
                    // the two lanes side by side: the label may sit across their common edge
                    boolean across = (sBottom == tTop && within(y, h, sTop, tBottom))
                            || (tBottom == sTop && within(y, h, tTop, sBottom));
                    if ((inSource || inTarget || across)
                            && !overlaps(taken, x, y, w, h) && !overlaps(sourceLabels, x, y, w, h)
                            && !overlaps(targetLabels, x, y, w, h)) {
                        return new double[] {x, y};
                    }
                }
            }
        }
        return null;
    }

    /** Where thread {@code t}'s lane ends (its death's x), or infinity while it lives. */
    private static double endX(TrackContext ctx, int t) {
        LaneColumns lane = ctx.trace().lane(t);
        int n = LaneBins.lastAtOrBefore(lane, lane.size(), ctx.horizon(), 0) + 1;
        if (n == 0 || lane.state(n - 1) != ThreadState.DEAD) {
            return Double.POSITIVE_INFINITY;
        }
        return ctx.scale().eventX(ctx.trace(), t, n - 1);
    }

    /** Whether a label at (x, y) would hide a lane's state, its cap or its ring ({@link ThreadTrack#hides}). */
    private static boolean hides(TimelineRows.Row r, double top, double x, double y, double w, double h) {
        return r.track() instanceof ThreadTrack lane && lane.hides(x, y - top - r.y(), w, h);
    }

    private static boolean within(double y, double h, double from, double to) {
        return y >= from && y + h <= to;
    }

    private static boolean overlaps(List<double[]> taken, double x, double y, double w, double h) {
        for (double[] r : taken) {
            if (x < r[0] + r[2] && x + w > r[0] && y < r[1] + r[3] && y + h > r[1]) {
                return true;
            }
        }
        return false;
    }
}
