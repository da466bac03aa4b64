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
 * Figure 2 of the suite: finding the scenario line of a runtime call, against a JFR event with its
 * stack trace taken at the same depth in the same run. The frames mimic a real call: scenario
 * code, then Program.sleep, Scheduler.sleep, Scheduler.enter, then either the line the stamped
 * program left in its thread (what runs of the built scenarios do) or CallSites' stack walk
 * (what an unstamped program costs). Run with JMH's workers as scenario threads (see
 * {@link ScenarioThreadExecutor}) so stamps are stored as in a run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CallSiteBench {
    /** What a scenario program's code does here: call into the runtime. */
    public interface Body {
        int body(FakeRuntime rt, int i);
    }

    /** Loads {@link CallSiteProgram} stamped as the build stamps scenario programs. */
    static final class StampingLoader extends ClassLoader {
        StampingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(CallSiteProgram.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (var in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] b = io.threadline.build.LineStamper.stamp(in.readAllBytes());
                        c = defineClass(name, b, 0, b.length);
                    } catch (java.io.IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }

    /** Stands for Program, Scheduler and its enter(): three frames between the scenario and the walk. */
    public static final class FakeRuntime {
        final CallSites sites = new CallSites(CallSiteProgram.class);
        boolean jfr;
        boolean stamped;

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        public int sleep() {
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
            // As Scheduler.enter does: a stamped program's line is its thread's stamp.
            return stamped ? ScenarioThread.line() : sites.line();
        }
    }

    @jdk.jfr.Name("threadline.bench.StackTransition")
    @jdk.jfr.StackTrace(true)
    static final class StackEvent extends jdk.jfr.Event {
        int line;
    }

    private final Body program = new CallSiteProgram();
    private Body stampedProgram;
    private final FakeRuntime runtime = new FakeRuntime();
    private Recording recording;
    private int i;

    @Setup(Level.Trial)
    public void start() throws ReflectiveOperationException {
        Class<?> c = new StampingLoader(getClass().getClassLoader()).loadClass(CallSiteProgram.class.getName());
        if (!Lines.stamped(c)) {
            throw new IllegalStateException("the bench's program class was not stamped");
        }
        stampedProgram = (Body) c.getConstructor().newInstance();
        if (Boolean.getBoolean("threadline.bench.scenarioThread") && !(Thread.currentThread() instanceof ScenarioThread)) {
            throw new IllegalStateException("JMH's worker is not a scenario thread: check -Djmh.executor");
        }
        if (Boolean.getBoolean("threadline.bench.virtualThread")) {
            // JMH's worker is a virtual thread (-Djmh.executor=VIRTUAL): stamps go where a run on
            // virtual threads keeps them, in the SimThread its scheduler's thread-local names.
            Scheduler s = new Scheduler(new io.threadline.trace.Trace(), RunOptions.defaults(), CallSiteProgram.class,
                    "MainProcess");
            Scheduler.CURRENT.set(new SimThread(s, "bench", null, false, s.mainProcess,
                    io.threadline.trace.ThreadRole.MAIN));
        }
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
        runtime.stamped = false;
        return program.body(runtime, i++);
    }

    /** What a run of a scenario program stamped by the build pays: the stamps, then one read. */
    @Benchmark
    public int stampedLine() {
        runtime.jfr = false;
        runtime.stamped = true;
        return stampedProgram.body(runtime, i++);
    }

    @Benchmark
    public int jfrCommitWithStack() {
        runtime.jfr = true;
        runtime.stamped = false;
        return program.body(runtime, i++);
    }
}
