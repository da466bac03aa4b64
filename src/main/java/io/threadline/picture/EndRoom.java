package io.threadline.picture;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

/**
 * The room a fitted window leaves after a run's end: {@link TimeScale#END_ROOM_PX}, or more where
 * a thread died at the very end with words to say how ("cut off at exit", a signal, an
 * exception), so that they are read whole after its mark instead of cut at the edge
 * (daemon-cleaner's lesson read "cut off at…"; a review of the projector's pictures). Only the
 * words before a colon are counted, as {@link TextFit#ellipsizeWords} writes them where all do
 * not fit, and never more than {@link #MOST}: the lanes keep their width for the run itself.
 */
public final class EndRoom {
    /** The most a fitted window leaves after the end. */
    static final double MOST = 220;
    /** An average letter's width in the small type, as a share of its size, and a little more. */
    private static final double LETTER = 0.6;

    private EndRoom() {
    }

    /** The room after the end of finished {@code trace} in {@code m}'s type. */
    public static double of(Trace trace, PictureMetrics m) {
        double need = TimeScale.END_ROOM_PX;
        if (trace == null || !trace.isFinished()) {
            return need;
        }
        long end = trace.endTime();
        for (int t = 0, n = trace.threadCount(); t < n; t++) {
            LaneColumns lane = trace.lane(t);
            int last = lane.size() - 1;
            if (last < 0 || lane.state(last) != ThreadState.DEAD || lane.time(last) < end) {
                continue;
            }
            String words = trace.string(lane.detail(last));
            if (words == null || words.isEmpty()) {
                continue;
            }
            int colon = words.indexOf(": ");
            String phrase = colon > 0 ? words.substring(0, colon) : words;
            // the mark, the gap before the words (ThreadTrack's end words), the words and the edge's
            need = Math.max(need, m.capRadius() + 5 + Math.ceil(phrase.length() * m.smallSize() * LETTER) + 8);
        }
        return Math.min(need, MOST);
    }
}
