package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadRole;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Python's multiprocessing.Pool: worker processes, each with its own GIL and one worker
 * thread, take tasks from a shared task queue (waiting: queue-get while there are none) and
 * deliver results to the thread that asked (waiting: result, woken by the delivering worker).
 * Finish with {@link #close()} then {@link #join()}, as Python requires.
 */
public final class ProcessPool {
    private final Scheduler s;
    private final SimQueue<Object[]> tasks;
    private final List<SimThread> workers = new ArrayList<>();
    private SimQueue<Runnable> callbacks;
    private SimThread resultHandler;
    private boolean closed;

    ProcessPool(Scheduler s, int processes) {
        if (processes < 1) {
            throw new PyError("ValueError", "Number of processes must be at least 1");
        }
        this.s = s;
        this.tasks = new SimQueue<>(s, "tasks", 0, false);
        tasks.showItemsAs(t -> t == null ? "None"
                : ((PoolJob) ((Object[]) t)[0]).variant + " " + PyText.of(((PoolJob) ((Object[]) t)[0]).inputs.get((Integer) ((Object[]) t)[1])));
        for (int i = 0; i < processes; i++) {
            String name = "ForkPoolWorker-" + s.nextPoolWorkerNumber();
            SimProcess p = s.newProcess(name);
            SimThread w = new SimThread(s, name, this::workLoop, true, p, ThreadRole.WORKER);
            workers.add(w);
        }
        // Forking a process does not wait for it to begin, unlike Thread.start().
        for (SimThread w : workers) {
            s.start(w, false);
        }
    }

    private void workLoop() {
        for (;;) {
            Object[] task = tasks.get();
            if (task == null) {
                return;
            }
            PoolJob job = (PoolJob) task[0];
            int index = (Integer) task[1];
            Object value = null;
            Throwable error = null;
            try {
                value = job.fn.apply(job.inputs.get(index));
            } catch (Killed k) {
                throw k;
            } catch (RuntimeException e) {
                error = e;
            } finally {
                // Back in the pool's own loop: no scenario line until the next task.
                ScenarioThread.restore(0);
            }
            Runnable callback = null;
            SimThread me = s.enter();
            try {
                job.deliver(s, index, value, error, me);
                if (job.callback != null && error == null) {
                    Object v = value;
                    callback = () -> {
                        job.mark(s, SimThread.current(), index);
                        job.callback.accept(v);
                    };
                }
            } finally {
                s.lock.unlock();
            }
            if (callback != null) {
                callbacks.put(callback);
            }
        }
    }

    private PoolJob submit(String variant, Function<?, ?> fn, List<?> inputs, PoolJob.Wake wake,
                           Consumer<?> callback) {
        if (closed) {
            throw new PyError("ValueError", "Pool not running");
        }
        PoolJob job = new PoolJob(s, variant, inputs, fn, wake, callback);
        for (int i = 0; i < inputs.size(); i++) {
            tasks.put(new Object[] {job, i});
        }
        return job;
    }

    /** Applies {@code fn} to every input on the workers; returns the results in input order. */
    @SuppressWarnings("unchecked")
    public <T, R> List<R> map(Function<T, R> fn, List<T> inputs) {
        PoolJob job = submit("map", fn, inputs, PoolJob.Wake.ALL_DONE, null);
        SimThread me = s.enter();
        try {
            while (!job.allDone()) {
                s.await(me, Reason.RESULT, "map", job.waiters, -1);
            }
            List<R> out = new ArrayList<>(job.size());
            for (int i = 0; i < job.size(); i++) {
                job.mark(s, me, i);
            }
            for (int i = 0; i < job.size(); i++) {
                out.add((R) job.take(i));
            }
            return out;
        } finally {
            s.lock.unlock();
        }
    }

    /** Results in input order, each as soon as it and all before it are done. */
    public <T, R> Iterable<R> imap(Function<T, R> fn, List<T> inputs) {
        PoolJob job = submit("imap", fn, inputs, PoolJob.Wake.IN_ORDER, null);
        return () -> new ResultIterator<>(job, true);
    }

    /** Results in the order workers finish them. */
    public <T, R> Iterable<R> imapUnordered(Function<T, R> fn, List<T> inputs) {
        PoolJob job = submit("imap_unordered", fn, inputs, PoolJob.Wake.EACH, null);
        return () -> new ResultIterator<>(job, false);
    }

    /** Runs {@code fn(input)} on a worker; get() the result, or receive it in a callback. */
    public <T, R> AsyncResult<R> applyAsync(Function<T, R> fn, T input) {
        return applyAsync(fn, input, null);
    }

    /**
     * Runs {@code fn(input)} on a worker; {@code callback} gets the result on the pool's
     * result-handler thread in the main process, as in Python.
     */
    public <T, R> AsyncResult<R> applyAsync(Function<T, R> fn, T input, Consumer<R> callback) {
        if (callback != null && resultHandler == null) {
            callbacks = new SimQueue<>(s, "callbacks", 0, false);
            callbacks.showItemsAs(c -> c == null ? "None" : "callback");
            resultHandler = new SimThread(s, "Pool-result-handler", this::handleCallbacks, true, s.mainProcess,
                    ThreadRole.HELPER);
            s.start(resultHandler, false);
        }
        PoolJob job = submit("apply_async", fn, List.of(input), PoolJob.Wake.EACH, callback);
        return new AsyncResult<>(s, job);
    }

    private void handleCallbacks() {
        for (;;) {
            Runnable cb = callbacks.get();
            if (cb == null) {
                return;
            }
            cb.run();
            ScenarioThread.restore(0);
        }
    }

    /** No more tasks: workers end once the queued ones are done. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < workers.size(); i++) {
            tasks.put(null);
        }
    }

    /** Waits for every worker to end; close() first, as in Python. */
    public void join() {
        if (!closed) {
            throw new PyError("ValueError", "Pool is still running");
        }
        for (SimThread w : workers) {
            w.join();
        }
        if (resultHandler != null) {
            // Only now: every callback the workers queued runs before the handler stops.
            callbacks.put(null);
            resultHandler.join();
        }
    }

    /** The worker threads, one per process. */
    public List<SimThread> workers() {
        return List.copyOf(workers);
    }

    private final class ResultIterator<R> implements Iterator<R> {
        private final PoolJob job;
        private final boolean ordered;

        ResultIterator(PoolJob job, boolean ordered) {
            this.job = job;
            this.ordered = ordered;
        }

        @Override
        public boolean hasNext() {
            s.lock.lock();
            try {
                return job.consumed < job.size();
            } finally {
                s.lock.unlock();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public R next() {
            SimThread me = s.enter();
            try {
                if (job.consumed >= job.size()) {
                    throw new NoSuchElementException();
                }
                while (!available()) {
                    s.await(me, Reason.RESULT, job.variant, job.waiters, -1);
                }
                int index = ordered ? job.consumed : job.arrivals[job.consumed];
                job.consumed++;
                job.mark(s, me, index);
                return (R) job.take(index);
            } finally {
                s.lock.unlock();
            }
        }

        private boolean available() {
            return ordered ? job.done[job.consumed] : job.consumed < job.arrived;
        }
    }
}
