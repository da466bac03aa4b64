package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.WaitRole;
import io.threadline.trace.ResultMark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One call on a pool (map, imap, imap_unordered, starmap, apply_async ...): its inputs cut into
 * chunks (a chunk is one task on a worker, and its results travel back together, as in CPython),
 * the results as workers deliver them, and the threads waiting for them. Guarded by the
 * scheduler lock.
 */
final class PoolJob {
    /** When to wake the thread waiting for results. */
    enum Wake { ALL_DONE, EACH, IN_ORDER }

    final String variant;
    final List<?> inputs;
    final Function<Object, Object> fn;
    final Wake wake;
    final int chunksize;
    final int chunks;
    final Object[] values;
    final Throwable[] errors;
    final boolean[] chunkDone;
    final int[] from;
    /** Item indices in the order their chunks arrived. */
    final int[] arrivals;
    /** Results as items: put by the worker that delivers one, taken by the thread that receives it. */
    private final ResourceRecorder resource;
    final WaitList waiters;
    /** The item number of each result: its place in arrival order. */
    private final int[] arrival;
    /** Results already taken off the lane: a result got twice (get() after a callback) is taken once. */
    private final boolean[] taken;
    /** Called with the value (apply_async) or the list of values (map_async) on the result handler. */
    final Consumer<Object> callback;
    final Consumer<Throwable> errorCallback;
    int arrived;
    int chunksArrived;
    int consumed;
    /** The first error to arrive: what map raises once every chunk is in. */
    Throwable firstError;
    /** The callback has run: only then is an async result ready, as CPython sets its event after. */
    boolean callbackDone;

    @SuppressWarnings("unchecked")
    PoolJob(Scheduler s, String variant, List<?> inputs, Function<?, ?> fn, Wake wake, int chunksize, Consumer<?> callback,
            Consumer<Throwable> errorCallback) {
        this.variant = variant;
        this.inputs = new ArrayList<>(inputs);
        this.fn = (Function<Object, Object>) fn;
        this.wake = wake;
        this.chunksize = Math.max(1, chunksize);
        this.callback = (Consumer<Object>) callback;
        this.errorCallback = errorCallback;
        int n = inputs.size();
        this.chunks = (n + this.chunksize - 1) / this.chunksize;
        values = new Object[n];
        errors = new Throwable[n];
        chunkDone = new boolean[chunks];
        from = new int[n];
        arrivals = new int[n];
        arrival = new int[n];
        taken = new boolean[n];
        resource = new ResourceRecorder(s, ResourceKind.POOL_RESULTS, variant, s.processOfCaller().id, n);
        waiters = new WaitList(resource, WaitRole.WAITS);
    }

    int size() {
        return inputs.size();
    }

    int chunkOf(int index) {
        return index / chunksize;
    }

    int chunkStart(int chunk) {
        return chunk * chunksize;
    }

    int chunkEnd(int chunk) {
        return Math.min(size(), (chunk + 1) * chunksize);
    }

    boolean allDone() {
        return chunksArrived == chunks;
    }

    /** Whether get() may return: every chunk in, and the callback (if any) has run. */
    boolean ready() {
        return allDone() && (callback == null && errorCallback == null || callbackDone);
    }

    boolean done(int index) {
        return chunkDone[chunkOf(index)];
    }

    /**
     * Stores a worker's results for one chunk ({@code error} set if the chunk raised: CPython's
     * worker then returns the exception for the whole chunk) and wakes the receiver if it now
     * has something to take.
     */
    void deliver(Scheduler s, int chunk, Object[] chunkValues, Throwable error, SimThread worker) {
        for (int i = chunkStart(chunk); i < chunkEnd(chunk); i++) {
            values[i] = error == null ? chunkValues[i - chunkStart(chunk)] : null;
            errors[i] = error;
            from[i] = worker.id;
            arrival[i] = arrived;
            arrivals[arrived++] = i;
            resource.put(worker, error != null ? PyError.describe(error) : PyText.of(values[i]));
        }
        chunkDone[chunk] = true;
        chunksArrived++;
        if (error != null && firstError == null) {
            firstError = error;
        }
        boolean wakeNow = switch (wake) {
            // with a callback, the result handler wakes the waiters once it has run it
            case ALL_DONE -> allDone() && callback == null && errorCallback == null;
            case EACH -> true;
            case IN_ORDER -> consumed < size() && chunk == chunkOf(consumed);
        };
        if (wakeNow) {
            wakeWaiters(s, worker);
        }
    }

    void wakeWaiters(Scheduler s, SimThread by) {
        for (SimThread w : waiters.all()) {
            s.wake(w, Reason.WOKEN, by);
        }
    }

    /** The values in input order (map's list); raises the first error to arrive instead, if any. */
    List<Object> all() {
        if (firstError != null) {
            throw raise(firstError);
        }
        List<Object> out = new ArrayList<>(size());
        for (Object v : values) {
            out.add(v);
        }
        return out;
    }

    /**
     * Records that {@code receiver} got result {@code index} now. A result counts once, where it
     * first arrived: map_async's callback receives the list on the pool's result thread and the
     * caller's get() the same list again, which made "6 results" of three.
     */
    void mark(Scheduler s, SimThread receiver, int index) {
        if (taken[index]) {
            return;
        }
        taken[index] = true;
        resource.got(receiver, arrival[index]);
        s.trace.result(new ResultMark(s.now, receiver.id, variant, PyText.of(inputs.get(index)),
                errors[index] != null ? PyError.describe(errors[index]) : PyText.of(values[index]),
                from[index], chunkOf(index)));
    }

    /** The value of result {@code index}, or its error raised in the receiver. */
    Object take(int index) {
        if (errors[index] != null) {
            throw raise(errors[index]);
        }
        return values[index];
    }

    static RuntimeException raise(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new PyError(e.getClass().getSimpleName(), e.getMessage());
    }
}
