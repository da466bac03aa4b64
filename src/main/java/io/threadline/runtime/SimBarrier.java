package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.WaitRole;

/**
 * Python's threading.Barrier: {@code parties} threads call await() (Python's wait()) and each
 * waits (waiting: barrier) until the last one arrives; the last runs the action, if any, and
 * releases them all (the cause of their wake-ups), and the barrier is ready for the next round.
 * A wait that times out, an action that raises, abort() or reset() break the barrier: every
 * waiter then raises threading.BrokenBarrierError, as does each later await() until reset().
 */
public final class SimBarrier {
    private static final String BROKEN = "threading.BrokenBarrierError";

    private final Scheduler s;
    private final String name;
    private final int parties;
    private final Runnable action;
    private final long defaultTimeout;
    private final ResourceRecorder resource;
    private final WaitList waiters;
    private int count;
    /** Bumped each time the barrier lets a round through: a waiter of an older round may go. */
    private long generation;
    /** Bumped each time the barrier breaks: a waiter of the round raises BrokenBarrierError. */
    private long breaks;
    private boolean broken;

    SimBarrier(Scheduler s, String name, int parties, Runnable action, double timeout) {
        if (parties < 1) {
            throw new PyError("ValueError", "parties must be >= 1");
        }
        this.s = s;
        this.name = name;
        this.parties = parties;
        this.action = action;
        this.defaultTimeout = timeout < 0 ? -1 : Scheduler.micros(timeout);
        this.resource = new ResourceRecorder(s, ResourceKind.BARRIER, name,
                s.processOfCaller().id, parties);
        this.waiters = new WaitList(resource, WaitRole.WAITS);
    }

    /**
     * Waits for the other parties; returns this thread's arrival index, 0 for the first to
     * arrive up to parties - 1 for the last, as Python's wait() does.
     */
    public int await() {
        return await(defaultTimeout);
    }

    /** As {@link #await()}, breaking the barrier if the others have not all come within {@code seconds}. */
    public int await(double seconds) {
        return await(Scheduler.micros(seconds));
    }

    private int await(long timeout) {
        SimThread me = s.enter();
        int index;
        try {
            if (broken) {
                throw new PyError(BROKEN, "");
            }
            index = count++;
            if (index + 1 < parties) {
                long round = generation;
                long broke = breaks;
                long deadline = timeout < 0 ? -1 : s.now + timeout;
                while (generation == round && breaks == broke) {
                    long left = deadline < 0 ? -1 : Math.max(0, deadline - s.now);
                    if (!s.await(me, Reason.BARRIER, name, waiters, left) && generation == round && breaks == broke) {
                        breakLocked(me);
                    }
                }
                if (generation == round) {
                    throw new PyError(BROKEN, "");
                }
                return index;
            }
        } finally {
            s.lock.unlock();
        }
        // The last to arrive: the action runs on this thread before anyone is let through.
        if (action != null) {
            int line = ScenarioThread.line();
            try {
                action.run();
            } catch (Killed k) {
                throw k;
            } catch (RuntimeException e) {
                SimThread again = s.enter();
                try {
                    breakLocked(again);
                } finally {
                    s.lock.unlock();
                }
                throw e;
            } finally {
                ScenarioThread.restore(line);
            }
        }
        SimThread again = s.enter();
        try {
            count = 0;
            generation++;
            resource.passed(again);
            for (SimThread w : waiters.all()) {
                s.wake(w, Reason.WOKEN, again);
            }
        } finally {
            s.lock.unlock();
        }
        return index;
    }

    private void breakLocked(SimThread by) {
        broken = true;
        breaks++;
        count = 0;
        for (SimThread w : waiters.all()) {
            s.wake(w, Reason.WOKEN, by);
        }
    }

    /** Breaks the barrier: every waiter, and every later await(), raises BrokenBarrierError. */
    public void abort() {
        SimThread me = s.enter();
        try {
            breakLocked(me);
        } finally {
            s.lock.unlock();
        }
    }

    /** Back to its first state; threads waiting now raise BrokenBarrierError. */
    public void reset() {
        SimThread me = s.enter();
        try {
            if (count > 0) {
                breakLocked(me);
            }
            count = 0;
            broken = false;
        } finally {
            s.lock.unlock();
        }
    }

    public int parties() {
        return parties;
    }

    /** Threads waiting at the barrier now (Python's n_waiting). */
    public int nWaiting() {
        s.lock.lock();
        try {
            return broken ? 0 : count;
        } finally {
            s.lock.unlock();
        }
    }

    public boolean broken() {
        s.lock.lock();
        try {
            return broken;
        } finally {
            s.lock.unlock();
        }
    }
}
