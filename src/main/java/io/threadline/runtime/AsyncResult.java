package io.threadline.runtime;

import io.threadline.trace.Reason;

/** The result of {@link ProcessPool#applyAsync}: get() waits for it (waiting: result). */
public final class AsyncResult<R> {
    private final Scheduler s;
    private final PoolJob job;

    AsyncResult(Scheduler s, PoolJob job) {
        this.s = s;
        this.job = job;
    }

    /** Waits for the result and returns it, or raises the worker's error. */
    public R get() {
        return get(-1);
    }

    /** Waits at most {@code seconds}; raises multiprocessing.TimeoutError when that runs out. */
    public R get(double seconds) {
        return get(Scheduler.micros(seconds));
    }

    @SuppressWarnings("unchecked")
    private R get(long timeout) {
        SimThread me = s.enter();
        try {
            long deadline = timeout < 0 ? -1 : s.now + timeout;
            while (!job.done[0]) {
                long left = deadline < 0 ? -1 : Math.max(0, deadline - s.now);
                if (!s.await(me, Reason.RESULT, job.variant, job.waiters, left)) {
                    throw new PyError("multiprocessing.TimeoutError", "");
                }
            }
            job.mark(s, me, 0);
            return (R) job.take(0);
        } finally {
            s.lock.unlock();
        }
    }

    /** Whether the result has arrived. */
    public boolean ready() {
        s.lock.lock();
        try {
            return job.done[0];
        } finally {
            s.lock.unlock();
        }
    }
}
