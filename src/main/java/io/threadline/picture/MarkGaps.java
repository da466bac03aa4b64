package io.threadline.picture;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a line across the lanes stops short: over a lane's death mark or new ring, or a results
 * row's diamond, that it would cross ({@link Track#marks()}). At the end of a run the playhead stands at the very instant the threads died, and its
 * line cut the marks in two (daemon-cleaner's "killed" bolt, the lesson of that scenario, was half
 * hidden under it); arrows at an instant of starts or deaths covered the marks they are about.
 * The window's playhead, the picture's, and the arrows ({@link StraightArrow}) take their gaps
 * from here, from the marks of the rows' last paint.
 */
public final class MarkGaps {
    /** Room kept above and below a mark, in pixels. */
    private static final double ROOM = 1;

    private MarkGaps() {
    }

    /**
     * The gaps, {top, bottom} from the rows' top, for a line at body x {@code x}, from the marks
     * of the rows' last paint; ordered and merged.
     */
    public static List<double[]> at(TimelineRows rows, double x) {
        return at(rows, x, 0);
    }

    /** As {@link #at(TimelineRows, double)} for something {@code halfWidth} either side of x (an arrow's head). */
    public static List<double[]> at(TimelineRows rows, double x, double halfWidth) {
        return at(rows, x, halfWidth, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #at(TimelineRows, double, double)}, looking only at the rows that reach into
     * {@code from..to} (rows' coordinates): an arrow asks about the rows it spans, not the run's
     * hundreds of lanes (a frame's arrows each asked about every row, 150-200 ms a frame at 400 lanes).
     */
    public static List<double[]> at(TimelineRows rows, double x, double halfWidth, double from, double to) {
        List<double[]> gaps = new ArrayList<>();
        for (TimelineRows.Row r : rows.rows()) {
            if (r.bottom() < from || r.y() > to) {
                continue;
            }
            for (double[] m : r.track().marks()) {
                if (x + halfWidth >= m[0] - ROOM && x - halfWidth <= m[0] + m[2] + ROOM) {
                    add(gaps, r.y() + m[1] - ROOM, r.y() + m[1] + m[3] + ROOM);
                }
            }
        }
        return gaps;
    }

    /**
     * The gaps of a playhead's line at body x {@code x}: the marks, and the cause arrows drawn at
     * its x. At a run's end the playhead stands at the last instant, often one of deaths and of
     * the kill or terminate that caused them: its line hid those arrows whole, shaft and all, and
     * left a pill pointing at nothing (processes' terminate(), daemon-cleaner's kill at exit).
     */
    public static List<double[]> forPlayhead(TimelineRows rows, double x, double lineWidth) {
        List<double[]> gaps = at(rows, x);
        for (double[] a : rows.arrowShafts()) {
            if (Math.abs(a[0] - x) <= (a[3] + lineWidth) / 2 + ROOM) {
                add(gaps, a[1] - ROOM, a[2] + ROOM);
            }
        }
        return gaps;
    }

    /**
     * As {@link #at(TimelineRows, double, double, double, double)} with the lanes' span labels too (where an
     * arrow's shaft passes under the words instead of striking them through).
     */
    public static List<double[]> withLabels(TimelineRows rows, double x, double halfWidth, double from, double to) {
        List<double[]> gaps = at(rows, x, halfWidth, from, to);
        for (TimelineRows.Row r : rows.rows()) {
            if (r.bottom() < from || r.y() > to) {
                continue;
            }
            if (r.track() instanceof ThreadTrack lane) {
                for (double[] b : lane.spanLabels()) {
                    if (x + halfWidth >= b[0] && x - halfWidth <= b[0] + b[2]) {
                        add(gaps, r.y() + b[1], r.y() + b[1] + b[3]);
                    }
                }
            }
        }
        return gaps;
    }

    private static void add(List<double[]> gaps, double top, double bottom) {
        for (double[] g : gaps) {
            if (top <= g[1] && bottom >= g[0]) {
                g[0] = Math.min(g[0], top);
                g[1] = Math.max(g[1], bottom);
                return;
            }
        }
        gaps.add(new double[] {top, bottom});
        gaps.sort((a, b) -> Double.compare(a[0], b[0]));
    }

    /**
     * The pieces of a line from {@code from} to {@code to} (in the gaps' coordinates shifted by
     * {@code dy}) that lie outside the gaps: {top, bottom} each.
     */
    public static List<double[]> pieces(List<double[]> gaps, double dy, double from, double to) {
        List<double[]> out = new ArrayList<>();
        double y = from;
        for (double[] g : gaps) {
            double top = g[0] + dy;
            double bottom = g[1] + dy;
            if (bottom <= y || top >= to) {
                continue;
            }
            if (top > y) {
                out.add(new double[] {y, top});
            }
            y = Math.max(y, bottom);
        }
        if (y < to) {
            out.add(new double[] {y, to});
        }
        return out;
    }
}
