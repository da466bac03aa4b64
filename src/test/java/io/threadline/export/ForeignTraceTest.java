package io.threadline.export;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.threadline.export.TraceReaderErrorsTest.at;
import static io.threadline.export.TraceReaderErrorsTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Chrome traces from other tools open as lanes: spans are running (named), the gaps waiting,
 * threads and processes named by their metadata; what cannot be read gets one clear line.
 */
class ForeignTraceTest {
    /** A browser-like trace: nested spans, B/E, names, a sort index, an instant, counters, a flow. */
    static final String RENDERER = String.join("\n",
            "{\"traceEvents\":[",
            "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":7,\"args\":{\"name\":\"Renderer\"}},",
            "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":7,\"tid\":71,\"args\":{\"name\":\"Main\"}},",
            "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":7,\"tid\":72,\"args\":{\"name\":\"Compositor\"}},",
            "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":7,\"tid\":72,\"args\":{\"sort_index\":-1}},",
            "{\"name\":\"Paint\",\"ph\":\"E\",\"pid\":7,\"tid\":71,\"ts\":1031000},",
            "{\"name\":\"Frame\",\"ph\":\"X\",\"pid\":7,\"tid\":71,\"ts\":1000000.4,\"dur\":16000},",
            "{\"name\":\"Layout\",\"ph\":\"X\",\"pid\":7,\"tid\":71,\"ts\":1002000,\"dur\":5000},",
            "{\"name\":\"Paint\",\"ph\":\"B\",\"pid\":7,\"tid\":71,\"ts\":1020000},",
            "{\"name\":\"Paint\",\"ph\":\"E\",\"pid\":7,\"tid\":71,\"ts\":1031000},",
            "{\"name\":\"Draw\",\"ph\":\"X\",\"pid\":7,\"tid\":72,\"ts\":1010000,\"dur\":4000},",
            "{\"name\":\"vsync\",\"ph\":\"i\",\"pid\":7,\"tid\":72,\"ts\":1016000,\"s\":\"t\"},",
            "{\"name\":\"heap\",\"ph\":\"C\",\"pid\":7,\"ts\":1000000,\"args\":{\"used\":12.4,\"total\":64}},",
            "{\"name\":\"heap\",\"ph\":\"C\",\"pid\":7,\"ts\":1020000,\"args\":{\"used\":30,\"total\":64}},",
            "{\"name\":\"hop\",\"ph\":\"s\",\"pid\":7,\"tid\":71,\"ts\":1005000,\"id\":1},",
            "{\"name\":\"Raster\",\"ph\":\"X\",\"pid\":9,\"tid\":91,\"ts\":1012000,\"dur\":30000}",
            "],",
            "\"displayTimeUnit\":\"ns\",\"otherData\":{\"version\":\"Chrome/120\"}}",
            "");

    @Test
    void spansBecomeRunningAndTheGapsWaitingWithNamesFromTheMetadata() throws Exception {
        Trace t = read(RENDERER);

        assertThat(t.processCount()).isEqualTo(2);
        assertThat(t.process(0).name()).isEqualTo("Renderer");
        assertThat(t.process(1).name()).isEqualTo("process 9");
        // the sort index puts the compositor first; the thread without a name gets its tid
        assertThat(List.of(t.thread(0).name(), t.thread(1).name(), t.thread(2).name()))
                .containsExactly("Compositor", "Main", "thread 91");
        assertThat(t.thread(2).process()).isEqualTo(1);
        // times start at the first event and are whole microseconds
        assertThat(t.endTime()).isEqualTo(42_000);
        int main = t.threadNamed("Main");
        // Layout is inside Frame: a call within it, not a lane of its own
        assertThat(lane(t, main)).containsExactly(
                "0 running Frame", "16000 waiting", "20000 running Paint", "31000 waiting");
        assertThat(lane(t, t.threadNamed("Compositor"))).containsExactly("10000 running Draw", "14000 waiting");
        assertThat(lane(t, t.threadNamed("thread 91"))).containsExactly("12000 running Raster");
        assertThat(t.lane(main).reason(0)).isEqualTo(Reason.NONE);
    }

