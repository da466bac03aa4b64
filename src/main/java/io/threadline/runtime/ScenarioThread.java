package io.threadline.runtime;

/**
 * The platform thread under a scenario thread ({@link Carrier#PLATFORM}). It carries the
 * scenario source line the thread is at, stamped by the scenario's own code (see {@link Lines}),
 * so that recording the line of a runtime call costs a field read instead of a stack walk. A
 * virtual thread cannot be subclassed: its stamp is kept in its {@link SimThread}, reached
 * through the scheduler's thread-local, a few nanoseconds more per stamp.
 */
final class ScenarioThread extends Thread {
    /** The line last stamped by scenario code on this thread; 0 outside scenario code. */
    int line;

    ScenarioThread(Runnable body, String name) {
        super(body, name);
    }

    /** The calling thread's stamp, 0 for a thread that is not a scenario's. */
    static int line() {
        if (Thread.currentThread() instanceof ScenarioThread t) {
            return t.line;
        }
        SimThread v = Scheduler.CURRENT.get();
        return v == null ? 0 : v.stamp;
    }

    /** Sets the calling thread's stamp (scenario code is at {@code line}, or runtime code ran it). */
    static void restore(int line) {
        if (Thread.currentThread() instanceof ScenarioThread t) {
            t.line = line;
            return;
        }
        SimThread v = Scheduler.CURRENT.get();
        if (v != null) {
            v.stamp = line;
        }
    }
}
