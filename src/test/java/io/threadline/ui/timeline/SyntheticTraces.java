package io.threadline.ui.timeline;

import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

/** Traces made by hand for what the scenarios do not (yet) produce: dense CPU work under a GIL. */
final class SyntheticTraces {
    private SyntheticTraces() {
    }

    /**
     * {@code threads} CPU-bound threads in one process sharing a GIL round-robin, each holding it
     * for {@code quantum} µs, for {@code seconds}: every switch is a running → runnable change.
     */
    static Trace gil(int threads, double seconds, long quantum) {
        Trace trace = new Trace();
        trace.describe("synthetic-gil", java.util.Map.of("gil", "true"), 0, "virtual");
        int p = trace.addProcess("MainProcess");
        int main = trace.addThread("MainThread", p, false, ThreadRole.MAIN);
        trace.transition(main, 0, ThreadState.NEW, Reason.CREATED, -1, null, 0);
        trace.transition(main, 0, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 0);
        int[] ids = new int[threads];
        for (int i = 0; i < threads; i++) {
            ids[i] = trace.addThread("Cruncher-" + (i + 1), p, false, ThreadRole.THREAD);
            trace.transition(ids[i], 1_000 * i, ThreadState.NEW, Reason.CREATED, main, null, 12);
            trace.transition(ids[i], 1_000 * i + 500, ThreadState.RUNNABLE, Reason.STARTED, main, null, 13);
        }
        long end = (long) (seconds * 1_000_000);
        trace.transition(main, 1_000L * threads, ThreadState.WAITING, Reason.JOIN, -1, "Cruncher-1", 14);
        long t = 1_000L * threads;
        int turn = 0;
        while (t < end) {
            int holder = ids[turn % threads];
            trace.transition(holder, t, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 7);
            t = Math.min(end, t + quantum);
            trace.transition(holder, t, ThreadState.RUNNABLE, Reason.PREEMPTED, ids[(turn + 1) % threads], null, 7);
            turn++;
        }
        for (int i = 0; i < threads; i++) {
            trace.transition(ids[i], end, ThreadState.DEAD, Reason.RETURNED, -1, null, 8);
        }
        trace.transition(main, end, ThreadState.RUNNABLE, Reason.WOKEN, ids[threads - 1], null, 14);
        trace.transition(main, end, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 14);
        trace.transition(main, end, ThreadState.DEAD, Reason.RETURNED, -1, null, 15);
        trace.finish(end, RunOutcome.COMPLETED, "");
        return trace;
    }
}
