package io.threadline.python;

import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Run;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.PythonTwin;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ResourceInfo;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of the bridge: every built-in scenario's Python program, run as a user's
 * program (line cost 0), gives the trace of the scenario's Java program with the same
 * parameters and seed: the same threads, states, reasons, causes, times and printed lines.
 */
class ScenarioFidelityTest {
    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("chef-soup", ""),
                Arguments.of("chef-soup", "olivia=1,cook=2"),
                Arguments.of("chef-soup", "cores=1,gil=false"),
                Arguments.of("condition", ""),
                Arguments.of("condition", "customers=3,loaves=7,capacity=1"),
                Arguments.of("daemon-cleaner", ""),
                Arguments.of("deadlock", ""),
                Arguments.of("deadlock", "ordered=true"),
                Arguments.of("event", ""),
                Arguments.of("event", "cars=3,gap=1.5"),
                Arguments.of("producer-consumer", ""),
                Arguments.of("producer-consumer", "capacity=0,producers=3,consumers=1,items=7"),
                Arguments.of("producer-consumer", "gil=false,cores=2"),
                Arguments.of("rlock", ""),
                Arguments.of("rlock", "reentrant=false"),
                Arguments.of("executor", ""),
                Arguments.of("executor", "workers=1,processes=3"),
                Arguments.of("pool-map-vs-imap", ""),
                Arguments.of("pool-map-vs-imap", "workers=2;durations=1,2,3,1,2,3"),
                Arguments.of("threads-vs-processes", ""),
                Arguments.of("threads-vs-processes", "tasks=6;workers=2;cores=2"),
                Arguments.of("no-join", ""),
                Arguments.of("no-join", "join=true,steps=3"),
                Arguments.of("interleaving", ""),
                Arguments.of("barrier", ""),
                Arguments.of("barrier", "timeout=1.5"),
                Arguments.of("processes", ""),
                Arguments.of("processes", "kill=true,code=7"));
    }

    /** Scenarios that draw random numbers: the same only once the Java programs draw as CPython's random. */
    static Stream<Arguments> seededRuns() {
        return Stream.of(
                Arguments.of("race-condition", "lock=true"),
                Arguments.of("race-condition", ""),
                Arguments.of("semaphore", ""),
                Arguments.of("semaphore", "bounded=false,seed=3"),
                Arguments.of("pool-map-vs-imap", "durations=varied;seed=7"),
                Arguments.of("executor", "durations=varied;seed=2"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seededRuns")
    void seededDrawsGiveTheSameTrace(String id, String params) throws Exception {
        pythonProgramGivesTheJavaProgramsTrace(id, params);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void pythonProgramGivesTheJavaProgramsTrace(String id, String params) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        Map<String, String> given = new HashMap<>();
        for (String kv : params.split(params.contains(";") ? ";" : ",")) {
            if (!kv.isBlank()) {
                given.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        ParamValues values = spec.values(given);
        Trace expected = spec.execute(values);
        Run run = UserProgram.of(ScenarioSource.fileName(spec), ScenarioSource.render(spec, values))
                .start(spec.options(values, ClockMode.VIRTUAL, 1), TestPython.settings().withLineCost(0));
        assertThat(run.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
        List<String> python = withoutTracebackFrames(TraceShape.of(run.trace()));
        List<String> java = withoutTracebackFrames(TraceShape.of(expected, ScenarioFidelityTest::bridgeGivesALane));
        if (System.getenv("FIDELITY_DUMP") != null) {
            Path d = Path.of("target", "fidelity");
            Files.createDirectories(d);
            String n = id + "_" + params.replace(',', '_').replace('=', '-');
            Files.write(d.resolve(n + ".java.txt"), java);
            Files.write(d.resolve(n + ".py.txt"), python);
        }
        assertThat(String.join("\n", python)).isEqualTo(String.join("\n", java));
        theLineMapKnowsWhereEachJavaLineIsInPython(spec, expected, run.trace());
    }

    /** What the maps written by this run of the tests hold so far (FIDELITY_LINES=write). */
    private static final Map<String, Map<Integer, Map<Reason, Integer>>> WRITTEN = new HashMap<>();

    /**
     * The Python tab marks each thread's line through the twins' line map: every transition's Java
     * line (but deaths') must map to the line of the same transition in CPython. With
     * FIDELITY_LINES=write the maps are written from these runs instead (each anew, from all of its runs here).
     */
    private static void theLineMapKnowsWhereEachJavaLineIsInPython(ScenarioSpec spec, Trace java, Trace python)
            throws Exception {
        Map<Integer, Map<Reason, Set<Integer>>> seen = new TreeMap<>();
        for (int th = 0; th < java.threadCount(); th++) {
            LaneColumns j = java.lane(th);
            LaneColumns p = python.lane(th);
            for (int i = 0; i < Math.min(j.size(), p.size()); i++) {
                if (j.line(i) > 0 && p.line(i) > 0 && j.state(i) != ThreadState.DEAD) {
                    seen.computeIfAbsent(j.line(i), k -> new TreeMap<>())
                            .computeIfAbsent(PythonTwin.keyReason(j, i), k -> new TreeSet<>()).add(p.line(i));
                }
            }
        }
        if ("write".equals(System.getenv("FIDELITY_LINES"))) {
            Path file = Path.of("src/main/resources/io/threadline/scenario/python",
                    spec.id().replace('-', '_') + ".lines");
            synchronized (WRITTEN) {
                Map<Integer, Map<Reason, Integer>> map = WRITTEN.computeIfAbsent(spec.id(), k -> new TreeMap<>());
                seen.forEach((line, byReason) -> byReason.forEach((reason, lines) ->
                        map.computeIfAbsent(line, k -> new TreeMap<>()).put(reason, lines.iterator().next())));
                Files.writeString(file, PythonTwin.formatLines(map));
            }
            return;
        }
        seen.forEach((line, byReason) -> byReason.forEach((reason, lines) -> {
            String where = spec.id() + " at Java line " + line + " (" + reason.label() + ")";
            assertThat(lines).as("Python lines of " + where).hasSize(1);
            assertThat(spec.pythonLine(line, reason))
                    .as("the line map of " + where
                            + " (FIDELITY_LINES=write mvn test -Dtest=ScenarioFidelityTest writes the maps anew)")
                    .isEqualTo(lines.iterator().next());
        }));
    }

    /**
     * The Java resources a Python program's run has too: every one but what concurrent.futures
     * keeps inside (an executor's work or call queue, its futures), to which the bridge gives no lane.
     */
    private static boolean bridgeGivesALane(ResourceInfo r) {
        return r.kind() != ResourceKind.FUTURE && !(r.kind() == ResourceKind.QUEUE
                && (r.name().equals("work") || r.name().equals("call queue")));
    }

    /** A traceback's frames name each program's own file and lines (semaphore.py against SemaphoreProgram.java). */
    private static List<String> withoutTracebackFrames(List<String> shape) {
        return shape.stream().filter(l -> !l.contains("(stderr):   File ") && !l.contains("(stderr):     ")).toList();
    }
}
