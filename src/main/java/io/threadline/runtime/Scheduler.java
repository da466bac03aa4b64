package io.threadline.runtime;

import io.threadline.trace.ChoiceKind;
import io.threadline.trace.Reason;
import io.threadline.trace.ResourceOp;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.trace.WaitRole;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine of a run: virtual cores, a GIL per process, the clock and its timers, and the
 * baton. Every scenario thread is a real Java thread, but only the thread holding the baton
 * executes scenario code; all others are parked. Scenario code takes no scenario time; only
 * timers (sleep, cpu work, timeouts) move the clock. So a run is a deterministic function of
 * its program, options and seed, whatever the host machine does.
 *
 * <p>Whoever gives up the baton (by blocking, finishing or computing) picks the next thread
 * itself ({@link #nextToRun()}), so there is no separate scheduler thread. All state is
 * guarded by {@link #lock}.
 *
 * <p>Every real choice (two or more threads could go on) goes through {@link #decide}: the run's
 * own order says what it would pick, and the driver, if there is one, picks. Nothing else decides
 * who goes next, so the list of picks and the seed make the run again.
 */
final class Scheduler {
    static final ThreadLocal<SimThread> CURRENT = new ThreadLocal<>();
    private static final AtomicInteger RUNS = new AtomicInteger();
    /** Least scenario time a detected deadlock stays on screen before the run is stopped. */
    private static final long DEADLOCK_SHOWN = 500_000;

    final ReentrantLock lock = new ReentrantLock();
    private final Condition tick = lock.newCondition();
    /** Event loops and their tasks' carriers take turns on it (see EventLoop). */
    final Condition loopTurn = lock.newCondition();
    /** The Java threads carrying asyncio tasks: they run on their loop thread's behalf. */
    private final List<Thread> carriers = new ArrayList<>();
    /** The carriers made for this run's tasks: Java threads of their own, not kept. */
    private final List<Thread> carried = new ArrayList<>();
    private int taskNames;
    final Trace trace;
    final RunOptions options;
    final SimClock clock;
    /** The scenario's own order (FIFO or seeded): asked at every choice, so a run knows which picks were its own. */
    private final Chooser order;
    /** Who makes the choices when not the order itself: a list to replay, the student, a search. */
    private final Chooser driver;
    private final Condition decided = lock.newCondition();
    private volatile ChoicePoint pending;
    private int answer = Chooser.ASK;
    private int choices;
    private final CallSites sites;
    /** The program's classes stamp their lines (the build did it): no stack walk per call. */
    private final boolean stamped;
    private final String javaThreadPrefix;
    private final Carrier carrier;

    long now;
    private long timerSeq;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    /** Ready for a core (and GIL), in arrival order. */
    private final List<SimThread> runnable = new ArrayList<>();
    /** Holding a core, waiting for the baton to execute scenario code. */
    private final List<SimThread> ready = new ArrayList<>();
    private final List<SimThread> threads = new ArrayList<>();
    private final List<Interpreter> processes = new ArrayList<>();
    private int freeCores;
    private int children;
    private int namedThreads;
    private int executors;
    /**
     * Who may run scenario code. Handed on with a release store (no fence): the new holder's
     * volatile read of it sees everything written before, which is all a handoff needs.
     */
    private volatile SimThread baton;
    /**
     * Bumped on every runtime call and handoff; the watchdog reads it. Opaque, not volatile: a
     * volatile increment is a fence three times a handoff, and the watchdog only needs to see it
     * move within its stall limit.
     */
    private long progress;
    private static final VarHandle BATON;
    private static final VarHandle PROGRESS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            BATON = l.findVarHandle(Scheduler.class, "baton", SimThread.class);
            PROGRESS = l.findVarHandle(Scheduler.class, "progress", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private long lastSeenProgress = -1;
    private long lastProgressNanos;
    private int liveNonDaemon;
    /** The program's exit status so far: 1 once the main thread raised, sys.exit's code. */
    private int exitStatus;
    /** What set a non-zero exit status, for the outcome's message. */
    private String exitedBy;
    private boolean finishing;
    private volatile boolean finished;
    private final CountDownLatch ended = new CountDownLatch(1);
    /** Java threads still running a body of this run. */
    private final AtomicInteger bodies = new AtomicInteger();
    final Interpreter mainProcess;

    private enum TimerKind { SLEEP, TIMEOUT, CPU_SLICE, HANDOVER, FORK }

    private static final class Timer implements Comparable<Timer> {
        final long time;
        final long seq;
        final TimerKind kind;
        final SimThread thread;
        final long token;

        Timer(long time, long seq, TimerKind kind, SimThread thread) {
            this.time = time;
            this.seq = seq;
            this.kind = kind;
            this.thread = thread;
            this.token = thread.waitToken;
        }

        boolean stale() {
            return thread.dead || thread.waitToken != token;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    Scheduler(Trace trace, RunOptions options, Class<?> programClass, String mainProcessName) {
        this(trace, options, programClass, mainProcessName, null);
    }

    /** @param driver makes the run's choices; null for the run's own order */
    Scheduler(Trace trace, RunOptions options, Class<?> programClass, String mainProcessName, Chooser driver) {
        this.trace = trace;
        this.options = options;
        this.clock = options.clock() == ClockMode.PACED ? new PacedClock(options.speed()) : new VirtualClock();
        this.order = options.order() == SchedulingOrder.FIFO ? new FifoChooser() : new SeededChooser(options.seed());
        this.driver = driver;
        this.sites = new CallSites(programClass);
        this.stamped = Lines.stamped(programClass) && !Boolean.getBoolean(Lines.WALK_PROPERTY);
        this.freeCores = options.cores();
        this.javaThreadPrefix = Run.JAVA_THREAD_PREFIX + RUNS.incrementAndGet() + "-";
        this.carrier = Carrier.forNewRun();
        this.mainProcess = newProcess(mainProcessName);
    }

    // ------------------------------------------------------------------ who is calling

    static SimThread currentThread() {
        SimThread t = CURRENT.get();
        if (t == null) {
            throw new IllegalStateException("runtime calls must come from a scenario thread");
        }
        return t;
    }

    /** Makes the calling Java thread act for {@code t} (an asyncio task's carrier acts for its loop thread). */
    static void bindCurrent(SimThread t) {
        CURRENT.set(t);
    }

    static Scheduler current() {
        return currentThread().scheduler;
    }

    /** The process a new thread joins: its creator's, or the main process outside the run. */
    Interpreter processOfCaller() {
        SimThread t = CURRENT.get();
        return t != null && t.scheduler == this ? t.process : mainProcess;
    }

    static long micros(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new PyError("ValueError", "invalid duration: " + seconds);
        }
        if (seconds < 0) {
            throw new PyError("ValueError", "duration must be non-negative, got " + seconds);
        }
        return Math.round(seconds * 1_000_000.0);
    }

    /** Counts a step for the watchdog (one writer at a time; a lost count would not matter). */
    private void progressed() {
        PROGRESS.setOpaque(this, (long) PROGRESS.getOpaque(this) + 1);
    }

    /**
     * Takes the lock on behalf of the scenario thread calling, remembering its source line.
     * Throws {@link Killed} if the runtime has ended that thread. Callers unlock in finally.
     */
    SimThread enter() {
        SimThread me = currentThread();
        if (me.scheduler != this) {
            throw new IllegalStateException("a scenario thread called into another run");
        }
        progressed();
        int line = stamped ? ScenarioThread.line(me) : sites.line();
        lock.lock();
        if (me.killed || finished) {
            lock.unlock();
            throw new Killed();
        }
        me.line = line;
        return me;
    }

    // ------------------------------------------------------------------ processes and threads

    Interpreter newProcess(String name) {
        lock.lock();
        try {
            Interpreter p = new Interpreter(trace.addProcess(name), name, options.switchInterval());
            p.gil = ResourceRecorder.gil(this, p);
            processes.add(p);
            return p;
        } finally {
            lock.unlock();
        }
    }

    /** Adds a thread to the trace (state new); returns its id. */
    int register(SimThread t) {
        SimThread creator = CURRENT.get();
        if (creator != null && creator.scheduler == this) {
            enter();
        } else {
            lock.lock();
        }
        try {
            int id = trace.addThread(t.getName(), t.process.id, t.daemon, t.role);
            threads.add(t);
            int cause = creator != null && creator.scheduler == this ? creator.id : -1;
            trace.transition(id, now, ThreadState.NEW, Reason.CREATED, cause, null,
                    creator != null && creator.scheduler == this ? creator.line : 0);
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** Starts the run's first thread. Called once, from outside the run. */
    void startMain(SimThread main) {
        lock.lock();
        try {
            clock.anchor(0);
            Watchdog.watch(this);
            main.started = true;
            main.process.forked = true;
            liveNonDaemon++;
            main.process.liveNonDaemon++;
            main.javaThread = newJavaThread(main);
            makeRunnable(main, Reason.STARTED, null);
            allocate();
            SimThread first = nextToRun();
            if (first != null) {
                LockSupport.unpark(first.javaThread);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A Java thread running {@code t}'s body, which waits for the baton before anything else. */
    private Thread newJavaThread(SimThread t) {
        bodies.incrementAndGet();
        return carrier.start(() -> threadBody(t), javaThreadPrefix + t.getName(), t, this::bodyEnded);
    }

    private void bodyEnded() {
        if (bodies.decrementAndGet() == 0) {
            synchronized (bodies) {
                bodies.notifyAll();
            }
        }
    }

    /** Waits up to {@code nanos} until no Java thread runs a body of this run any more; true if none does. */
    boolean awaitBodies(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (bodies) {
            while (bodies.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(bodies, left);
            }
        }
        return true;
    }

    private void threadBody(SimThread t) {
        CURRENT.set(t);
        try {
            while (baton != t && !t.killed) {
                LockSupport.park(this);
            }
            if (t.killed) {
                return;
            }
            lock.lock();
            try {
                if (t.killed) {
                    return;
                }
                if (t.starter != null) {
                    wake(t.starter, Reason.WOKEN, t);
                    t.starter = null;
                }
            } finally {
                lock.unlock();
            }
            t.run();
            end(t, null);
        } catch (Killed k) {
            // Recorded by whoever killed the thread; unwinding is all that is left to do.
        } catch (Throwable e) {
            try {
                end(t, e);
            } catch (Killed k) {
                // stopped while its end waited for a choice
            }
        } finally {
            CURRENT.remove();
        }
    }

    /** The thread's code has returned ({@code error} null) or raised. */
    private void end(SimThread t, Throwable error) {
        SimThread next;
        lock.lock();
        try {
            if (t.killed || t.dead || finished) {
                return;
            }
            if (error != null) {
                String what = PyError.describe(error);
                // A hosted program printed its own traceback: the runtime adds no line of its own.
                boolean reported = error instanceof PyError p && p.isReported();
                boolean mainThread = t.role == ThreadRole.MAIN && t.process == mainProcess;
                SimProcess child = t.process.child != null && t.process.child.mainThread == t ? t.process.child : null;
                if (error instanceof SystemExit exit) {
                    // sys.exit: no traceback; a main thread's code is its process's exit status.
                    if (child != null) {
                        child.status = exit.code();
                    }
                    if (mainThread) {
                        exitStatus = exit.code();
                        exitedBy = exit.code() == 0 ? null : t.getName() + " called sys.exit(" + exit.code() + ")";
                    }
                } else {
                    if (child != null) {
                        child.status = 1;
                    }
                    if (!reported) {
                        if (child != null) {
                            // multiprocessing's header for a child's uncaught exception; exitcode 1
                            trace.output(now, t.id, "Process " + child.name() + ":", true);
                        } else if (!mainThread) {
                            // threading.excepthook's header; the main thread's traceback has none.
                            trace.output(now, t.id, "Exception in thread " + t.getName() + ":", true);
                        }
                        for (String line : Traceback.lines(error, sites.programClassName())) {
                            trace.output(now, t.id, line, true);
                        }
                    }
                    if (mainThread) {
                        exitStatus = 1;
                        exitedBy = t.getName() + " raised " + what;
                    }
                }
                t.line = lineOf(error, t.line);
                if (error instanceof SystemExit exit) {
                    // sys.exit ends the thread as an exit, not as an error: no traceback, "returned",
                    // with the call that gave its process's exit code
                    die(t, Reason.RETURNED, null, "sys.exit(" + exit.code() + ")");
                } else {
                    die(t, Reason.RAISED, null, what);
                }
            } else {
                die(t, Reason.RETURNED, null, null);
            }
            next = nextToRun();
        } finally {
            lock.unlock();
        }
        if (next != null) {
            LockSupport.unpark(next.javaThread);
        }
    }

    private int lineOf(Throwable error, int fallback) {
        String prefix = sites.programClassName();
        if (prefix != null) {
            for (StackTraceElement e : error.getStackTrace()) {
                if (e.getClassName().equals(prefix) || e.getClassName().startsWith(prefix + "$")) {
                    return Math.max(0, e.getLineNumber());
                }
            }
        }
        return fallback;
    }

    // ------------------------------------------------------------------ the primitives' core

    void start(SimThread t, boolean handshake) {
        SimThread me = enter();
        try {
            if (t.scheduler != this) {
                throw new IllegalStateException("thread belongs to another run");
            }
            if (t.started) {
                throw new PyError("RuntimeError", "threads can only be started once");
            }
            t.started = true;
            if (!t.daemon) {
                t.process.liveNonDaemon++;
                if (!t.process.daemonic) {
                    liveNonDaemon++;
                }
            }
            t.javaThread = newJavaThread(t);
            t.line = me.line;
            if (t.process != me.process && !t.process.forked && options.forkCost() > 0) {
                // A new process: its first thread can run once the fork and bootstrap are done.
                t.process.forked = true;
                t.starter = null;
                t.forkedBy = me;
                addTimer(now + options.forkCost(), TimerKind.FORK, t);
            } else {
                t.process.forked = true;
                makeRunnable(t, Reason.STARTED, me);
            }
            if (handshake) {
                t.starter = me;
                await(me, Reason.START_HANDSHAKE, t.getName(), null, -1);
            } else {
                allocate();
            }
        } finally {
            lock.unlock();
        }
    }

    void join(SimThread t, long timeout) {
        SimThread me = enter();
        try {
            if (t == me) {
                throw new PyError("RuntimeError", "cannot join current thread");
            }
            if (!t.started) {
                throw new PyError("RuntimeError", "cannot join thread before it is started");
            }
            if (!t.dead) {
                await(me, Reason.JOIN, t.getName(), t.joiners, timeout, t);
            }
        } finally {
            lock.unlock();
        }
    }

    boolean isAlive(SimThread t) {
        lock.lock();
        try {
            return t.started && !t.dead;
        } finally {
            lock.unlock();
        }
    }

    void setDaemon(SimThread t, boolean on) {
        lock.lock();
        try {
            if (t.started) {
                throw new PyError("RuntimeError", "cannot set daemon status of active thread");
            }
            if (t.daemon != on) {
                t.daemon = on;
                trace.markDaemon(t.id, on);
            }
        } finally {
            lock.unlock();
        }
    }

    void print(String text) {
        SimThread me = enter();
        try {
            // A task's print is its own line, in its colour: the task is a lane of its own.
            trace.output(now, me.currentTask != null ? me.currentTask.id : me.id, text, false);
        } finally {
            lock.unlock();
        }
    }

    void sleep(long micros) {
        SimThread me = enter();
        try {
            if (micros == 0) {
                // time.sleep(0) gives up the GIL and lets other ready threads run first.
                me.waitToken++;
                releaseCore(me);
                makeRunnable(me, Reason.YIELDED, null);
                allocate();
                switchAway(me);
                return;
            }
            me.waitToken++;
            record(me, ThreadState.WAITING, Reason.SLEEP, null, formatSeconds(micros));
            me.waitReason = Reason.SLEEP;
            addTimer(now + micros, TimerKind.SLEEP, me);
            releaseCore(me);
            allocate();
            switchAway(me);
        } finally {
            lock.unlock();
        }
    }

    /** Waits for input/output (a download, a disk): like sleep, but shown as waiting (io). */
    void io(long micros, String what) {
        SimThread me = enter();
        try {
            me.waitToken++;
            record(me, ThreadState.WAITING, Reason.IO, null, what);
            me.waitReason = Reason.IO;
            me.waitDetail = what;
            addTimer(now + micros, TimerKind.SLEEP, me);
            releaseCore(me);
            allocate();
            switchAway(me);
        } finally {
            lock.unlock();
        }
    }

    void cpu(long micros) {
        SimThread me = enter();
        try {
            if (micros <= 0) {
                return;
            }
            me.computing = true;
            me.cpuRemaining = micros;
            startSlice(me);
            switchAway(me);
        } finally {
            lock.unlock();
        }
    }

    /** The calling thread's process id, as {@link SimProcess#pid()} numbers them. */
    int pid() {
        SimThread me = enter();
        try {
            return SimProcess.MAIN_PID + me.process.id;
        } finally {
            lock.unlock();
        }
    }

    long now() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks the calling thread (lock held) in WAITING for {@code reason}, on {@code list} if
     * given, for at most {@code timeout} microseconds if not negative. Returns false if the
     * timeout ended the wait.
     */
    boolean await(SimThread me, Reason reason, String detail, WaitList list, long timeout) {
        return await(me, reason, detail, list, timeout, null);
    }

    /**
     * As {@link #await(SimThread, Reason, String, WaitList, long)}, naming the thread that
     * holds what the caller waits for (a lock's owner, a joined thread), so a deadlock report
     * can name the cycle.
     */
    boolean await(SimThread me, Reason reason, String detail, WaitList list, long timeout, SimThread holder) {
        me.blockedOn = holder;
        try {
            return awaitOn(me, reason, detail, list, timeout);
        } finally {
            me.blockedOn = null;
        }
    }

    private boolean awaitOn(SimThread me, Reason reason, String detail, WaitList list, long timeout) {
        me.timedOut = false;
        me.waitToken++;
        record(me, ThreadState.WAITING, reason, null, detail);
        me.waitReason = reason;
        me.waitDetail = detail;
        if (list != null) {
            list.add(me);
        }
        if (timeout >= 0) {
            addTimer(now + timeout, TimerKind.TIMEOUT, me);
        }
        releaseCore(me);
        allocate();
        switchAway(me);
        return !me.timedOut;
    }

    /** Makes a waiting thread ready again because {@code cause} did something. Lock held. */
    void wake(SimThread t, Reason reason, SimThread cause) {
        if (t.dead || t.started && (t.running || runnable.contains(t))) {
            return;
        }
        if (t.waitingOn != null) {
            t.waitingOn.woken(t, cause);
        }
        t.waitToken++;
        makeRunnable(t, reason, cause);
        allocate();
    }

    /** Records a transition of {@code t} at the current time. Lock held. */
    void record(SimThread t, ThreadState state, Reason reason, SimThread cause, String detail) {
        trace.transition(t.id, now, state, reason, cause == null ? -1 : cause.id, detail, t.line);
        if (t.currentTask != null && state != ThreadState.DEAD) {
            // A blocking call in a coroutine blocks the thread, and with it the task running it.
            trace.transition(t.currentTask.id, now, state, reason, cause == null ? -1 : cause.id, detail, t.line);
        }
    }

    /**
     * An event loop with nothing ready waits in its selector (lock held): for {@code timeout}
     * microseconds (its next timer), or, if negative, until something wakes it.
     */
    void select(SimThread me, long timeout, String detail) {
        me.waitToken++;
        record(me, ThreadState.WAITING, Reason.SELECT, null, detail);
        me.waitReason = Reason.SELECT;
        me.waitDetail = detail;
        if (timeout >= 0) {
            addTimer(now + timeout, TimerKind.SLEEP, me);
        }
        releaseCore(me);
        allocate();
        switchAway(me);
    }

    /** Remembers a loop thread's own Java thread, which waits while a task's carrier acts for it. */
    void registerLoopThread(Thread loopJava) {
        if (!carriers.contains(loopJava)) {
            carriers.add(loopJava);
        }
    }

    /** A Java thread to carry an asyncio task's coroutine for {@code loopThread}; started by the caller. */
    Thread newCarrier(SimThread loopThread, String task, Runnable body) {
        Thread jt = new ScenarioThread(body, javaThreadPrefix + loopThread.getName() + "-" + task);
        carriers.add(jt);
        carried.add(jt);
        return jt;
    }

    /** The tasks' carriers, which end with their coroutine (the other Java threads are kept for later runs). */
    List<Thread> carrierThreads() {
        lock.lock();
        try {
            return new ArrayList<>(carried);
        } finally {
            lock.unlock();
        }
    }

    /** The N of an asyncio task's default name (Task-N), counted as CPython counts them. */
    int nextTaskNumber() {
        return ++taskNames;
    }

    // ------------------------------------------------------------------ cores, GIL and baton

    private void makeRunnable(SimThread t, Reason reason, SimThread cause) {
        record(t, ThreadState.RUNNABLE, reason, cause, null);
        runnable.add(t);
        t.process.gil.waiting(t, WaitRole.WAITS);
    }

    private boolean eligible(SimThread t) {
        return !options.gil() || t.process.gilHolder == null;
    }

    /** Gives free cores to runnable threads whose GIL is free. */
    private void allocate() {
        while (freeCores > 0 && !runnable.isEmpty()) {
            SimThread t = choose(ChoiceKind.CORE, runnable, true);
            if (t == null) {
                return;
            }
            grant(t);
        }
    }

    /** Gives runnable {@code t} a free core and its process's GIL (which may first be in transit to it). */
    private void grant(SimThread t) {
        runnable.remove(t);
        freeCores--;
        t.running = true;
        if (options.gil()) {
            t.process.gilHolder = t;
            if (t.process.handoverPending && options.switchCost() > 0) {
                // A forced switch: the GIL is in transit to this thread, which stays runnable
                // (holding neither core time nor bytecode) until it has taken it.
                t.process.handoverPending = false;
                addTimer(now + options.switchCost(), TimerKind.HANDOVER, t);
                return;
            }
            t.process.handoverPending = false;
        }
        beginRunning(t);
    }

    /** {@code t} holds its core (and GIL) from now: it runs, or computes. Lock held. */
    private void beginRunning(SimThread t) {
        if (options.gil()) {
            t.process.gil.acquired(t, 1);
        }
        record(t, ThreadState.RUNNING, Reason.SCHEDULED, null, null);
        t.quantumStart = now;
        if (t.computing) {
            startSlice(t);
        } else {
            ready.add(t);
        }
    }

    /**
     * One of {@code from} (of those whose GIL is free, if {@code onlyEligible}): the only one, or
     * the one {@link #decide} takes when there are several; null if there is none.
     */
    private SimThread choose(ChoiceKind kind, List<SimThread> from, boolean onlyEligible) {
        SimThread only = null;
        int count = 0;
        for (SimThread t : from) {
            if ((!onlyEligible || eligible(t)) && count++ == 0) {
                only = t;
            }
        }
        if (count <= 1) {
            if (count == 1) {
                order.passed(kind);
            }
            return only;
        }
        SimThread[] candidates = new SimThread[count];
        int i = 0;
        for (SimThread t : from) {
            if (!onlyEligible || eligible(t)) {
                candidates[i++] = t;
            }
        }
        return candidates[decide(kind, candidates)];
    }

    /** The candidates' trace ids for the trace's record of a choice, which copies them: one array for the run. */
    private int[] choiceIds = new int[8];

    /**
     * The one place a real choice is made (lock held, two or more candidates): the run's own order
     * says what it would pick, the driver picks (waiting for {@link #answer} if it asks), and the
     * choice is recorded in the trace.
     */
    private int decide(ChoiceKind kind, SimThread[] candidates) {
        ChoicePoint point = new ChoicePoint(kind, choices, now, candidates);
        int own = order.choose(point);
        point.ownPick = own;
        int pick = driver == null ? own : driver.choose(point);
        if (pick == Chooser.ASK) {
            pick = awaitAnswer(point);
        }
        if (pick < 0 || pick >= candidates.length) {
            throw new IllegalStateException(driver + " picked " + pick + " at " + point);
        }
        choices++;
        int n = candidates.length;
        if (choiceIds.length < n) {
            choiceIds = new int[Math.max(n, 2 * choiceIds.length)];
        }
        for (int i = 0; i < n; i++) {
            choiceIds[i] = candidates[i].id;
        }
        trace.choice(now, kind, choiceIds, n, pick, pick == own);
        return pick;
    }

    /**
     * Waits, releasing the lock, until the choice is answered from outside (step mode). The
     * baton stays with the waiting thread, and nothing else can move; a stop ends the wait.
     */
    private int awaitAnswer(ChoicePoint point) {
        answer = Chooser.ASK;
        pending = point;
        try {
            while (answer == Chooser.ASK) {
                if (finished) {
                    throw new Killed();
                }
                try {
                    decided.await();
                } catch (InterruptedException e) {
                    // only a stop interrupts a run's threads: the loop sees it finished
                }
            }
        } finally {
            pending = null;
        }
        // the wait took wall time, not scenario time: a paced run goes on from this instant
        clock.anchor(now);
        progressed();
        return answer;
    }

    /** Answers the choice the run waits for; false if it waits for none or {@code pick} is no candidate. */
    boolean answer(int pick) {
        lock.lock();
        try {
            ChoicePoint p = pending;
            if (p == null || finished || pick < 0 || pick >= p.size()) {
                return false;
            }
            answer = pick;
            pending = null;
            decided.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The choice the run waits for an answer to, or null. */
    ChoicePoint pendingChoice() {
        return pending;
    }

    /** Wakes one of {@code list}'s waiters, chosen when there are several; returns it, or null if none waits. */
    SimThread wakeOne(WaitList list, SimThread cause) {
        SimThread t = choose(ChoiceKind.WAKE, list.waiting(), false);
        if (t != null) {
            wake(t, Reason.WOKEN, cause);
        }
        return t;
    }

    /** Wakes up to {@code n} of {@code list}'s waiters, each chosen, or all of them in order if they are no more. */
    void wakeSome(WaitList list, int n, SimThread cause) {
        List<SimThread> left = list.all();
        if (n >= left.size()) {
            for (SimThread t : left) {
                wake(t, Reason.WOKEN, cause);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            SimThread t = choose(ChoiceKind.WAKE, left, false);
            left.remove(t);
            wake(t, Reason.WOKEN, cause);
        }
    }

    private void releaseCore(SimThread t) {
        if (!t.running) {
            return;
        }
        t.running = false;
        t.computing = t.cpuRemaining > 0;
        freeCores++;
        if (t.process.gilHolder == t) {
            t.process.gilHolder = null;
            t.process.gil.released(t, 0);
        }
        ready.remove(t);
    }

    /**
     * Computes until the work is done or the switch interval, counted from when the thread got
     * its core, is up (then {@link #fire} decides whether it must give way). Successive short
     * cpu() calls share one interval, as CPython's eval loop does.
     */
    private void startSlice(SimThread t) {
        long quantumEnd = t.quantumStart + t.process.switchInterval;
        if (quantumEnd < now) {
            quantumEnd = now;
        }
        t.sliceStart = now;
        t.waitToken++;
        addTimer(Math.min(now + t.cpuRemaining, quantumEnd), TimerKind.CPU_SLICE, t);
    }

    /** The first runnable thread of {@code t}'s process asking for its GIL (the GIL on), or null. */
    private SimThread gilAsker(SimThread t) {
        if (options.gil()) {
            for (SimThread r : runnable) {
                if (r.process == t.process) {
                    return r;
                }
            }
        }
        return null;
    }

    /** Whether a runnable thread would get going if {@code t} gave up its core and GIL. */
    private boolean contended(SimThread t) {
        for (SimThread r : runnable) {
            if (!options.gil() || r.process.gilHolder == null || r.process == t.process) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who takes over from {@code t}, whose switch interval is up: null if no runnable thread would
     * get going were it to give up its core and GIL, or if the choice is that it keeps them.
     */
    private SimThread successor(SimThread t) {
        int count = 0;
        for (SimThread r : runnable) {
            if (wouldRun(r, t)) {
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        SimThread[] candidates = new SimThread[count + 1];
        int i = 0;
        for (SimThread r : runnable) {
            if (wouldRun(r, t)) {
                candidates[i++] = r;
            }
        }
        candidates[count] = t;
        int pick = decide(ChoiceKind.PREEMPT, candidates);
        return pick == count ? null : candidates[pick];
    }

    /** Whether runnable {@code r} would get a core if {@code t} gave up its own (and its GIL). */
    private boolean wouldRun(SimThread r, SimThread t) {
        return !options.gil() || r.process.gilHolder == null || r.process == t.process;
    }

    private void addTimer(long time, TimerKind kind, SimThread t) {
        timers.add(new Timer(time, timerSeq++, kind, t));
    }

    /**
     * Gives up the baton (lock held) and returns when the caller has it again. The caller has
     * already changed its state (waiting, computing ...).
     */
    private void switchAway(SimThread me) {
        SimThread next = nextToRun();
        if (next == me) {
            return;
        }
        lock.unlock();
        try {
            if (next != null) {
                LockSupport.unpark(next.javaThread);
            }
            while (baton != me && !me.killed) {
                LockSupport.park(this);
            }
        } finally {
            lock.lock();
        }
        if (me.killed) {
            throw new Killed();
        }
    }

    /**
     * Chooses the thread to execute next and gives it the baton, moving the clock through the
     * timers as far as needed; null once the run has ended. Lock held.
     */
    private SimThread nextToRun() {
        for (;;) {
            if (finished) {
                baton = null;
                return null;
            }
            if (!ready.isEmpty()) {
                SimThread t = choose(ChoiceKind.RUN, ready, false);
                ready.remove(t);
                BATON.setRelease(this, t);
                progressed();
                return t;
            }
            baton = null;
            if (liveNonDaemon == 0) {
                if (exitStatus == 0) {
                    finishRun(RunOutcome.COMPLETED, "", null, null);
                } else {
                    // As CPython: the traceback was printed, the other threads were waited for,
                    // and the process exits with a failure status.
                    finishRun(RunOutcome.RAISED, exitedBy + "; the program exited with status " + exitStatus,
                            null, null);
                }
                return null;
            }
            while (!timers.isEmpty() && timers.peek().stale()) {
                timers.poll();
            }
            Timer next = timers.peek();
            if (next == null) {
                // Nothing can ever wake them. Let the stuck waits show on the timeline for a
                // moment (they would last forever) before the run is stopped.
                long closed = now;
                String report = deadlockReport();
                long shown = Math.min(options.timeLimit(), now + Math.max(DEADLOCK_SHOWN, now / 4));
                if (shown > now && awaitClock(shown)) {
                    now = shown;
                    trace.advance(now);
                }
                // Nobody is killed: a real program would hang here forever, its threads waiting.
                finishRun(RunOutcome.DEADLOCK, "deadlock at " + formatSeconds(closed) + ": " + report
                        + "; a real program would hang from there (Threadline stopped it at " + formatSeconds(now)
                        + ")", null, null);
                return null;
            }
            long target = Math.min(next.time, options.timeLimit());
            if (target > now) {
                if (!awaitClock(target)) {
                    continue;
                }
                now = target;
                trace.advance(now);
            }
            if (next.time > options.timeLimit()) {
                finishRun(RunOutcome.TIME_LIMIT, timeLimitReport(), null, "time limit");
                return null;
            }
            timers.poll();
            fire(next);
            // Everything due at this instant becomes ready before anyone is picked, so
            // threads waking together compete on equal terms (the seeded order decides).
            while (!timers.isEmpty() && (timers.peek().stale() || timers.peek().time == now)) {
                Timer due = timers.poll();
                if (!due.stale()) {
                    fire(due);
                }
            }
            // Only now are the woken threads given cores and GILs: under one GIL the seeded order
            // picks which of them runs first, not the order their timers were set in.
            allocate();
        }
    }

    private boolean awaitClock(long target) {
        try {
            return clock.awaitTime(target, tick) && !finished;
        } catch (InterruptedException e) {
            // Only a stopped run interrupts its threads; the loop then sees it finished.
            return false;
        }
    }

    private void fire(Timer tm) {
        SimThread t = tm.thread;
        switch (tm.kind) {
            case SLEEP -> {
                // No core yet: the batch of timers due now is given cores together (nextToRun).
                t.waitToken++;
                makeRunnable(t, Reason.TIMER, null);
            }
            case TIMEOUT -> {
                t.timedOut = true;
                if (t.waitingOn != null) {
                    t.waitingOn.remove(t);
                }
                t.waitToken++;
                makeRunnable(t, Reason.TIMEOUT, null);
            }
            case CPU_SLICE -> {
                t.cpuRemaining -= now - t.sliceStart;
                if (t.cpuRemaining <= 0) {
                    t.cpuRemaining = 0;
                    t.computing = false;
                    ready.add(t);
                } else {
                    boolean up = now >= t.quantumStart + t.process.switchInterval;
                    SimThread successor = up ? successor(t) : null;
                    if (successor != null) {
                        // As CPython's forced switch, the thread giving way cannot take it straight back.
                        SimThread asker = gilAsker(t);
                        if (asker != null) {
                            t.process.gil.forced(t, asker);
                        }
                        releaseCore(t);
                        t.waitToken++;
                        // The next holder of this GIL pays for the hand-over (a thread of another
                        // process needs none: it only wanted the core).
                        t.process.handoverPending = asker != null;
                        record(t, ThreadState.RUNNABLE, Reason.PREEMPTED, null, null);
                        grant(successor);
                        allocate();
                        runnable.add(t);
                        t.process.gil.waiting(t, WaitRole.WAITS);
                        allocate();
                    } else {
                        if (up) {
                            t.quantumStart = now;
                        }
                        startSlice(t);
                    }
                }
            }
            case HANDOVER -> beginRunning(t);
            case FORK -> makeRunnable(t, Reason.STARTED, t.forkedBy);
            default -> throw new IllegalStateException(tm.kind.name());
        }
    }

    // ------------------------------------------------------------------ endings

    /** Marks {@code t} dead (lock held): frees its core, wakes its joiners, ends daemons if last. */
    private void die(SimThread t, Reason how, SimThread cause, String detail) {
        t.dead = true;
        t.waitToken++;
        releaseCore(t);
        if (runnable.remove(t)) {
            t.process.gil.left(t, ResourceOp.LEFT, null);
        }
        ready.remove(t);
        if (t.waitingOn != null) {
            t.waitingOn.remove(t);
        }
        record(t, ThreadState.DEAD, how, cause, detail);
        if (finishing) {
            return;
        }
        for (SimThread j : t.joiners.all()) {
            wake(j, Reason.WOKEN, t);
        }
        allocate();
        if (!t.daemon && t.started) {
            t.process.liveNonDaemon--;
            if (!t.process.daemonic) {
                liveNonDaemon--;
            }
            if (t.process.liveNonDaemon == 0) {
                processEnded(t.process, t);
            }
            if (liveNonDaemon == 0) {
                // As at interpreter exit: daemons are cut off wherever they are.
                for (SimThread d : new ArrayList<>(threads)) {
                    if (d.started && !d.dead) {
                        kill(d, t, "cut off at exit: the last non-daemon thread ended");
                    }
                }
            }
        }
    }

    /**
     * The last non-daemon thread of {@code p} has ended (lock held). A child process exits: its
     * daemon threads are cut off, its exit code is set, its joiners woken. When the main process
     * gets there, its daemonic children are terminated, as multiprocessing does at exit.
     */
    private void processEnded(Interpreter p, SimThread last) {
        SimProcess h = p.child;
        if (h != null && h.exitcode == null) {
            for (SimThread d : new ArrayList<>(threads)) {
                if (d.process == p && d.started && !d.dead) {
                    kill(d, last, "cut off at exit: its process ended");
                }
            }
            h.exitcode = h.signal != 0 ? -h.signal : h.status;
            for (SimThread j : h.joiners.all()) {
                wake(j, Reason.WOKEN, last);
            }
        }
        if (p == mainProcess) {
            for (Interpreter q : new ArrayList<>(processes)) {
                if (q.child != null && q.daemonic && q.child.exitcode == null) {
                    signalLocked(q.child, SimProcess.SIGTERM, "terminated (SIGTERM): a daemonic process, "
                            + "its parent ended", last);
                }
            }
        }
    }

    /** terminate()/kill() of a child process: every thread of it ends where it is. */
    void signal(SimProcess h, int sig, String detail) {
        SimThread me = enter();
        try {
            if (h.interpreter != null && h.exitcode == null) {
                signalLocked(h, sig, detail, me);
                allocate();
            }
        } finally {
            lock.unlock();
        }
        if (me.killed) {
            // a process that terminated itself
            throw new Killed();
        }
    }

    private void signalLocked(SimProcess h, int sig, String detail, SimThread by) {
        h.signal = sig;
        for (SimThread t : new ArrayList<>(threads)) {
            if (t.process == h.interpreter && t.started && !t.dead) {
                kill(t, by, detail);
            }
        }
        if (h.exitcode == null) {
            // no thread of it was alive to end: it exits now
            h.exitcode = -sig;
            for (SimThread j : h.joiners.all()) {
                wake(j, Reason.WOKEN, by);
            }
        }
    }

    private void kill(SimThread t, SimThread cause, String detail) {
        t.killed = true;
        die(t, Reason.KILLED, cause, detail);
        if (t.javaThread != null) {
            LockSupport.unpark(t.javaThread);
        }
    }

    private void finishRun(RunOutcome outcome, String message, SimThread cause, String killDetail) {
        if (finished) {
            return;
        }
        finishing = true;
        for (SimThread t : new ArrayList<>(threads)) {
            if (t.started && !t.dead) {
                if (killDetail != null) {
                    kill(t, cause, killDetail);
                } else {
                    // Left as it is on the timeline (a deadlock's waits); its Java thread unwinds.
                    t.killed = true;
                    if (t.javaThread != null) {
                        LockSupport.unpark(t.javaThread);
                    }
                }
                if (t.javaThread != null && t.javaThread != Thread.currentThread()) {
                    // Wakes a thread stuck in a raw sleep or wait outside the runtime.
                    ScenarioThread.interrupt(t.javaThread, t);
                }
            }
        }
        finished = true;
        baton = null;
        Watchdog.forget(this);
        trace.finish(now, outcome, message, outcome == RunOutcome.COMPLETED || outcome == RunOutcome.RAISED
                ? exitStatus : -1);
        tick.signalAll();
        loopTurn.signalAll();
        decided.signalAll();
        ended.countDown();
    }

    /**
     * Called by the watchdog: stops the run if the thread holding the baton has not called
     * the runtime for longer than the stall limit, naming it and the line it is stuck at.
     */
    void checkStall(long nowNanos) {
        SimThread holder = baton;
        long seen = (long) PROGRESS.getOpaque(this);
        if (holder == null || finished || pending != null) {
            lastSeenProgress = -1;
            return;
        }
        if (seen != lastSeenProgress) {
            lastSeenProgress = seen;
            lastProgressNanos = nowNanos;
            return;
        }
        long stalledMillis = (nowNanos - lastProgressNanos) / 1_000_000;
        if (stalledMillis < options.stallLimitMillis()) {
            return;
        }
        Thread jt = holder.javaThread;
        String why;
        if (stallReport != null) {
            why = holder.getName() + " has not come back to the runtime for " + formatSeconds(stalledMillis * 1000)
                    + stallReport.apply(holder);
        } else {
            String where = jt == null ? "" : stuckAt(jt.getStackTrace());
            why = holder.getName() + " has not come back to the runtime for "
                    + formatSeconds(stalledMillis * 1000) + where
                    + ": it spins or blocks outside the runtime (use sleep, cpu and the runtime's primitives)";
        }
        lock.lock();
        try {
            if (finished || baton != holder || (long) PROGRESS.getOpaque(this) != seen) {
                return;
            }
            finishRun(RunOutcome.FAILED, "stopped: " + why, null, "stuck outside the runtime");
        } finally {
            lock.unlock();
        }
        if (jt != null && ScenarioThread.retire(jt, holder)) {
            StuckThreads.end(jt, holder);
        }
    }

    private String stuckAt(StackTraceElement[] stack) {
        String prefix = sites.programClassName();
        if (prefix != null) {
            for (StackTraceElement e : stack) {
                if (e.getClassName().equals(prefix) || e.getClassName().startsWith(prefix + "$")) {
                    return " (at " + e.getFileName() + ":" + e.getLineNumber() + ")";
                }
            }
        }
        return "";
    }

    // ------------------------------------------------------------------ for programs run outside the JVM

    /** What the watchdog says of a stalled thread after "has not come back for N s"; null: the Java stack. */
    volatile java.util.function.Function<SimThread, String> stallReport;

    /**
     * The scenario time up to which the calling thread may go on computing without telling the
     * runtime, since nothing can change before it (lock held): no timer is due, no thread with
     * a core waits for the baton, and, if a thread wants its core or GIL, its switch interval
     * has not ended. A program run outside the JVM computes that far between runtime calls.
     */
    long horizon(SimThread me) {
        if (!ready.isEmpty()) {
            return now;
        }
        long h = options.timeLimit();
        while (!timers.isEmpty() && timers.peek().stale()) {
            timers.poll();
        }
        if (!timers.isEmpty()) {
            h = Math.min(h, timers.peek().time);
        }
        if (contended(me)) {
            h = Math.min(h, Math.max(now, me.quantumStart + me.process.switchInterval));
        }
        return Math.max(now, h);
    }

    /** Kills {@code t} for a hosted program (lock held): a terminated process's thread. */
    void killHosted(SimThread t, SimThread cause, String detail) {
        if (t == cause) {
            throw new IllegalArgumentException("a thread cannot kill itself");
        }
        if (t.started && !t.dead) {
            kill(t, cause, detail);
        }
    }

    /** Ends the run from inside (lock held), as failed, with {@code message} as its one line. */
    void fail(String message) {
        finishRun(RunOutcome.FAILED, message, null, "run stopped");
    }

    /** Gives {@code t} a new name, on its lane too. */
    void rename(SimThread t, String name) {
        t.rename(name);
        trace.renameThread(t.id, name);
    }

    /** Ends the run at once from outside (the Stop button); its threads unwind and exit. */
    void stop(String why) {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            if (options.clock() == ClockMode.PACED) {
                // Scenario time has moved on with the wall clock since the last event.
                long cap = options.timeLimit();
                for (Timer tm : timers) {
                    if (!tm.stale()) {
                        cap = Math.min(cap, tm.time);
                    }
                }
                now = Math.max(now, Math.min(clock.wallTime(), cap));
            }
            finishRun(RunOutcome.STOPPED, why, null, why);
        } finally {
            lock.unlock();
        }
    }

    private String deadlockReport() {
        List<SimThread> cycle = DeadlockCycle.find(threads);
        if (!cycle.isEmpty()) {
            StringJoiner j = new StringJoiner(", ");
            for (SimThread t : cycle) {
                j.add(t.waitReason == Reason.JOIN
                        ? t.getName() + " waits for " + t.blockedOn.getName() + " to end (join)"
                        : t.getName() + " waits for " + t.waitDescription() + " held by " + t.blockedOn.getName());
            }
            return j.toString();
        }
        StringJoiner j = new StringJoiner(", ", "every live thread is waiting and no timer is pending: ", "");
        for (SimThread t : threads) {
            if (t.started && !t.dead) {
                j.add(t.getName() + " (" + t.waitDescription() + ")");
            }
        }
        return j.toString();
    }

    private String timeLimitReport() {
        StringJoiner j = new StringJoiner(", ");
        for (SimThread t : threads) {
            if (t.started && !t.dead && !t.daemon) {
                j.add(t.getName());
            }
        }
        return "stopped at the time limit of " + formatSeconds(options.timeLimit())
                + ": non-daemon threads still alive: " + j;
    }

    static String formatSeconds(long micros) {
        if (micros % 1_000_000 == 0) {
            return (micros / 1_000_000) + " s";
        }
        // BigDecimal, not a regex: this runs on every sleep.
        return java.math.BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString() + " s";
    }

    /** The N of a child process's name (Process-N, ForkPoolWorker-N): one count for all, as CPython's. */
    int nextChildNumber() {
        return ++children;
    }

    /** The N of a thread named as threading names it (Thread-N). */
    int nextThreadNumber() {
        return ++namedThreads;
    }

    /** Kills {@code victims} where they are, as a signal would (the caller's doing). */
    void terminate(List<SimThread> victims, String detail) {
        SimThread me = enter();
        try {
            for (SimThread t : victims) {
                if (t.started && !t.dead) {
                    kill(t, me, detail);
                }
            }
            allocate();
        } finally {
            lock.unlock();
        }
    }

    int nextExecutorNumber() {
        return executors++;
    }

    // ------------------------------------------------------------------ for Run

    boolean isFinished() {
        return finished;
    }

    void awaitEnded() throws InterruptedException {
        ended.await();
    }

    boolean awaitEnded(long nanos) throws InterruptedException {
        return ended.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Scenario time to draw live lanes up to: the wall clock's on a paced run. */
    long liveTime() {
        long recorded = trace.endTime();
        if (finished || options.clock() == ClockMode.VIRTUAL || pending != null) {
            return recorded;
        }
        return Math.max(recorded, Math.min(clock.wallTime(), options.timeLimit()));
    }

    void setSpeed(double speed) {
        if (clock instanceof PacedClock paced) {
            lock.lock();
            try {
                paced.setSpeed(speed, now);
                tick.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
