package io.threadline.export;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace file is untrusted input. Valid traces (a hand-made one and one of each scenario) are
 * broken by one to three mutations each — truncated, wrong types, hostile times, unknown phases,
 * duplicate or missing thread ids, deep nesting, invalid UTF-8, flipped bytes, lines dropped,
 * doubled or swapped — and read. Whatever the file, the reader either returns a trace that can
 * be queried, saved and read back, or refuses it with one {@link TraceFormatException} whose
 * message is one readable line: never another exception, never a stack trace, never a hang.
 * The seed is fixed, so every build tries the same 10,000 files; a failure names the case, its
 * base trace and its mutations, so it can be replayed alone.
 *
 * <p>The cases come from a seeded java.util.Random rather than a property-testing library: the
 * mutations are ours anyway, and jqwik 1.10 asks AI agents (who help write this project) not to
 * use it, a request we respect.
 */
class TraceReaderFuzzTest {
    private static final List<byte[]> BASES = bases();
    private static final ExecutorService READER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-reader");
        t.setDaemon(true);
        return t;
    });
    /** Far above a normal read (well under a millisecond); a read this slow is a hang. */
    private static final long HANG_SECONDS = 5;
    /** What a stack trace or a leaked exception looks like inside a message. */
    private static final Pattern LEAK = Pattern.compile(
            "\\b(java|javax|sun|jdk|com\\.fasterxml|io\\.threadline)\\.[a-z]\\w*\\.|\\tat |Exception:|\\$\\d|@[0-9a-f]{6,}");

    enum Kind {
        TRUNCATE, WRONG_TYPE, HOSTILE_NUMBER, UNKNOWN_PHASE, DUPLICATE_TID, MISSING_ID, DEEP_NESTING,
        INVALID_UTF8, FLIP_BYTE, DROP_LINE, DOUBLE_LINE, SWAP_LINES, HOSTILE_TEXT
    }

    /** One mutation: what it does, where (an index reduced modulo the candidates) and which variant. */
    record Step(Kind kind, int where, int pick) {
    }

    private static final int CASES = 10_000;
    private static final long SEED = 7070707;

    @AfterAll
    static void stopReader() {
        READER.shutdownNow();
    }

    @Test
    void tenThousandBrokenTracesAreEachReadOrRefusedWithOneClearLine() {
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int c = 0; c < CASES; c++) {
            int base = random.nextInt(BASES.size());
            List<Step> steps = new ArrayList<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                steps.add(new Step(Kind.values()[random.nextInt(Kind.values().length)], random.nextInt(1 << 20),
                        random.nextInt(64)));
            }
            try {
                outcomes.merge(check(base, steps), 1, Integer::sum);
            } catch (AssertionError e) {
                throw new AssertionError("case " + c + " (base " + base + ", " + steps + "): " + e.getMessage(), e);
            }
        }
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CASES);
        assertThat(outcomes).containsKeys("read", "refused");
    }

    /** Mutates base trace {@code base} by {@code steps}, reads it, and says how it went. */
    private static String check(int base, List<Step> steps) {
        byte[] bytes = BASES.get(base);
        for (Step s : steps) {
            bytes = apply(s, bytes);
        }
        Object result = readWithin(bytes);
        if (result instanceof Trace t) {
            exercise(t);
            return "read";
        }
        String message = ((TraceFormatException) result).getMessage();
        assertThat(message).as("message for %s", steps).isNotBlank().doesNotContain("\n", "\r");
        assertThat(message.length()).as("message length for %s: %s", steps, message).isLessThan(400);
        assertThat(LEAK.matcher(message).find()).as("a stack trace or class name leaks into: %s", message)
                .isFalse();
        return "refused";
    }

    // ------------------------------------------------------------------ reading

    /** The trace, or the TraceFormatException; any other outcome fails the property. */
    private static Object readWithin(byte[] bytes) {
        Future<Object> f = READER.submit(() -> {
            try {
                return TraceJsonReader.read(new ByteArrayInputStream(bytes));
            } catch (TraceFormatException e) {
                return e;
            }
        });
        try {
            return f.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("reading took more than " + HANG_SECONDS + " s: " + preview(bytes));
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AssertionError("the reader threw " + cause + " for: " + preview(bytes), cause);
        }
    }

    /** What the window does with a trace: ask what each thread does, write it, read it back. */
    private static void exercise(Trace t) {
        long end = t.endTime();
        for (int i = 0; i < t.threadCount(); i++) {
            LaneColumns lane = t.lane(i);
            t.stateAt(i, end / 2);
            long range = t.spansTouching(i, 0, end);
            for (int k = Trace.rangeFrom(range); k < Trace.rangeTo(range); k++) {
                assertThat(t.spanEnd(i, k)).isGreaterThanOrEqualTo(lane.time(k));
            }
        }
        byte[] again = TraceJsonWriter.toBytes(t);
        try {
            TraceJsonReader.read(new ByteArrayInputStream(again));
        } catch (Exception e) {
            throw new AssertionError("a trace that was read could not be saved and read back: " + e, e);
        }
    }

    private static String preview(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + bytes.length + " bytes)";
    }

    // ------------------------------------------------------------------ base traces and mutations

    private static List<byte[]> bases() {
        List<byte[]> out = new ArrayList<>();
        out.add(TraceReaderErrorsTest.VALID.getBytes(StandardCharsets.UTF_8));
        try {
            out.add(TraceJsonWriter.toBytes(TraceRoundTripTest.run("chef-soup", Map.of())));
            out.add(TraceJsonWriter.toBytes(TraceRoundTripTest.run("daemon-cleaner", Map.of())));
            out.add(TraceJsonWriter.toBytes(TraceRoundTripTest.run("producer-consumer", Map.of("items", "4"))));
            out.add(TraceJsonWriter.toBytes(TraceRoundTripTest.run("pool-map-vs-imap", Map.of("workers", "2"))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    // ------------------------------------------------------------------ mutations

    private static final Pattern VALUE = Pattern.compile(
            "\"([A-Za-z_]+)\":(-?[0-9][0-9.eE+-]*|\"(?:[^\"\\\\]++|\\\\.)*+\"|true|false|null)");
    private static final Pattern TIME = Pattern.compile("\"(ts|dur|end|line|seed|value|version)\":(-?[0-9]+)");
    private static final Pattern PHASE = Pattern.compile("\"ph\":(\"[A-Za-z]\")");
    private static final Pattern ID = Pattern.compile("\"(tid|pid|byTid|fromTid)\":([0-9]+)");
    private static final Pattern ID_FIELD = Pattern.compile("\"(tid|pid|name|ph|ts|dur|cat|args)\":[^,}]*,?");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]++|\\\\.)*+)\"");

    private static final String[] WRONG = {
        "\"text\"", "\"\"", "true", "false", "null", "{}", "[]", "[1,2]", "{\"a\":1}", "1.5", "0", "-1",
        "\"12\"", "[\"x\"]", "{\"name\":{\"name\":\"A\"}}",
    };
    private static final String[] HOSTILE_NUMBERS = {
        "NaN", "-NaN", "Infinity", "-Infinity", "+1", "-1", "-0", "0.0", "-0.0", "0.5", "1e3", "1E+2",
        "1e308", "1e309", "-1e309", "4.9e-324", "9007199254740991", "9007199254740992", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "2147483647", "2147483648", "4294967297", "1" + "0".repeat(400), "1" + "0".repeat(1200),
        "0." + "0".repeat(500) + "1", "1e-400", "00", "01", "1.", ".5", "0x10", "1_000",
    };
    private static final String[] PHASES = {
        "\"B\"", "\"E\"", "\"Q\"", "\"\"", "\"x\"", "\"\\u0000\"", "\"M\"", "\"C\"", "\"i\"", "\"I\"", "\"X\"",
        "\"XX\"", "\"b\"", "\"s\"", "\"f\"", "\"P\"", "\"\\uD800\"",
    };
    private static final int[] DEPTHS = {2, 10, 100, 499, 500, 501, 999, 1000, 1001, 5000, 100_000};
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xFF},
        {(byte) 0xFE}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {0}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE, 0, 0},
    };
    private static final String[] HOSTILE_TEXTS = {
        "\"\\u0000\"", "\"\\uD800\"", "\"\\uDC00\\uD800\"", "\"line\\nbreak\\r\\ttab\"", "\"\\\"quoted\\\"\"",
        "\"" + "x".repeat(100_000) + "\"", "\"\\u202Eright-to-left\"", "\"\u00e9\u4e2d\ud83d\ude00\"",
        "\"\\q\"", "\"unterminated", "\"\\u12\"", "\"<script>\"", "\"%s%n%d\"", "\"${jndi:ldap://x}\"",
    };

    static byte[] apply(Step s, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);   // byte-exact: one char per byte
        int n = bytes.length;
        switch (s.kind()) {
            case TRUNCATE:
                return java.util.Arrays.copyOf(bytes, n == 0 ? 0 : s.where() % n);
            case WRONG_TYPE:
                return replaceGroup(text, VALUE, 2, s.where(), WRONG[s.pick() % WRONG.length]);
            case HOSTILE_NUMBER:
                return replaceGroup(text, TIME, 2, s.where(), HOSTILE_NUMBERS[s.pick() % HOSTILE_NUMBERS.length]);
            case UNKNOWN_PHASE:
                return replaceGroup(text, PHASE, 1, s.where(), PHASES[s.pick() % PHASES.length]);
            case DUPLICATE_TID: {
                List<String> ids = values(text, ID, 2);
                String other = ids.isEmpty() ? "1" : ids.get(s.pick() % ids.size());
                return replaceGroup(text, ID, 2, s.where(), other);
            }
            case MISSING_ID:
                return replaceGroup(text, ID_FIELD, 0, s.where(), "");
            case DEEP_NESTING: {
                int depth = DEPTHS[s.pick() % DEPTHS.length];
                boolean objects = (s.pick() & 16) != 0;
                boolean closed = (s.pick() & 32) == 0;
                String open = objects ? "{\"a\":".repeat(depth) + "1" : "[".repeat(depth);
                String close = closed ? (objects ? "}" : "]").repeat(depth) : "";
                return replaceGroup(text, VALUE, 2, s.where(), open + close);
            }
            case INVALID_UTF8: {
                byte[] bad = BAD_UTF8[s.pick() % BAD_UTF8.length];
                // Inside a string half the time, where a lenient decoder would let it through.
                int at = (s.pick() & 1) == 0 ? insideAString(text, s.where()) : s.where() % (n + 1);
                return insert(bytes, at, bad);
            }
            case FLIP_BYTE: {
                if (n == 0) {
                    return bytes;
                }
                byte[] out = bytes.clone();
                out[s.where() % n] ^= (byte) (1 << (s.pick() % 8));
                return out;
            }
            case DROP_LINE:
            case DOUBLE_LINE:
            case SWAP_LINES:
                return lines(text, s);
            case HOSTILE_TEXT:
                return replaceGroup(text, VALUE, 2, s.where(), HOSTILE_TEXTS[s.pick() % HOSTILE_TEXTS.length]);
            default:
                throw new IllegalStateException(s.kind().name());
        }
    }

    private static byte[] replaceGroup(String text, Pattern p, int group, int where, String with) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(group), m.end(group)});
        }
        if (spans.isEmpty()) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        int[] at = spans.get(where % spans.size());
        // The replacement is meant as UTF-8; the rest goes back byte for byte.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(text.substring(0, at[0]).getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(with.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(text.substring(at[1]).getBytes(StandardCharsets.ISO_8859_1));
        return b.toByteArray();
    }

    private static List<String> values(String text, Pattern p, int group) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }

    private static int insideAString(String text, int where) {
        Matcher m = STRING.matcher(text);
        List<Integer> inside = new ArrayList<>();
        while (m.find()) {
            inside.add(m.start(1));
        }
        return inside.isEmpty() ? 0 : inside.get(where % inside.size());
    }

    private static byte[] insert(byte[] bytes, int at, byte[] what) {
        byte[] out = new byte[bytes.length + what.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(bytes, at, out, at + what.length, bytes.length - at);
        return out;
    }

    private static byte[] lines(String text, Step s) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int i = s.where() % lines.size();
        switch (s.kind()) {
            case DROP_LINE -> lines.remove(i);
            case DOUBLE_LINE -> lines.add(i, lines.get(i));
            default -> {
                int j = (i + 1 + s.pick()) % lines.size();
                String a = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, a);
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}
