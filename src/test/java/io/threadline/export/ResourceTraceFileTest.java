package io.threadline.export;

import io.threadline.trace.ResourceKind;
import io.threadline.trace.ResourceOp;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.threadline.export.TraceReaderErrorsTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Resources in trace files: their tracks and events, old files without them, broken ones. */
class ResourceTraceFileTest {
    /** A small valid trace with a lock: A holds it, B waits and is woken; and the GIL, off. */
    static final String VALID = String.join("\n",
            "{\"otherData\":{\"format\":\"threadline-trace\",\"version\":2,\"scenario\":\"t\",\"params\":{},"
                    + "\"seed\":0,\"clock\":\"virtual\",\"outcome\":\"completed\",\"message\":\"\",\"end\":10,"
                    + "\"counters\":[],\"strings\":[\"x\"]},",
            "\"traceEvents\":[",
            "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"Main\"}},",
            "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"A\"}},",
            "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":2,\"args\":{\"name\":\"B\"}},",
            "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":2,\"args\":{\"name\":\"resources\",\"resources\":true}},",
            "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":2,\"tid\":3,\"args\":{\"name\":\"GIL of Main\",\"resource\":0,"
                    + "\"kind\":\"gil\",\"process\":1,\"capacity\":0,\"slot\":0}},",
            "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":2,\"tid\":4,\"args\":{\"name\":\"L\",\"resource\":1,"
                    + "\"kind\":\"lock\",\"process\":1,\"capacity\":1,\"slot\":0}},",
            "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"running\",\"ts\":0,\"dur\":10,\"pid\":1,\"tid\":1,\"args\":{\"state\":\"running\",\"reason\":\"scheduled\"}},",
            "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"waiting\",\"ts\":0,\"dur\":5,\"pid\":1,\"tid\":2,\"args\":{\"state\":\"waiting\",\"reason\":\"lock\",\"detail\":\"x\"}},",
            "{\"ph\":\"i\",\"cat\":\"resource\",\"name\":\"acquire\",\"ts\":0,\"pid\":2,\"tid\":4,\"args\":{\"thread\":\"A\"}},",
            "{\"ph\":\"i\",\"cat\":\"resource\",\"name\":\"wait\",\"ts\":0,\"pid\":2,\"tid\":4,\"args\":{\"thread\":\"B\"}},",
            "{\"ph\":\"X\",\"cat\":\"holder\",\"name\":\"A\",\"ts\":0,\"dur\":5,\"pid\":2,\"tid\":4,\"args\":{\"holder\":\"A\"}},",
            "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"runnable\",\"ts\":5,\"dur\":5,\"pid\":1,\"tid\":2,\"args\":{\"state\":\"runnable\",\"reason\":\"woken\",\"by\":\"A\"}},",
            "{\"ph\":\"i\",\"cat\":\"resource\",\"name\":\"release\",\"ts\":5,\"pid\":2,\"tid\":4,\"args\":{\"thread\":\"A\"}},",
            "{\"ph\":\"i\",\"cat\":\"resource\",\"name\":\"woken\",\"ts\":5,\"pid\":2,\"tid\":4,\"args\":{\"thread\":\"B\",\"by\":\"A\"}},",
            "{\"ph\":\"i\",\"cat\":\"resource\",\"name\":\"put\",\"ts\":6,\"pid\":2,\"tid\":4,\"args\":{\"thread\":\"A\",\"text\":\"x\"}}",
            "]}",
            "");

    static String broken(String from, String to) {
        int at = VALID.indexOf(from);
        if (at < 0 || VALID.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("not exactly once in the valid trace: " + from);
        }
        return VALID.substring(0, at) + to + VALID.substring(at + from.length());
    }

    @Test
    void theValidTraceWithResourcesIsRead() throws Exception {
        Trace t = TraceReaderErrorsTest.read(VALID);
        assertThat(t.resourceCount()).isEqualTo(2);
        assertThat(t.resource(0).gilOff()).isTrue();
        assertThat(t.resource(1).kind()).isEqualTo(ResourceKind.LOCK);
        assertThat(t.resource(1).process()).isZero();
        assertThat(t.resourceLane(1).size()).isEqualTo(5);
        assertThat(t.resourceLane(1).op(3)).isEqualTo(ResourceOp.WOKEN);
        assertThat(t.resourceLane(1).arg(3)).isZero();
        assertThat(t.resourceLane(1).arg(0)).isEqualTo(1);
        assertThat(t.resourceLane(1).arg(2)).isZero();
        assertThat(t.string(t.resourceLane(1).arg(4))).isEqualTo("x");
        assertThat(t.resourceLane(1).stateAt(4).holder(0)).isZero();
        assertThat(t.resourceLane(1).stateAt(4).waiter(0)).isEqualTo(1);
        // written back as read, holder slices and all
        assertThat(new String(TraceJsonWriter.toBytes(t), java.nio.charset.StandardCharsets.UTF_8))
                .contains("{\"ph\":\"X\",\"cat\":\"holder\",\"name\":\"A\",\"ts\":0,\"dur\":5,\"pid\":2,\"tid\":4,"
                        + "\"args\":{\"holder\":\"A\"}}");
    }

