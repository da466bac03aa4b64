package io.threadline.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads waiting on one condition, in the order they came. Which of them a release wakes is the
 * scheduler's choice ({@link Scheduler#wakeOne}). Guarded by the scheduler lock.
 */
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

    /** Who has waited longest, or null; to wake one of several, {@link Scheduler#wakeOne} chooses. */
    SimThread first() {
        return waiters.isEmpty() ? null : waiters.get(0);
    }

    /** The waiters themselves, in order, to read only (the scheduler chooses among them). */
    List<SimThread> waiting() {
        return waiters;
    }

    /** A copy, for waking all: waking removes a thread from the list. */
    List<SimThread> all() {
        return new ArrayList<>(waiters);
    }
}
