package io.threadline.ui.teach;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.ThreadState;

import java.util.Arrays;

/**
 * How long one thread spent in each state up to a moment, answered in O(log n) from running sums
 * over its spans. The sums grow with the lane (a live run) and are never recomputed from the start.
 */
final class StateTimes {
    private static final int STATES = ThreadState.values().length;

    private final LaneColumns lane;
    /** sums[s][i]: time in state s over the spans of events [0, i). */
    private long[][] sums = new long[STATES][16];
    /** Events whose running sums are known: sums[.][0 .. known] are filled. */
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
        extendTo(i);
        for (int s = 0; s < STATES; s++) {
            out[s] = sums[s][i];
        }
        ThreadState st = lane.state(i);
        if (st != ThreadState.DEAD) {
            out[st.ordinal()] += Math.max(0, time - lane.time(i));
        }
        return out;
    }

    private void extendTo(int i) {
        if (i <= known) {
            return;
        }
        if (i >= sums[0].length) {
            int cap = Math.max(i + 1, sums[0].length * 2);
            for (int s = 0; s < STATES; s++) {
                sums[s] = Arrays.copyOf(sums[s], cap);
            }
        }
        for (int k = known; k < i; k++) {
            long d = lane.time(k + 1) - lane.time(k);
            int st = lane.state(k).ordinal();
            for (int s = 0; s < STATES; s++) {
                sums[s][k + 1] = sums[s][k] + (s == st ? d : 0);
            }
        }
        known = i;
    }
}
