package io.threadline.runtime;

import io.threadline.trace.Reason;

/**
 * The result of {@link SimPool#applyAsync} (one value) or {@link SimPool#mapAsync} (the list):
 * get() waits for it (waiting: result), and with a timeout raises
 * multiprocessing.context.TimeoutError when that runs out, as CPython's does.
 */
public final class AsyncResult<R> {
    private final Scheduler s;
    private final PoolJob job;
    private final boolean single;

    AsyncResult(Scheduler s, PoolJob job, boolean single) {
        this.s = s;
        this.job = job;
        this.single = single;
    }

    /** Waits for the result and returns it, or raises the worker's error. */
    public R get() {
        return get(-1);
    }

    /** Waits at most {@code seconds}; raises multiprocessing.context.TimeoutError when that runs out. */
    public R get(double seconds) {
        return get(Scheduler.micros(seconds));
    }

    @SuppressWarnings("unchecked")
    private R get(long timeout) {
        SimThread me = s.enter();
        try {
            if (!waitLocked(me, timeout)) {
                throw new PyError("multiprocessing.context.TimeoutError", "");
            }
            for (int i = 0; i < job.size(); i++) {
                job.mark(s, me, i);
            }
            return (R) (single ? job.take(0) : job.all());
        } finally {
            s.lock.unlock();
        }
    }

    /** Waits until the result is ready, without taking it. */
    public void await() {
        SimThread me = s.enter();
        try {
            waitLocked(me, -1);
        } finally {
            s.lock.unlock();
        }
    }

    /** Python's wait(timeout): waits at most {@code seconds}; no error when that runs out. */
    public void await(double seconds) {
        SimThread me = s.enter();
        try {
            waitLocked(me, Scheduler.micros(seconds));
        } finally {
            s.lock.unlock();
        }
    }

    private boolean waitLocked(SimThread me, long timeout) {
        long deadline = timeout < 0 ? -1 : s.now + timeout;
        while (!job.ready()) {
            long left = deadline < 0 ? -1 : Math.max(0, deadline - s.now);
            if (!s.await(me, Reason.RESULT, job.variant, job.waiters, left)) {
                return job.ready();
            }
        }
        return true;
    }

    /** Whether the result has arrived. */
    public boolean ready() {
        s.lock.lock();
        try {
            return job.ready();
        } finally {
            s.lock.unlock();
        }
    }

    /** Whether the call succeeded; ValueError if it is not ready yet, as in Python. */
    public boolean successful() {
        s.lock.lock();
        try {
            if (!job.ready()) {
                throw new PyError("ValueError", "the result of " + job.variant + " is not ready");
            }
            return job.firstError == null;
        } finally {
            s.lock.unlock();
        }
    }
}
