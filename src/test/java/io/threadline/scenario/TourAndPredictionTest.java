package io.threadline.scenario;

import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tour moments are found from the trace, so they move with the parameters; the run answers the prediction. */
class TourAndPredictionTest {

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

    @Test
    void chefSoupTourFollowsCookAndOlivia() throws Exception {
        List<TourStep> normal = tour("chef-soup", Map.of());
        assertThat(normal).extracting(TourStep::title).containsExactly("Olivia is created", "Barron starts Olivia",
                "Olivia waits for the sausage", "Barron joins Olivia", "Olivia ends", "Both done");
        assertThat(at(normal, "Barron joins Olivia")).isEqualTo(500_000);
        assertThat(at(normal, "Olivia ends")).isEqualTo(3_000_000);

        List<TourStep> moved = tour("chef-soup", Map.of("cook", "1.5", "olivia", "4"));
        assertThat(at(moved, "Barron joins Olivia")).isEqualTo(1_500_000);
        assertThat(at(moved, "Olivia ends")).isEqualTo(4_000_000);

        List<TourStep> noWait = tour("chef-soup", Map.of("cook", "2", "olivia", "1"));
        assertThat(noWait.get(3).note()).contains("returns at once");
        assertThat(at(noWait, "Barron joins Olivia")).isEqualTo(2_000_000);
    }

    @Test
    void everyExplanationKeepsItsLessonApartFromWhatTheProgramDoes() {
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            assertThat(s.lesson()).as(s.id()).startsWith("Notice:").hasSizeGreaterThan(40);
            assertThat(s.setup()).as(s.id()).isNotBlank().doesNotContain("Notice");
            assertThat(s.setup() + "\n\n" + s.lesson()).as(s.id()).isEqualTo(s.explanation().strip());
        }
    }

    @Test
    void everyScenarioHasATourInTimeOrderWithinTheRun() throws Exception {
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            Trace t = s.execute(s.defaults());
            List<TourStep> steps = s.tour(t);
            assertThat(steps).as(s.id()).hasSizeGreaterThanOrEqualTo(4);
            long prev = 0;
            for (TourStep step : steps) {
                assertThat(step.time()).as(s.id() + ": " + step.title()).isBetween(prev, t.endTime());
                assertThat(step.note()).as(s.id()).isNotBlank();
                prev = step.time();
            }
        }
    }

    @Test
    void daemonTourSaysCutOffOrTimeLimit() throws Exception {
        assertThat(at(tour("daemon-cleaner", Map.of()), "Olivia is cut off")).isEqualTo(1_200_000);
        assertThat(at(tour("daemon-cleaner", Map.of("daemon", "false")), "Stopped at the limit")).isEqualTo(60_000_000);
    }

    @Test
    void producerConsumerTourFindsTheFullQueueOnlyWhenThereIsOne() throws Exception {
        assertThat(tour("producer-consumer", Map.of())).extracting(TourStep::title).contains("The queue is full");
        assertThat(tour("producer-consumer", Map.of("capacity", "0"))).extracting(TourStep::title)
                .doesNotContain("The queue is full");
        // one producer computing for 2 s (the GIL shared with the main thread starting the consumers)
        assertThat(at(tour("producer-consumer", Map.of("producers", "1", "make", "2")), "A put releases a get"))
                .isBetween(2_000_000L, 2_100_000L);
    }

    @Test
    void poolTourMovesWithDurations() throws Exception {
        assertThat(at(tour("pool-map-vs-imap", Map.of()), "map returns")).isEqualTo(4_000_000);
        assertThat(at(tour("pool-map-vs-imap", Map.of("durations", "1")), "map returns")).isEqualTo(2_000_000);
        assertThat(at(tour("pool-map-vs-imap", Map.of("durations", "1")), "imap_unordered: the first result"))
                .isEqualTo(3_000_000);
    }

    @Test
    void theRunAnswersThePrediction() throws Exception {
        ScenarioSpec chef = ScenarioCatalog.byId("chef-soup");
        Prediction p = chef.prediction(chef.defaults());
        assertThat(p.choices()).containsExactly("at 0.5 s", "at 3 s", "at 3.5 s");
        assertThat(p.answerFor(run("chef-soup", Map.of()))).isEqualTo(1);
        assertThat(chef.prediction(chef.values(Map.of("olivia", "1", "cook", "2")))
                .answerFor(run("chef-soup", Map.of("olivia", "1", "cook", "2")))).isEqualTo(1);

        ScenarioSpec daemon = ScenarioCatalog.byId("daemon-cleaner");
        assertThat(daemon.prediction(daemon.defaults()).answerFor(run("daemon-cleaner", Map.of()))).isEqualTo(1);
        assertThat(daemon.prediction(daemon.defaults()).answerFor(run("daemon-cleaner", Map.of("daemon", "false"))))
                .isEqualTo(2);

        ScenarioSpec pc = ScenarioCatalog.byId("producer-consumer");
        assertThat(pc.prediction(pc.defaults()).answerFor(run("producer-consumer", Map.of()))).isZero();
        assertThat(pc.prediction(pc.defaults()).answerFor(run("producer-consumer", Map.of("capacity", "0"))))
                .isEqualTo(1);

        ScenarioSpec pool = ScenarioCatalog.byId("pool-map-vs-imap");
        assertThat(pool.prediction(pool.defaults()).answerFor(run("pool-map-vs-imap", Map.of()))).isEqualTo(1);
    }
}