    static Stream<Arguments> brokenFiles() {
        String s;
        return Stream.of(
                arguments("an event on an undeclared resource track", s = broken("\"name\":\"put\",\"ts\":6,\"pid\":2,\"tid\":4",
                        "\"name\":\"put\",\"ts\":6,\"pid\":2,\"tid\":9"),
                        at(s, "9,\"args\":{\"thread\":\"A\",\"text\"") + "resource track 9 was never declared (no"
                                + " thread_name event for it in the resources process)"),
                arguments("an unknown op", s = broken("\"name\":\"put\"", "\"name\":\"steal\""),
                        at(s, "\"steal\"") + "unknown resource event 'steal'"),
                arguments("no thread", s = broken("\"args\":{\"thread\":\"A\",\"text\":\"x\"}", "\"args\":{\"text\":\"x\"}"),
                        at(s, "{\"ph\":\"i\",\"cat\":\"resource\",\"name\":\"put\"") + "event has no 'args.thread'"),
                arguments("a put without its item", s = broken("\"thread\":\"A\",\"text\":\"x\"", "\"thread\":\"A\""),
                        at(s, "{\"ph\":\"i\",\"cat\":\"resource\",\"name\":\"put\"") + "event has no 'args.text'"),
                arguments("an unknown kind", s = broken("\"kind\":\"lock\"", "\"kind\":\"mutex\""),
                        at(s, "\"mutex\"") + "unknown resource kind 'mutex'"),
                arguments("resources out of order", s = broken("\"resource\":1,", "\"resource\":5,"),
                        at(s, "5,\"kind\"") + "resources must be declared in order: expected resource 1, got 5"),
                arguments("a resource in an undeclared process", s = broken("\"process\":1,\"capacity\":1", "\"process\":7,\"capacity\":1"),
                        at(s, "7,\"capacity\":1") + "resource 'L' is in process 7, which was never declared"),
                arguments("a woken by no thread", s = broken("\"by\":\"A\"}},\n{\"ph\":\"i\",\"cat\":\"resource\",\"name\":\"put\"",
                        "\"by\":\"Z\"}},\n{\"ph\":\"i\",\"cat\":\"resource\",\"name\":\"put\""),
                        at(s, "\"Z\"") + "'args.by' names thread 'Z', which was never declared"),
                arguments("a holder slice past the end", s = broken("\"ts\":0,\"dur\":5,\"pid\":2", "\"ts\":0,\"dur\":50,\"pid\":2"),
                        at(s, "50,\"pid\":2") + "holder slice ends at 50, after the end of the trace (otherData.end is 10)"),
                arguments("a thread after the resources", s = broken("{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"running\"",
                        "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":5,\"args\":{\"name\":\"C\"}},\n"
                                + "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"running\""),
                        at(s, "5,\"args\":{\"name\":\"C\"") + "thread 5 is declared after the resources' tracks; threads"
                                + " come first"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenResourceGetsOneClearMessage(String what, String text, String message) {
        assertThatThrownBy(() -> TraceReaderErrorsTest.read(text))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage(message);
    }

    @Test
    void aSemaphoreHasATrackPerPermitInUseAndHolderSlicesNeverOverlapOnOne() throws Exception {
        Trace trace = TraceRoundTripTest.run("semaphore", Map.of());
        List<Map<String, Object>> events = Json.events(TraceJsonWriter.toBytes(trace));
        List<String> tracks = new ArrayList<>();
        for (Map<String, Object> e : events) {
            if ("thread_name".equals(e.get("name")) && Json.args(e).containsKey("resource")) {
                tracks.add((String) Json.args(e).get("name"));
            }
        }
        assertThat(tracks).containsSubsequence("connections", "connections · permit 2", "connections · permit 3")
                .doesNotContain("connections · permit 4");
    }

    @Test
    void theSampleTracesSavedBeforeResourcesOpenAndAreWrittenBackAsTheyWere() throws Exception {
        for (Path p : List.of(Path.of("assets/traces/chef-soup.json"), Path.of("src/test/resources/traces/chef-soup-v1.json"))) {
            byte[] bytes = Files.readAllBytes(p);
            Trace t = TraceReaderErrorsTest.read(bytes);
            assertThat(t.resourceCount()).as(p.toString()).isZero();
            assertThat(t.threadCount()).isEqualTo(2);
            assertThat(TraceJsonWriter.toBytes(t)).as(p.toString()).isEqualTo(bytes);
        }
    }

    @Test
    void aLessonsResourcesAndEachResourcesTrackSurviveTheFileAsPerfettoShowsThem() throws Exception {
        Trace trace = TraceRoundTripTest.run("deadlock", Map.of());
        assertThat(trace.resourceFocus()).containsExactly("account A", "account B");
        byte[] bytes = TraceJsonWriter.toBytes(trace);
        Trace back = TraceReaderErrorsTest.read(bytes);
        assertThat(back.resourceFocus()).isEqualTo(trace.resourceFocus());
        assertThat(TraceJsonWriter.toBytes(back)).isEqualTo(bytes);

        List<Map<String, Object>> events = Json.events(bytes);
        Object resourcesPid = null;
        Map<Object, String> trackNames = new java.util.HashMap<>();
        for (Map<String, Object> e : events) {
            if ("process_name".equals(e.get("name")) && "resources".equals(Json.args(e).get("name"))) {
                resourcesPid = e.get("pid");
            }
            if ("thread_name".equals(e.get("name")) && Json.args(e).containsKey("resource")) {
                trackNames.put(e.get("tid"), (String) Json.args(e).get("name"));
            }
        }
        assertThat(resourcesPid).as("a process named resources").isNotNull();
        List<String> slices = new ArrayList<>();
        for (Map<String, Object> e : events) {
            if ("X".equals(e.get("ph")) && "holder".equals(e.get("cat"))) {
                assertThat(e.get("pid")).isEqualTo(resourcesPid);
                slices.add(trackNames.get(e.get("tid")) + ": " + e.get("name") + " from " + e.get("ts"));
            }
        }
        // each lock's holder as a slice named after the holder, on the lock's own track
        assertThat(slices).contains("account A: Alice from 0", "account B: Bob from 0");
    }
}
