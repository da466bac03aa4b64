package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.WaitRole;
import io.threadline.trace.ResultMark;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One call on a process pool (map, imap, imap_unordered or apply_async): its inputs, the
 * results as workers deliver them, and the threads waiting for them. Guarded by the
 * scheduler lock.
 */
final class PoolJob {
    /** When to wake the thread waiting for results. */
    enum Wake { ALL_DONE, EACH, IN_ORDER }

    final String variant;
    final List<?> inputs;
    final Function<Object, Object> fn;
    final Wake wake;
    final Object[] values;
    final Throwable[] errors;
    final boolean[] done;
    final int[] from;
    final int[] arrivals;
    /** Results as items: put by the worker that delivers one, taken by the thread that receives it. */
    private final ResourceRecorder resource;
    final WaitList waiters;
    /** The item number of each result: its place in arrival order. */
    private final int[] arrival;
    final Consumer<Object> callback;
    int arrived;
    int consumed;

    @SuppressWarnings("unchecked")
    PoolJob(Scheduler s, String variant, List<?> inputs, Function<?, ?> fn, Wake wake, Consumer<?> callback) {
        this.variant = variant;
        this.inputs = List.copyOf(inputs);
        this.fn = (Function<Object, Object>) fn;
        this.wake = wake;
        this.callback = (Consumer<Object>) callback;
        int n = inputs.size();
        values = new Object[n];
        errors = new Throwable[n];
        done = new boolean[n];
        from = new int[n];
        arrivals = new int[n];
        arrival = new int[n];
        resource = new ResourceRecorder(s, ResourceKind.POOL_RESULTS, variant, s.processOfCaller().id, n);
        waiters = new WaitList(resource, WaitRole.WAITS);
    }

    int size() {
        return inputs.size();
    }

    boolean allDone() {
        return arrived == inputs.size();
    }

    /** Stores a worker's result and wakes the receiver if it now has something to take. */
    void deliver(Scheduler s, int index, Object value, Throwable error, SimThread worker) {
        values[index] = value;
        errors[index] = error;
        done[index] = true;
        from[index] = worker.id;
        arrival[index] = arrived;
        arrivals[arrived++] = index;
        resource.put(worker, error != null ? PyError.describe(error) : PyText.of(value));
        boolean wakeNow = switch (wake) {
            case ALL_DONE -> allDone();
            case EACH -> true;
            case IN_ORDER -> index == consumed;
        };
        if (wakeNow) {
            for (SimThread w : waiters.all()) {
                s.wake(w, Reason.WOKEN, worker);
            }
        }
    }

    /** Records that {@code receiver} got result {@code index} now. */
    void mark(Scheduler s, SimThread receiver, int index) {
        resource.got(receiver, arrival[index]);
        s.trace.result(new ResultMark(s.now, receiver.id, variant, String.valueOf(inputs.get(index)),
                errors[index] != null ? PyError.describe(errors[index]) : String.valueOf(values[index]),
                from[index]));
    }

    /** The value of result {@code index}, or its error raised in the receiver. */
    Object take(int index) {
        if (errors[index] != null) {
            Throwable e = errors[index];
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new PyError(e.getClass().getSimpleName(), e.getMessage());
        }
        return values[index];
    }
}
