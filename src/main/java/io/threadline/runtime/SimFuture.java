package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.ResultMark;

/**
 * A concurrent.futures.Future: the result of a task submitted to a {@link ThreadPoolExecutor}.
 * result() waits (waiting: result) until the worker has set it, woken by that worker.
 */
public final class SimFuture<T> {
    private final Scheduler s;
    private final String input;
    private final ResourceRecorder resource;
    private final WaitList waiters;
    final ThreadPoolExecutor.Completion completion;
    private boolean done;
    private Object value;
    private Throwable error;
    private int worker = -1;

    SimFuture(Scheduler s, String input, ThreadPoolExecutor.Completion completion) {
        this.s = s;
        this.input = input;
        this.completion = completion;
        this.resource = new ResourceRecorder(s, ResourceKind.FUTURE, "future " + input, s.processOfCaller().id, 1);
        this.waiters = new WaitList(resource, io.threadline.trace.WaitRole.WAITS);
    }

    /** A worker begins its task (scheduler lock held): it holds the future until it sets the result. */
    void running(SimThread worker) {
        resource.acquired(worker, 1);
    }

    /** Waits for the result and returns it, or raises the task's error. */
    public T result() {
        return result(-1);
    }

    /** Waits at most {@code seconds}; raises TimeoutError when that runs out. */
    public T result(double seconds) {
        return result(Scheduler.micros(seconds));
    }

    @SuppressWarnings("unchecked")
    private T result(long timeout) {
        SimThread me = s.enter();
        try {
            long deadline = timeout < 0 ? -1 : s.now + timeout;
            while (!done) {
                long left = deadline < 0 ? -1 : Math.max(0, deadline - s.now);
                if (!s.await(me, Reason.RESULT, "future " + input, waiters, left)) {
                    throw new PyError("TimeoutError", "");
                }
            }
            s.trace.result(new ResultMark(s.now, me.id, "future", input,
                    error != null ? PyError.describe(error) : String.valueOf(value), worker));
            if (error instanceof RuntimeException r) {
                throw r;
            }
            if (error != null) {
                throw new PyError(error.getClass().getSimpleName(), error.getMessage());
            }
            return (T) value;
        } finally {
            s.lock.unlock();
        }
    }

    /** Whether the task has finished. */
    public boolean done() {
        s.lock.lock();
        try {
            return done;
        } finally {
            s.lock.unlock();
        }
    }

    /** Sets the outcome and wakes everyone waiting for it (scheduler lock held). */
    void complete(Object v, Throwable e, SimThread by) {
        value = v;
        error = e;
        done = true;
        worker = by.id;
        resource.done(by, e != null ? PyError.describe(e) : PyText.of(v));
        for (SimThread w : waiters.all()) {
            s.wake(w, Reason.WOKEN, by);
        }
        if (completion != null) {
            completion.arrived(this, by);
        }
    }

    boolean isDoneLocked() {
        return done;
    }
}
