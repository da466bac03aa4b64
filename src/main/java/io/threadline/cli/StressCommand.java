package io.threadline.cli;

import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Run;
import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.RunOutcome;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code threadline stress}: many runs back to back, half of them stopped at a random moment,
 * as a class clicking Run and Stop all lesson long would. Prints what it measured: how the runs
 * ended, scenario threads left alive after each run (there must be none), and the heap after a
 * full GC before and after (it must not grow with the number of runs).
 */
final class StressCommand {
    /** The runtime names every scenario thread's Java thread so (Scheduler's javaThreadPrefix). */
    static final String SCENARIO_THREAD_PREFIX = Run.JAVA_THREAD_PREFIX;
    /** Runs before the first heap measurement, so that loading classes is not counted as growth. */
    static final int WARM_UP_RUNS = 20;
    /** A run that has not ended this long after it was stopped or should have ended is a hang. */
    static final long END_WAIT_SECONDS = 10;

    /** What one stress session measured. */
    record Result(int runs, Map<RunOutcome, Integer> outcomes, int didNotEnd, long events, int maxThreadsAfter,
                  int threadsAfterLast, long heapBefore, long heapAfter, long wallNanos) {
        int stopped() {
            return outcomes.getOrDefault(RunOutcome.STOPPED, 0);
        }

        boolean clean() {
            return didNotEnd == 0 && threadsAfterLast == 0 && maxThreadsAfter == 0;
        }
    }

    private StressCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, InterruptedException {
        int runs = 1000;
        long seed = 1;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String inline = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            switch (option) {
                case "--runs" -> runs = (int) Cli.number(option, inline != null ? inline : Cli.value(args, ++i, option), 1,
                        1_000_000);
                case "--seed" -> seed = Cli.number(option, inline != null ? inline : Cli.value(args, ++i, option),
                        Long.MIN_VALUE, Long.MAX_VALUE);
                default -> throw new UsageException("unknown argument '" + a + "' for stress (options: --runs N,"
                        + " --seed N)");
            }
        }
        out.println("stress: " + runs + " runs back to back, about half get a Stop at a random moment (seed " + seed
                + ")");
        Result r = measure(runs, seed);
        print(r, out);
        return r.clean() ? Cli.OK : Cli.FAILED;
    }

    /** Carries out {@code runs} runs chosen and stopped by a generator seeded with {@code seed}. */
    static Result measure(int runs, long seed) throws InterruptedException {
        Random random = new Random(seed);
        List<ScenarioSpec> scenarios = ScenarioCatalog.all();
        Map<RunOutcome, Integer> outcomes = new EnumMap<>(RunOutcome.class);
        int didNotEnd = 0;
        long events = 0;
        int maxThreadsAfter = 0;
        long heapBefore = -1;
        long start = System.nanoTime();
        for (int i = 0; i < WARM_UP_RUNS + runs; i++) {
            if (i == WARM_UP_RUNS) {
                heapBefore = heapAfterGc();
                start = System.nanoTime();
            }
            ScenarioSpec spec = scenarios.get(random.nextInt(scenarios.size()));
            ParamValues values = values(spec, random);
            Run run = spec.start(values, spec.options(values, ClockMode.VIRTUAL, 1));
            if (random.nextBoolean()) {
                // A stop at a random moment: before the first event, in the middle, or after the end.
                LockSupport.parkNanos(random.nextInt(3_000_000));
                run.stop();
            }
            boolean ended = run.awaitEnd(END_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                run.stop();
                ended = run.awaitEnd(END_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            if (i < WARM_UP_RUNS) {
                continue;
            }
            if (!ended) {
                didNotEnd++;
            }
            outcomes.merge(run.outcome(), 1, Integer::sum);
            events += run.trace().eventCount();
            maxThreadsAfter = Math.max(maxThreadsAfter, scenarioThreadsAlive());
        }
        long wall = System.nanoTime() - start;
        int threadsAfterLast = scenarioThreadsAlive();
        long heapAfter = heapAfterGc();
        return new Result(runs, outcomes, didNotEnd, events, maxThreadsAfter, threadsAfterLast, heapBefore, heapAfter,
                wall);
    }

    private static ParamValues values(ScenarioSpec spec, Random random) {
        try {
            return spec.values(params(spec, random));
        } catch (ParamException e) {
            throw new IllegalStateException("stress chose a parameter " + spec.id() + " refuses: " + e.getMessage(), e);
        }
    }

    /** Parameters that keep a run short (milliseconds) but busy: the runtime's here, the scenario's own from it. */
    private static Map<String, String> params(ScenarioSpec spec, Random random) {
        Map<String, String> p = new HashMap<>();
        p.put(ScenarioSpec.SEED, Integer.toString(random.nextInt(1000)));
        p.put(ScenarioSpec.CORES, Integer.toString(1 + random.nextInt(8)));
        p.put(ScenarioSpec.GIL, Boolean.toString(random.nextBoolean()));
        p.putAll(spec.stressParams(random));
        return p;
    }

    static int scenarioThreadsAlive() {
        return Run.liveJavaThreads().size();
    }

    /**
     * The heap in use after a collection: the least of five readings, each after its own GC, so
     * that what another thread of the JVM holds for a moment (a window's frame, a test's buffer)
     * is not counted as the runs' growth; what the runs keep is in every reading.
     */
    static long heapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(40);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static void print(Result r, PrintStream out) {
        StringJoiner how = new StringJoiner(", ");
        for (RunOutcome o : RunOutcome.values()) {
            int n = r.outcomes().getOrDefault(o, 0);
            if (n > 0) {
                how.add(o.label() + " " + n);
            }
        }
        out.printf(Locale.ROOT, "  runs         %d in %.1f s (%.1f ms a run)%n", r.runs(), r.wallNanos() / 1e9,
                r.wallNanos() / 1e6 / r.runs());
        out.println("  outcomes     " + how + (r.didNotEnd() > 0 ? ", did not end " + r.didNotEnd() : ""));
        out.println("  stopped      " + r.stopped());
        out.println("  events       " + r.events() + " state changes recorded");
        out.println("  threads      scenario threads alive after a run: at most " + r.maxThreadsAfter()
                + "; after the last: " + r.threadsAfterLast());
        out.printf(Locale.ROOT, "  heap         after GC: %.1f MB before, %.1f MB after (%+.1f MB)%n",
                mb(r.heapBefore()), mb(r.heapAfter()), mb(r.heapAfter() - r.heapBefore()));
        out.println(r.clean() ? "  result       ok: every run ended and left no thread behind"
                : "  result       FAILED: " + (r.didNotEnd() > 0 ? r.didNotEnd() + " run(s) did not end; " : "")
                + "scenario threads left alive");
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
