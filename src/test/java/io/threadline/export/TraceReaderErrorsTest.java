package io.threadline.export;

import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every way a file can fail to be a trace gets one clear line naming the problem and where it
 * is. The cases break a small valid trace in one place each; the valid one is read first, so a
 * case can only pass because of what it broke.
 */
class TraceReaderErrorsTest {
    /** A valid trace: A runs, sleeps and returns; B is created by A and never started. */
    static final String VALID = String.join("\n",
            "{\"otherData\":{\"format\":\"threadline-trace\",\"version\":1,\"scenario\":\"t\",\"params\":{\"x\":\"1\"},"
                    + "\"seed\":0,\"clock\":\"virtual\",\"outcome\":\"completed\",\"message\":\"\",\"end\":10,"
                    + "\"counters\":[\"q\"],\"strings\":[\"1 s\"]},",
            "\"traceEvents\":[",
            "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"Main\"}},",
            "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"A\",\"daemon\":false,\"role\":\"main\"}},",
            "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":2,\"args\":{\"name\":\"B\",\"daemon\":true,\"role\":\"thread\"}},",
            "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"new\",\"ts\":0,\"dur\":0,\"pid\":1,\"tid\":1,\"args\":{\"state\":\"new\",\"reason\":\"created\"}},",
            "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"running\",\"ts\":0,\"dur\":4,\"pid\":1,\"tid\":1,\"args\":{\"state\":\"running\",\"reason\":\"scheduled\"}},",
            "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"new\",\"ts\":2,\"dur\":8,\"pid\":1,\"tid\":2,\"args\":{\"state\":\"new\",\"reason\":\"created\",\"by\":\"A\",\"line\":5}},",
            "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"waiting\",\"ts\":4,\"dur\":6,\"pid\":1,\"tid\":1,\"args\":{\"state\":\"waiting\",\"reason\":\"sleep\",\"detail\":\"1 s\",\"line\":7}},",
            "{\"ph\":\"C\",\"name\":\"q\",\"ts\":5,\"pid\":1,\"args\":{\"value\":1}},",
            "{\"ph\":\"i\",\"cat\":\"output\",\"name\":\"print\",\"ts\":6,\"pid\":1,\"tid\":1,\"args\":{\"text\":\"hi\"}},",
            "{\"ph\":\"i\",\"cat\":\"state\",\"name\":\"dead\",\"ts\":10,\"pid\":1,\"tid\":1,\"args\":{\"how\":\"returned\"}}",
            "]}",
            "");

    static final String HEADER = VALID.substring(VALID.indexOf('{', 1), VALID.indexOf("},\n") + 1);

    static Trace read(String text) throws Exception {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    static Trace read(byte[] bytes) throws Exception {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return TraceJsonReader.read(in);
        }
    }

    /** VALID with {@code from} (which must occur exactly once) replaced by {@code to}. */
    static String broken(String from, String to) {
        int at = VALID.indexOf(from);
        if (at < 0 || VALID.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("not exactly once in the valid trace: " + from);
        }
        return VALID.substring(0, at) + to + VALID.substring(at + from.length());
    }

    /** "line L, column C: " for the first place {@code marker} starts in {@code text}. */
    static String at(String text, String marker) {
        int i = text.indexOf(marker);
        if (i < 0) {
            throw new IllegalArgumentException("no " + marker);
        }
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return "line " + line + ", column " + (i - lineStart + 1) + ": ";
    }

    @Test
    void theValidTraceIsRead() throws Exception {
        Trace t = read(VALID);

        assertThat(t.threadCount()).isEqualTo(2);
        assertThat(t.lane(0).size()).isEqualTo(4);
        assertThat(t.lane(0).state(3)).isEqualTo(ThreadState.DEAD);
        assertThat(t.lane(1).cause(0)).isZero();
        assertThat(t.lane(0).reason(2)).isEqualTo(Reason.SLEEP);
        assertThat(t.string(t.lane(0).detail(2))).isEqualTo("1 s");
        assertThat(t.thread(1).daemon()).isTrue();
        assertThat(t.counters().get(0).valueAt(5)).isEqualTo(1);
        assertThat(t.output()).hasSize(1);
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(t.endTime()).isEqualTo(10);
    }

