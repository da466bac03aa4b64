package io.threadline.runtime;

/**
 * Python's multiprocessing.Pool: worker processes ("ForkPoolWorker-N"), each with its own GIL
 * and one worker thread; see {@link SimPool} for the calls.
 */
public final class ProcessPool extends SimPool {
    ProcessPool(Scheduler s, int processes) {
        super(s, processes, false);
    }

    @Override
    void killWorkers() {
        s.terminate(workers(), "terminated with the pool");
    }
}
