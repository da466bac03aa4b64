package io.threadline.runtime;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The base of every scenario's program. Its methods read like the Python they model
 * ({@code print}, {@code sleep}, {@code cpu}), and every one of them goes through the runtime,
 * which records what the calling thread does. Scenario code must block only through these
 * and the runtime's primitives ({@link SimThread}, {@link SimQueue}, {@link ProcessPool}).
 */
public abstract class Program implements Cloneable {
    private Scheduler scheduler;
    private PyRandom random;
    private HostedRuntime hosted;

    /** Python's asyncio module: {@code asyncio.run(...)}, {@code asyncio.sleep(1)} ... */
    protected final Asyncio asyncio = new Asyncio();

    /** The main thread's code. */
    protected abstract void main() throws Exception;

    final void bind(Scheduler s) {
        if (scheduler != null) {
            throw new IllegalStateException("a program instance runs once");
        }
        scheduler = s;
        // As the Python twins' random.seed(SEED): the same seed draws the same numbers.
        random = new PyRandom(s.options.seed());
    }

    /** A shallow copy bound to the same run, for a child process; {@link ForkCopy} copies the data. */
    final Program cloneForFork() {
        try {
            Program copy = (Program) super.clone();
            copy.random = random.copy();
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    final void runMain() {
        try {
            main();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new PyError(e.getClass().getSimpleName(), e.getMessage());
        }
    }

    private Scheduler rt() {
        if (scheduler == null) {
            throw new IllegalStateException("program is not running");
        }
        return scheduler;
    }

    /**
     * Prints a line, as Python's print(*values) does: the values' Python text joined by spaces
     * (True/False, None, lists as [a, b]). Recorded with the time and the printing thread.
     */
    protected final void print(Object... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(PyText.of(values[i]));
        }
        rt().print(b.toString());
    }

    /** Blocks the calling thread for {@code seconds} of scenario time (waiting: sleep). */
    protected final void sleep(double seconds) {
        rt().sleep(Scheduler.micros(seconds));
    }

    /** Computes for {@code seconds} of scenario time on a core, holding the GIL (running). */
    protected final void cpu(double seconds) {
        rt().cpu(Scheduler.micros(seconds));
    }

    /** Waits {@code seconds} for input/output, e.g. a download (waiting: io); the GIL is free meanwhile. */
    protected final void io(double seconds, String what) {
        rt().io(Scheduler.micros(seconds), what);
    }

    /** A concurrent.futures.ThreadPoolExecutor with up to {@code maxWorkers} threads. */
    protected final SimThreadPoolExecutor executor(int maxWorkers) {
        return new SimThreadPoolExecutor(rt(), maxWorkers);
    }

    /** A concurrent.futures.ProcessPoolExecutor with up to {@code maxWorkers} worker processes. */
    protected final SimProcessPoolExecutor processExecutor(int maxWorkers) {
        return new SimProcessPoolExecutor(rt(), maxWorkers);
    }

    /** concurrent.futures.wait(fs): waits until all are done (or cancelled and notified). */
    protected final <T> Futures.DoneAndNotDone<T> wait(java.util.List<SimFuture<T>> fs) {
        return Futures.wait(rt(), fs, -1, Futures.ReturnWhen.ALL_COMPLETED);
    }

    /** concurrent.futures.wait(fs, timeout, return_when); a negative timeout waits as long as it takes. */
    protected final <T> Futures.DoneAndNotDone<T> wait(java.util.List<SimFuture<T>> fs, double timeout,
                                                       Futures.ReturnWhen when) {
        return Futures.wait(rt(), fs, timeout < 0 ? -1 : Scheduler.micros(timeout), when);
    }

    /** A new thread running {@code body}; call start() on it. */
    protected final SimThread thread(String name, Runnable body) {
        return new SimThread(name, body);
    }

    /** A new daemon or non-daemon thread running {@code body}. */
    protected final SimThread thread(String name, Runnable body, boolean daemon) {
        return new SimThread(name, body, daemon);
    }

    /** A queue.Queue with this capacity (0 = unbounded); its length is a counter track. */
    protected final <T> SimQueue<T> queue(String name, int capacity) {
        return new SimQueue<>(rt(), name, capacity, true);
    }

    /**
     * A multiprocessing.Queue with this capacity (0 = unbounded), for passing data between
     * processes: what is put arrives as a copy. Its length is a counter track.
     */
    protected final <T> SimQueue<T> processQueue(String name, int capacity) {
        return new SimQueue<>(rt(), name, capacity, true, true);
    }

    /** multiprocessing.Pipe(): two connected ends, each can send and recv. */
    protected final SimPipe pipe(String name) {
        return new SimPipe(rt(), name, true);
    }

    /** multiprocessing.Pipe(duplex): with false, the first end receives what the second sends. */
    protected final SimPipe pipe(String name, boolean duplex) {
        return new SimPipe(rt(), name, duplex);
    }

    /** multiprocessing.Value(typecode, initial): shared memory with its lock. */
    protected final <T> SimValue<T> sharedValue(String name, String typecode, T initial) {
        return new SimValue<>(rt(), name, typecode, initial);
    }

    /** multiprocessing.Array(typecode, initial): a shared array with its lock. */
    protected final <T> SimArray<T> sharedArray(String name, String typecode, java.util.List<T> initial) {
        return new SimArray<>(rt(), name, typecode, initial);
    }

    /** multiprocessing.Manager(): a server process holding shared objects (manager.dict()). */
    protected final SimManager manager() {
        return new SimManager(rt());
    }

    /** A threading.Lock: one holder at a time, not reentrant. */
    protected final SimLock lock(String name) {
        return new SimLock(rt(), name, false);
    }

    /** A threading.RLock: its owner may acquire it again. */
    protected final SimLock rlock(String name) {
        return new SimLock(rt(), name, true);
    }

    /** A threading.Semaphore with {@code value} permits. */
    protected final SimSemaphore semaphore(String name, int value) {
        return new SimSemaphore(rt(), name, value, false);
    }

    /** A threading.BoundedSemaphore: releasing more than acquired raises ValueError. */
    protected final SimSemaphore boundedSemaphore(String name, int value) {
        return new SimSemaphore(rt(), name, value, true);
    }

    /** A threading.Event, initially clear. */
    protected final SimEvent event(String name) {
        return new SimEvent(rt(), name);
    }

    /** A threading.Condition around a new RLock. */
    protected final SimCondition condition(String name) {
        return new SimCondition(rt(), name, rlock(name + " lock"));
    }

    /** A threading.Condition around {@code lock}. */
    protected final SimCondition condition(String name, SimLock lock) {
        return new SimCondition(rt(), name, lock);
    }

    /** A threading.Barrier for {@code parties} threads. */
    protected final SimBarrier barrier(String name, int parties) {
        return new SimBarrier(rt(), name, parties, null, -1);
    }

    /** A threading.Barrier whose last arriving thread runs {@code action}; waits time out after {@code timeout} s (negative: never). */
    protected final SimBarrier barrier(String name, int parties, Runnable action, double timeout) {
        return new SimBarrier(rt(), name, parties, action, timeout);
    }

    /** A value drawn as a counter track under the lanes (e.g. a shared counter), starting at {@code initial}. */
    protected final SimCounter counter(String name, long initial) {
        return new SimCounter(rt(), name, initial);
    }

    /** A multiprocessing.Pool of {@code processes} worker processes, each with its own GIL. */
    protected final ProcessPool pool(int processes) {
        return new ProcessPool(rt(), processes);
    }

    /** A multiprocessing.pool.ThreadPool of {@code threads} worker threads in this process (one GIL). */
    protected final ThreadPool threadPool(int threads) {
        return new ThreadPool(rt(), threads);
    }

    /**
     * sys.exit(code): ends the calling thread without a traceback. In a process's main thread
     * the code becomes the process's exit status (a child's exitcode, the program's status).
     */
    protected final void exit(int code) {
        throw new SystemExit(code);
    }

    /**
     * A multiprocessing.Process whose child runs {@code target} on its own copy of this
     * program: {@code process(MyProgram::child)}. Call start() on it.
     */
    @SuppressWarnings("unchecked")
    protected final <P extends Program> SimProcess process(Consumer<P> target) {
        return new SimProcess(rt(), this, p -> target.accept((P) p));
    }

    /** As {@link #process(Consumer)}, passing {@code arg}: Process(target=child, args=(arg,)). */
    @SuppressWarnings("unchecked")
    protected final <P extends Program, A> SimProcess process(BiConsumer<P, A> target, A arg) {
        return new SimProcess(rt(), this, p -> target.accept((P) p, arg));
    }

    /** As {@link #process(Consumer)}, passing two arguments: Process(target=child, args=(a, b)). */
    @SuppressWarnings("unchecked")
    protected final <P extends Program, A, B> SimProcess process(ProcessTarget<P, A, B> target, A a, B b) {
        return new SimProcess(rt(), this, p -> target.run((P) p, a, b));
    }

    /** As {@link #process(Consumer)}, passing three arguments: Process(target=child, args=(a, b, c)). */
    @SuppressWarnings("unchecked")
    protected final <P extends Program, A, B, C> SimProcess process(ProcessTarget3<P, A, B, C> target, A a, B b, C c) {
        return new SimProcess(rt(), this, p -> target.run((P) p, a, b, c));
    }

    /** A target taking the child's program and two arguments. */
    @FunctionalInterface
    protected interface ProcessTarget<P, A, B> {
        void run(P program, A a, B b);
    }

    /** A target taking the child's program and three arguments. */
    @FunctionalInterface
    protected interface ProcessTarget3<P, A, B, C> {
        void run(P program, A a, B b, C c);
    }

    /** os.getpid(): the calling thread's process id (repeatable: 1000 for the main process). */
    protected final int getpid() {
        return rt().pid();
    }

    /** {@code await task} in a coroutine: waits (await) for the task; its result, or its error raised. */
    protected final <T> T await(SimTask<T> task) {
        return asyncio.await(task);
    }

    /** Scenario time now, in seconds. */
    protected final double now() {
        return rt().now() / 1e6;
    }

    /** The thread running this code. */
    protected final SimThread currentThread() {
        return SimThread.current();
    }

    /** The runtime's calls for a program whose threads run outside the JVM (see {@link HostedRuntime}). */
    protected final HostedRuntime hosted() {
        if (hosted == null) {
            hosted = new HostedRuntime(rt());
        }
        return hosted;
    }

    /**
     * Python's random module seeded with the run's seed ({@code random.seed(SEED)}): the same
     * seed makes the same choices, and the same numbers as the Python twin draws.
     */
    protected final PyRandom random() {
        return random;
    }

    /** Python's str() of a value, for building text: {@code "Ledger: " + str(ledger)} quotes as Python does. */
    protected static String str(Object value) {
        return PyText.of(value);
    }
}
