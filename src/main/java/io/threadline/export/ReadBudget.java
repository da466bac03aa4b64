package io.threadline.export;

/**
 * Keeps the reading of an untrusted file within the memory the JVM can spare, so a hostile or
 * huge file ends in a clear "too large" message instead of an OutOfMemoryError that could take
 * the window down with it. The reader streams, so memory follows what the file really holds;
 * this counts what the trace being built will keep, by the trace's own layout.
 *
 * <p>The estimate mirrors the column store in {@code io.threadline.trace}: a thread's lane
 * allocates its columns a chunk of {@link #LANE_CHUNK_EVENTS} events at a time (the first one
 * with its first event), and lists such as output lines or counter samples chunks of
 * {@link #LIST_CHUNK} references. {@code ReadBudgetTest} measures real allocation against it,
 * so a change of layout there shows up here.
 */
final class ReadBudget {
    /** Events per chunk of a lane's columns ({@code LaneColumns.CHUNK}). */
    static final int LANE_CHUNK_EVENTS = 1024;
    /** Bytes of one lane chunk: time (8), state (1), reason (1), cause, detail, line (4 each), array headers. */
    static final long LANE_CHUNK_BYTES = LANE_CHUNK_EVENTS * (8L + 1 + 1 + 4 + 4 + 4) + 6 * 16 + 32;
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
