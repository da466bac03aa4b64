package io.threadline.export;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Perfetto's JSON importer needs for a trace to open with threads named and states as
 * slices (see TraceFormat): every thread and process named, tids unique across processes and
 * never 0, whole-number times, and the slices of a thread following each other without overlap
 * (Perfetto's importer keeps slices of one track only where they nest). Resources are a process
 * named "resources", each a track named after it, its holders as slices named after them.
 */
class PerfettoCompatibilityTest {
    static Stream<String> scenarios() {
        return ScenarioCatalog.all().stream().map(ScenarioSpec::id);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyScenarioOpensInPerfettoAsNamedThreadsWithStateSlices(String id) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        Trace trace = spec.execute(spec.defaults());
        List<Map<String, Object>> events = Json.events(TraceJsonWriter.toBytes(trace));

        Map<Long, String> processNames = new HashMap<>();
        Map<Long, String> trackNames = new HashMap<>();
        Set<Long> namedProcesses = new HashSet<>();
        Map<Long, Long> processOfThread = new HashMap<>();
        Set<Long> sorted = new HashSet<>();
        Map<Long, Long> sliceEnd = new HashMap<>();
        int slices = 0;
        int holderSlices = 0;
        for (Map<String, Object> e : events) {
            String ph = (String) e.get("ph");
            long pid = (Long) e.get("pid");
            assertThat(pid).as("pid").isPositive();
            if (ph.equals("M")) {
                if (e.get("name").equals("process_name")) {
                    namedProcesses.add(pid);
                    processNames.put(pid, (String) Json.args(e).get("name"));
                } else {
                    long tid = (Long) e.get("tid");
                    assertThat(tid).as("tid").isPositive();
                    Long before = processOfThread.put(tid, pid);
                    assertThat(before == null || before == pid).as("tid %d in one process only", tid).isTrue();
                    if (e.get("name").equals("thread_sort_index")) {
                        sorted.add(tid);
                    } else {
                        trackNames.put(tid, (String) Json.args(e).get("name"));
                    }
                }
                continue;
            }
            assertThat(e.get("ts")).as("ts").isInstanceOf(Long.class);
            if (ph.equals("C")) {
                continue;
            }
            long tid = (Long) e.get("tid");
            assertThat(processOfThread).as("thread %d is named before its events", tid).containsEntry(tid, pid);
            if (ph.equals("X")) {
                long ts = (Long) e.get("ts");
                long end = ts + (Long) e.get("dur");
                if ("holder".equals(e.get("cat"))) {
                    assertThat(processNames.get(pid)).isEqualTo("resources");
                    assertThat(e.get("name")).isEqualTo(Json.args(e).get("holder"));
                    holderSlices++;
                } else {
                    assertThat(e.get("name")).isEqualTo(Json.args(e).get("state"));
                }
                assertThat(ts).as("slice of thread %d starts after the one before ends", tid)
                        .isGreaterThanOrEqualTo(sliceEnd.getOrDefault(tid, 0L));
                sliceEnd.put(tid, end);
                slices++;
            } else {
                assertThat(ph).isEqualTo("i");
            }
        }
        assertThat(namedProcesses).containsAll(processOfThread.values());
        assertThat(sorted).isEqualTo(processOfThread.keySet());
        assertThat(slices).isPositive();
        // every resource is a track of its own, named after it, in the process "resources"
        for (int r = 0; r < trace.resourceCount(); r++) {
            String name = trace.resource(r).name();
            assertThat(trackNames).as("a track named %s", name).containsValue(name);
        }
        long resourcesPid = processNames.entrySet().stream().filter(p -> p.getValue().equals("resources"))
                .mapToLong(Map.Entry::getKey).findFirst().orElseThrow();
        for (int r = 0; r < trace.resourceCount(); r++) {
            String name = trace.resource(r).name();
            assertThat(trackNames.entrySet()).anySatisfy(t -> {
                assertThat(t.getValue()).isEqualTo(name);
                assertThat(processOfThread.get(t.getKey())).isEqualTo(resourcesPid);
            });
        }
        // the GIL of the main process is held by someone in every scenario with the GIL on
        assertThat(holderSlices).isPositive();
    }
}
