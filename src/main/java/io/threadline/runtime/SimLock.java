package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.WaitRole;

import java.util.List;

/**
 * Python's threading.Lock and, with {@code reentrant}, threading.RLock. A thread that finds it
 * held waits (waiting: lock, naming the holder), and is woken by the release. As in CPython,
 * a release does not hand the lock over: a woken waiter re-checks, and the releaser may take
 * it again first. A plain Lock acquired twice by one thread deadlocks (and is reported so).
 */
public final class SimLock {
    private final Scheduler s;
    private final String name;
    private final boolean reentrant;
    private final ResourceRecorder resource;
    private final WaitList waiters;
    private SimThread owner;
    private int count;

    SimLock(Scheduler s, String name, boolean reentrant) {
        this.s = s;
        this.name = name;
        this.reentrant = reentrant;
        this.resource = new ResourceRecorder(s, reentrant ? ResourceKind.RLOCK : ResourceKind.LOCK, name,
                s.processOfCaller().id, 1);
        this.waiters = new WaitList(resource, WaitRole.WAITS);
    }

    /** Takes the lock, waiting as long as it takes. */
    public void acquire() {
        acquire(true, -1);
    }

    /** Takes the lock if it is free now; false otherwise. */
    public boolean tryAcquire() {
        return acquire(false, -1);
    }

    /** Takes the lock, waiting at most {@code seconds}; false if that runs out. */
    public boolean acquire(double seconds) {
        return acquire(true, Scheduler.micros(seconds));
    }

    private boolean acquire(boolean blocking, long timeout) {
        SimThread me = s.enter();
        try {
            return acquireLocked(me, blocking, timeout);
        } finally {
            s.lock.unlock();
        }
    }

    /** With the scheduler lock held. */
    boolean acquireLocked(SimThread me, boolean blocking, long timeout) {
        return acquireLocked(me, blocking, timeout, 1);
    }

    /** Takes the lock {@code levels} times at once (a condition's lock taken back after a wait). */
    private boolean acquireLocked(SimThread me, boolean blocking, long timeout, int levels) {
        if (reentrant && owner == me) {
            count++;
            resource.acquired(me, count);
            return true;
        }
        long deadline = timeout < 0 ? -1 : s.now + timeout;
        while (owner != null) {
            if (!blocking) {
                return false;
            }
            long left = deadline < 0 ? -1 : Math.max(0, deadline - s.now);
            if (!s.await(me, Reason.LOCK, name, waiters, left, owner)) {
                return false;
            }
        }
        owner = me;
        count = levels;
        resource.acquired(me, levels);
        return true;
    }

    /** Releases the lock; an RLock only once its owner has released as often as it acquired. */
    public void release() {
        SimThread me = s.enter();
        try {
            releaseLocked(me, false);
        } finally {
            s.lock.unlock();
        }
    }

    /** With the scheduler lock held; {@code all} releases every level of an RLock at once. Returns the levels released. */
    int releaseLocked(SimThread me, boolean all) {
        if (owner == null) {
            throw new PyError("RuntimeError", reentrant ? "cannot release un-acquired lock" : "release unlocked lock");
        }
        if (reentrant && owner != me) {
            throw new PyError("RuntimeError", "cannot release un-acquired lock");
        }
        int released = all ? count : 1;
        count -= released;
        resource.released(me, count);
        if (count == 0) {
            owner = null;
            s.wakeOne(waiters, me);
        }
        return released;
    }

    /** Restores {@code levels} of ownership after a condition wait (scheduler lock held). */
    void reacquireLocked(SimThread me, int levels) {
        acquireLocked(me, true, -1, levels);
    }

    /** The holder now, or null (scheduler lock held). */
    SimThread owner() {
        return owner;
    }

    /** The threads waiting for it, in order (scheduler lock held). */
    List<SimThread> waiting() {
        return waiters.all();
    }

    /** Its lane's id in the trace, or -1 before its first event. */
    int resourceId() {
        return resource.traceId();
    }

    boolean ownedBy(SimThread t) {
        return owner == t;
    }

    /** Whether some thread holds the lock. */
    public boolean locked() {
        s.lock.lock();
        try {
            return owner != null;
        } finally {
            s.lock.unlock();
        }
    }

    public String name() {
        return name;
    }

    /** Runs {@code body} holding the lock, like Python's {@code with lock:}. */
    public void with(Runnable body) {
        acquire();
        int line = ScenarioThread.line();
        try {
            body.run();
        } finally {
            ScenarioThread.restore(line);
            release();
        }
    }
}
