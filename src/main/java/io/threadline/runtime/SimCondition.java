package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.WaitRole;

import java.util.function.BooleanSupplier;

/**
 * Python's threading.Condition around a lock (an RLock unless given): wait() releases the
 * lock, waits (waiting: condition) for a notify, then takes the lock back (possibly waiting:
 * lock, since the notifier usually still holds it).
 */
public final class SimCondition {
    private final Scheduler s;
    private final String name;
    private final SimLock lock;
    private final ResourceRecorder resource;
    private final WaitList waiters;

    SimCondition(Scheduler s, String name, SimLock lock) {
        this.s = s;
        this.name = name;
        this.lock = lock;
        this.resource = new ResourceRecorder(s, ResourceKind.CONDITION, name, s.processOfCaller().id, 0);
        this.waiters = new WaitList(resource, WaitRole.WAITS);
    }

    public SimLock lock() {
        return lock;
    }

    public void acquire() {
        lock.acquire();
    }

    public void release() {
        lock.release();
    }

    /** Releases the lock, waits for a notify, takes the lock back. The caller must hold the lock. */
    public boolean await() {
        return await(-1);
    }

    /** As {@link #await()}, for at most {@code seconds}; false if that ran out. */
    public boolean await(double seconds) {
        return await(Scheduler.micros(seconds));
    }

    private boolean await(long timeout) {
        SimThread me = s.enter();
        try {
            if (!lock.ownedBy(me)) {
                throw new PyError("RuntimeError", "cannot wait on un-acquired lock");
            }
            int levels = lock.releaseLocked(me, true);
            boolean notified = s.await(me, Reason.CONDITION, name, waiters, timeout);
            lock.reacquireLocked(me, levels);
            return notified;
        } finally {
            s.lock.unlock();
        }
    }

    /** Waits until {@code predicate} is true, re-checking after each notify. */
    public void awaitFor(BooleanSupplier predicate) {
        int line = ScenarioThread.line();
        for (;;) {
            boolean done = predicate.getAsBoolean();
            // The predicate is scenario code: the wait that follows is the caller's line.
            ScenarioThread.restore(line);
            if (done) {
                return;
            }
            await();
        }
    }

    /** Wakes one waiting thread. The caller must hold the lock. */
    public void notifyOne() {
        notifyN(1);
    }

    /** Wakes up to {@code n} waiting threads. */
    public void notifyN(int n) {
        SimThread me = s.enter();
        try {
            if (!lock.ownedBy(me)) {
                throw new PyError("RuntimeError", "cannot notify on un-acquired lock");
            }
            resource.notified(me, Math.min(n, waiters.waiting().size()));
            s.wakeSome(waiters, n, me);
        } finally {
            s.lock.unlock();
        }
    }

    /** Wakes every waiting thread. */
    public void notifyEveryone() {
        notifyN(Integer.MAX_VALUE);
    }

    /** Runs {@code body} holding the lock, like Python's {@code with cond:}. */
    public void with(Runnable body) {
        lock.with(body);
    }
}
