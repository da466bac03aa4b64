package io.threadline.trace;

import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Figure 1 of the suite: what recording one transition costs, against a JFR event commit in the same
 * run. The transitions follow a consumer's loop (running, waiting on a queue, woken by a
 * producer, ...) with the strings and lines the runtime passes. Every 1M events the lane is
 * rewound, so the figure is the recording, not the growth of the heap (counted under memory).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RecorderBench {
    private static final int REWIND = 1 << 20;
    private static final ThreadState[] STATE = {
        ThreadState.RUNNING, ThreadState.WAITING, ThreadState.RUNNABLE, ThreadState.RUNNING,
        ThreadState.WAITING, ThreadState.RUNNABLE, ThreadState.RUNNING, ThreadState.RUNNABLE};
    private static final Reason[] REASON = {
        Reason.SCHEDULED, Reason.QUEUE_GET, Reason.WOKEN, Reason.SCHEDULED,
        Reason.SLEEP, Reason.TIMER, Reason.SCHEDULED, Reason.PREEMPTED};
    private static final int[] CAUSE = {-1, -1, 1, -1, -1, -1, -1, 1};
    private static final int[] LINE = {41, 37, 37, 37, 46, 46, 46, 46};
    private static final long[] STEP = {0, 500, 0, 0, 1_000_000, 0, 0, 5_000};

    /** One run's recorder: a trace, its writer's lane, and the scenario time. */
    @State(Scope.Thread)
    public static class Recorder {
        Trace trace;
        int lane;
        String[] detail;
        long time;
        int k;
        int count;

        @Setup(Level.Trial)
        public void setUp() {
            trace = new Trace();
            int p = trace.addProcess("MainProcess");
            trace.addThread("Producer-1", p, false, ThreadRole.THREAD);
            lane = trace.addThread("Consumer-1", p, false, ThreadRole.THREAD);
            String queue = "queue";
            String sleep = "1 s";
            trace.strings().intern(queue);
            trace.strings().intern(sleep);
            detail = new String[] {null, queue, null, null, sleep, null, null, null};
        }

        /** Records the next transition of the loop. */
        void record() {
            int i = k;
            trace.transition(lane, time, STATE[i], REASON[i], CAUSE[i], detail[i], LINE[i]);
            time += STEP[i];
            k = (i + 1) & 7;
            if (++count == REWIND) {
                count = 0;
                k = 0;
                time = 0;
                trace.rewind(lane);
            }
        }
    }

    @Benchmark
    public void transition(Recorder r) {
        r.record();
    }

    /** Two runs recording at once (two windows side by side), each writer into its own trace. */
    @Benchmark
    @Threads(2)
    public void transitionTwoWriters(Recorder r) {
        r.record();
    }

    /** The trap: two writers sharing one buffer (a lock and one lane) instead of one each. */
    @State(Scope.Benchmark)
    public static class Shared {
        final Recorder recorder = new Recorder();

        @Setup(Level.Trial)
        public void setUp() {
            recorder.setUp();
        }
    }

    @Benchmark
    @Threads(2)
    public void sharedBufferTwoWriters(Shared s) {
        synchronized (s) {
            s.recorder.record();
        }
    }

    // ---------------------------------------------------------------- JFR, the reference

    /** A JFR event with a transition's fields, no stack trace. */
    @jdk.jfr.Name("threadline.bench.Transition")
    @jdk.jfr.StackTrace(false)
    static final class TransitionEvent extends jdk.jfr.Event {
        int thread;
        long time;
        int state;
        int reason;
        int cause;
        int detail;
        int line;
    }

    /** JFR recording our event with no threshold, to disk, bounded in size. */
    @State(Scope.Benchmark)
    public static class Jfr {
        Recording recording;

        @Setup(Level.Trial)
        public void start() {
            recording = new Recording();
            recording.enable(TransitionEvent.class).withThreshold(Duration.ZERO).withoutStackTrace();
            recording.setMaxSize(64L << 20);
            recording.setToDisk(true);
            recording.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            recording.stop();
            recording.close();
        }
    }

    @State(Scope.Thread)
    public static class JfrClock {
        long time;
        int k;
    }

    @Benchmark
    public void jfrCommit(Jfr jfr, JfrClock c) {
        int i = c.k;
        TransitionEvent e = new TransitionEvent();
        e.thread = 2;
        e.time = c.time;
        e.state = STATE[i].ordinal();
        e.reason = REASON[i].ordinal();
        e.cause = CAUSE[i];
        e.detail = i == 1 ? 0 : -1;
        e.line = LINE[i];
        e.commit();
        c.time += STEP[i];
        c.k = (i + 1) & 7;
    }
}
