package io.threadline.export;

import io.threadline.testing.Scenarios;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Trace;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What the file says, read as plain Chrome Trace Event JSON, the way Perfetto would. */
class TraceLayoutTest {

    private static byte[] file(String id, Map<String, String> params) throws Exception {
        return TraceJsonWriter.toBytes(TraceRoundTripTest.run(id, params));
    }

    private static List<Map<String, Object>> ofThread(List<Map<String, Object>> events, long tid, String... phs) {
        List<String> wanted = List.of(phs);
        return events.stream()
                .filter(e -> Long.valueOf(tid).equals(e.get("tid")) && wanted.contains((String) e.get("ph")))
                .filter(e -> !"i".equals(e.get("ph")) || "state".equals(e.get("cat")))
                .collect(Collectors.toList());
    }

    private static long tidOf(List<Map<String, Object>> events, String name) {
        return events.stream()
                .filter(e -> "thread_name".equals(e.get("name")) && name.equals(Json.args(e).get("name")))
                .mapToLong(e -> (Long) e.get("tid")).findFirst().orElseThrow();
    }

    @Test
    void headerNamesTheRunLosslessly() throws Exception {
        Map<String, Object> root = Json.object(file("chef-soup", Map.of("cook", "0.75")));

        @SuppressWarnings("unchecked")
        Map<String, Object> other = (Map<String, Object>) root.get("otherData");
        assertThat(other).containsEntry("format", "threadline-trace").containsEntry("version", 2L)
                .containsEntry("scenario", "chef-soup").containsEntry("seed", 0L).containsEntry("clock", "virtual")
                .containsEntry("outcome", "completed").containsEntry("message", "").containsEntry("end", 3_000_000L);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) other.get("params");
        assertThat(params).containsExactly(entry("olivia", "3"), entry("cook", "0.75"), entry("cores", "4"),
                entry("gil", "true"), entry("seed", "0"));
        assertThat(List.copyOf(root.keySet())).containsExactly("otherData", "displayTimeUnit", "traceEvents");
    }

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void everyThreadIsCoveredWithoutGapsFromCreationToDeath(String id) throws Exception {
        Trace trace = TraceRoundTripTest.run(id, Map.of());
        List<Map<String, Object>> events = Json.events(TraceJsonWriter.toBytes(trace));

        for (int t = 0; t < trace.threadCount(); t++) {
            List<Map<String, Object>> lane = ofThread(events, t + 1, "X", "i");
            LaneColumns columns = trace.lane(t);
            assertThat(lane).as("one event per transition, zero-length spans kept").hasSize(columns.size());
            assertThat(lane.get(0).get("ts")).isEqualTo(columns.time(0));
            assertThat(Json.args(lane.get(0))).containsEntry("state", "new").containsEntry("reason", "created");
            for (int i = 0; i + 1 < lane.size(); i++) {
                Map<String, Object> span = lane.get(i);
                assertThat(span).containsEntry("ph", "X").containsEntry("cat", "state");
                assertThat(span.get("name")).isEqualTo(Json.args(span).get("state"));
                assertThat((Long) span.get("ts") + (Long) span.get("dur")).as("span %d ends where the next starts", i)
                        .isEqualTo(lane.get(i + 1).get("ts"));
            }
            Map<String, Object> last = lane.get(lane.size() - 1);
            if (columns.isDead()) {
                assertThat(last).containsEntry("ph", "i").containsEntry("name", "dead");
                assertThat(Json.args(last).get("how")).isIn("returned", "raised", "killed", "cancelled");
            } else {
                // alive when the run was stopped (a deadlock's waits): its span runs to the end
                assertThat(last).containsEntry("ph", "X");
                assertThat((Long) last.get("ts") + (Long) last.get("dur")).isEqualTo(trace.endTime());
            }
        }
    }

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void timedEventsAreInTimeOrderAfterTheDeclarations(String id) throws Exception {
        List<Map<String, Object>> events = Json.events(file(id, Map.of()));

        int firstTimed = 0;
        while (events.get(firstTimed).get("ph").equals("M")) {
            firstTimed++;
        }
        List<Long> times = new ArrayList<>();
        for (Map<String, Object> e : events.subList(firstTimed, events.size())) {
            assertThat(e.get("ph")).isNotEqualTo("M");
            times.add((Long) e.get("ts"));
        }
        assertThat(times).isSorted();
    }

    @Test
    void chefSoupShowsBarronsJoinEndingAtOliviasDeath() throws Exception {
        List<Map<String, Object>> events = Json.events(file("chef-soup", Map.of()));
        long barron = tidOf(events, "Barron");
        long olivia = tidOf(events, "Olivia");
        List<Map<String, Object>> lane = ofThread(events, barron, "X", "i");

        int join = -1;
        for (int i = 0; i < lane.size(); i++) {
            if ("join".equals(Json.args(lane.get(i)).get("reason"))) {
                join = i;
            }
        }
        assertThat(join).isNotNegative();
        assertThat(lane.get(join)).containsEntry("name", "waiting").containsEntry("ts", 500_000L)
                .containsEntry("dur", 2_500_000L);
        assertThat(Json.args(lane.get(join))).containsEntry("detail", "Olivia");
        assertThat(Json.args(lane.get(join + 1))).containsEntry("state", "runnable").containsEntry("reason", "woken")
                .containsEntry("by", "Olivia");
        Map<String, Object> oliviaDeath = ofThread(events, olivia, "i").get(0);
        assertThat(oliviaDeath).containsEntry("ts", 3_000_000L);
        assertThat(Json.args(oliviaDeath)).containsEntry("how", "returned");
    }

    @Test
    void threadsAndProcessesAreDeclaredWithTheirMetadata() throws Exception {
        List<Map<String, Object>> events = Json.events(file("pool-map-vs-imap", Map.of()));

        Map<String, Map<String, Object>> threads = new LinkedHashMap<>();
        List<Object> processes = new ArrayList<>();
        List<Object> sortIndexes = new ArrayList<>();
        for (Map<String, Object> e : events) {
            if (e.get("name").equals("thread_name")) {
                threads.put((String) Json.args(e).get("name"), e);
            } else if (e.get("name").equals("process_name")) {
                processes.add(Json.args(e).get("name"));
            } else if (e.get("name").equals("thread_sort_index")) {
                sortIndexes.add(Json.args(e).get("sort_index"));
            }
        }
        // the resources (locks, queues, GILs ...) come last, as a process of their own
        assertThat(processes).containsExactly("MainProcess", "ForkPoolWorker-1", "ForkPoolWorker-2",
                "ForkPoolWorker-3", "ForkPoolWorker-4", "resources");
        assertThat(sortIndexes.subList(0, 5)).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(Json.args(threads.get("MainThread"))).containsEntry("daemon", false).containsEntry("role", "main");
        Map<String, Object> worker = threads.get("ForkPoolWorker-2");
        assertThat(worker).containsEntry("pid", 3L).containsEntry("tid", 3L);
        assertThat(Json.args(worker)).containsEntry("daemon", true).containsEntry("role", "worker");
    }

    @Test
    void poolResultsArriveOnTheMainThreadWithVariantInputValueAndWorker() throws Exception {
        List<Map<String, Object>> events = Json.events(file("pool-map-vs-imap", Map.of()));
        long main = tidOf(events, "MainThread");

        List<Map<String, Object>> results = events.stream().filter(e -> "result".equals(e.get("cat")))
                .collect(Collectors.toList());

        assertThat(results).hasSize(12).allSatisfy(r -> {
            assertThat(r).containsEntry("ph", "i").containsEntry("tid", main);
            assertThat((String) Json.args(r).get("from")).startsWith("ForkPoolWorker-");
        });
        assertThat(results.subList(0, 6)).extracting(r -> Json.args(r).get("variant")).containsOnly("map");
        assertThat(results.subList(0, 6)).extracting(r -> Json.args(r).get("value"))
                .containsExactly("0", "1", "4", "9", "16", "25");
        assertThat(results.subList(0, 6)).extracting(r -> r.get("ts")).containsOnly(4_000_000L);
        assertThat(results.subList(6, 12)).extracting(r -> Json.args(r).get("variant")).containsOnly("imap_unordered");
        assertThat(results.subList(6, 12)).extracting(r -> Json.args(r).get("input"))
                .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5");
    }

    @Test
    void queueLengthIsACounterTrack() throws Exception {
        byte[] bytes = file("producer-consumer", Map.of("capacity", "3"));
        List<Map<String, Object>> counters = Json.events(bytes).stream().filter(e -> "C".equals(e.get("ph")))
                .collect(Collectors.toList());

        assertThat(counters).isNotEmpty().allSatisfy(c -> assertThat(c).containsEntry("name", "queue length"));
        assertThat(counters).extracting(c -> (Long) Json.args(c).get("value")).allSatisfy(v ->
                assertThat(v).isBetween(0L, 3L)).contains(3L);
        assertThat(Json.object(bytes).get("otherData")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .extractingByKey("counters").isEqualTo(List.of("queue length"));
    }

    @Test
    void printedLinesAreOutputInstantsOnTheirThread() throws Exception {
        List<Map<String, Object>> events = Json.events(file("chef-soup", Map.of()));
        long olivia = tidOf(events, "Olivia");

        List<Map<String, Object>> output = events.stream().filter(e -> "output".equals(e.get("cat")))
                .collect(Collectors.toList());

        assertThat(output).hasSize(11).allSatisfy(o -> {
            assertThat(o).containsEntry("ph", "i");
            assertThat(Json.args(o)).doesNotContainKey("error");
        });
        assertThat(output.get(3)).containsEntry("tid", olivia);
        assertThat(Json.args(output.get(3))).containsEntry("text", "Olivia started & waiting for sausage to thaw...");
    }

    @Test
    void aDaemonCutOffAtExitDiesKilledByTheLastNonDaemon() throws Exception {
        List<Map<String, Object>> events = Json.events(file("daemon-cleaner", Map.of()));
        long olivia = tidOf(events, "Olivia");

        Map<String, Object> death = ofThread(events, olivia, "i").get(0);

        assertThat(death).containsEntry("ts", 1_200_000L);
        assertThat(Json.args(death)).containsEntry("how", "killed").containsEntry("by", "Barron")
                .containsKey("detail").doesNotContainKey("error");
    }

    @Test
    void oneEventPerLine() throws Exception {
        byte[] bytes = file("chef-soup", Map.of());
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");

        assertThat(lines[0]).isEqualTo("{");
        assertThat(lines[1]).startsWith("\"otherData\":{\"format\":\"threadline-trace\",\"version\":2,");
        assertThat(lines[3]).isEqualTo("\"traceEvents\":[");
        assertThat(lines[4]).isEqualTo("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"MainProcess\"}},");
        assertThat(lines).hasSize(4 + Json.events(bytes).size() + 2);
        assertThat(lines[lines.length - 1]).isEqualTo("}");
    }
}
