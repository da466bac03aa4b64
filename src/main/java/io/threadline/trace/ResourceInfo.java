package io.threadline.trace;

/**
 * What a trace knows about one resource besides its events.
 *
 * @param id       index of the resource in its trace, from 0 in the order of first use
 * @param kind     lock, semaphore, queue, GIL ...
 * @param name     the program's name for it ("counter lock"), or its kind and a number ("Lock 2")
 * @param process  the process it belongs to (a GIL's, a thread's lock), or -1 for one shared by processes
 * @param capacity a semaphore's permits, a queue's maxsize (0: unbounded), a barrier's parties; a GIL's
 *                 is 1, or 0 when the GIL is off
 */
public record ResourceInfo(int id, ResourceKind kind, String name, int process, int capacity) {
    /** Whether this is a GIL that is off: its process's threads run in parallel, nothing to hold. */
    public boolean gilOff() {
        return kind == ResourceKind.GIL && capacity == 0;
    }
}
