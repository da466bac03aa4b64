package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadRole;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Python's concurrent.futures.ThreadPoolExecutor: worker threads in the caller's process (so
 * they share its GIL), created one per submit until {@code maxWorkers} exist and none is idle,
 * taking tasks from a work queue (waiting: queue-get while there are none).
 */
public final class SimThreadPoolExecutor {
    private final Scheduler s;
    private final int maxWorkers;
    private final String prefix;
    private final SimQueue<Object[]> work;
    private final List<SimThread> workers = new ArrayList<>();
    private int idle;
    private boolean shutdown;

    SimThreadPoolExecutor(Scheduler s, int maxWorkers) {
        if (maxWorkers < 1) {
            throw new PyError("ValueError", "max_workers must be greater than 0");
        }
        this.s = s;
        this.maxWorkers = maxWorkers;
        this.prefix = "ThreadPoolExecutor-" + s.nextExecutorNumber();
        this.work = new SimQueue<>(s, "work", 0, false);
        work.showItemsAs(item -> item == null ? "None" : "task " + PyText.of(((Object[]) item)[1]));
    }

    /** Schedules {@code fn(input)} on a worker and returns its future at once. */
    public <T, R> SimFuture<R> submit(Function<T, R> fn, T input) {
        return submit(fn, input, null);
    }

    private <T, R> SimFuture<R> submit(Function<T, R> fn, T input, Completion completion) {
        SimFuture<R> f;
        boolean grow;
        s.enter();
        try {
            if (shutdown) {
                throw new PyError("RuntimeError", "cannot schedule new futures after shutdown");
            }
            f = new SimFuture<>(s, String.valueOf(input), completion);
            grow = idle == 0 && workers.size() < maxWorkers;
            if (!grow) {
                idle = Math.max(0, idle - 1);
            }
        } finally {
            s.lock.unlock();
        }
        work.put(new Object[] {fn, input, f});
        if (grow) {
            SimThread w = new SimThread(s, prefix + "_" + workers.size(), this::workLoop, false,
                    s.processOfCaller(), ThreadRole.WORKER);
            workers.add(w);
            w.start();
        }
        return f;
    }

    @SuppressWarnings("unchecked")
    private void workLoop() {
        for (;;) {
            Object[] item = work.get();
            if (item == null) {
                // As CPython's worker: pass the wake-up on to the next worker, then end.
                work.put(null);
                return;
            }
            Function<Object, Object> fn = (Function<Object, Object>) item[0];
            SimFuture<Object> future = (SimFuture<Object>) item[2];
            SimThread picked = s.enter();
            try {
                if (!future.setRunningOrNotifyCancel(picked)) {
                    // cancelled before a worker came to it: skipped, now counted as done
                    idle++;
                    continue;
                }
                future.running(picked);
            } finally {
                s.lock.unlock();
            }
            TaskCall call = TaskCall.of(fn, item[1]);
            SimThread me = s.enter();
            try {
                future.complete(call.value(), call.error(), me);
                idle++;
            } finally {
                s.lock.unlock();
            }
        }
    }

    /** Results of {@code fn} over {@code inputs}, in input order, each waited for in turn. */
    public <T, R> List<R> map(Function<T, R> fn, List<T> inputs) {
        return TaskCall.mapInOrder(inputs, x -> submit(fn, x));
    }

    /** Submits {@code fn} over {@code inputs}; iterate the result to get futures as they complete. */
    public <T, R> Iterable<SimFuture<R>> submitAll(Function<T, R> fn, List<T> inputs) {
        Completion c = new Completion();
        List<SimFuture<R>> futures = new ArrayList<>();
        for (T x : inputs) {
            futures.add(submit(fn, x, c));
        }
        c.expect(futures.size());
        return () -> new CompletionIterator<>(c);
    }

    /**
     * No new tasks; with {@code wait}, waits for the queued ones and the workers to end. As in
     * CPython, one wake-up (None) goes into the work queue, and each worker that takes it puts
     * it back for the next before it ends.
     */
    public void shutdown(boolean wait) {
        s.enter();
        try {
            shutdown = true;
        } finally {
            s.lock.unlock();
        }
        work.put(null);
        if (wait) {
            for (SimThread w : workers) {
                w.join();
            }
        }
    }

    /** shutdown(wait, cancel_futures): with {@code cancelFutures}, the tasks no worker has yet are cancelled first. */
    public void shutdown(boolean wait, boolean cancelFutures) {
        if (cancelFutures) {
            s.enter();
            try {
                work.forEachLocked(item -> {
                    if (item != null) {
                        ((SimFuture<?>) item[2]).cancelLocked();
                    }
                });
            } finally {
                s.lock.unlock();
            }
        }
        shutdown(wait);
    }

    /** The futures of one {@link #submitAll}, in the order they complete: Python's as_completed. */
    static final class Completion {
        private final ArrayDeque<SimFuture<?>> arrived = new ArrayDeque<>();
        private final WaitList waiters = new WaitList();
        private int expected = -1;
        private int taken;

        void arrived(SimFuture<?> f, SimThread by) {
            arrived.add(f);
            Scheduler s = by.scheduler;
            for (SimThread w : waiters.all()) {
                s.wake(w, Reason.WOKEN, by);
            }
        }

        void expect(int n) {
            expected = n;
        }
    }

    private final class CompletionIterator<R> implements Iterator<SimFuture<R>> {
        private final Completion c;

        CompletionIterator(Completion c) {
            this.c = c;
        }

        @Override
        public boolean hasNext() {
            s.lock.lock();
            try {
                return c.taken < c.expected;
            } finally {
                s.lock.unlock();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public SimFuture<R> next() {
            SimThread me = s.enter();
            try {
                if (c.taken >= c.expected) {
                    throw new NoSuchElementException();
                }
                while (c.arrived.isEmpty()) {
                    s.await(me, Reason.RESULT, "as_completed", c.waiters, -1);
                }
                c.taken++;
                return (SimFuture<R>) c.arrived.poll();
            } finally {
                s.lock.unlock();
            }
        }
    }
}
