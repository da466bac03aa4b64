package io.threadline.scenario;

import io.threadline.testing.Scenarios;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A lesson told after a run says that run's numbers, and the Python code says its values. */
class LessonsFollowTheRunTest {
    private static String lesson(String id, Map<String, String> params) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(params));
        return s.lesson(t);
    }

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void everyLessonOfADefaultRunIsANotice(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        String told = lesson(id, Map.of());
        if (s.lesson().isEmpty()) {
            assertThat(told).isEmpty();
        } else {
            assertThat(told).startsWith("Notice:");
        }
    }

    @Test
    void chefSoupTellsWhenBarronJoinsAndWhetherHeWaits() throws Exception {
        assertThat(lesson("chef-soup", Map.of())).contains("waiting (join) at 0.5 s").contains("dies, at 3 s");
        String early = lesson("chef-soup", Map.of("olivia", "1", "cook", "2"));
        assertThat(early).contains("Olivia is done at 1 s").contains("joins her at 2 s").contains("no wait")
                .doesNotContain("0.5 s");
        assertThat(lesson("chef-soup", Map.of("cook", "2"))).contains("waiting (join) at 2 s");
    }

    @Test
    void daemonCleanerOffSaysSheKeepsTheProgramAlive() throws Exception {
        assertThat(lesson("daemon-cleaner", Map.of())).contains("ends at 1.2 s").contains("killed");
        assertThat(lesson("daemon-cleaner", Map.of("daemon", "false"))).contains("not a daemon")
                .contains("Barron is done at 1.2 s").contains("stops it at 60 s").doesNotContain("\"killed\" cap");
    }

    @Test
    void rlockOffTellsThePlainLocksDeadlock() throws Exception {
        assertThat(lesson("rlock", Map.of())).isEqualTo(ScenarioCatalog.byId("rlock").lesson());
        assertThat(lesson("rlock", Map.of("reentrant", "false"))).contains("plain Lock").contains("at 0.5 s")
                .doesNotContain("last, outer release");
    }

    @Test
    void deadlockOrderedHasNoCycle() throws Exception {
        assertThat(lesson("deadlock", Map.of())).contains("never end");
        assertThat(lesson("deadlock", Map.of("ordered", "true"))).contains("no cycle").doesNotContain("never end");
    }

    @Test
    void numbersComeFromTheTrace() throws Exception {
        assertThat(lesson("semaphore", Map.of())).contains("never goes above three");
        assertThat(lesson("semaphore", Map.of("permits", "2"))).contains("never goes above two");
        assertThat(lesson("pool-map-vs-imap", Map.of())).contains("nothing until 4 s").contains("six results")
                .contains("four results 2 s after it starts");
        assertThat(lesson("pool-map-vs-imap", Map.of("durations", "1"))).contains("nothing until 2 s")
                .contains("four results 1 s after");
        assertThat(lesson("producer-consumer", Map.of("capacity", "0"))).contains("never wait");
        assertThat(lesson("barrier", Map.of())).contains("Runner-1 waits (barrier) 2 s, Runner-2 waits (barrier) 1 s,"
                + " Runner-3 not at all: all go at 3 s, woken by Runner-3's arrival");
        assertThat(lesson("barrier", Map.of("timeout", "1.5"))).contains("the barrier broke");
        assertThat(lesson("no-join", Map.of())).contains("at 0 s").contains("goes on until 10 s");
        assertThat(lesson("pool-the-rest", Map.of())).isEqualTo(ScenarioCatalog.byId("pool-the-rest").lesson());
        assertThat(lesson("pool-the-rest", Map.of("timeout", "5"))).contains("ends with the result")
                .doesNotContain("after 1 s");
        assertThat(lesson("asyncio-tasks", Map.of())).contains("all are done in 3 s")
                .contains("cancelled after 3 ticks");
        assertThat(lesson("asyncio-tasks", Map.of("delay", "0.5"))).contains("all are done in 1.5 s");
        assertThat(lesson("asyncio-tasks", Map.of("blocking", "true"))).contains("all done in 6 s")
                .contains("never ticks");
        assertThat(lesson("no-join", Map.of("join", "true", "steps", "3")))
                .contains("waits (join) until t2 ends, at 3 s");
    }

    @Test
    void thePythonProgramSaysTheValuesOfTheRun() throws Exception {
        ScenarioSpec soup = ScenarioCatalog.byId("chef-soup");
        assertThat(soup.pythonSource(soup.values(Map.of("olivia", "1")))).contains("OLIVIA_SLEEP = 1.0")
                .doesNotContain("OLIVIA_SLEEP = 3.0");
        ScenarioSpec daemon = ScenarioCatalog.byId("daemon-cleaner");
        assertThat(daemon.pythonSource(daemon.values(Map.of("daemon", "false")))).contains("= False");
        assertThat(soup.pythonSource(soup.values(Map.of("olivia", "1"))).lines().count())
                .as("values change within their lines: the line map stays true")
                .isEqualTo(soup.pythonSource().lines().count());
    }

    @Test
    void aScenarioNamesTheWindowItsLessonIsAbout() throws Exception {
        ScenarioSpec race = ScenarioCatalog.byId("race-condition");
        Trace r = race.execute(race.defaults());
        assertThat(race.namesLessonWindow()).isTrue();
        assertThat(race.lessonWindow(r)).isEqualTo(new LessonWindow(0, r.endTime()));
        assertThat(r.endTime()).as("too short to watch at 1x").isLessThan(200_000);
        ScenarioSpec gil = ScenarioCatalog.byId("gil-cpu-vs-io");
        // the threaded CPU phase: from the serial run's report to the threaded one's (switch costs included)
        assertThat(gil.lessonWindow(gil.execute(gil.defaults()))).isEqualTo(new LessonWindow(400_000, 801_520));
        ScenarioSpec soup = ScenarioCatalog.byId("chef-soup");
        assertThat(soup.namesLessonWindow()).isFalse();
        assertThat(soup.lessonWindow(soup.execute(soup.defaults()))).isNull();
    }
}