    static Stream<Arguments> brokenFiles() {
        String s;
        return Stream.of(
                arguments("ts is a string", s = broken("\"ts\":4,", "\"ts\":\"4\","),
                        at(s, "\"4\"") + "'ts' must be a number of microseconds, got a string ('4')"),
                arguments("ts is negative", s = broken("\"ts\":4,", "\"ts\":-4,"),
                        at(s, "-4") + "'ts' must not be negative, got -4"),
                arguments("ts is NaN", s = broken("\"ts\":4,", "\"ts\":NaN,"),
                        at(s, "NaN") + "'ts' must be a number of microseconds, got NaN"),
                arguments("ts is huge", s = broken("\"ts\":4,", "\"ts\":1e300,"),
                        at(s, "1e300") + "'ts' is too large: 1e300 (at most 9007199254740991)"),
                arguments("ts is a huge integer", s = broken("\"ts\":4,", "\"ts\":123456789012345678901234567890,"),
                        at(s, "1234567890") + "'ts' is too large: 123456789012345678901234567890 (at most 9007199254740991)"),
                arguments("ts is not whole", s = broken("\"ts\":4,", "\"ts\":4.5,"),
                        at(s, "4.5") + "'ts' must be a whole number, got 4.5"),
                arguments("dur is a boolean", s = broken("\"dur\":6,", "\"dur\":true,"),
                        at(s, "true,\"pid\"") + "'dur' must be a number of microseconds, got true"),
                arguments("unknown ph", s = broken("{\"ph\":\"C\"", "{\"ph\":\"Q\""),
                        at(s, "\"Q\"") + "unknown 'ph' value 'Q' (a Threadline trace has only X, i, C and M events)"),
                arguments("spans overlap", s = broken("\"dur\":4,", "\"dur\":5,"),
                        at(s, "4,\"dur\":6") + "thread 'A': this event at 4 overlaps the previous span, which ends at 5"),
                arguments("spans leave a gap", s = broken("\"dur\":4,", "\"dur\":3,"),
                        at(s, "4,\"dur\":6") + "thread 'A': gap between its previous span, which ends at 3, and this event at 4"),
                arguments("unknown state", s = broken("\"state\":\"waiting\"", "\"state\":\"sleeping\""),
                        at(s, "\"sleeping\"") + "unknown state 'sleeping' (expected new, runnable, running or waiting)"),
                arguments("unknown reason", s = broken("\"reason\":\"sleep\"", "\"reason\":\"napping\""),
                        at(s, "\"napping\"") + "unknown reason 'napping' for state 'waiting'"),
                arguments("reason of another state", s = broken("\"reason\":\"sleep\"", "\"reason\":\"scheduled\",\"x\":0"),
                        at(s, "\"scheduled\",\"x\"") + "reason 'scheduled' does not belong to state 'waiting' (it is a running reason)"),
                arguments("span name differs from its state", s = broken("\"name\":\"waiting\"", "\"name\":\"running\""),
                        at(s, "\"running\",\"ts\":4") + "span name a string ('running') does not match args.state 'waiting'"),
                arguments("thread never declared", s = broken("\"tid\":1,\"args\":{\"text\"", "\"tid\":7,\"args\":{\"text\""),
                        at(s, "7,\"args\"") + "thread id 7 was never declared (no thread_name event for it)"),
                arguments("tid 0, which no thread has", s = broken("\"tid\":1,\"args\":{\"text\"", "\"tid\":0,\"args\":{\"text\""),
                        at(s, "0,\"args\":{\"text\"") + "thread id 0 was never declared (no thread_name event for it)"),
                arguments("time goes backwards", s = broken("\"ts\":5,", "\"ts\":3,"),
                        at(s, "3,\"pid\"") + "time goes backwards: ts 3 comes after an event at 4 (events must be in time order)"),
                arguments("pid of another process", s = broken("\"pid\":1,\"tid\":1,\"args\":{\"text\"", "\"pid\":2,\"tid\":1,\"args\":{\"text\""),
                        at(s, "2,\"tid\":1,\"args\":{\"text\"") + "pid 2 does not match thread 'A' (tid 1), which is in process 1"),
                arguments("event after death", s = broken("\"how\":\"returned\"}}\n", "\"how\":\"returned\"}},\n"
                                + "{\"ph\":\"i\",\"cat\":\"output\",\"name\":\"print\",\"ts\":10,\"pid\":1,\"tid\":1,\"args\":{\"text\":\"a\"}},\n"
                                + "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"running\",\"ts\":10,\"dur\":0,\"pid\":1,\"tid\":1,\"args\":{\"state\":\"running\",\"reason\":\"scheduled\"}}\n"),
                        at(s, "10,\"dur\":0") + "thread 'A' has an event after its death"),
                arguments("dies twice", s = broken("\"how\":\"returned\"}}\n", "\"how\":\"returned\"}},\n"
                                + "{\"ph\":\"i\",\"cat\":\"state\",\"name\":\"dead\",\"ts\":10,\"pid\":1,\"tid\":1,\"args\":{\"how\":\"killed\"}}\n"),
                        at(s, "10,\"pid\":1,\"tid\":1,\"args\":{\"how\":\"killed\"") + "thread 'A' has an event after its death"),
                arguments("span past the end", s = broken("\"dur\":8,", "\"dur\":9,"),
                        at(s, "9,") + "span ends at 11, after the end of the trace (otherData.end is 10)"),
                arguments("event past the end", s = broken("\"ts\":6,", "\"ts\":60,"),
                        at(s, "60") + "ts 60 is after the end of the trace (otherData.end is 10)"),
                arguments("lane stops short of the end", broken("\"dur\":8,", "\"dur\":7,"),
                        "line 13, column 2: thread 'B' is not covered to the end: its last span ends at 9 but the trace ends at 10 (otherData.end)"),
                arguments("counter not declared", s = broken("\"name\":\"q\"", "\"name\":\"r\""),
                        at(s, "\"r\"") + "counter 'r' is not listed in otherData.counters"),
                arguments("cause is no thread", s = broken("\"by\":\"A\"", "\"by\":\"Z\""),
                        at(s, "\"Z\"") + "'args.by' names thread 'Z', which was never declared"),
                arguments("unknown way to die", s = broken("\"how\":\"returned\"", "\"how\":\"vanished\""),
                        at(s, "\"vanished\"") + "'args.how' must be returned, raised or killed, got 'vanished'"),
                arguments("missing ts", s = broken("\"ts\":5,", ""),
                        at(s, "{\"ph\":\"C\"") + "event has no 'ts'"),
                arguments("missing state", s = broken("\"state\":\"waiting\",", ""),
                        at(s, "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"waiting\"") + "event has no 'args.state'"),
                arguments("args not an object", s = broken("\"args\":{\"text\":\"hi\"}", "\"args\":\"hi\""),
                        at(s, "\"hi\"") + "'args' must be an object, got a string ('hi')"),
                arguments("event not an object", s = broken("{\"ph\":\"C\",\"name\":\"q\",\"ts\":5,\"pid\":1,\"args\":{\"value\":1}}", "[5]"),
                        at(s, "[5]") + "each trace event must be an object, got an array"),
                arguments("huge thread id claimed", s = broken("\"tid\":2,\"args\":{\"name\":\"B\"", "\"tid\":2000000000,\"args\":{\"name\":\"B\""),
                        at(s, "2000000000") + "threads must be declared in order: expected tid 2, got 2000000000"),
                arguments("thread declared twice", s = broken("\"tid\":2,\"args\":{\"name\":\"B\"", "\"tid\":1,\"args\":{\"name\":\"B\""),
                        at(s, "1,\"args\":{\"name\":\"B\"") + "thread 1 is declared twice"),
                arguments("thread in an undeclared process", s = broken("\"pid\":1,\"tid\":2,\"args\":{\"name\":\"B\"", "\"pid\":3,\"tid\":2,\"args\":{\"name\":\"B\""),
                        at(s, "3,\"tid\":2") + "thread 2 is in process 3, which was never declared (no process_name event for it)"),
                arguments("unknown role", s = broken("\"role\":\"main\"", "\"role\":\"boss\""),
                        at(s, "\"boss\"") + "unknown thread role 'boss' (expected main, thread, worker, helper, process or task)"),
                arguments("newer version", s = broken("\"version\":1", "\"version\":3"),
                        at(s, "3,\"scenario\"") + "trace format version 3 is not supported (this Threadline reads"
                                + " versions 1 to 2)"),
                arguments("unknown outcome", s = broken("\"outcome\":\"completed\"", "\"outcome\":\"exploded\""),
                        at(s, "\"exploded\"") + "unknown outcome 'exploded' (expected one of running, completed, stopped,"
                                + " time-limit, deadlock, failed, raised)"),
                arguments("end missing", s = broken("\"end\":10,", ""),
                        at(s, "{\"format\"") + "otherData has no 'end'"),
                arguments("counter listed twice", s = broken("\"counters\":[\"q\"]", "\"counters\":[\"q\",\"q\"]"),
                        at(s, "\"q\"]") + "'otherData.counters' lists 'q' twice"),
                arguments("expected value of no counter", s = broken("\"counters\":[\"q\"]",
                                "\"counters\":[\"q\"],\"counterExpected\":{\"z\":12}"),
                        at(s, "12}") + "'otherData.counterExpected' names a counter the trace does not have: z"),
                arguments("expected value not a number", s = broken("\"counters\":[\"q\"]",
                                "\"counters\":[\"q\"],\"counterExpected\":{\"q\":\"twelve\"}"),
                        at(s, "\"twelve\"") + "'otherData.counterExpected.q' must be a whole number, got a string ('twelve')"),
                arguments("expected values not an object", s = broken("\"counters\":[\"q\"]",
                                "\"counters\":[\"q\"],\"counterExpected\":[12]"),
                        at(s, "[12]") + "'otherData.counterExpected' must be an object, got an array"),
                // Threadline's own fields of the wrong shape: not read quietly as another tool's trace
                arguments("otherData a string", s = broken(HEADER, "\"oops\""),
                        at(s, "\"oops\"") + "'otherData' must be an object, got a string ('oops')"),
                arguments("otherData an array", s = broken(HEADER, "[1]"),
                        at(s, "[1]") + "'otherData' must be an object, got an array"),
                arguments("format a number", s = broken("\"format\":\"threadline-trace\"", "\"format\":1"),
                        at(s, "1,\"version\"") + "'otherData.format' must be a string, got a number (1)"),
                arguments("format another Threadline's", s = broken("\"threadline-trace\"", "\"threadline-trace-2\""),
                        at(s, "\"threadline-trace-2\"") + "unknown trace format 'threadline-trace-2' (this Threadline"
                                + " reads 'threadline-trace')"),
                arguments("Threadline's fields without a format", s = broken("\"format\":\"threadline-trace\",", ""),
                        at(s, "{\"version\"") + "otherData has Threadline's fields but no 'format' (expected"
                                + " \"format\":\"threadline-trace\")"),
                arguments("traceEvents is not an array", s = "{\"otherData\":" + HEADER + ",\"traceEvents\":5}",
                        at(s, "5}") + "'traceEvents' must be an array, got a number (5)"),
                // Threadline writes otherData first: without it first, a file is read as another tool's trace
                arguments("otherData after traceEvents", "{\"traceEvents\":[],\"otherData\":" + HEADER + "}",
                        "the trace has no events"),
                arguments("no traceEvents", "{\"otherData\":" + HEADER + "}",
                        "not a Threadline trace: no traceEvents array"),
                arguments("content after the end", VALID + "{}",
                        "line 14, column 1: unexpected content after the end of the trace"),
                arguments("empty", "", "the file is empty"),
                arguments("only blanks", " \n\t\n", "the file is empty"),
                arguments("an array of events without times", "[{\"ph\":\"X\"}]", "line 1, column 2: event has no 'ts'"),
                arguments("a bare string", "\"trace\"", "line 1, column 1: not a Threadline trace: expected a JSON"
                        + " object, got a string ('trace')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileGetsOneClearMessage(String what, String text, String message) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage(message);
    }

    @Test
    void notJsonAtAllSaysSoWithItsPlace() {
        assertThatThrownBy(() -> read("hello, trace"))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("line 1, column ")
                .hasMessageContaining("not valid JSON: Unrecognized token 'hello'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aTruncatedFileSaysWhereItEnds() {
        String text = VALID.substring(0, VALID.indexOf("{\"ph\":\"C\"") + 20);

        assertThatThrownBy(() -> read(text))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("line 10, column ")
                .hasMessageEndingWith(": the file ends in the middle of the trace (truncated?)");
    }

    @Test
    void aFileCutBetweenEventsIsStillTruncated() {
        String text = VALID.substring(0, VALID.indexOf("{\"ph\":\"C\""));

        assertThatThrownBy(() -> read(text))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageEndingWith("the file ends in the middle of the trace (truncated?)");
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedInOneLine() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = valid.clone();
        int at = VALID.indexOf("\"hi\"") + 1;
        bytes[at] = (byte) 0xff;
        bytes[at + 1] = (byte) 0xfe;

        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("UTF-8")
                .hasMessageNotContaining("\n");
    }

    @Test
    void limitsOfTheJsonParserAreOneLineToo() {
        String text = broken("\"ts\":4,", "\"ts\":" + "9".repeat(5000) + ",");

        assertThatThrownBy(() -> read(text))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("line 9, column ")
                .hasMessageContaining("not a usable trace: Number value length")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aChromeTraceFromAnotherToolIsReadAsForeign() throws Exception {
        byte[] foreign;
        try (InputStream in = TraceReaderErrorsTest.class.getResourceAsStream("/traces/foreign-chrome.json")) {
            foreign = in.readAllBytes();
        }

        Trace t = read(foreign);

        assertThat(t.thread(0).name()).isEqualTo("CrBrowserMain");
        assertThat(t.outcomeMessage()).startsWith("imported from a Chrome trace: 1 span on 1 thread");
    }

    @Test
    void theErrorKnowsItsPlace() {
        String text = broken("\"ts\":4,", "\"ts\":\"4\",");

        assertThatThrownBy(() -> read(text))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.column()).isEqualTo(text.split("\n")[8].indexOf("\"4\"") + 1);
                });
    }
}
