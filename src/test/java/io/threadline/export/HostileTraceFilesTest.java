package io.threadline.export;

import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files made to hurt: numbers that claim the world, counts past what the window can show,
 * nesting past what a parser should follow, shapes that make a little file cost a lot of heap.
 * Each is read quickly into a trace whose memory follows the file, or refused with one line.
 */
class HostileTraceFilesTest {
    private static final long MB = 1 << 20;

    /** A header with {@code end} and {@code extra} otherData members. */
    private static StringBuilder header(long end, String extra) {
        return new StringBuilder("{\"otherData\":{\"format\":\"threadline-trace\",\"version\":1,\"outcome\":\"completed\","
                + "\"end\":" + end + extra + "},\n\"traceEvents\":[\n"
                + "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"Main\"}}");
    }

    /** {@code threads} threads, each created at 0 and dead at {@code end}: one span and one death each. */
    private static byte[] manyThreads(int threads, long end) {
        StringBuilder b = header(end, "");
        for (int t = 1; t <= threads; t++) {
            b.append(",\n{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":").append(t)
                    .append(",\"args\":{\"name\":\"T").append(t).append("\"}}");
        }
        for (int t = 1; t <= threads; t++) {
            b.append(",\n{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"new\",\"ts\":0,\"dur\":").append(end)
                    .append(",\"pid\":1,\"tid\":").append(t).append(",\"args\":{\"state\":\"new\",\"reason\":\"created\"}}");
        }
        for (int t = 1; t <= threads; t++) {
            b.append(",\n{\"ph\":\"i\",\"cat\":\"state\",\"name\":\"dead\",\"ts\":").append(end)
                    .append(",\"pid\":1,\"tid\":").append(t).append(",\"args\":{\"how\":\"returned\"}}");
        }
        return b.append("\n]}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One thread switching between running and waiting {@code events} times. */
    private static byte[] longLane(int events) {
        StringBuilder b = header(events, "");
        b.append(",\n{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"A\"}}");
        for (int i = 0; i < events; i++) {
            String state = i % 2 == 0 ? "running" : "waiting";
            String reason = i % 2 == 0 ? "scheduled" : "sleep";
            b.append(",\n{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"").append(state).append("\",\"ts\":").append(i)
                    .append(",\"dur\":1,\"pid\":1,\"tid\":1,\"args\":{\"state\":\"").append(state)
                    .append("\",\"reason\":\"").append(reason).append("\"}}");
        }
        b.append(",\n{\"ph\":\"i\",\"cat\":\"state\",\"name\":\"dead\",\"ts\":").append(events)
                .append(",\"pid\":1,\"tid\":1,\"args\":{\"how\":\"returned\"}}");
        return b.append("\n]}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Trace read(byte[] bytes, ReadBudget budget) throws Exception {
        return TraceJsonReader.read(new ByteArrayInputStream(bytes), budget);
    }

    private static Trace read(byte[] bytes) throws Exception {
        return TraceJsonReader.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void numbersThatClaimTheWorldCostNothing() throws Exception {
        long max = TraceFormat.MAX_TIME;
        String text = header(max, ",\"seed\":-9223372036854775808,\"counters\":[\"q\"]")
                + ",\n{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"A\"}}"
                + ",\n{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":1,\"tid\":1,\"args\":{\"sort_index\":1000000000}}"
                + ",\n{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"running\",\"ts\":0,\"dur\":" + max
                + ",\"pid\":1,\"tid\":1,\"args\":{\"state\":\"running\",\"reason\":\"scheduled\",\"line\":2147483647}}"
                + ",\n{\"ph\":\"C\",\"name\":\"q\",\"ts\":" + (max - 1) + ",\"pid\":1,\"args\":{\"value\":9223372036854775807}}"
                + "\n]}\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();

        Trace t = read(bytes);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(t.endTime()).isEqualTo(max);
        assertThat(t.lane(0).line(0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(t.counters().get(0).max()).isEqualTo(Long.MAX_VALUE);
        assertThat(allocated).as("bytes allocated to read %d bytes", bytes.length).isLessThan(2 * MB);
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void aFileWhoseTraceWouldNotFitInMemoryIsRefusedWithOneLine() {
        // 20,000 threads of one span and one death: about 600 bytes each
        byte[] bytes = manyThreads(20_000, 10);

        assertThatThrownBy(() -> read(bytes, new ReadBudget(8 * MB)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageMatching("line \\d+, column \\d+: too large to open: this trace needs more than 9 MB of"
                        + " memory and 8 MB are free \\(start Threadline with more, e\\.g\\. java -Xmx4g -jar"
                        + " threadline\\.jar\\)");
    }

    @Test
    void theSameFileOpensWhenTheMemoryIsThere() throws Exception {
        Trace t = read(manyThreads(2_000, 10));

        assertThat(t.threadCount()).isEqualTo(2_000);
        assertThat(t.eventCount()).isEqualTo(4_000);
    }

    /**
     * The budget must count what the trace really keeps, or it protects nothing: measured after
     * a full collection, the retained heap stays within a factor 2 of the estimate, for the
     * shape that costs most per byte of file (a thread per event) and the common one (long lanes).
     */
    @Test
    void theEstimateFollowsWhatTheTraceReallyKeeps() throws Exception {
        for (byte[] bytes : new byte[][] {manyThreads(2_000, 10), longLane(200_000)}) {
            // Other threads of this JVM (a JavaFX toolkit left by a window test, kept scenario
            // threads) allocate and free between two readings: the median of five reads is
            // the trace's, one reading alone can be off by half a megabyte. A reading of nothing
            // or less is not a reading (a live trace keeps something; another thread's garbage
            // went in the same collection, CI saw three of five at 0): read again, up to 15 times.
            long[] kept = new long[5];
            int n = 0;
            ReadBudget budget = null;
            Trace t = null;
            for (int tries = 0; n < kept.length && tries < 15; tries++) {
                budget = new ReadBudget(Long.MAX_VALUE);
                t = null;
                long before = usedAfterGc();
                t = read(bytes, budget);
                long k = usedAfterGc() - before;
                Reference.reachabilityFence(t);
                if (k > 0) {
                    kept[n++] = k;
                }
            }
            assertThat(n).as("readings of the heap that saw the trace at all").isEqualTo(kept.length);
            java.util.Arrays.sort(kept);

            assertThat((double) kept[kept.length / 2]).as("heap kept by a trace of %d threads, %d events; estimated"
                            + " %d (median of five reads)", t.threadCount(), t.eventCount(), budget.used())
                    // Never under half what it keeps (the budget is what stops a file too large to
                    // open), and at most three times it: in a JVM that has run other tests a
                    // trace of 2,000 nearly empty lanes keeps 0.5-0.6 MB against 1.27 MB estimated
                    // (the same read in a fresh JVM keeps more), a limit that errs safe.
                    .isBetween(budget.used() / 3.0, budget.used() * 2.0);
        }
    }

    @Test
    void otherDataIsHeldWholeAndSoCountedToo() {
        StringBuilder junk = new StringBuilder(",\"junk\":[0");
        junk.append(",0".repeat(200_000)).append(']');
        byte[] bytes = (header(10, junk.toString()) + "\n]}\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(bytes, new ReadBudget(8 * MB)))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("line 1, column ")
                .hasMessageContaining("too large to open");
    }

    @Test
    void moreThreadsThanTheWindowCanShowAreRefused() {
        byte[] bytes = manyThreads(TraceBuilder.MAX_THREADS + 1, 10);

        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageMatching("line 100004, column \\d+: too many threads: more than 100000 \\(the window shows"
                        + " at most that many lanes\\)");
    }

    @Test
    void moreCounterTracksThanTheTraceCanFindQuicklyAreRefused() {
        StringBuilder names = new StringBuilder(",\"counters\":[\"c0\"");
        for (int i = 1; i <= TraceBuilder.MAX_COUNTERS; i++) {
            names.append(",\"c").append(i).append('"');
        }
        byte[] bytes = (header(10, names.append(']').toString()) + "\n]}\n").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();

        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageMatching("line 1, column \\d+: too many counter tracks: 10001 \\(at most 10000\\)");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void nestingPastTheParsersLimitIsRefusedWithoutRecursingIntoIt() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        byte[] inHeader = (header(10, ",\"junk\":" + deep) + "\n]}\n").getBytes(StandardCharsets.UTF_8);
        byte[] inArgs = (header(10, "") + ",\n{\"ph\":\"M\",\"name\":\"x\",\"args\":{\"a\":" + deep + "}}\n]}\n")
                .getBytes(StandardCharsets.UTF_8);

        for (byte[] bytes : new byte[][] {inHeader, inArgs}) {
            assertThatThrownBy(() -> read(bytes))
                    .isInstanceOf(TraceFormatException.class)
                    .hasMessageMatching("line \\d+, column \\d+: not a usable trace: Document nesting depth \\(\\d+\\)"
                            + " exceeds the maximum allowed \\(\\d+\\)");
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
