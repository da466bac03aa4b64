package io.threadline.runtime;

/**
 * A simulated process, as the runtime keeps it: one CPython interpreter with its own GIL, shared by
 * its threads when the GIL is on. (The program-facing multiprocessing.Process is {@link SimProcess}.)
 */
final class Interpreter {
    final int id;
    final String name;
    /** The thread holding this process's GIL, or null. Guarded by the scheduler lock. */
    SimThread gilHolder;
    /** A thread was just made to give this GIL up: the next holder pays the hand-over's cost. */
    boolean handoverPending;

    Interpreter(int id, String name) {
        this.id = id;
        this.name = name;
    }
}
