package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadRole;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Python's multiprocessing pools: {@link ProcessPool} (worker processes, each with its own GIL)
 * and {@link ThreadPool} (worker threads of the caller's process, sharing its GIL). Workers take
 * tasks from a shared task queue (waiting: queue-get while there are none); a task is a chunk
 * of one call's inputs, computed one after the other, whose results go back together to the
 * thread that asked (waiting: result, woken by the delivering worker). Finish with
 * {@link #close()} then {@link #join()}, as Python requires, or {@link #terminate()}.
 */
public abstract class SimPool {
    final Scheduler s;
    private final SimQueue<Object[]> tasks;
    private final List<SimThread> workers = new ArrayList<>();
    private SimQueue<Runnable> callbacks;
    private SimThread resultHandler;
    private boolean closed;

    SimPool(Scheduler s, int count, boolean threads) {
        if (count < 1) {
            throw new PyError("ValueError", "Number of processes must be at least 1");
        }
        this.s = s;
        this.tasks = new SimQueue<>(s, "tasks", 0, false);
        tasks.showItemsAs(SimPool::taskText);
        for (int i = 0; i < count; i++) {
            SimThread w;
            if (threads) {
                // multiprocessing.dummy names its workers as threading does, plus the target.
                w = new SimThread(s, "Thread-" + s.nextThreadNumber() + " (worker)", this::workLoop, true,
                        s.processOfCaller(), ThreadRole.WORKER);
            } else {
                String name = "ForkPoolWorker-" + s.nextChildNumber();
                w = new SimThread(s, name, this::workLoop, true, s.newProcess(name), ThreadRole.WORKER);
            }
            workers.add(w);
        }
        for (SimThread w : workers) {
            // A thread's start() waits for it to begin; forking a process does not.
            s.start(w, threads);
        }
    }

    private void workLoop() {
        for (;;) {
            Object[] task = tasks.get();
            if (task == null) {
                return;
            }
            PoolJob job = (PoolJob) task[0];
            int chunk = (Integer) task[1];
            int start = job.chunkStart(chunk);
            Object[] values = new Object[job.chunkEnd(chunk) - start];
            Throwable error = null;
            // CPython's mapstar: list(map(func, chunk)); the first error ends the chunk.
            for (int i = 0; i < values.length && error == null; i++) {
                TaskCall call = TaskCall.of(job.fn, job.inputs.get(start + i));
                values[i] = call.value();
                error = call.error();
            }
            Runnable callback = null;
            SimThread me = s.enter();
            try {
                job.deliver(s, chunk, values, error, me);
                callback = callbackFor(job);
            } finally {
                s.lock.unlock();
            }
            if (callback != null) {
                callbacks.put(callback);
            }
        }
    }

    /** The callback to run on the result handler now that a chunk of {@code job} is in, if any. */
    private Runnable callbackFor(PoolJob job) {
        if (job.callback == null && job.errorCallback == null || !job.allDone()) {
            return null;
        }
        boolean single = job.variant.equals("apply_async");
        if (job.firstError != null) {
            Throwable e = job.firstError;
            return () -> {
                if (job.errorCallback != null) {
                    job.errorCallback.accept(e);
                }
                readyNow(job);
            };
        }
        return () -> {
            SimThread handler = SimThread.current();
            s.lock.lock();
            List<Object> all;
            try {
                for (int i = 0; i < job.size(); i++) {
                    job.mark(s, handler, i);
                }
                all = job.all();
            } finally {
                s.lock.unlock();
            }
            if (job.callback != null) {
                job.callback.accept(single ? all.get(0) : all);
            }
            readyNow(job);
        };
    }

    /** After its callback, the result is ready: the result handler wakes whoever waits in get(). */
    private void readyNow(PoolJob job) {
        ScenarioThread.restore(0);
        SimThread me = s.enter();
        try {
            job.callbackDone = true;
            job.wakeWaiters(s, me);
        } finally {
            s.lock.unlock();
        }
    }

    private PoolJob submit(String variant, Function<?, ?> fn, List<?> inputs, PoolJob.Wake wake, int chunksize,
                           Consumer<?> callback, Consumer<Throwable> errorCallback) {
        if (closed) {
            throw new PyError("ValueError", "Pool not running");
        }
        if (callback != null || errorCallback != null) {
            startResultHandler();
        }
        PoolJob job = new PoolJob(s, variant, inputs, fn, wake, chunksize, callback, errorCallback);
        for (int c = 0; c < job.chunks; c++) {
            tasks.put(new Object[] {job, c});
        }
        return job;
    }

    /** A task as the task queue's lane shows it: the call and its chunk's inputs ("map [1, 2]"), or None. */
    private static String taskText(Object task) {
        if (task == null) {
            return "None";
        }
        PoolJob job = (PoolJob) ((Object[]) task)[0];
        int chunk = (Integer) ((Object[]) task)[1];
        List<?> inputs = job.inputs.subList(job.chunkStart(chunk), job.chunkEnd(chunk));
        return job.variant + " " + (job.chunksize == 1 ? PyText.of(inputs.get(0)) : PyText.of(inputs));
    }

    /**
     * map's default chunksize, as CPython computes it: the inputs over four times the workers,
     * rounded up (so Pool(2).map over 10 inputs sends 5 tasks of 2).
     */
    private int defaultChunksize(int inputs) {
        int c = inputs / (workers.size() * 4);
        return inputs % (workers.size() * 4) != 0 ? c + 1 : c;
    }

    private static int checked(int chunksize) {
        if (chunksize < 1) {
            throw new PyError("ValueError", "Chunksize must be 1+, not " + chunksize);
        }
        return chunksize;
    }

    /** Applies {@code fn} to every input on the workers; returns the results in input order. */
    public <T, R> List<R> map(Function<T, R> fn, List<T> inputs) {
        return map(fn, inputs, defaultChunksize(inputs.size()));
    }

    /** As {@link #map(Function, List)}, {@code chunksize} inputs per task. */
    @SuppressWarnings("unchecked")
    public <T, R> List<R> map(Function<T, R> fn, List<T> inputs, int chunksize) {
        PoolJob job = submit("map", fn, inputs, PoolJob.Wake.ALL_DONE, checked(chunksize), null, null);
        return (List<R>) waitAll(job, "map");
    }

    /** Python's starmap: {@code fn(a, b)} for every pair, in input order (default chunksize as map). */
    public <A, B, R> List<R> starmap(BiFunction<A, B, R> fn, List<? extends Map.Entry<A, B>> pairs) {
        return starmap(fn, pairs, defaultChunksize(pairs.size()));
    }

    /** As {@link #starmap(BiFunction, List)}, {@code chunksize} pairs per task. */
    @SuppressWarnings("unchecked")
    public <A, B, R> List<R> starmap(BiFunction<A, B, R> fn, List<? extends Map.Entry<A, B>> pairs, int chunksize) {
        Function<Map.Entry<A, B>, R> star = e -> fn.apply(e.getKey(), e.getValue());
        PoolJob job = submit("starmap", star, pairs, PoolJob.Wake.ALL_DONE, checked(chunksize), null, null);
        return (List<R>) waitAll(job, "starmap");
    }

    private List<Object> waitAll(PoolJob job, String what) {
        SimThread me = s.enter();
        try {
            while (!job.allDone()) {
                s.await(me, Reason.RESULT, what, job.waiters, -1);
            }
            for (int i = 0; i < job.size(); i++) {
                job.mark(s, me, i);
            }
            return job.all();
        } finally {
            s.lock.unlock();
        }
    }

    /** map without waiting: get() the list later (default chunksize as map). */
    public <T, R> AsyncResult<List<R>> mapAsync(Function<T, R> fn, List<T> inputs) {
        return mapAsync(fn, inputs, defaultChunksize(inputs.size()), null, null);
    }

    /**
     * map without waiting, {@code chunksize} inputs per task; {@code callback} gets the whole
     * list (or {@code errorCallback} the first error) on the pool's result handler thread.
     */
    public <T, R> AsyncResult<List<R>> mapAsync(Function<T, R> fn, List<T> inputs, int chunksize,
                                                 Consumer<List<R>> callback, Consumer<Throwable> errorCallback) {
        PoolJob job = submit("map_async", fn, inputs, PoolJob.Wake.ALL_DONE, checked(chunksize), callback,
                errorCallback);
        return new AsyncResult<>(s, job, false);
    }

    /** Results in input order, each as soon as its chunk and all before it are done (chunksize 1). */
    public <T, R> Iterable<R> imap(Function<T, R> fn, List<T> inputs) {
        return imap(fn, inputs, 1);
    }

    /** As {@link #imap(Function, List)}, {@code chunksize} inputs per task. */
    public <T, R> Iterable<R> imap(Function<T, R> fn, List<T> inputs, int chunksize) {
        PoolJob job = submit("imap", fn, inputs, PoolJob.Wake.IN_ORDER, checked(chunksize), null, null);
        return () -> new ResultIterator<>(job, true);
    }

    /** Results in the order workers finish them (chunksize 1). */
    public <T, R> Iterable<R> imapUnordered(Function<T, R> fn, List<T> inputs) {
        return imapUnordered(fn, inputs, 1);
    }

    /** As {@link #imapUnordered(Function, List)}, {@code chunksize} inputs per task. */
    public <T, R> Iterable<R> imapUnordered(Function<T, R> fn, List<T> inputs, int chunksize) {
        PoolJob job = submit("imap_unordered", fn, inputs, PoolJob.Wake.EACH, checked(chunksize), null, null);
        return () -> new ResultIterator<>(job, false);
    }

    /** Runs {@code fn(input)} on a worker and waits for the result (waiting: result). */
    @SuppressWarnings("unchecked")
    public <T, R> R apply(Function<T, R> fn, T input) {
        PoolJob job = submit("apply", fn, List.of(input), PoolJob.Wake.ALL_DONE, 1, null, null);
        return (R) waitAll(job, "apply").get(0);
    }

    /** Runs {@code fn(input)} on a worker; get() the result, or receive it in a callback. */
    public <T, R> AsyncResult<R> applyAsync(Function<T, R> fn, T input) {
        return applyAsync(fn, input, null, null);
    }

    /**
     * Runs {@code fn(input)} on a worker; {@code callback} gets the result on the pool's
     * result-handler thread in the main process, as in Python.
     */
    public <T, R> AsyncResult<R> applyAsync(Function<T, R> fn, T input, Consumer<R> callback) {
        return applyAsync(fn, input, callback, null);
    }

    /** As {@link #applyAsync(Function, Object, Consumer)}; {@code errorCallback} gets the task's error. */
    public <T, R> AsyncResult<R> applyAsync(Function<T, R> fn, T input, Consumer<R> callback,
                                            Consumer<Throwable> errorCallback) {
        PoolJob job = submit("apply_async", fn, java.util.Collections.singletonList(input), PoolJob.Wake.EACH, 1,
                callback, errorCallback);
        return new AsyncResult<>(s, job, true);
    }

    private void startResultHandler() {
        if (resultHandler == null) {
            callbacks = new SimQueue<>(s, "callbacks", 0, false);
            callbacks.showItemsAs(c -> c == null ? "None" : "callback");
            resultHandler = new SimThread(s, "Pool-result-handler", this::handleCallbacks, true, s.mainProcess,
                    ThreadRole.HELPER);
            s.start(resultHandler, false);
        }
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

    /**
     * Stops the pool now, as leaving {@code with Pool() as pool:} does: queued tasks are dropped;
     * worker processes are killed where they are (a result not yet delivered never comes),
     * worker threads finish the task they are on.
     */
    public void terminate() {
        SimThread me = s.enter();
        try {
            tasks.clearLocked(me);
        } finally {
            s.lock.unlock();
        }
        close();
        killWorkers();
        join();
    }

    /** Ends the workers at once where that is possible (processes); threads cannot be killed. */
    void killWorkers() {
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

    /** The worker threads, one per process for a process pool. */
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
            return ordered ? job.done(job.consumed) : job.consumed < job.arrived;
        }
    }
}
