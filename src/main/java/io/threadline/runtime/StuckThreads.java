package io.threadline.runtime;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Ends the Java threads of scenario code that the watchdog found stuck outside the runtime.
 * First an interrupt (enough for a raw sleep or wait); a thread that still runs after a grace
 * period (a busy loop) is stopped with Thread.stop where the JVM still supports it (Java 17).
 * Daemon threads either way, so a thread that cannot be ended never keeps the JVM alive.
 */
final class StuckThreads {
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final Map<Thread, Long> PENDING = new ConcurrentHashMap<>();

    private StuckThreads() {
    }

    /** Ends {@code t}, stuck in {@code owner}'s body (it is retired: it serves no other run after). */
    static void end(Thread t, Object owner) {
        ScenarioThread.interrupt(t, owner);
        PENDING.put(t, System.nanoTime() + GRACE_NANOS);
    }

    /** Called by the watchdog on each tick. */
    static void sweep(long nowNanos) {
        for (Iterator<Map.Entry<Thread, Long>> it = PENDING.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Thread, Long> e = it.next();
            Thread t = e.getKey();
            if (!t.isAlive()) {
                it.remove();
            } else if (nowNanos >= e.getValue()) {
                it.remove();
                forceStop(t);
            }
        }
    }

    private static void forceStop(Thread t) {
        try {
            Thread.class.getMethod("stop").invoke(t);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Newer JVMs refuse Thread.stop: the daemon thread is left to spin, but the run has
            // ended and its state is recorded; nothing waits for the thread. A virtual one keeps
            // its carrier thread too, so later runs take platform threads.
            Carrier.retireIfVirtual(t);
        }
    }
}
