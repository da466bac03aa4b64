package io.threadline.scenario;

import io.threadline.testing.TraceText;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The course scenarios' tours follow their traces and parameters; each run answers its prediction. */
class CourseToursTest {
    /** Each course scenario with the parameters that show its other side. */
    private static final Map<String, Map<String, String>> VARIANTS = Map.of(
            "race-condition", Map.of("lock", "true"),
            "rlock", Map.of("reentrant", "false"),
            "semaphore", Map.of("bounded", "false"),
            "event", Map.of("gap", "0.3"),
            "condition", Map.of("capacity", "4"),
            "deadlock", Map.of("ordered", "true"),
            "gil-cpu-vs-io", Map.of("gil", "false"),
            "executor", Map.of("durations", "1"),
            "threads-vs-processes", Map.of("cores", "2"));

    private static Trace run(String id, Map<String, String> params) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        return s.execute(s.values(params));
    }

    private static List<TourStep> tour(String id, Map<String, String> params) throws Exception {
        return ScenarioCatalog.byId(id).tour(run(id, params));
    }

    private static long at(List<TourStep> steps, String title) {
        return steps.stream().filter(s -> s.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + title + " in " + steps)).time();
    }

    private static int answer(String id, Map<String, String> params) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        return s.prediction(s.values(params)).answerFor(run(id, params));
    }

    @Test
    void everyVariantHasFourToSixStepsInTimeOrderWithinItsRun() throws Exception {
        for (String id : VARIANTS.keySet()) {
            for (Map<String, String> params : List.of(Map.<String, String>of(), VARIANTS.get(id))) {
                ScenarioSpec s = ScenarioCatalog.byId(id);
                Trace t = run(id, params);
                List<TourStep> steps = s.tour(t);
                String what = id + " " + params;
                assertThat(steps).as(what).hasSizeBetween(4, 6);
                long prev = 0;
                for (TourStep step : steps) {
                    assertThat(step.time()).as(what + ": " + step.title()).isBetween(prev, t.endTime());
                    assertThat(step.note()).as(what + ": " + step.title()).isNotBlank().doesNotContain("?");
                    assertThat(step.thread()).as(what + ": " + step.title()).isLessThan(t.threadCount());
                    prev = step.time();
                }
            }
        }
    }

    @Test
    void tourStepsMoveWithTheParameters() throws Exception {
        assertThat(at(tour("rlock", Map.of()), "The last release wakes Bob")).isEqualTo(1_500_000);
        assertThat(at(tour("rlock", Map.of("step", "1")), "The last release wakes Bob")).isEqualTo(3_000_000);

        assertThat(at(tour("deadlock", Map.of()), "Alice waits for B")).isEqualTo(500_000);
        assertThat(at(tour("deadlock", Map.of("step", "2")), "Alice waits for B")).isEqualTo(2_000_000);

        assertThat(at(tour("event", Map.of()), "set() wakes them all")).isEqualTo(2_000_000);
        assertThat(at(tour("event", Map.of("red", "3")), "set() wakes them all")).isEqualTo(3_000_000);

        assertThat(at(tour("condition", Map.of()), "A full shelf")).isEqualTo(2_000_000);
        assertThat(tour("condition", Map.of("capacity", "6"))).extracting(TourStep::title).doesNotContain("A full shelf");

        // Client-3 draws the shortest query (0.5 s of 1 s: randint(5, 15) with seed 0, as CPython draws it).
        assertThat(at(tour("semaphore", Map.of()), "A release lets one in")).isEqualTo(500_000);
        assertThat(at(tour("semaphore", Map.of("work", "2")), "A release lets one in")).isEqualTo(1_000_000);

        // 0.4 s serially, then 0.4 s on four threads plus 76 forced GIL hand-overs of 20 µs.
        assertThat(at(tour("gil-cpu-vs-io", Map.of()), "CPU-bound: no faster")).isEqualTo(800_000 + 76 * 20);
        assertThat(at(tour("gil-cpu-vs-io", Map.of("check", "0.1")), "CPU-bound: no faster")).isEqualTo(1_600_000 + 156 * 20);

        assertThat(at(tour("executor", Map.of()), "as_completed: the first to finish")).isEqualTo(1_000_000);
        assertThat(at(tour("executor", Map.of("durations", "3,2,2,2,2")), "as_completed: the first to finish"))
                .isEqualTo(2_000_000);

        assertThat(at(tour("threads-vs-processes", Map.of()), "Threads done")).isEqualTo(800_000 + 156 * 20);
        assertThat(at(tour("threads-vs-processes", Map.of("work", "0.5")), "Threads done")).isEqualTo(2_000_000 + 396 * 20);

        List<TourStep> race = tour("race-condition", Map.of());
        assertThat(race).extracting(TourStep::title).contains("Preempted mid-update", "A lost update")
                .doesNotContain("The lock is held");
        assertThat(tour("race-condition", Map.of("lock", "true"))).extracting(TourStep::title)
                .contains("The lock is held", "The release wakes a waiter").doesNotContain("A lost update");
        assertThat(at(tour("race-condition", Map.of("work", "0.02")), "The final count"))
                .isGreaterThan(at(race, "The final count"));
    }

    @Test
    void eachRunAnswersItsPrediction() throws Exception {
        assertThat(answer("race-condition", Map.of())).isEqualTo(1);          // less than expected
        assertThat(answer("race-condition", Map.of("lock", "true"))).isZero(); // exactly
        assertThat(answer("rlock", Map.of())).isZero();
        assertThat(answer("rlock", Map.of("reentrant", "false"))).isEqualTo(1);
        assertThat(answer("semaphore", Map.of())).isZero();
        assertThat(answer("semaphore", Map.of("permits", "8"))).isZero();      // all 8 at once: min(permits, clients)
        assertThat(answer("event", Map.of())).isZero();
        assertThat(answer("condition", Map.of())).isZero();
        assertThat(answer("deadlock", Map.of())).isEqualTo(1);
        assertThat(answer("deadlock", Map.of("ordered", "true"))).isZero();
        assertThat(answer("gil-cpu-vs-io", Map.of())).isEqualTo(1);
        assertThat(answer("gil-cpu-vs-io", Map.of("gil", "false"))).isZero();
        assertThat(answer("executor", Map.of())).isEqualTo(1);
        assertThat(answer("threads-vs-processes", Map.of())).isEqualTo(1);
        assertThat(answer("threads-vs-processes", Map.of("gil", "false"))).isEqualTo(2);
    }

    @Test
    void predictionChoicesFollowTheParameters() throws Exception {
        ScenarioSpec sem = ScenarioCatalog.byId("semaphore");
        assertThat(sem.prediction(sem.values(Map.of("permits", "2", "clients", "5"))).choices())
                .containsExactly("2", "5", "1");
        ScenarioSpec race = ScenarioCatalog.byId("race-condition");
        assertThat(race.prediction(race.values(Map.of("threads", "3", "rounds", "2"))).choices())
                .containsExactly("exactly 6", "less than 6", "more than 6");
    }

    @Test
    void sameParametersAndSeedGiveTheSameTrace() throws Exception {
        for (String id : VARIANTS.keySet()) {
            Map<String, String> p = new java.util.HashMap<>(VARIANTS.get(id));
            p.put("seed", "7");
            assertThat(TraceText.dump(run(id, p))).as(id).isEqualTo(TraceText.dump(run(id, p)));
        }
    }
}
