package io.threadline.runtime;

import io.threadline.trace.Choice;
import io.threadline.trace.ChoiceKind;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

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
    private static final ThreadLocal<SimThread> CURRENT = new ThreadLocal<>();
    private static final AtomicInteger RUNS = new AtomicInteger();
    /** Least scenario time a detected deadlock stays on screen before the run is stopped. */
    private static final long DEADLOCK_SHOWN = 500_000;

    final ReentrantLock lock = new ReentrantLock();
    private final Condition tick = lock.newCondition();
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

    long now;
    private long timerSeq;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    /** Ready for a core (and GIL), in arrival order. */
    private final List<SimThread> runnable = new ArrayList<>();
    /** Holding a core, waiting for the baton to execute scenario code. */
    private final List<SimThread> ready = new ArrayList<>();
    private final List<SimThread> threads = new ArrayList<>();
    private final List<SimProcess> processes = new ArrayList<>();
    private int freeCores;
    private int poolWorkers;
    private int executors;
    private volatile SimThread baton;
    /** Bumped on every runtime call and handoff; the watchdog reads it. */
    private volatile long progress;
    private long lastSeenProgress = -1;
    private long lastProgressNanos;
    private int liveNonDaemon;
    private boolean finishing;
    private volatile boolean finished;
    private final CountDownLatch ended = new CountDownLatch(1);
    /** Java threads still running a body of this run. */
    private final AtomicInteger bodies = new AtomicInteger();
    final SimProcess mainProcess;

    private enum TimerKind { SLEEP, TIMEOUT, CPU_SLICE }

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

    static Scheduler current() {
        return currentThread().scheduler;
    }

    /** The process a new thread joins: its creator's, or the main process outside the run. */
    SimProcess processOfCaller() {
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

    /**
     * Takes the lock on behalf of the scenario thread calling, remembering its source line.
     * Throws {@link Killed} if the runtime has ended that thread. Callers unlock in finally.
     */
    SimThread enter() {
        SimThread me = currentThread();
        if (me.scheduler != this) {
            throw new IllegalStateException("a scenario thread called into another run");
        }
        progress++;
        int line = stamped ? ScenarioThread.line() : sites.line();
        lock.lock();
        if (me.killed || finished) {
            lock.unlock();
            throw new Killed();
        }
        me.line = line;
        return me;
    }

    // ------------------------------------------------------------------ processes and threads

    SimProcess newProcess(String name) {
        lock.lock();
        try {
            SimProcess p = new SimProcess(trace.addProcess(name), name);
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
            liveNonDaemon++;
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
        return ScenarioThread.start(() -> threadBody(t), javaThreadPrefix + t.getName(), t, this::bodyEnded);
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
                trace.output(now, t.id, "Exception in thread " + t.getName() + ": " + what, true);
                t.line = lineOf(error, t.line);
                die(t, Reason.RAISED, null, what);
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
                liveNonDaemon++;
            }
            t.javaThread = newJavaThread(t);
            t.line = me.line;
            makeRunnable(t, Reason.STARTED, me);
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
            t.daemon = on;
        } finally {
            lock.unlock();
        }
    }

    void print(String text) {
        SimThread me = enter();
        try {
            trace.output(now, me.id, text, false);
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
            me.waitDescription = "sleep";
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
            me.waitDescription = "io " + what;
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
        me.waitDescription = detail == null ? reason.label() : reason.label() + " " + detail;
        me.waitReason = reason;
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
            t.waitingOn.remove(t);
        }
        t.waitToken++;
        makeRunnable(t, reason, cause);
        allocate();
    }

    /** Records a transition of {@code t} at the current time. Lock held. */
    void record(SimThread t, ThreadState state, Reason reason, SimThread cause, String detail) {
        trace.transition(t.id, now, state, reason, cause == null ? -1 : cause.id, detail, t.line);
    }

    // ------------------------------------------------------------------ cores, GIL and baton

    private void makeRunnable(SimThread t, Reason reason, SimThread cause) {
        record(t, ThreadState.RUNNABLE, reason, cause, null);
        runnable.add(t);
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

    /** Gives runnable {@code t} a free core (and its process's GIL). */
    private void grant(SimThread t) {
        runnable.remove(t);
        freeCores--;
        t.running = true;
        if (options.gil()) {
            t.process.gilHolder = t;
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
        trace.choice(new Choice(now, kind, point.threadIds(), pick, pick == own));
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
        progress++;
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
        }
        ready.remove(t);
    }

    /**
     * Computes until the work is done or the switch interval, counted from when the thread got
     * its core, is up (then {@link #fire} decides whether it must give way). Successive short
     * cpu() calls share one interval, as CPython's eval loop does.
     */
    private void startSlice(SimThread t) {
        long quantumEnd = t.quantumStart + options.switchInterval();
        if (quantumEnd < now) {
            quantumEnd = now;
        }
        t.sliceStart = now;
        t.waitToken++;
        addTimer(Math.min(now + t.cpuRemaining, quantumEnd), TimerKind.CPU_SLICE, t);
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
                baton = t;
                progress++;
                return t;
            }
            baton = null;
            if (liveNonDaemon == 0) {
                finishRun(RunOutcome.COMPLETED, "", null, null);
                return null;
            }
            while (!timers.isEmpty() && timers.peek().stale()) {
                timers.poll();
            }
            Timer next = timers.peek();
            if (next == null) {
                // Nothing can ever wake them. Let the stuck waits show on the timeline for a
                // moment (they would last forever) before the run is stopped.
                String report = deadlockReport();
                long shown = Math.min(options.timeLimit(), now + Math.max(DEADLOCK_SHOWN, now / 4));
                if (shown > now && awaitClock(shown)) {
                    now = shown;
                    trace.advance(now);
                }
                finishRun(RunOutcome.DEADLOCK, report, null, "deadlock");
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
            fireDue(next);
        }
    }

    /**
     * Fires {@code first} and every other timer due at this instant, before anyone is picked to
     * run; which of several fires first is a choice (FIFO: the order they were set in).
     */
    private void fireDue(Timer first) {
        Timer only = first;
        for (;;) {
            List<Timer> due = null;
            while (!timers.isEmpty() && (timers.peek().stale() || timers.peek().time == now)) {
                Timer t = timers.poll();
                if (t.stale()) {
                    continue;
                }
                if (only == null) {
                    only = t;
                } else {
                    if (due == null) {
                        due = new ArrayList<>();
                        due.add(only);
                    }
                    due.add(t);
                }
            }
            if (due != null) {
                fireInChosenOrder(due);
            } else if (only != null) {
                fire(only);
            } else {
                return;
            }
            only = null;
        }
    }

    private void fireInChosenOrder(List<Timer> due) {
        for (;;) {
            due.removeIf(Timer::stale);
            if (due.size() <= 1) {
                if (!due.isEmpty()) {
                    fire(due.get(0));
                }
                return;
            }
            SimThread[] candidates = new SimThread[due.size()];
            for (int i = 0; i < candidates.length; i++) {
                candidates[i] = due.get(i).thread;
            }
            fire(due.remove(decide(ChoiceKind.TIMER, candidates)));
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
                t.waitToken++;
                makeRunnable(t, Reason.TIMER, null);
                allocate();
            }
            case TIMEOUT -> {
                t.timedOut = true;
                if (t.waitingOn != null) {
                    t.waitingOn.remove(t);
                }
                t.waitToken++;
                makeRunnable(t, Reason.TIMEOUT, null);
                allocate();
            }
            case CPU_SLICE -> {
                t.cpuRemaining -= now - t.sliceStart;
                if (t.cpuRemaining <= 0) {
                    t.cpuRemaining = 0;
                    t.computing = false;
                    ready.add(t);
                } else {
                    boolean up = now >= t.quantumStart + options.switchInterval();
                    SimThread successor = up ? successor(t) : null;
                    if (successor != null) {
                        // As CPython's forced switch, the thread giving way cannot take it straight back.
                        releaseCore(t);
                        t.waitToken++;
                        record(t, ThreadState.RUNNABLE, Reason.PREEMPTED, null, null);
                        grant(successor);
                        allocate();
                        runnable.add(t);
                        allocate();
                    } else {
                        if (up) {
                            t.quantumStart = now;
                        }
                        startSlice(t);
                    }
                }
            }
            default -> throw new IllegalStateException(tm.kind.name());
        }
    }

    // ------------------------------------------------------------------ endings

    /** Marks {@code t} dead (lock held): frees its core, wakes its joiners, ends daemons if last. */
    private void die(SimThread t, Reason how, SimThread cause, String detail) {
        t.dead = true;
        t.waitToken++;
        releaseCore(t);
        runnable.remove(t);
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
            liveNonDaemon--;
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
                kill(t, cause, killDetail);
                if (t.javaThread != null && t.javaThread != Thread.currentThread()) {
                    // Wakes a thread stuck in a raw sleep or wait outside the runtime.
                    ScenarioThread.interrupt(t.javaThread, t);
                }
            }
        }
        finished = true;
        baton = null;
        Watchdog.forget(this);
        trace.finish(now, outcome, message);
        tick.signalAll();
        decided.signalAll();
        ended.countDown();
    }

    /**
     * Called by the watchdog: stops the run if the thread holding the baton has not called
     * the runtime for longer than the stall limit, naming it and the line it is stuck at.
     */
    void checkStall(long nowNanos) {
        SimThread holder = baton;
        long seen = progress;
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
        String where = jt == null ? "" : stuckAt(jt.getStackTrace());
        String why = holder.getName() + " has not come back to the runtime for "
                + formatSeconds(stalledMillis * 1000) + where
                + ": it spins or blocks outside the runtime (use sleep, cpu and the runtime's primitives)";
        lock.lock();
        try {
            if (finished || baton != holder || progress != seen) {
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
            StringJoiner j = new StringJoiner(", ", "deadlock: ", "");
            for (SimThread t : cycle) {
                j.add(t.waitReason == Reason.JOIN
                        ? t.getName() + " waits for " + t.blockedOn.getName() + " to end (join)"
                        : t.getName() + " waits for " + t.waitDescription + " held by " + t.blockedOn.getName());
            }
            return j.toString();
        }
        StringJoiner j = new StringJoiner(", ", "deadlock: every live thread is waiting and no timer is pending: ", "");
        for (SimThread t : threads) {
            if (t.started && !t.dead) {
                j.add(t.getName() + " (" + t.waitDescription + ")");
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

    int nextPoolWorkerNumber() {
        return ++poolWorkers;
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
