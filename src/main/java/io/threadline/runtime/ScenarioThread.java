package io.threadline.runtime;

/**
 * The Java thread under a scenario thread. It carries the scenario source line the thread is
 * at, stamped by the scenario's own code (see {@link Lines}), so that recording the line of a
 * runtime call costs a field read instead of a stack walk.
 */
final class ScenarioThread extends Thread {
    /** The line last stamped by scenario code on this thread; 0 outside scenario code. */
    int line;

    ScenarioThread(Runnable body, String name) {
        super(body, name);
    }

    /** The calling thread's stamp, 0 for a thread that is not a scenario's. */
    static int line() {
        return Thread.currentThread() instanceof ScenarioThread t ? t.line : 0;
    }

    /** Sets the calling thread's stamp (after runtime code ran scenario code on it). */
    static void restore(int line) {
        if (Thread.currentThread() instanceof ScenarioThread t) {
            t.line = line;
        }
    }
}
