package io.threadline.runtime;

import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a program on the runtime: started at once, observed through its live
 * {@link Trace}, ended by the program itself, its time limit, a deadlock, or {@link #stop()}.
 * Once it has ended and {@link #awaitEnd} has returned true, none of its Java threads is left.
 */
public final class Run {
    /** Every Java thread of a run is named with this prefix, then the run's number and the thread's name. */
    public static final String JAVA_THREAD_PREFIX = "threadline-r";

    private final Scheduler scheduler;
    private final Trace trace;

    private Run(Scheduler scheduler, Trace trace) {
        this.scheduler = scheduler;
        this.trace = trace;
    }

    /**
     * Starts {@code program} with its main thread named {@code mainThread}.
     *
     * @param scenarioId and {@code params} are written into the trace's header
     */
    public static Run start(Program program, String mainThread, RunOptions options, String scenarioId,
                            Map<String, String> params) {
        return start(program, mainThread, options, scenarioId, params, null);
    }

    /**
     * As {@link #start(Program, String, RunOptions, String, Map)}, with {@code chooser} making the
     * scheduler's real choices (null: the run's own order, FIFO or seeded).
     */
    public static Run start(Program program, String mainThread, RunOptions options, String scenarioId,
                            Map<String, String> params, Chooser chooser) {
        Trace trace = new Trace();
        trace.describe(scenarioId, params, options.seed(), options.clock().label());
        Scheduler s = new Scheduler(trace, options, program.getClass(), "MainProcess", chooser);
        program.bind(s);
        SimThread main = new SimThread(s, mainThread, program::runMain, false, s.mainProcess, ThreadRole.MAIN);
        s.startMain(main);
        return new Run(s, trace);
    }

    /** Runs {@code program} to its end on the calling thread's behalf and returns the trace. */
    public static Trace execute(Program program, String mainThread, RunOptions options, String scenarioId,
                                Map<String, String> params) throws InterruptedException {
        return execute(program, mainThread, options, scenarioId, params, null);
    }

    /** As {@link #execute(Program, String, RunOptions, String, Map)}, {@code chooser} making the real choices. */
    public static Trace execute(Program program, String mainThread, RunOptions options, String scenarioId,
                                Map<String, String> params, Chooser chooser) throws InterruptedException {
        Run run = start(program, mainThread, options, scenarioId, params, chooser);
        try {
            run.awaitEnd();
        } finally {
            run.stop();
        }
        return run.trace();
    }

    /** The trace, filled while the run goes on. */
    public Trace trace() {
        return trace;
    }

    public RunOptions options() {
        return scheduler.options;
    }

    public boolean isFinished() {
        return scheduler.isFinished();
    }

    public RunOutcome outcome() {
        return trace.outcome();
    }

    /**
     * The choice the run is waiting for, when its chooser asked ({@link Chooser#ASK}); null while it
     * runs or once it has ended.
     */
    public ChoicePoint pendingChoice() {
        return scheduler.pendingChoice();
    }

    /** Answers the pending choice with candidate {@code pick}; false if none is pending or there is no such candidate. */
    public boolean choose(int pick) {
        return scheduler.answer(pick);
    }

    /** Ends the run now; every thread still alive is recorded dead (killed). */
    public void stop() {
        scheduler.stop("stopped by the user");
    }

    /** Waits for the end of the run and of all its Java threads. */
    public void awaitEnd() throws InterruptedException {
        scheduler.awaitEnded();
        joinThreads(TimeUnit.SECONDS.toNanos(5));
    }

    /**
     * Waits at most {@code timeout} for the end of the run and its Java threads; true if both
     * ended.
     */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (!scheduler.awaitEnded(unit.toNanos(timeout))) {
            return false;
        }
        return joinThreads(deadline - System.nanoTime());
    }

    /**
     * Waits until none of the run's Java threads runs scenario code any more (they are kept for
     * later runs) and its tasks' carriers have ended.
     */
    private boolean joinThreads(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, nanos);
        boolean all = scheduler.awaitBodies(Math.max(0, nanos));
        for (Thread t : scheduler.carrierThreads()) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
            all &= !t.isAlive();
        }
        return all;
    }

    /** Scenario time the view should show as "now": it follows the wall clock on a paced run. */
    public long liveTime() {
        return scheduler.liveTime();
    }

    /** Changes the speed of a paced run from this moment on. */
    public void setSpeed(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        scheduler.setSpeed(speed);
    }

    /** Names of the Java threads of any run still alive in this JVM: none once every run has ended. */
    public static List<String> liveJavaThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(JAVA_THREAD_PREFIX)) {
                names.add(t.getName());
            }
        }
        for (Thread t : Carrier.liveVirtualThreads()) {
            names.add(t.getName());
        }
        return names;
    }
}
