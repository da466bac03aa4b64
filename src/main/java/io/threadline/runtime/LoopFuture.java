package io.threadline.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An asyncio Future on an {@link EventLoop}: done once it has a result, an exception or is
 * cancelled; its done callbacks are then scheduled with call_soon, in the order they were
 * added, as CPython's are. Guarded by the scheduler lock.
 */
class LoopFuture {
    final EventLoop loop;
    boolean done;
    boolean cancelled;
    Object result;
    RuntimeException error;
    /** The lane whose action completed it (a task that returned, a canceller), or -1 (a timer). */
    int completedBy = -1;
    private final List<Consumer<LoopFuture>> callbacks = new ArrayList<>(2);

    LoopFuture(EventLoop loop) {
        this.loop = loop;
    }

    void addDoneCallback(Consumer<LoopFuture> cb) {
        if (done) {
            loop.callSoon(() -> cb.accept(this));
        } else {
            callbacks.add(cb);
        }
    }

    void removeDoneCallback(Consumer<LoopFuture> cb) {
        callbacks.remove(cb);
    }

    void setResult(Object v, int by) {
        if (done) {
            return;
        }
        result = v;
        finish(by);
    }

    void setException(RuntimeException e, int by) {
        if (done) {
            return;
        }
        error = e;
        finish(by);
    }

    /** Cancels the future if it is not done; true if it was cancelled now. */
    boolean cancel(int by) {
        if (done) {
            return false;
        }
        cancelled = true;
        finish(by);
        return true;
    }

    private void finish(int by) {
        done = true;
        completedBy = by;
        for (Consumer<LoopFuture> cb : callbacks) {
            if (cb instanceof EventLoop.Wakeup w) {
                w.scheduled(this);
            }
            loop.callSoon(() -> cb.accept(this));
        }
        callbacks.clear();
    }

    /** The result, or the error raised; CancelledError if it was cancelled. */
    Object outcome() {
        if (cancelled) {
            throw new PyError(EventLoop.CANCELLED, "");
        }
        if (error != null) {
            throw error;
        }
        return result;
    }
}
