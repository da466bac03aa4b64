package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadRole;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Python's concurrent.futures.ProcessPoolExecutor, as CPython 3.11 runs it under fork. The first
 * submit forks {@code maxWorkers} worker processes ("ForkProcess-N", each its own GIL) and starts
 * the executor's manager thread in the caller's process. Submitted work waits in a pending list;
 * the manager thread, whenever it runs (woken by a submit or a result), moves it to a call queue
 * of maxWorkers + 1 places, and a task moved there is running: it can no longer be cancelled (a
 * cancelled one met there is skipped, and counted done from then on). Workers take tasks from
 * the call queue (waiting: queue-get) and send results back to the manager thread, which sets
 * each future's result and wakes its waiters. The caller holds its process's GIL while it
 * submits, so the manager thread only runs when the caller blocks: what cancel() can still
 * catch depends on that, as in CPython.
 */
public final class SimProcessPoolExecutor {
    /** CPython's EXTRA_QUEUED_CALLS: the call queue holds one task more than there are workers. */
    private static final int EXTRA_QUEUED_CALLS = 1;

    private final Scheduler s;
    private final int maxWorkers;
    private final SimQueue<Object[]> callQueue;
    private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
    private final ArrayDeque<Object[]> results = new ArrayDeque<>();
    private final WaitList managerWaits = new WaitList();
    private final List<SimThread> workers = new ArrayList<>();
    private SimThread manager;
    private boolean wakeup;
    private boolean shutdown;
    /** Tasks in the call queue or on a worker. */
    private int inFlight;

    SimProcessPoolExecutor(Scheduler s, int maxWorkers) {
        if (maxWorkers < 1) {
            throw new PyError("ValueError", "max_workers must be greater than 0");
        }
        this.s = s;
        this.maxWorkers = maxWorkers;
        this.callQueue = new SimQueue<>(s, "call queue", 0, false);
        callQueue.showItemsAs(item -> item == null ? "None" : "task " + PyText.of(((Object[]) item)[1]));
    }

    /** Schedules {@code fn(input)} on a worker process and returns its future at once. */
    public <T, R> SimFuture<R> submit(Function<T, R> fn, T input) {
        SimFuture<R> f;
        boolean first;
        SimThread me = s.enter();
        try {
            if (shutdown) {
                throw new PyError("RuntimeError", "cannot schedule new futures after shutdown");
            }
            f = new SimFuture<>(s, String.valueOf(input), null);
            pending.addLast(new Object[] {fn, ForkCopy.value(input), f});
            first = manager == null;
            if (!first) {
                wakeManager(me);
            }
        } finally {
            s.lock.unlock();
        }
        if (first) {
            // Under fork all workers are started at once, then the manager thread.
            for (int i = 0; i < maxWorkers; i++) {
                String name = "ForkProcess-" + s.nextChildNumber();
                SimThread w = new SimThread(s, name, this::workLoop, true, s.newProcess(name), ThreadRole.WORKER);
                workers.add(w);
            }
            for (SimThread w : workers) {
                s.start(w, false);
            }
            // A daemon here: at the program's exit CPython shuts the executor down first.
            manager = new SimThread(s, "ExecutorManagerThread", this::manage, true, s.processOfCaller(),
                    ThreadRole.HELPER);
            manager.start();
        }
        return f;
    }

    private void wakeManager(SimThread by) {
        wakeup = true;
        SimThread m = managerWaits.first();
        if (m != null) {
            s.wake(m, Reason.WOKEN, by);
        }
    }

    /** The manager thread: fills the call queue, then waits for a result or a wakeup, and so on. */
    @SuppressWarnings("unchecked")
    private void manage() {
        for (;;) {
            SimThread me = s.enter();
            try {
                fillCallQueue(me);
                while (results.isEmpty() && !wakeup) {
                    s.await(me, Reason.RESULT, "results or a submit", managerWaits, -1);
                }
                wakeup = false;
                while (!results.isEmpty()) {
                    Object[] r = results.pollFirst();
                    inFlight--;
                    ((SimFuture<Object>) r[0]).complete(r[1], (Throwable) r[2], me);
                }
                if (shutdown && pending.isEmpty() && inFlight == 0) {
                    for (int i = 0; i < workers.size(); i++) {
                        callQueue.offerLocked(null, me);
                    }
                    break;
                }
            } finally {
                s.lock.unlock();
            }
        }
        for (SimThread w : workers) {
            w.join();
        }
    }

    /** Moves pending work into the call queue while it has room (scheduler lock held). */
    private void fillCallQueue(SimThread by) {
        while (callQueue.sizeLocked() < maxWorkers + EXTRA_QUEUED_CALLS && !pending.isEmpty()) {
            Object[] item = pending.pollFirst();
            if (((SimFuture<?>) item[2]).setRunningOrNotifyCancel(by)) {
                inFlight++;
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
            SimThread worker = s.enter();
            try {
                ((SimFuture<?>) item[2]).running(worker);
            } finally {
                s.lock.unlock();
            }
            TaskCall call = TaskCall.of((Function<?, ?>) item[0], item[1]);
            SimThread me = s.enter();
            try {
                // The result travels back to the manager thread, which sets it on the future.
                results.addLast(new Object[] {item[2], ForkCopy.value(call.value()), call.error()});
                SimThread m = managerWaits.first();
                if (m != null) {
                    s.wake(m, Reason.WOKEN, me);
                }
            } finally {
                s.lock.unlock();
            }
        }
    }

    /** Results of {@code fn} over {@code inputs}, in input order (one task per input). */
    public <T, R> List<R> map(Function<T, R> fn, List<T> inputs) {
        return TaskCall.mapInOrder(inputs, x -> submit(fn, x));
    }

    /** No new tasks; with {@code wait}, waits for the pending ones and the workers to end. */
    public void shutdown(boolean wait) {
        shutdown(wait, false);
    }

    /** shutdown(wait, cancel_futures): with {@code cancelFutures}, tasks still pending are cancelled. */
    public void shutdown(boolean wait, boolean cancelFutures) {
        SimThread me = s.enter();
        SimThread m;
        try {
            shutdown = true;
            if (cancelFutures) {
                for (Object[] item : pending) {
                    ((SimFuture<?>) item[2]).cancelLocked();
                }
            }
            m = manager;
            if (m != null) {
                wakeManager(me);
            }
        } finally {
            s.lock.unlock();
        }
        if (wait && m != null) {
            m.join();
        }
    }

    /** The worker processes' threads. */
    public List<SimThread> workers() {
        return List.copyOf(workers);
    }
}
