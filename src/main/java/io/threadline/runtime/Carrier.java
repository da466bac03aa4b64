package io.threadline.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * What a scenario thread runs on. Either way only the thread holding the baton runs and the
 * others are parked, so a run records the same trace on both; what differs is the cost of a
 * handoff. A platform thread is woken by the kernel (a few microseconds); a virtual thread (Java
 * 21 and later) is a continuation the JVM mounts on one of its carrier threads, so a handoff is a
 * continuation switch. The project compiles for Java 17: virtual threads are reached by
 * reflection, once.
 *
 * <p>A run takes the carrier named by the system property {@value #PROPERTY} ({@code platform}
 * or {@code virtual}), else virtual threads where the JVM has them. A virtual thread spinning in
 * scenario code cannot be ended on those JVMs and keeps its carrier thread for good, so once the
 * watchdog has failed to end one, later runs go back to platform threads.
 */
public enum Carrier {
    /** A java.lang.Thread of its own, on every JVM. */
    PLATFORM,
    /** A virtual thread: Java 21 and later. */
    VIRTUAL;

    /** System property choosing the carrier of new runs: {@code platform} or {@code virtual}. */
    public static final String PROPERTY = "threadline.carrier";

    /** Virtual threads' factory, or null on a JVM without them (Java 17 to 20). */
    private static final ThreadFactory VIRTUAL_THREADS = virtualThreadFactory();
    /** The carrier of runs started by this thread inside {@link #use}, or null. */
    private static final ThreadLocal<Carrier> SCOPED = new ThreadLocal<>();
    /** Set once a virtual thread could not be ended (see the class comment). */
    private static volatile boolean virtualRetired;
    /** Virtual threads of runs that have not ended: the JVM lists only platform threads. */
    private static final Set<Thread> VIRTUAL_LIVE = ConcurrentHashMap.newKeySet();

    /** Whether this JVM can carry scenario threads this way. */
    public boolean isAvailable() {
        return this == PLATFORM || VIRTUAL_THREADS != null;
    }

    /**
     * The carrier a run started now gets: the one {@link #use} names on this thread, else the
     * one the system property names, else virtual threads where the JVM has them. One that is not
     * available here falls back to platform threads.
     */
    public static Carrier forNewRun() {
        Carrier c = SCOPED.get();
        if (c == null) {
            String asked = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
            c = asked.equals("platform") ? PLATFORM : VIRTUAL;
            if (c == VIRTUAL && virtualRetired) {
                c = PLATFORM;
            }
        }
        return c.isAvailable() ? c : PLATFORM;
    }

    /** Runs {@code work} with the runs it starts on this thread carried by {@code carrier}. */
    public static <T> T use(Carrier carrier, Callable<T> work) throws Exception {
        Carrier before = SCOPED.get();
        SCOPED.set(carrier);
        try {
            return work.call();
        } finally {
            if (before == null) {
                SCOPED.remove();
            } else {
                SCOPED.set(before);
            }
        }
    }

    /** A new, unstarted thread of this kind running {@code body}. */
    Thread newThread(Runnable body, String name) {
        if (this == VIRTUAL && VIRTUAL_THREADS != null) {
            Thread t = VIRTUAL_THREADS.newThread(() -> {
                try {
                    body.run();
                } finally {
                    VIRTUAL_LIVE.remove(Thread.currentThread());
                }
            });
            t.setName(name);
            VIRTUAL_LIVE.add(t);
            return t;
        }
        // A thread of its own, not kept; a daemon, as a stuck one must never keep the JVM alive.
        return new ScenarioThread(body, name);
    }

    /**
     * Runs {@code body} for {@code owner} on a started thread of this kind, then {@code onEnd}
     * (also if the body threw). Platform threads are kept between runs ({@link ScenarioThread}:
     * starting one costs more than a short run); a virtual thread costs too little to keep.
     */
    Thread start(Runnable body, String name, Object owner, Runnable onEnd) {
        if (this == VIRTUAL && VIRTUAL_THREADS != null) {
            Thread t = newThread(() -> {
                try {
                    body.run();
                } finally {
                    onEnd.run();
                }
            }, name);
            t.start();
            return t;
        }
        return ScenarioThread.start(body, name, owner, onEnd);
    }

    /** Called when a stuck scenario thread could not be ended: new runs take platform threads. */
    static void retireIfVirtual(Thread stuck) {
        if (!(stuck instanceof ScenarioThread)) {
            virtualRetired = true;
        }
    }

    /** The virtual threads of runs still alive (Thread.getAllStackTraces leaves them out). */
    static List<Thread> liveVirtualThreads() {
        List<Thread> live = new ArrayList<>();
        for (Thread t : VIRTUAL_LIVE) {
            if (t.isAlive()) {
                live.add(t);
            }
        }
        return live;
    }

    private static ThreadFactory virtualThreadFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Java 17 to 18 have no such method; 19 and 20 refuse it without --enable-preview.
            return null;
        }
    }
}
