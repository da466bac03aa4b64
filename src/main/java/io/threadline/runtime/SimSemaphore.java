package io.threadline.runtime;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.WaitRole;

/**
 * Python's threading.Semaphore and, with {@code bounded}, BoundedSemaphore: acquire waits
 * (waiting: semaphore) while no permit is left; release returns one and wakes a waiter.
 * Releasing a bounded semaphore more often than it was acquired raises ValueError. Permits in
 * use are a counter track.
 */
public final class SimSemaphore {
    private final Scheduler s;
    private final String name;
    private final int initial;
    private final boolean bounded;
    private final ResourceRecorder resource;
    private final WaitList waiters;
    private final CounterTrack inUse;
    private int value;

    SimSemaphore(Scheduler s, String name, int value, boolean bounded) {
        if (value < 0) {
            throw new PyError("ValueError", "semaphore initial value must be >= 0");
        }
        this.s = s;
        this.name = name;
        this.initial = value;
        this.value = value;
        this.bounded = bounded;
        this.resource = new ResourceRecorder(s, bounded ? ResourceKind.BOUNDED_SEMAPHORE : ResourceKind.SEMAPHORE,
                name, s.processOfCaller().id, value);
        this.waiters = new WaitList(resource, WaitRole.WAITS);
        this.inUse = s.trace.counter(name + " in use");
        inUse.add(s.now, 0);
    }

    /** Takes a permit, waiting as long as it takes. */
    public void acquire() {
        acquire(-1);
    }

    /** Takes a permit, waiting at most {@code seconds}; false if that runs out. */
    public boolean acquire(double seconds) {
        return acquire(Scheduler.micros(seconds));
    }

    private boolean acquire(long timeout) {
        SimThread me = s.enter();
        try {
            long deadline = timeout < 0 ? -1 : s.now + timeout;
            while (value == 0) {
                long left = deadline < 0 ? -1 : Math.max(0, deadline - s.now);
                if (!s.await(me, Reason.SEMAPHORE, name, waiters, left)) {
                    return false;
                }
            }
            value--;
            resource.acquired(me, 1);
            inUse.add(s.now, initial - value);
            return true;
        } finally {
            s.lock.unlock();
        }
    }

    /** Returns a permit and wakes one waiting thread. */
    public void release() {
        SimThread me = s.enter();
        try {
            if (bounded && value >= initial) {
                throw new PyError("ValueError", "Semaphore released too many times");
            }
            value++;
            resource.released(me, 0);
            inUse.add(s.now, initial - value);
            s.wakeOne(waiters, me);
        } finally {
            s.lock.unlock();
        }
    }

    /** Permits left now. */
    public int value() {
        s.lock.lock();
        try {
            return value;
        } finally {
            s.lock.unlock();
        }
    }

    /** Runs {@code body} holding a permit, like Python's {@code with sem:}. */
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
