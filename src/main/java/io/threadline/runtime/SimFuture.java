package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.WaitRole;
import io.threadline.trace.ResultMark;

import java.util.ArrayList;
import java.util.List;

/**
 * A concurrent.futures.Future: the result of a task submitted to a {@link SimThreadPoolExecutor}
 * or {@link SimProcessPoolExecutor}. result() waits (waiting: result) until the worker has set
 * it, woken by that worker. Its states are CPython's: pending, running (a worker, or for a
 * process pool the call queue, has it: it can no longer be cancelled), cancelled, cancelled and
 * notified (the executor came to it and skipped it: only now do wait() and as_completed count
 * it as done), finished.
 */
public final class SimFuture<T> {
    enum State { PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED }

    static final String CANCELLED_ERROR = "concurrent.futures.CancelledError";

    private final Scheduler s;
    private final String input;
    private final ResourceRecorder resource;
    private final WaitList waiters;
    final SimThreadPoolExecutor.Completion completion;
    /** Threads in {@link Futures#wait} over this future, woken when it finishes or is notified cancelled. */
    final List<Futures.Waiter> watchers = new ArrayList<>(1);
    State state = State.PENDING;
    private Object value;
    private Throwable error;
    private int worker = -1;

    SimFuture(Scheduler s, String input, SimThreadPoolExecutor.Completion completion) {
        this.s = s;
        this.input = input;
        this.completion = completion;
        this.resource = new ResourceRecorder(s, ResourceKind.FUTURE, "future " + input, s.processOfCaller().id, 1);
        this.waiters = new WaitList(resource, WaitRole.WAITS);
    }

    /** A worker begins its task (scheduler lock held): it holds the future until the result is set. */
    void running(SimThread worker) {
        resource.acquired(worker, 1);
    }

    /** Waits for the result and returns it, or raises the task's error (CancelledError if cancelled). */
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
            waitLocked(me, timeout);
            if (isCancelled()) {
                throw new PyError(CANCELLED_ERROR, "");
            }
            s.trace.result(new ResultMark(s.now, me.id, "future", input,
                    error != null ? PyError.describe(error) : PyText.of(value), worker));
            if (error != null) {
                throw PoolJob.raise(error);
            }
            return (T) value;
        } finally {
            s.lock.unlock();
        }
    }

    /** Waits for the task and returns its error, or null if it returned (CancelledError if cancelled). */
    public Throwable exception() {
        return exception(-1);
    }

    /** As {@link #exception()}, waiting at most {@code seconds}. */
    public Throwable exception(double seconds) {
        return exception(Scheduler.micros(seconds));
    }

    private Throwable exception(long timeout) {
        SimThread me = s.enter();
        try {
            waitLocked(me, timeout);
            if (isCancelled()) {
                throw new PyError(CANCELLED_ERROR, "");
            }
            return error;
        } finally {
            s.lock.unlock();
        }
    }

    private void waitLocked(SimThread me, long timeout) {
        long deadline = timeout < 0 ? -1 : s.now + timeout;
        while (!isDone()) {
            long left = deadline < 0 ? -1 : Math.max(0, deadline - s.now);
            if (!s.await(me, Reason.RESULT, "future " + input, waiters, left) && !isDone()) {
                throw new PyError("TimeoutError", "");
            }
        }
    }

    /**
     * Cancels the task if no worker has it yet: true then (and if it was cancelled already),
     * false once it runs or has finished.
     */
    public boolean cancel() {
        SimThread me = s.enter();
        try {
            if (state == State.RUNNING || state == State.FINISHED) {
                return false;
            }
            if (state == State.PENDING) {
                state = State.CANCELLED;
                for (SimThread w : waiters.all()) {
                    s.wake(w, Reason.WOKEN, me);
                }
            }
            return true;
        } finally {
            s.lock.unlock();
        }
    }

    /** cancel() from the runtime (lock held): a pending task only. */
    void cancelLocked() {
        if (state == State.PENDING) {
            state = State.CANCELLED;
        }
    }

    /** Whether the task has finished or was cancelled. */
    public boolean done() {
        s.lock.lock();
        try {
            return isDone();
        } finally {
            s.lock.unlock();
        }
    }

    /** Whether a worker (or a process pool's call queue) has the task and it has not finished. */
    public boolean running() {
        s.lock.lock();
        try {
            return state == State.RUNNING;
        } finally {
            s.lock.unlock();
        }
    }

    public boolean cancelled() {
        s.lock.lock();
        try {
            return isCancelled();
        } finally {
            s.lock.unlock();
        }
    }

    boolean isDone() {
        return state != State.PENDING && state != State.RUNNING;
    }

    private boolean isCancelled() {
        return state == State.CANCELLED || state == State.CANCELLED_AND_NOTIFIED;
    }

    /** What wait() and as_completed count as done: finished, or cancelled and notified. */
    boolean isCompletedForWaiters() {
        return state == State.FINISHED || state == State.CANCELLED_AND_NOTIFIED;
    }

    /**
     * CPython's set_running_or_notify_cancel, when a worker (or the call queue) comes to the task:
     * false if it was cancelled (now notified: wait() counts it), else it is running.
     */
    boolean setRunningOrNotifyCancel(SimThread by) {
        if (state == State.CANCELLED) {
            state = State.CANCELLED_AND_NOTIFIED;
            notifyWatchers(by);
            if (completion != null) {
                completion.arrived(this, by);
            }
            return false;
        }
        state = State.RUNNING;
        return true;
    }

    /** Sets the outcome and wakes everyone waiting for it (scheduler lock held). */
    void complete(Object v, Throwable e, SimThread by) {
        value = v;
        error = e;
        state = State.FINISHED;
        worker = by.id;
        resource.done(by, e != null ? PyError.describe(e) : PyText.of(v));
        for (SimThread w : waiters.all()) {
            s.wake(w, Reason.WOKEN, by);
        }
        notifyWatchers(by);
        if (completion != null) {
            completion.arrived(this, by);
        }
    }

    private void notifyWatchers(SimThread by) {
        for (Futures.Waiter w : new ArrayList<>(watchers)) {
            w.changed(by);
        }
    }

    boolean failed() {
        return state == State.FINISHED && error != null;
    }

    String input() {
        return input;
    }
}
