package io.threadline.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the cause arrows of a trace in a time window, lane by lane with binary search, so
 * the cost follows the window, not the trace. Zoomed out, {@code maxPerLane} thins them out.
 */
public final class CauseLinks {
    private CauseLinks() {
    }

    /** Every caused transition in [t0, t1], of one thread ({@code thread} >= 0) or of all (-1). */
    public static List<CauseLink> in(Trace trace, long t0, long t1, int thread, int maxPerLane) {
        List<CauseLink> out = new ArrayList<>();
        int n = trace.threadCount();
        for (int t = 0; t < n; t++) {
            collect(trace, t, t0, t1, thread, maxPerLane, out);
        }
        return out;
    }

    private static void collect(Trace trace, int t, long t0, long t1, int thread, int maxPerLane,
                                List<CauseLink> out) {
        LaneColumns lane = trace.lane(t);
        int from = Math.max(0, lane.indexAt(t0 - 1) + 1);
        int to = lane.indexAt(t1);
        int found = 0;
        for (int i = from; i <= to && found < maxPerLane; i++) {
            int cause = lane.cause(i);
            if (cause < 0 || (thread >= 0 && t != thread && cause != thread)) {
                continue;
            }
            out.add(link(trace, t, i));
            found++;
        }
    }

    /** The arrow into event {@code i} of thread {@code t}, which must have a cause. */
    public static CauseLink link(Trace trace, int t, int i) {
        LaneColumns lane = trace.lane(t);
        Reason waited = null;
        for (int k = i - 1; k >= 0; k--) {
            if (lane.state(k) == ThreadState.WAITING) {
                waited = lane.reason(k);
                break;
            }
            if (lane.state(k) != ThreadState.RUNNABLE) {
                break;
            }
        }
        return new CauseLink(lane.time(i), lane.cause(i), t, i,
                CauseKind.of(lane.state(i), lane.reason(i), waited, trace.string(lane.detail(i))));
    }
}
