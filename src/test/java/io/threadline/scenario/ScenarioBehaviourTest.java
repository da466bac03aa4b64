package io.threadline.scenario;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.ResultMark;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.texts;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** Each scenario does what docs/scenarios.md says, as CPython does, at exact virtual times. */
class ScenarioBehaviourTest {

    static Trace run(String id, Map<String, String> params) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        return s.execute(s.values(params));
    }

    @Test
    void chefSoupPrintsInCPythonsOrder() throws Exception {
        Trace t = run("chef-soup", Map.of());
        assertThat(texts(t)).containsExactly(
                "Barron started & requesting Olivia's help.",
                "  Olivia alive?: False",
                "Barron tells Olivia to start.",
                "Olivia started & waiting for sausage to thaw...",
                "  Olivia alive?: True",
                "Barron continues cooking soup.",
                "  Olivia alive?: True",
                "Barron patiently waits for Olivia to finish and join...",
                "Olivia is done cutting sausage.",
                "  Olivia alive?: False",
                "Barron and Olivia are both done!");
        assertThat(output(t)).last().isEqualTo("3.000 Barron: Barron and Olivia are both done!");
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void chefSoupTimelineShowsTheSleepsAndTheJoinEndedByOliviasDeath() throws Exception {
        Trace t = run("chef-soup", Map.of());
        assertThat(transitions(t, "Olivia")).containsExactly(
                "0.000 new created by Barron",
                "0.000 runnable started by Barron",
                "0.000 running scheduled",
                "0.000 waiting sleep 3 s",
                "3.000 runnable timer",
                "3.000 running scheduled",
                "3.000 dead returned");
        assertThat(transitions(t, "Barron")).containsSubsequence(
                "0.000 waiting sleep 0.5 s",
                "0.500 runnable timer",
                "0.500 running scheduled",
                "0.500 waiting join Olivia",
                "3.000 runnable woken by Olivia",
                "3.000 running scheduled",
                "3.000 dead returned");
    }

    @Test
    void chefSoupFollowsItsParameters() throws Exception {
        Trace t = run("chef-soup", Map.of("olivia", "1", "cook", "2"));
        // Olivia is done before Barron joins: the join does not wait.
        assertThat(transitions(t, "Barron")).noneMatch(s -> s.contains("join"));
        assertThat(texts(t)).containsSubsequence("Olivia is done cutting sausage.", "  Olivia alive?: False",
                "Barron patiently waits for Olivia to finish and join...");
        assertThat(t.endTime()).isEqualTo(2_000_000);
    }

    @Test
    void daemonCleanerIsCutOffMidSleepWhenBarronEnds() throws Exception {
        Trace t = run("daemon-cleaner", Map.of());
        assertThat(output(t)).containsExactly(
                "0.000 Olivia: Olivia cleaned the kitchen.",
                "0.000 Barron: Barron is cooking...",
                "0.600 Barron: Barron is cooking...",
                "1.000 Olivia: Olivia cleaned the kitchen.",
                "1.200 Barron: Barron is done!");
        assertThat(transitions(t, "Olivia")).endsWith(
                "1.000 waiting sleep 1 s",
                "1.200 dead killed cut off at exit: the last non-daemon thread ended by Barron");
        assertThat(t.thread(t.threadNamed("Olivia")).daemon()).isTrue();
        assertThat(t.endTime()).isEqualTo(1_200_000);
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void daemonCleanerWithoutDaemonIsStoppedAtTheLimitAndSaysWhy() throws Exception {
        Trace t = run("daemon-cleaner", Map.of("daemon", "false"));
        assertThat(t.outcome()).isEqualTo(RunOutcome.TIME_LIMIT);
        assertThat(t.outcomeMessage()).contains("non-daemon threads still alive: Olivia");
        assertThat(t.endTime()).isEqualTo(60_000_000);
        assertThat(transitions(t, "Barron")).last().asString().isEqualTo("1.200 dead returned");
    }

    @Test
    void producerConsumerConsumesEveryItemOnceAndEveryoneReturns() throws Exception {
        Trace t = run("producer-consumer", Map.of());
        List<String> got = texts(t).stream().filter(s -> s.contains(" got "))
                .map(s -> s.substring(s.indexOf(" got ") + 5)).collect(Collectors.toList());
        List<String> put = texts(t).stream().filter(s -> s.contains(" put "))
                .map(s -> s.substring(s.indexOf(" put ") + 5)).collect(Collectors.toList());
        assertThat(put).hasSize(10).doesNotHaveDuplicates();
        assertThat(got).containsExactlyInAnyOrderElementsOf(put);
        for (int th = 0; th < t.threadCount(); th++) {
            assertThat(transitions(t, t.thread(th).name())).last().asString().endsWith("dead returned");
        }
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void producerConsumerShowsEachKindOfQueueWait() throws Exception {
        Trace t = run("producer-consumer", Map.of());
        // the queue is empty when the consumers start: their first wait is a get
        assertThat(transitions(t, "Consumer-1")).filteredOn(s -> s.contains(" waiting ")).first().asString()
                .endsWith("waiting queue-get queue");
        assertThat(transitions(t, "Producer-2")).anyMatch(s -> s.contains("waiting queue-put queue"));
        assertThat(transitions(t, "MainThread")).anyMatch(s -> s.contains("waiting queue-join queue"));
        // A put releases a waiting get: the consumer's wake names a producer.
        assertThat(transitions(t, "Consumer-1")).anyMatch(s -> s.matches(".* runnable woken by Producer-\\d"));
        // ...and a get releases a waiting put.
        assertThat(transitions(t, "Producer-2")).anyMatch(s -> s.matches(".* runnable woken by Consumer-\\d"));
        CounterTrack length = t.counters().get(0);
        assertThat(length.name()).isEqualTo("queue length");
        assertThat(length.max()).isEqualTo(3);
    }

    @Test
    void producerConsumerUnboundedNeverWaitsOnPut() throws Exception {
        Trace t = run("producer-consumer", Map.of("capacity", "0"));
        for (int th = 0; th < t.threadCount(); th++) {
            assertThat(transitions(t, t.thread(th).name())).noneMatch(s -> s.contains("queue-put"));
        }
        assertThat(t.counters().get(0).max()).isGreaterThan(3);
    }

    @Test
    void poolMapGivesAllResultsAtOnceInOrderAndImapUnorderedAsTheyFinish() throws Exception {
        Trace t = run("pool-map-vs-imap", Map.of());
        List<ResultMark> map = t.results().stream().filter(r -> r.variant().equals("map")).collect(Collectors.toList());
        List<ResultMark> imap = t.results().stream().filter(r -> r.variant().equals("imap_unordered"))
                .collect(Collectors.toList());
        assertThat(map).extracting(ResultMark::value).containsExactly("0", "1", "4", "9", "16", "25");
        assertThat(map).extracting(ResultMark::time).containsOnly(4_000_000L);
        assertThat(texts(t)).contains("[0, 1, 4, 9, 16, 25]");
        // imap_unordered starts at 4 s: four results 2 s later, two more 2 s after that.
        assertThat(imap).extracting(ResultMark::time)
                .containsExactly(6_000_000L, 6_000_000L, 6_000_000L, 6_000_000L, 8_000_000L, 8_000_000L);
        assertThat(imap).extracting(ResultMark::value).containsExactlyInAnyOrder("0", "1", "4", "9", "16", "25");
        int main = t.threadNamed("MainThread");
        assertThat(t.results()).extracting(ResultMark::thread).containsOnly(main);
        assertThat(t.processCount()).isEqualTo(5);
    }

    @Test
    void imapUnorderedFollowsCompletionOrderWithVariedDurations() throws Exception {
        Trace t = run("pool-map-vs-imap", Map.of("durations", "3,1,2,0.5,2.25,1.5"));
        List<String> imap = t.results().stream().filter(r -> r.variant().equals("imap_unordered"))
                .map(ResultMark::input).collect(Collectors.toList());
        // Workers take inputs 0..3 at once; 3 (0.5 s) ends first and its worker takes 4, ...
        assertThat(imap).containsExactly("3", "1", "2", "5", "4", "0");
        List<Long> times = t.results().stream().filter(r -> r.variant().equals("map"))
                .map(ResultMark::time).distinct().collect(Collectors.toList());
        assertThat(times).hasSize(1);
    }

    @Test
    void simultaneousResultsArriveInAnOrderSetByTheSeed() throws Exception {
        Set<List<String>> orders = new HashSet<>();
        for (int seed = 0; seed < 8; seed++) {
            Trace t = run("pool-map-vs-imap", Map.of("seed", Integer.toString(seed)));
            List<String> order = new ArrayList<>();
            t.results().stream().filter(r -> r.variant().equals("imap_unordered")).forEach(r -> order.add(r.input()));
            orders.add(order);
            assertThat(TraceTextDump.of(run("pool-map-vs-imap", Map.of("seed", Integer.toString(seed)))))
                    .isEqualTo(TraceTextDump.of(t));
        }
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void variedDurationsAreSeeded() throws Exception {
        Trace a = run("pool-map-vs-imap", Map.of("durations", "varied", "seed", "3"));
        Trace b = run("pool-map-vs-imap", Map.of("durations", "varied", "seed", "3"));
        Trace c = run("pool-map-vs-imap", Map.of("durations", "varied", "seed", "4"));
        assertThat(TraceTextDump.of(a)).isEqualTo(TraceTextDump.of(b));
        assertThat(a.endTime()).isNotEqualTo(c.endTime());
    }

    @Test
    void workersAreGroupedOneProcessEach() throws Exception {
        Trace t = run("pool-map-vs-imap", Map.of("workers", "2"));
        assertThat(t.processCount()).isEqualTo(3);
        assertThat(t.thread(t.threadNamed("ForkPoolWorker-2")).process()).isEqualTo(2);
        assertThat(t.stateAt(t.threadNamed("ForkPoolWorker-1"), t.endTime())).isEqualTo(ThreadState.DEAD);
    }

    @Test
    void everyScenarioIsDeterministicForOneSeed() throws Exception {
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            String first = TraceTextDump.of(s.execute(s.defaults()));
            String second = TraceTextDump.of(s.execute(s.defaults()));
            assertThat(second).as(s.id()).isEqualTo(first);
        }
    }

    @Test
    void producersAndConsumersComputeSoTheyRunAndTakeTurnsForTheGil() throws Exception {
        Trace t = run("producer-consumer", Map.of());
        for (String name : List.of("Producer-1", "Producer-2", "Consumer-1", "Consumer-2")) {
            int th = t.threadNamed(name);
            assertThat(timeIn(t, th, ThreadState.RUNNING)).as(name + " running").isGreaterThanOrEqualTo(1_000_000);
            // with the GIL, a thread with work waits its turn: runnable for real time, not an instant
            assertThat(timeIn(t, th, ThreadState.RUNNABLE)).as(name + " runnable").isGreaterThan(100_000);
        }
        // 10 items of 0.2 s and 0.4 s of computation, one thread at a time: at least 6 s
        assertThat(t.endTime()).isGreaterThanOrEqualTo(6_000_000);
    }

    @Test
    void gilOffLetsCpuThreadsOverlapButSleepScenariosAreUnchanged() throws Exception {
        Trace on = run("producer-consumer", Map.of("gil", "true"));
        Trace off = run("producer-consumer", Map.of("gil", "false"));
        assertThat(off.endTime()).isLessThan(on.endTime());
        Trace soupOn = run("chef-soup", Map.of("gil", "true"));
        Trace soupOff = run("chef-soup", Map.of("gil", "false"));
        assertThat(soupOff.endTime()).isEqualTo(soupOn.endTime());
    }

    /** Microseconds {@code thread} spent in {@code state} over the whole run. */
    static long timeIn(Trace t, int thread, ThreadState state) {
        var lane = t.lane(thread);
        long sum = 0;
        for (int i = 0; i < lane.size(); i++) {
            long end = i + 1 < lane.size() ? lane.time(i + 1) : t.endTime();
            if (lane.state(i) == state) {
                sum += end - lane.time(i);
            }
        }
        return sum;
    }

    /** Short alias for the full dump used in equality checks. */
    static final class TraceTextDump {
        static String of(Trace t) {
            return io.threadline.testing.TraceText.dump(t);
        }
    }
}
