package io.threadline.export;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.Scenarios;
import io.threadline.trace.Reason;
import io.threadline.trace.ResultMark;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.threadline.export.TraceAssertions.assertSameTrace;
import static org.assertj.core.api.Assertions.assertThat;

class TraceRoundTripTest {
    static Trace run(String id, Map<String, String> params) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        return spec.execute(spec.values(params));
    }

    static Trace read(byte[] bytes) throws Exception {
        return TraceJsonReader.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void aRaisedRunKeepsItsExitStatusAndADeadlockItsWaitingThreads() throws Exception {
        Trace raised = run("semaphore", Map.of());
        assertThat(raised.outcome()).isEqualTo(RunOutcome.RAISED);
        Trace back = read(TraceJsonWriter.toBytes(raised));
        assertSameTrace(back, raised);
        assertThat(back.exitStatus()).isEqualTo(1);

        Trace exited = new Trace();
        exited.finish(0, RunOutcome.RAISED, "Main called sys.exit(3)", 3);
        assertThat(read(TraceJsonWriter.toBytes(exited)).exitStatus()).isEqualTo(3);

        Trace deadlock = run("deadlock", Map.of());
        Trace again = read(TraceJsonWriter.toBytes(deadlock));
        assertSameTrace(again, deadlock);
        assertThat(again.exitStatus()).isEqualTo(-1);
        assertThat(again.lastChange()).isEqualTo(500_000);
    }

    @Test
    void aCountersExpectedValueRoundTripsAndOtherTracesKeepTheirBytes() throws Exception {
        Trace race = run("race-condition", Map.of("threads", "4", "rounds", "3"));
        assertThat(race.counters().get(0).expected()).isEqualTo(12L);
        byte[] bytes = TraceJsonWriter.toBytes(race);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"counterExpected\":{\"counter\":12}");
        Trace back = read(bytes);
        assertThat(back.counters().get(0).expected()).isEqualTo(12L);
        assertSameTrace(back, race);

        // a trace whose counters name no expected value has no such field at all
        Trace producer = run("producer-consumer", Map.of());
        assertThat(producer.counters()).isNotEmpty();
        assertThat(new String(TraceJsonWriter.toBytes(producer), StandardCharsets.UTF_8)).doesNotContain("counterExpected");
        assertThat(read(TraceJsonWriter.toBytes(producer)).counters().get(0).expected()).isNull();
    }

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void writeReadWriteGivesTheSameBytesAndEveryColumn(String id) throws Exception {
        Trace original = run(id, Map.of());
        byte[] first = TraceJsonWriter.toBytes(original);

        Trace back = read(first);

        assertSameTrace(back, original);
        assertThat(TraceJsonWriter.toBytes(back)).isEqualTo(first);
    }

    @Test
    void aRunThatHitsItsTimeLimitRoundTripsWithItsOutcome() throws Exception {
        Trace original = run("daemon-cleaner", Map.of("daemon", "false"));
        assertThat(original.outcome()).isEqualTo(RunOutcome.TIME_LIMIT);

        Trace back = read(TraceJsonWriter.toBytes(original));

        assertSameTrace(back, original);
        assertThat(back.outcomeMessage()).contains("Olivia");
    }

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void sameScenarioParametersAndSeedGiveIdenticalBytes(String id) throws Exception {
        byte[] a = TraceJsonWriter.toBytes(run(id, Map.of("seed", "7")));
        byte[] b = TraceJsonWriter.toBytes(run(id, Map.of("seed", "7")));

        assertThat(a).isEqualTo(b);
    }

    @Test
    void poolWithVariedDurationsDiffersWithTheSeed() throws Exception {
        byte[] one = TraceJsonWriter.toBytes(run("pool-map-vs-imap", Map.of("durations", "varied", "seed", "1")));
        byte[] two = TraceJsonWriter.toBytes(run("pool-map-vs-imap", Map.of("durations", "varied", "seed", "2")));

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void saveThenLoadThroughAFile(@TempDir Path dir) throws Exception {
        Trace original = run("producer-consumer", Map.of());
        Path file = dir.resolve("pc.json");

        TraceFile.save(original, file);
        Trace back = TraceFile.load(file);

        assertSameTrace(back, original);
        assertThat(Files.readAllBytes(file)).isEqualTo(TraceJsonWriter.toBytes(original));
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aFailedSaveLeavesTheOldFileAsItWasAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("good.json");
        TraceFile.save(run("chef-soup", Map.of()), file);
        byte[] good = Files.readAllBytes(file);
        Trace broken = new Trace();
        int p = broken.addProcess("Main");
        int t = broken.addThread("A", p, false, ThreadRole.MAIN);
        // Output going back in time: the writer refuses it halfway through the file.
        broken.output(5, t, "later", false);
        broken.output(3, t, "earlier", false);

        try {
            TraceFile.save(broken, file);
        } catch (RuntimeException expected) {
            // the writer's complaint; what matters is the file
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(good);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aTraceStillRecordingIsWrittenWithLiveLanesUpToItsLatestTime() throws Exception {
        Trace live = new Trace();
        live.describe("hand-made", Map.of("k", "v"), 3, "paced");
        int p = live.addProcess("Main");
        int a = live.addThread("A", p, false, ThreadRole.MAIN);
        int b = live.addThread("B", p, true, ThreadRole.THREAD);
        live.transition(a, 0, ThreadState.NEW, Reason.CREATED, -1, null, 0);
        live.transition(a, 0, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 0);
        live.transition(b, 2, ThreadState.NEW, Reason.CREATED, a, null, 12);
        live.transition(a, 5, ThreadState.WAITING, Reason.SLEEP, -1, "1 s", 13);
        live.output(7, a, "still going", false);

        byte[] bytes = TraceJsonWriter.toBytes(live);
        Trace back = read(bytes);

        assertSameTrace(back, live);
        assertThat(back.isFinished()).isFalse();
        assertThat(back.spanEnd(b, 0)).isEqualTo(7);
        assertThat(TraceJsonWriter.toBytes(back)).isEqualTo(bytes);
    }

    @Test
    void aUserProgramsTextRidesAlongAndATraceWithoutOneHasNoSourceField() throws Exception {
        Trace t = new Trace();
        t.describe("python:race.py", Map.of("seed", "0"), 0, "virtual");
        String program = "import threading\n\n# \"quoted\", tab\there, \u2603\nprint('hi')\n";
        t.setSource(program);
        int p = t.addProcess("MainProcess");
        int a = t.addThread("MainThread", p, false, ThreadRole.MAIN);
        t.transition(a, 0, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 4);
        t.finish(1, RunOutcome.COMPLETED, "");

        byte[] bytes = TraceJsonWriter.toBytes(t);
        Trace back = read(bytes);
        assertSameTrace(back, t);
        assertThat(back.source()).isEqualTo(program);
        assertThat(TraceJsonWriter.toBytes(back)).isEqualTo(bytes);

        t.setSource("");
        String without = new String(TraceJsonWriter.toBytes(t), StandardCharsets.UTF_8);
        assertThat(without).doesNotContain("\"source\"");
        assertThat(read(without.getBytes(StandardCharsets.UTF_8)).source()).isEmpty();
    }

    @Test
    void threadsSharingANameAreReferredToByIdAsWell() throws Exception {
        Trace t = new Trace();
        int p = t.addProcess("Main");
        int main = t.addThread("MainThread", p, false, ThreadRole.MAIN);
        int w1 = t.addThread("worker", p, false, ThreadRole.THREAD);
        int w2 = t.addThread("worker", p, false, ThreadRole.THREAD);
        t.transition(main, 0, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 0);
        t.transition(w1, 0, ThreadState.NEW, Reason.CREATED, main, null, 0);
        t.transition(w2, 0, ThreadState.NEW, Reason.CREATED, main, null, 0);
        t.transition(main, 4, ThreadState.WAITING, Reason.JOIN, -1, "worker", 0);
        t.transition(main, 9, ThreadState.RUNNABLE, Reason.WOKEN, w2, null, 0);
        t.result(new ResultMark(9, main, "apply_async", "1", "1", w2));
        t.finish(10, RunOutcome.STOPPED, "stopped by the user");

        byte[] bytes = TraceJsonWriter.toBytes(t);
        Trace back = read(bytes);

        assertSameTrace(back, t);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"by\":\"worker\",\"byTid\":3").contains("\"from\":\"worker\",\"fromTid\":3")
                .doesNotContain("\"by\":\"MainThread\",\"byTid\"");
    }

    @Test
    void errorsDetailsAndAwkwardTextSurviveTheTrip() throws Exception {
        Trace t = new Trace();
        t.describe("odd \"scenario\"", Map.of("text", "a\nb"), -5, "virtual");
        int p = t.addProcess("Proc \u00e9");
        int a = t.addThread("Th\u00e9o \"quoted\"", p, false, ThreadRole.HELPER);
        t.transition(a, 0, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 3);
        t.output(1, a, "tab\there, newline\nthere, snowman \u2603, emoji \ud83e\uddf5, nul \u0000", false);
        t.output(2, a, "Exception in thread X: ValueError: bad", true);
        t.transition(a, 2, ThreadState.DEAD, Reason.RAISED, -1, "ValueError: bad", 40);
        t.finish(2, RunOutcome.COMPLETED, "");

        byte[] bytes = TraceJsonWriter.toBytes(t);
        Trace back = read(bytes);

        assertSameTrace(back, t);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\"args\":{\"how\":\"raised\",\"error\":\"ValueError: bad\",\"line\":40}")
                .contains("\"error\":true");
    }

    @Test
    void anEmptyTraceRoundTrips() throws Exception {
        Trace empty = new Trace();

        byte[] bytes = TraceJsonWriter.toBytes(empty);

        assertSameTrace(read(bytes), empty);
    }
}
