package io.threadline.runtime;

/**
 * Python's multiprocessing.Pool: worker processes ("ForkPoolWorker-N"), each with its own GIL
 * and one worker thread; see {@link SimPool} for the calls.
 */
public final class ProcessPool extends SimPool {
    ProcessPool(Scheduler s, int processes) {
        super(s, processes, false);
    }

    /**
     * The words before the colon are what a lane writes after a killed worker's mark: the call,
     * short enough to be read whole before the run's end on a projector, where "terminated with
     * the pool" read "terminated with…" (the playhead's line and an arrow of the run's last
     * instant stand in the way of longer words). The hover card gives all.
     */
    @Override
    void killWorkers() {
        s.terminate(workers(), "pool.terminate(): the pool's worker processes are killed with it");
    }
}
