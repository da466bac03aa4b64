package io.threadline.ui.teach;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.ThreadState;

import java.util.Arrays;

/**
 * How long one thread spent in each state up to a moment. Running sums are kept at every
 * {@value #STEP}th event, so an answer costs a binary search and at most that many steps, and a
 * lane of a million events costs a few hundred kilobytes, not tens of megabytes. The sums grow
 * with the lane (a live run) and are never recomputed from the start.
 */
final class StateTimes {
    static final int STEP = 64;
    private static final int STATES = ThreadState.values().length;

    private final LaneColumns lane;
    /** sums[s][k]: time in state s over the spans of events [0, k * STEP). */
    private long[][] sums = new long[STATES][8];
    /** Checkpoints filled: sums[.][0 .. known]. */
    private int known;

    StateTimes(LaneColumns lane) {
        this.lane = lane;
    }

    /**
     * Microseconds in each state (indexed by ordinal) from the thread's creation up to {@code time},
     * counting only the first {@code size} events (what the view has seen). Dead takes no time.
     */
    long[] upTo(long time, int size) {
        long[] out = new long[STATES];
        int n = Math.min(size, lane.size());
        int i = Math.min(lane.indexAt(time), n - 1);
        if (i < 0) {
            return out;
        }
        int k = i / STEP;
        extendTo(k);
        for (int s = 0; s < STATES; s++) {
            out[s] = sums[s][k];
        }
        for (int e = k * STEP; e < i; e++) {
            out[lane.state(e).ordinal()] += lane.time(e + 1) - lane.time(e);
        }
        ThreadState st = lane.state(i);
        if (st != ThreadState.DEAD) {
            out[st.ordinal()] += Math.max(0, time - lane.time(i));
        }
        return out;
    }

    /** Fills checkpoints up to k (events below k * STEP, all of which have a successor). */
    private void extendTo(int k) {
        if (k <= known) {
            return;
        }
        if (k >= sums[0].length) {
            int cap = Math.max(k + 1, sums[0].length * 2);
            for (int s = 0; s < STATES; s++) {
                sums[s] = Arrays.copyOf(sums[s], cap);
            }
        }
        for (int c = known; c < k; c++) {
            for (int s = 0; s < STATES; s++) {
                sums[s][c + 1] = sums[s][c];
            }
            for (int e = c * STEP; e < (c + 1) * STEP; e++) {
                sums[lane.state(e).ordinal()][c + 1] += lane.time(e + 1) - lane.time(e);
            }
        }
        known = k;
    }
}
