package io.threadline.runtime;

/** A simulated process: its own GIL, shared by its threads when the GIL is on. */
final class SimProcess {
    final int id;
    final String name;
    /** The thread holding this process's GIL, or null. Guarded by the scheduler lock. */
    SimThread gilHolder;
    /** A thread was just made to give this GIL up: the next holder pays the hand-over's cost. */
    boolean handoverPending;

    SimProcess(int id, String name) {
        this.id = id;
        this.name = name;
    }
}
