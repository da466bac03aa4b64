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
    /** Its GIL's lane: who holds it, who asks for it, each forced switch. */
    ResourceRecorder gil;
    /** A thread was just made to give this GIL up: the next holder pays the hand-over's cost. */
    boolean handoverPending;
    /** The multiprocessing.Process this interpreter runs, or null (the main process, pool workers). */
    SimProcess child;
    /** A daemonic child: it does not keep the program alive, and is terminated when the main process ends. */
    boolean daemonic;
    /** Started non-daemon threads of this process still alive: at 0 the process exits. */
    int liveNonDaemon;
    /** A thread of it was started: it exists as a process (the fork is done or under way). */
    boolean forked;

    /** Microseconds of CPU work before a thread gives way to one that wants its GIL (sys.setswitchinterval). */
    long switchInterval;

    Interpreter(int id, String name, long switchInterval) {
        this.id = id;
        this.name = name;
        this.switchInterval = switchInterval;
    }
}
