package io.threadline.runtime;

import java.util.ArrayList;
import java.util.List;

/** Threads waiting on one condition, woken first come first served. Guarded by the scheduler lock. */
final class WaitList {
    private final List<SimThread> waiters = new ArrayList<>(4);

    void add(SimThread t) {
        waiters.add(t);
        t.waitingOn = this;
    }

    void remove(SimThread t) {
        waiters.remove(t);
        if (t.waitingOn == this) {
            t.waitingOn = null;
        }
    }

    boolean isEmpty() {
        return waiters.isEmpty();
    }

    SimThread first() {
        return waiters.isEmpty() ? null : waiters.get(0);
    }

    /** A copy, for waking all: waking removes a thread from the list. */
    List<SimThread> all() {
        return new ArrayList<>(waiters);
    }
}
