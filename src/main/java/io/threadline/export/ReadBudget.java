package io.threadline.export;

import io.threadline.trace.LaneColumns;

/**
 * Keeps the reading of an untrusted file within the memory the JVM can spare, so a hostile or
 * huge file ends in a clear "too large" message instead of an OutOfMemoryError that could take
 * the window down with it. The reader streams, so memory follows what the file really holds;
 * this counts what the trace being built will keep, by the trace's own layout.
 *
 * <p>The estimate mirrors the column store in {@code io.threadline.trace}: a thread's lane
 * allocates its columns a chunk at a time (16 events first, each chunk twice the one before up to
 * 4,096; 12 bytes an event, see {@link #laneBytesAt}), and lists such as counter samples or
 * results chunks of {@link #LIST_CHUNK} references. Printed lines and choices are columns now
 * (about 21 and 17 bytes a row, their texts and candidates apart), and are still counted as
 * items of {@link #ITEM_BYTES}: more than they take, which only errs on the safe side. {@code HostileTraceFilesTest} measures what a
 * trace really keeps against it, so a change of layout there shows up here. (A chunk holding a
 * value too large for its narrow columns, such as line 70,000, widens that column: 16 bytes an
 * event with a wide line, within the factor of 2 the test allows.)
 */
final class ReadBudget {
    /** References per chunk of an append-only list ({@code AppendLog.CHUNK}). */
    static final int LIST_CHUNK = 256;
    /** Bytes of one list chunk (compressed references, as on heaps under 32 GB, plus header). */
    static final long LIST_CHUNK_BYTES = LIST_CHUNK * 8L + 16;
    /** A small record kept per item (an output line, a counter sample, a result), without its text. */
    static final long ITEM_BYTES = 48;
    /** A value of otherData held as a tree: the value, its text, its place in a list or map. */
    static final long VALUE_BYTES = 112;
    /** A declared thread: its info, its lane object and directory, its name in the lookup map. */
    static final long THREAD_BYTES = 256;
    /** Share of the free heap a read may take: the window keeps the trace it shows meanwhile. */
    static final double SHARE_OF_FREE_HEAP = 0.6;

    private final long limit;
    private long used;

    ReadBudget(long limitBytes) {
        this.limit = limitBytes;
    }

    /** A budget of a share of the heap that is free now. */
    static ReadBudget ofFreeHeap() {
        Runtime rt = Runtime.getRuntime();
        long inUse = rt.totalMemory() - rt.freeMemory();
        return new ReadBudget((long) ((rt.maxMemory() - inUse) * SHARE_OF_FREE_HEAP));
    }

    /** Counts {@code bytes} more, or refuses the file at {@code line}/{@code column} if they do not fit. */
    void charge(long bytes, int line, int column) throws TraceFormatException {
        used += bytes;
        if (used > limit) {
            throw new TraceFormatException(line, column, "too large to open: this trace needs more than "
                    + megabytes(used) + " of memory and " + megabytes(Math.max(0, limit))
                    + " are free (start Threadline with more, e.g. java -Xmx4g -jar threadline.jar)");
        }
    }

    /** Bytes a lane allocates when event {@code index} is appended to it: a new chunk, or nothing. */
    static long laneBytesAt(int index) {
        return LaneColumns.bytesAllocatedAt(index);
    }

    /** A text's share: two bytes a character, plus the String and its array. */
    static long text(String s) {
        return s == null ? 0 : 2L * s.length() + 56;
    }

    long used() {
        return used;
    }

    private static String megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) / (1 << 20) + " MB";
    }
}