    @Test
    void instantsArePrintedLinesAndCountersCounterTracks() throws Exception {
        Trace t = read(RENDERER);

        assertThat(t.output()).hasSize(1);
        assertThat(t.output().get(0).text()).isEqualTo("vsync");
        assertThat(t.output().get(0).time()).isEqualTo(16_000);
        assertThat(t.output().get(0).thread()).isEqualTo(t.threadNamed("Compositor"));
        List<String> names = new ArrayList<>();
        for (CounterTrack c : t.counters()) {
            names.add(c.name());
        }
        assertThat(names).containsExactly("heap total", "heap used");
        assertThat(t.counters().get(1).valueAt(0)).isEqualTo(12);
        assertThat(t.counters().get(1).valueAt(25_000)).isEqualTo(30);
    }

    @Test
    void theMessageSaysWhatWasReadAndWhatWasLeftOut() throws Exception {
        Trace t = read(RENDERER);

        // the first E has no B before it: left out, as the flow
        assertThat(t.outcomeMessage()).isEqualTo("imported from a Chrome trace: 5 spans on 3 threads (running inside"
                + " spans, waiting between them); left out: 1 E without B, 1 flow (s)");
    }

    @Test
    void theArrayFormIsReadWithOrWithoutItsClosingBracket() throws Exception {
        String events = "[{\"name\":\"a\",\"ph\":\"X\",\"pid\":1,\"tid\":2,\"ts\":5,\"dur\":10},\n"
                + "{\"name\":\"b\",\"ph\":\"X\",\"pid\":1,\"tid\":2,\"ts\":20,\"dur\":5}";

        for (String text : List.of(events + "]", events + "\n", events + ",\n")) {
            Trace t = read(text);
            assertThat(lane(t, 0)).as(text).containsExactly("0 running a", "10 waiting", "15 running b");
            assertThat(t.endTime()).isEqualTo(20);
        }
    }

    @Test
    void overlappingSpansContinueWhereThePreviousEndsAndUnendedOnesRunToTheEnd() throws Exception {
        Trace t = read("[{\"name\":\"a\",\"ph\":\"X\",\"tid\":1,\"ts\":0,\"dur\":10},"
                + "{\"name\":\"b\",\"ph\":\"X\",\"tid\":1,\"ts\":5,\"dur\":10},"
                + "{\"name\":\"c\",\"ph\":\"B\",\"tid\":1,\"ts\":20},"
                + "{\"name\":\"z\",\"ph\":\"X\",\"tid\":2,\"ts\":0,\"dur\":30}]");

        assertThat(lane(t, 0)).containsExactly("0 running a", "10 running b", "15 waiting", "20 running c");
        assertThat(t.endTime()).isEqualTo(30);
    }

    @Test
    void stringIdsAndMissingTidsAreThreadsToo() throws Exception {
        Trace t = read("[{\"name\":\"a\",\"ph\":\"X\",\"pid\":\"browser\",\"tid\":\"io\",\"ts\":0,\"dur\":1},"
                + "{\"name\":\"b\",\"ph\":\"X\",\"pid\":3,\"ts\":0,\"dur\":1}]");

        assertThat(t.thread(0).name()).isEqualTo("thread 3");
        assertThat(t.process(0).name()).isEqualTo("process 3");
        assertThat(t.thread(1).name()).isEqualTo("thread io");
        assertThat(t.process(1).name()).isEqualTo("process browser");
    }

    @Test
    void aForeignTraceSavedByThreadlineOpensBackAsItWas() throws Exception {
        Trace foreign = read(RENDERER);

        byte[] saved = TraceJsonWriter.toBytes(foreign);
        Trace again = read(saved);

        TraceAssertions.assertSameTrace(again, foreign);
        assertThat(TraceJsonWriter.toBytes(again)).isEqualTo(saved);
    }

    @Test
    void aThreadlineTraceWithAnotherFormatNameIsReadAsForeign() throws Exception {
        String text = TraceReaderErrorsTest.broken("\"format\":\"threadline-trace\"", "\"format\":\"other\"");

        Trace t = read(text);

        // its state spans are simply spans now, named as the states; the zero-length "new" is
        // inside the "running" that starts with it
        assertThat(t.outcomeMessage()).startsWith("imported from a Chrome trace");
        assertThat(lane(t, 0)).containsExactly("0 running running", "4 running waiting");
    }

