package io.threadline.explore;

import io.threadline.runtime.ChoicePoint;
import io.threadline.runtime.Run;
import io.threadline.runtime.StepChooser;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.scenario.SearchGoal;
import io.threadline.trace.ChoiceList;
import io.threadline.trace.Trace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The search's figures: schedules explored per second on race-condition (2 threads, 2 rounds,
 * with its lock, so the exhaustive search covers every schedule with at most 2 preemptions), next
 * to one plain run in the same fork; and a step back at choice 200 (a run that replays 199 picks
 * and waits at the 200th).
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 7, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ExploreBench {
    static final ScenarioSpec RACE = ScenarioCatalog.byId("race-condition");
    static final ParamValues SMALL = values(Map.of("threads", "2", "rounds", "2", "lock", "true"));
    static final SearchGoal LOST = Goals.parse("lost-update", RACE, SMALL);
    static final Strategy BOUND_2 = new Strategy.Exhaustive(2, Strategy.DEFAULT_LIMIT);
    /** A run with more than 200 choices: 4 threads adding 50 times each. */
    static final ParamValues LONG = values(Map.of("threads", "4", "rounds", "50"));
    static final int STEP_AT = 200;

    private static ParamValues values(Map<String, String> given) {
        try {
            return RACE.values(given);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many schedules one search covers (the same every time: it is exhaustive). */
    public static long schedulesPerSearch() throws InterruptedException {
        return new Explorer(RACE, SMALL, LOST, BOUND_2).run().schedules();
    }

    /** The picks of the long run before its 200th choice. */
    static int[] before200() throws InterruptedException {
        Trace t = RACE.execute(LONG);
        if (t.choiceCount() < STEP_AT) {
            throw new IllegalStateException("the long run has only " + t.choiceCount() + " choices");
        }
        return Arrays.copyOf(ChoiceList.all(t), STEP_AT - 1);
    }

    private final int[] given;

    public ExploreBench() {
        try {
            given = before200();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Trace plainRun() throws InterruptedException {
        return RACE.execute(SMALL);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Exploration exhaustiveSearch() throws InterruptedException {
        return new Explorer(RACE, SMALL, LOST, BOUND_2).run();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Exploration exhaustiveSearchOneWorker() throws InterruptedException {
        return new Explorer(RACE, SMALL, LOST, BOUND_2, 1).run();
    }

    /** Step back to choice 200: the list without its last entry re-run, until the run waits at that choice. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ChoicePoint stepBackAt200() throws InterruptedException {
        Run run = RACE.start(LONG, RACE.options(LONG, io.threadline.runtime.ClockMode.VIRTUAL, 1), new StepChooser(given));
        try {
            ChoicePoint p;
            while ((p = run.pendingChoice()) == null) {
                if (run.isFinished()) {
                    throw new IllegalStateException("ended before choice " + STEP_AT);
                }
                Thread.onSpinWait();
            }
            if (p.number() != STEP_AT - 1) {
                throw new IllegalStateException("waits at choice " + (p.number() + 1));
            }
            return p;
        } finally {
            run.stop();
            run.awaitEnd();
        }
    }
}
