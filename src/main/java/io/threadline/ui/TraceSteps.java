package io.threadline.ui;

import io.threadline.picture.TransitionOrder;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Trace;

/** Event-to-event navigation over all threads of a trace; cost is threads x log(events). */
final class TraceSteps {
    private TraceSteps() {
    }

    /** The earliest event time strictly after {@code t} on any thread, or -1 if there is none. */
    static long next(Trace trace, long t) {
        long best = -1;
        for (int i = 0, n = trace.threadCount(); i < n; i++) {
            LaneColumns lane = trace.lane(i);
            int k = lane.indexAfter(t);
            if (k < lane.size()) {
                long time = lane.time(k);
                if (best < 0 || time < best) {
                    best = time;
                }
            }
        }
        return best;
    }

    /** The latest event time strictly before {@code t} on any thread, or -1 if there is none. */
    static long previous(Trace trace, long t) {
        if (t <= 0) {
            return -1;
        }
        long best = -1;
        for (int i = 0, n = trace.threadCount(); i < n; i++) {
            LaneColumns lane = trace.lane(i);
            int k = lane.indexAt(t - 1);
            if (k >= 0) {
                best = Math.max(best, lane.time(k));
            }
        }
        return best;
    }

    /** Number of events at or before {@code t}, over all threads. */
    static long countUpTo(Trace trace, long t) {
        long n = 0;
        for (int i = 0, m = trace.threadCount(); i < m; i++) {
            n += trace.lane(i).indexAt(t) + 1;
        }
        return n;
    }

    /** Number of output lines printed at or before {@code t} (lines are in time order). */
    static int outputUpTo(Trace trace, long t, int count) {
        return TransitionOrder.linesUpTo(trace, t, count);
    }
}
