package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadRole;

/**
 * A scenario thread, with Python's threading.Thread semantics: create it, {@link #start()}
 * it (which returns once it has begun running), {@link #join()} it. Subclass it and override
 * {@link #run()}, or pass a target. Each started SimThread runs on its own java.lang.Thread
 * (a platform or a virtual one, see {@link Carrier}), but only when the runtime's scheduler lets it.
 */
public class SimThread {
    final Scheduler scheduler;
    final int id;
    final Interpreter process;
    final ThreadRole role;
    private volatile String name;
    private final Runnable target;
    boolean daemon;

    // Guarded by the scheduler lock.
    Thread javaThread;
    boolean started;
    boolean running;
    boolean dead;
    volatile boolean killed;
    boolean computing;
    long cpuRemaining;
    long sliceStart;
    /** When the thread last got its core: the switch interval counts from here. */
    long quantumStart;
    long waitToken;
    boolean timedOut;
    WaitList waitingOn;
    SimThread starter;
    /** Who started the first thread of a new process, for the start once the fork is done. */
    SimThread forkedBy;
    final WaitList joiners = new WaitList();
    /** Reason and detail of the current wait, to name it in a deadlock report. */
    Reason waitReason = Reason.NONE;
    String waitDetail;
    /** The thread holding what this one waits for (a lock's owner, a joined thread), or null. */
    SimThread blockedOn;
    /** Scenario source line of the thread's latest runtime call. */
    int line;
    /** The line its code is at when a virtual thread carries it (see {@link ScenarioThread}). */
    int stamp;
    /** The asyncio event loop running on this thread (inside asyncio.run), or null. */
    EventLoop loop;
    /** The task whose step this thread is running, or null: its lane mirrors the thread's waits. */
    SimTask<?> currentTask;

    /** A thread that runs {@link #run()}; override it. The daemon flag is inherited from the creator. */
    public SimThread(String name) {
        this(name, null);
    }

    /** A thread that runs {@code target}. The daemon flag is inherited from the creator, as in Python. */
    public SimThread(String name, Runnable target) {
        this(Scheduler.current(), name, target, Scheduler.currentThread().daemon, null, ThreadRole.THREAD);
    }

    /** A thread that runs {@code target}, daemon or not. */
    public SimThread(String name, Runnable target, boolean daemon) {
        this(Scheduler.current(), name, target, daemon, null, ThreadRole.THREAD);
    }

    SimThread(Scheduler scheduler, String name, Runnable target, boolean daemon, Interpreter process,
              ThreadRole role) {
        this.scheduler = scheduler;
        this.name = name;
        this.target = target;
        this.daemon = daemon;
        this.role = role;
        this.process = process != null ? process : scheduler.processOfCaller();
        this.id = scheduler.register(this);
    }

    /** The thread's work. The default runs the target given to the constructor. */
    public void run() {
        if (target != null) {
            target.run();
        }
    }

    /** Starts the thread and returns once it has begun running, as CPython's start() does. */
    public final void start() {
        scheduler.start(this, true);
    }

    /** Waits until this thread has ended. */
    public final void join() {
        scheduler.join(this, -1);
    }

    /** Waits until this thread has ended, or {@code seconds} have passed. */
    public final void join(double seconds) {
        scheduler.join(this, Scheduler.micros(seconds));
    }

    /** True from start() until the thread has ended. */
    public final boolean isAlive() {
        return scheduler.isAlive(this);
    }

    public final String getName() {
        return name;
    }

    /** Lock held; through {@link Scheduler#rename}, which renames the lane too. */
    void rename(String newName) {
        name = newName;
    }

    public final boolean isDaemon() {
        return daemon;
    }

    /** Marks the thread daemon or not; only before it is started, as in Python. */
    public final void setDaemon(boolean on) {
        scheduler.setDaemon(this, on);
    }

    /** The scenario thread calling this. */
    public static SimThread current() {
        return Scheduler.currentThread();
    }

    @Override
    public String toString() {
        return "SimThread[" + name + "]";
    }

    /**
     * The current wait in words ("get ping", "sleep", "io download"), for a deadlock or stall report;
     * made when asked, as a run waits a million times for every report it writes.
     */
    String waitDescription() {
        return switch (waitReason) {
            case NONE -> "";
            case SLEEP -> "sleep";
            case IO -> "io " + waitDetail;
            case SELECT -> "select (" + waitDetail + ")";
            default -> waitDetail == null ? waitReason.label() : waitReason.label() + " " + waitDetail;
        };
    }
}
