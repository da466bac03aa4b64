package io.threadline.runtime;

import io.threadline.trace.ResourceOp;
import io.threadline.trace.WaitRole;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads waiting on one condition, in the order they came. Which of them a release wakes is the
 * scheduler's choice ({@link Scheduler#wakeOne}). Guarded by the scheduler lock. A list that
 * belongs to a resource records each thread joining and leaving it on the resource's lane, so the
 * lane's wait list is this one.
 */
final class WaitList {
    private final List<SimThread> waiters = new ArrayList<>(4);
    private final ResourceRecorder resource;
    private final WaitRole role;

    WaitList() {
        this(null, WaitRole.WAITS);
    }

    /** The wait list of {@code resource}: threads waiting in it wait for it in the way {@code role} says. */
    WaitList(ResourceRecorder resource, WaitRole role) {
        this.resource = resource;
        this.role = role;
    }

    void add(SimThread t) {
        waiters.add(t);
        t.waitingOn = this;
        if (resource != null) {
            resource.waiting(t, role);
        }
    }

    /** {@code t} leaves the list: its timeout ran out, or it is gone. */
    void remove(SimThread t) {
        leave(t, t.dead ? ResourceOp.LEFT : ResourceOp.TIMEOUT, null);
    }

    /** {@code t} leaves the list, woken by {@code by}. */
    void woken(SimThread t, SimThread by) {
        leave(t, ResourceOp.WOKEN, by);
    }

    private void leave(SimThread t, ResourceOp how, SimThread by) {
        boolean was = waiters.remove(t);
        if (t.waitingOn == this) {
            t.waitingOn = null;
        }
        if (was && resource != null) {
            resource.left(t, how, by);
        }
    }

    /** Whether joining this list is waiting for {@code r} (null: for nothing with a lane) as {@code how} says. */
    boolean recordsOn(ResourceRecorder r, WaitRole how) {
        return resource == r && (r == null || role == how);
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
