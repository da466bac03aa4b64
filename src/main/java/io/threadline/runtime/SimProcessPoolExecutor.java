package io.threadline.runtime;

import io.threadline.trace.ThreadRole;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Python's concurrent.futures.ProcessPoolExecutor, as CPython 3.11 runs it under fork: at the
 * first submit it forks {@code maxWorkers} worker processes ("ForkProcess-N", each its own GIL).
 * Submitted work waits in a pending list; the executor moves it to a call queue of
 * maxWorkers + 1 places when a task is submitted and when a result comes back, and a task moved
 * there is running (it can no longer be cancelled; a cancelled one met there is skipped and
 * counted done from then on). Workers take tasks from the call queue (waiting: queue-get).
 * map() submits one task per input and returns the results in input order.
 */
public final class SimProcessPoolExecutor {
    /** CPython's EXTRA_QUEUED_CALLS: the call queue holds one task more than there are workers. */
    private static final int EXTRA_QUEUED_CALLS = 1;

    private final Scheduler s;
    private final int maxWorkers;
    private final SimQueue<Object[]> callQueue;
    private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
    private final List<SimThread> workers = new ArrayList<>();
    private boolean shutdown;

    SimProcessPoolExecutor(Scheduler s, int maxWorkers) {
        if (maxWorkers < 1) {
            throw new PyError("ValueError", "max_workers must be greater than 0");
        }
        this.s = s;
        this.maxWorkers = maxWorkers;
        this.callQueue = new SimQueue<>(s, "call queue", 0, false);
    }

    /** Schedules {@code fn(input)} on a worker process and returns its future at once. */
    public <T, R> SimFuture<R> submit(Function<T, R> fn, T input) {
        boolean fork;
        SimFuture<R> f;
        SimThread me = s.enter();
        try {
            if (shutdown) {
                throw new PyError("RuntimeError", "cannot schedule new futures after shutdown");
            }
            f = new SimFuture<>(s, String.valueOf(input), null);
            pending.addLast(new Object[] {fn, ForkCopy.value(input), f});
            fork = workers.isEmpty();
        } finally {
            s.lock.unlock();
        }
        if (fork) {
            for (int i = 0; i < maxWorkers; i++) {
                String name = "ForkProcess-" + s.nextChildNumber();
                SimThread w = new SimThread(s, name, this::workLoop, true, s.newProcess(name), ThreadRole.WORKER);
                workers.add(w);
            }
            for (SimThread w : workers) {
                s.start(w, false);
            }
        }
        me = s.enter();
        try {
            fillCallQueue(me);
        } finally {
            s.lock.unlock();
        }
        return f;
    }

    /** Moves pending work into the call queue while it has room (scheduler lock held). */
    private void fillCallQueue(SimThread by) {
        while (callQueue.sizeLocked() < maxWorkers + EXTRA_QUEUED_CALLS && !pending.isEmpty()) {
            Object[] item = pending.pollFirst();
            if (((SimFuture<?>) item[2]).setRunningOrNotifyCancel(by)) {
                callQueue.offerLocked(item, by);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void workLoop() {
        for (;;) {
            Object[] item = callQueue.get();
            if (item == null) {
                return;
            }
            Function<Object, Object> fn = (Function<Object, Object>) item[0];
            Object value = null;
            Throwable error = null;
            try {
                value = fn.apply(item[1]);
            } catch (Killed k) {
                throw k;
            } catch (RuntimeException e) {
                error = e;
            } finally {
                ScenarioThread.restore(0);
            }
            SimThread me = s.enter();
            try {
                ((SimFuture<Object>) item[2]).complete(ForkCopy.value(value), error, me);
                fillCallQueue(me);
            } finally {
                s.lock.unlock();
            }
        }
    }

    /** Results of {@code fn} over {@code inputs}, in input order (one task per input). */
    public <T, R> List<R> map(Function<T, R> fn, List<T> inputs) {
        List<SimFuture<R>> futures = new ArrayList<>();
        for (T x : inputs) {
            futures.add(submit(fn, x));
        }
        List<R> out = new ArrayList<>();
        for (SimFuture<R> f : futures) {
            out.add(f.result());
        }
        return out;
    }

    /** No new tasks; with {@code wait}, waits for the pending ones and the workers to end. */
    public void shutdown(boolean wait) {
        shutdown(wait, false);
    }

    /** shutdown(wait, cancel_futures): with {@code cancelFutures}, tasks still pending are cancelled. */
    public void shutdown(boolean wait, boolean cancelFutures) {
        SimThread me = s.enter();
        try {
            shutdown = true;
            if (cancelFutures) {
                for (Object[] item : pending) {
                    ((SimFuture<?>) item[2]).cancelLocked();
                }
                fillCallQueue(me);
            }
        } finally {
            s.lock.unlock();
        }
        if (!wait) {
            return;
        }
        for (SimFuture<?> f : pendingFutures()) {
            try {
                f.result();
            } catch (PyError e) {
                // its error belongs to whoever asks for its result; shutdown only waits
            }
        }
        for (int i = 0; i < workers.size(); i++) {
            callQueue.put(null);
        }
        for (SimThread w : workers) {
            w.join();
        }
    }

    private List<SimFuture<?>> pendingFutures() {
        s.lock.lock();
        try {
            List<SimFuture<?>> out = new ArrayList<>();
            for (Object[] item : pending) {
                out.add((SimFuture<?>) item[2]);
            }
            callQueue.forEachLocked(item -> out.add((SimFuture<?>) item[2]));
            return out;
        } finally {
            s.lock.unlock();
        }
    }

    /** The worker processes' threads. */
    public List<SimThread> workers() {
        return List.copyOf(workers);
    }
}
