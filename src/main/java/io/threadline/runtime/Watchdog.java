package io.threadline.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Notices a run whose scenario code has stopped coming back to the runtime: a thread that
 * spins without calling it, or blocks outside it (a raw Thread.sleep or lock). The virtual
 * clock cannot move then, so without this the run would hang forever. One daemon thread
 * watches every live run; it costs the runs one volatile increment per runtime call.
 */
final class Watchdog {
    private static final Set<Scheduler> RUNS = ConcurrentHashMap.newKeySet();
    private static final long PERIOD_MILLIS = 100;
    private static Thread thread;

    private Watchdog() {
    }

    static synchronized void watch(Scheduler s) {
        RUNS.add(s);
        if (thread == null || !thread.isAlive()) {
            thread = new Thread(Watchdog::loop, "threadline-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    static void forget(Scheduler s) {
        RUNS.remove(s);
    }

    private static void loop() {
        for (;;) {
            try {
                TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Scheduler s : RUNS) {
                s.checkStall(now);
            }
            StuckThreads.sweep(now);
        }
    }
}
