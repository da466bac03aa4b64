package io.threadline.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The platform thread under a scenario thread ({@link Carrier#PLATFORM}). It carries the
 * scenario source line the thread is at, stamped by the scenario's own code (see {@link Lines}),
 * so that recording the line of a runtime call costs a field read instead of a stack walk. A
 * virtual thread cannot be subclassed: its stamp is kept in its {@link SimThread}, reached
 * through the scheduler's thread-local, a few nanoseconds more per stamp.
 *
 * <p>Java threads are kept between runs: starting one costs more than a whole short run on the
 * virtual clock, and a search runs thousands. A thread whose scenario thread has ended goes back
 * to the idle ones (named {@value #IDLE_NAME}), is cleaned of its interrupt and stamp, and takes
 * the next scenario thread of any run. Whatever the old run still does to it (an interrupt, an
 * end for being stuck) goes through {@link #interrupt(Thread, Object)} and
 * {@link #retire(Thread, Object)}, which act only while it still serves that scenario thread.
 */
final class ScenarioThread extends Thread {
    static final String IDLE_NAME = "threadline-idle";
    private static final int MAX_IDLE = 64;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** The owner of a thread that runs one body and is not kept: any owner's interrupt reaches it. */
    private static final Object ANY = new Object();
    /** Idle threads, the most recently used last (its stack is warm). */
    private static final ArrayDeque<ScenarioThread> IDLE = new ArrayDeque<>();

    /** The line last stamped by scenario code on this thread; 0 outside scenario code. */
    int line;

    // guarded by this
    private Runnable body;
    private Runnable onEnd;
    private Object owner;
    private boolean retired;

    private ScenarioThread() {
        super(IDLE_NAME);
        // A stuck scenario thread must never keep the JVM alive.
        setDaemon(true);
    }

    /** A thread that runs {@code body} once and is not kept (an asyncio task's carrier, a benchmark's worker). */
    ScenarioThread(Runnable body, String name) {
        super(name);
        setDaemon(true);
        this.body = body;
        this.onEnd = () -> { };
        this.owner = ANY;
        this.retired = true;
    }

    /**
     * Runs {@code body} for {@code owner} on a Java thread named {@code name}, kept from an earlier
     * run or new, then {@code onEnd} (also if the body threw).
     */
    static Thread start(Runnable body, String name, Object owner, Runnable onEnd) {
        ScenarioThread t;
        synchronized (IDLE) {
            t = IDLE.pollLast();
        }
        boolean fresh = t == null;
        if (fresh) {
            t = new ScenarioThread();
        }
        synchronized (t) {
            t.body = body;
            t.onEnd = onEnd;
            t.owner = owner;
            t.setName(name);
        }
        if (fresh) {
            t.start();
        } else {
            LockSupport.unpark(t);
        }
        return t;
    }

    /** Interrupts {@code t} if it still runs {@code owner}'s body (a stuck raw sleep or wait). */
    static void interrupt(Thread t, Object owner) {
        if (t instanceof ScenarioThread s) {
            synchronized (s) {
                if (s.owner == owner || s.owner == ANY) {
                    s.interrupt();
                }
            }
        } else {
            t.interrupt();
        }
    }

    /**
     * Marks {@code t} never to be used again if it still runs {@code owner}'s body (it is stuck and
     * may have to be stopped); false if it has moved on.
     */
    static boolean retire(Thread t, Object owner) {
        if (t instanceof ScenarioThread s) {
            synchronized (s) {
                if (s.owner != owner && s.owner != ANY) {
                    return false;
                }
                s.retired = true;
            }
        }
        return true;
    }

    @Override
    public void run() {
        for (;;) {
            Runnable b = next();
            if (b == null) {
                return;
            }
            Runnable end;
            boolean last;
            try {
                b.run();
            } catch (RuntimeException | Error e) {
                // the body records its own ending; nothing here may take the thread down
            } finally {
                synchronized (this) {
                    end = onEnd;
                    body = null;
                    onEnd = null;
                    owner = null;
                    line = 0;
                    last = retired;
                    setName(IDLE_NAME);
                    Thread.interrupted();
                }
                end.run();
            }
            if (last) {
                return;
            }
            synchronized (IDLE) {
                if (IDLE.size() >= MAX_IDLE) {
                    return;
                }
                IDLE.addLast(this);
            }
        }
    }

    /** The next body to run, waiting idle for it; null once idle for too long (the thread then ends). */
    private Runnable next() {
        long deadline = System.nanoTime() + IDLE_NANOS;
        for (;;) {
            synchronized (this) {
                if (body != null) {
                    return body;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                synchronized (IDLE) {
                    if (IDLE.remove(this)) {
                        return null;
                    }
                }
                // taken meanwhile: its body is on the way
                deadline = System.nanoTime() + IDLE_NANOS;
            }
            LockSupport.parkNanos(this, Math.max(1, left));
        }
    }

    /** The calling thread's stamp, 0 for a thread that is not a scenario's. */
    static int line() {
        if (Thread.currentThread() instanceof ScenarioThread t) {
            return t.line;
        }
        SimThread v = Scheduler.CURRENT.get();
        return v == null ? 0 : v.stamp;
    }

    /** As {@link #line()}, for a caller that has looked up the scenario thread it acts for already. */
    static int line(SimThread current) {
        return Thread.currentThread() instanceof ScenarioThread t ? t.line : current.stamp;
    }

    /** Sets the calling thread's stamp (scenario code is at {@code line}, or runtime code ran it). */
    static void restore(int line) {
        if (Thread.currentThread() instanceof ScenarioThread t) {
            t.line = line;
            return;
        }
        SimThread v = Scheduler.CURRENT.get();
        if (v != null) {
            v.stamp = line;
        }
    }
}
