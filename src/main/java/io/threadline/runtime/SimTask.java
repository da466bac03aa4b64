package io.threadline.runtime;

import io.threadline.trace.Reason;

/**
 * An asyncio.Task: a coroutine run by its thread's event loop, a step at a time, with a lane of
 * its own under that thread (role task, the thread as its parent): new (pending, its first step
 * not yet taken), runnable (ready: its step is in the loop's ready queue), running (the loop is
 * running its step), waiting (suspended at an await: await-sleep, or await with what it awaits),
 * dead (done: returned, raised, or cancelled). A blocking call in the coroutine (time.sleep)
 * blocks the whole thread, and the task's lane shows the thread's wait.
 */
public final class SimTask<T> extends LoopFuture {
    final int id;
    final String name;
    final Coroutine<T> coroutine;
    /** Whose turn it is: the loop's Java thread or this task's carrier. */
    boolean carrierTurn;
    /** The Java thread that runs the coroutine's steps, on the loop thread's behalf. */
    Thread carrier;
    /** cancel() before its next step: CancelledError is thrown into the coroutine there. */
    boolean mustCancel;
    /** What the task awaits now, so that cancel() can cancel it. */
    LoopFuture awaiting;
    int line;

    SimTask(EventLoop loop, int id, String name, Coroutine<T> coroutine) {
        super(loop);
        this.id = id;
        this.name = name;
        this.coroutine = coroutine;
    }

    public String name() {
        return name;
    }

    public boolean done() {
        loop.s.lock.lock();
        try {
            return done;
        } finally {
            loop.s.lock.unlock();
        }
    }

    public boolean cancelled() {
        loop.s.lock.lock();
        try {
            return cancelled;
        } finally {
            loop.s.lock.unlock();
        }
    }

    /**
     * Requests cancellation: CancelledError is raised in the coroutine at its await (or before its
     * first step). False if the task is already done.
     */
    public boolean cancel() {
        SimThread me = loop.s.enter();
        try {
            return loop.cancel(this, me);
        } finally {
            loop.s.lock.unlock();
        }
    }

    /** The result of a done task (raises its error); InvalidStateError if not done yet. */
    @SuppressWarnings("unchecked")
    public T result() {
        loop.s.lock.lock();
        try {
            if (!done) {
                throw new PyError("asyncio.InvalidStateError", "Result is not set.");
            }
            return (T) outcome();
        } finally {
            loop.s.lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "SimTask[" + name + "]";
    }

    static Reason waitReason(LoopFuture f) {
        return f instanceof SleepFuture ? Reason.AWAIT_SLEEP : Reason.AWAIT;
    }

    /** The future of asyncio.sleep: done when its timer fires. */
    static final class SleepFuture extends LoopFuture {
        SleepFuture(EventLoop loop) {
            super(loop);
        }
    }
}