    static Stream<Arguments> brokenForeignFiles() {
        String s;
        return Stream.of(
                arguments("ts is a string", s = "[{\"ph\":\"X\",\"ts\":\"4\",\"dur\":1}]",
                        at(s, "\"4\"") + "'ts' must be a number of microseconds, got a string ('4')"),
                arguments("ts is NaN", s = "[{\"ph\":\"X\",\"ts\":NaN,\"dur\":1}]",
                        at(s, "NaN") + "'ts' must be a number of microseconds, got NaN"),
                arguments("ts is huge", s = "[{\"ph\":\"X\",\"ts\":1e300,\"dur\":1}]",
                        at(s, "1e300") + "'ts' is too large: 1e300 (at most 9007199254740991 microseconds either"
                                + " side of 0)"),
                arguments("ts is a huge integer", s = "[{\"ph\":\"B\",\"ts\":123456789012345678901234567890}]",
                        at(s, "1234") + "'ts' is too large: 123456789012345678901234567890 (at most"
                                + " 9007199254740991)"),
                arguments("dur is negative", s = "[{\"ph\":\"X\",\"ts\":1,\"dur\":-5}]",
                        at(s, "-5") + "'dur' must not be negative, got -5"),
                arguments("dur takes the span past the limit", s = "[{\"ph\":\"X\",\"ts\":1,\"dur\":9007199254740991}]",
                        at(s, "9007") + "'dur' is too large: the span would end at 9.007199254740992E15"
                                + " microseconds (at most 9007199254740991)"),
                arguments("pid is a boolean", s = "[{\"ph\":\"X\",\"ts\":1,\"dur\":1,\"pid\":true}]",
                        at(s, "true") + "'pid' must be a whole number or a string, got true"),
                arguments("tid is a fraction", s = "[{\"ph\":\"X\",\"ts\":1,\"dur\":1,\"tid\":1.5}]",
                        at(s, "1.5") + "'tid' must be a whole number or a string, got a number (1.5)"),
                arguments("ph is a number", s = "[{\"ph\":5,\"ts\":1}]",
                        at(s, "5") + "'ph' must be a string, got a number (5)"),
                arguments("no spans, only unknown phases", "[{\"ph\":\"Q\",\"ts\":1},{\"ph\":\"s\",\"ts\":2}]",
                        "nothing to show: no spans (ph X, or B and E pairs) on any thread, among 2 events"),
                arguments("no events", "{\"traceEvents\":[]}", "the trace has no events"),
                arguments("truncated inside an event", s = "[{\"ph\":\"X\",\"ts\":1,\"du",
                        "line 1, column " + (s.length() + 1) + ": the file ends in the middle of the trace (truncated?)"),
                arguments("an event that is not an object", s = "[{\"ph\":\"X\",\"ts\":1,\"dur\":1}, 7]",
                        at(s, "7") + "each trace event must be an object, got a number (7)"),
                arguments("args not an object", s = "[{\"ph\":\"C\",\"ts\":1,\"args\":[1]}]",
                        at(s, "[1]") + "'args' must be an object, got an array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenForeignFiles")
    void aBrokenForeignFileGetsOneClearMessage(String what, String text, String message) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage(message);
    }

    @Test
    void unknownPhasesAmongSpansAreLeftOutAndCounted() throws Exception {
        Trace t = read("[{\"ph\":\"X\",\"ts\":0,\"dur\":5,\"name\":\"a\"},{\"ph\":\"Q\",\"ts\":1},{\"ph\":\"Q\",\"ts\":2},"
                + "{\"ph\":\"b\",\"ts\":2,\"id\":4}]");

        assertThat(t.outcomeMessage()).endsWith("left out: 1 async (b), 2 unknown phase 'Q'");
    }

    /** A lane as "time state [detail]" lines. */
    private static List<String> lane(Trace t, int thread) {
        LaneColumns lane = t.lane(thread);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lane.size(); i++) {
            String detail = t.string(lane.detail(i));
            out.add(lane.time(i) + " " + lane.state(i).label() + (detail == null ? "" : " " + detail));
        }
        return out;
    }
}
