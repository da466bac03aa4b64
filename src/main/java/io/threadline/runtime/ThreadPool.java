package io.threadline.runtime;

/**
 * Python's multiprocessing.pool.ThreadPool: the Pool's calls on worker threads of the caller's
 * process ("Thread-N (worker)"), so they share its GIL; see {@link SimPool} for the calls.
 */
public final class ThreadPool extends SimPool {
    ThreadPool(Scheduler s, int threads) {
        super(s, threads, true);
    }
}
