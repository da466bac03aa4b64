package io.threadline.runtime;

import java.util.Random;

/**
 * The base of every scenario's program. Its methods read like the Python they model
 * ({@code print}, {@code sleep}, {@code cpu}), and every one of them goes through the runtime,
 * which records what the calling thread does. Scenario code must block only through these
 * and the runtime's primitives ({@link SimThread}, {@link SimQueue}, {@link ProcessPool}).
 */
public abstract class Program {
    private Scheduler scheduler;
    private Random random;
    private HostedRuntime hosted;

    /** The main thread's code. */
    protected abstract void main() throws Exception;

    final void bind(Scheduler s) {
        if (scheduler != null) {
            throw new IllegalStateException("a program instance runs once");
        }
        scheduler = s;
        random = new Random(s.options.seed() * 31 + 17);
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
    protected final ThreadPoolExecutor executor(int maxWorkers) {
        return new ThreadPoolExecutor(rt(), maxWorkers);
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

    /** A value drawn as a counter track under the lanes (e.g. a shared counter), starting at {@code initial}. */
    protected final SimCounter counter(String name, long initial) {
        return new SimCounter(rt(), name, initial);
    }

    /** A multiprocessing.Pool of {@code processes} worker processes, each with its own GIL. */
    protected final ProcessPool pool(int processes) {
        return new ProcessPool(rt(), processes);
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

    /** A random source seeded from the run's seed: same seed, same choices. */
    protected final Random random() {
        return random;
    }
}
