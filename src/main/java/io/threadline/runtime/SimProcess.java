package io.threadline.runtime;

/** A simulated process: its own GIL, shared by its threads when the GIL is on. */
final class SimProcess {
    final int id;
    final String name;
    /** The thread holding this process's GIL, or null. Guarded by the scheduler lock. */
    SimThread gilHolder;
    /** Its GIL's lane: who holds it, who asks for it, each forced switch. */
    ResourceRecorder gil;
    /** Microseconds of CPU work before a thread gives way to one that wants its GIL (sys.setswitchinterval). */
    long switchInterval;

    SimProcess(int id, String name, long switchInterval) {
        this.id = id;
        this.name = name;
        this.switchInterval = switchInterval;
    }
}
