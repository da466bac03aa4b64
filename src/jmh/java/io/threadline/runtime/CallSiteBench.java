package io.threadline.runtime;

import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Issue 6, figure 2: finding the scenario line of a runtime call, against a JFR event with its
 * stack trace taken at the same depth in the same run. The frames mimic a real call: scenario
 * code, then Program.sleep, Scheduler.sleep, Scheduler.enter, CallSites.line.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CallSiteBench {
    /** Stands for a scenario's program class: two call sites, as a loop would have. */
    public static final class FakeProgram {
        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int body(FakeRuntime rt, int i) {
            if ((i & 1) == 0) {
                return rt.sleep();
            }
            return rt.sleep();
        }
    }

    /** Stands for Program, Scheduler and its enter(): three frames between the scenario and the walk. */
    public static final class FakeRuntime {
        final CallSites sites = new CallSites(FakeProgram.class);
        boolean jfr;

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int sleep() {
            return schedulerSleep();
        }

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int schedulerSleep() {
            return enter();
        }

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        int enter() {
            if (jfr) {
                StackEvent e = new StackEvent();
                e.line = 1;
                e.commit();
                return 1;
            }
            return sites.line();
        }
    }

    @jdk.jfr.Name("threadline.bench.StackTransition")
    @jdk.jfr.StackTrace(true)
    static final class StackEvent extends jdk.jfr.Event {
        int line;
    }

    private final FakeProgram program = new FakeProgram();
    private final FakeRuntime runtime = new FakeRuntime();
    private Recording recording;
    private int i;

    @Setup(Level.Trial)
    public void start() {
        recording = new Recording();
        recording.enable(StackEvent.class).withThreshold(Duration.ZERO).withStackTrace();
        recording.setMaxSize(64L << 20);
        recording.setToDisk(true);
        recording.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        recording.stop();
        recording.close();
    }

    @Benchmark
    public int callSiteLine() {
        runtime.jfr = false;
        return program.body(runtime, i++);
    }

    @Benchmark
    public int jfrCommitWithStack() {
        runtime.jfr = true;
        return program.body(runtime, i++);
    }
}
