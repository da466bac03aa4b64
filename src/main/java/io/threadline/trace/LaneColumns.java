package io.threadline.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The transitions of one thread as columns of primitives: no object per event. One writer
 * (the thread's recorder) appends; readers may read concurrently up to {@link #size()}.
 * Event {@code i} starts a span in {@code state(i)} that lasts until {@code time(i + 1)}, or
 * for the last event until the lane's end (its death, or "now" while it lives).
 *
 * <p>Layout (12 bytes an event): chunks that never move, the first of 16 events, each twice the
 * one before up to 4,096; in a chunk, time as an int offset from the chunk's first event, and
 * one long packing state and reason (a byte), line, cause + 1 and detail + 1 (16 bits each).
 * Two columns, not five: a handoff between two carrier threads moves the writer's hot cache
 * lines to the other core, and each column is one more of them (packing took about 5% off a
 * virtual-thread handoff; the byte an event it costs is worth less). A value that does not fit
 * (a chunk spanning more than 35 minutes, line 65,536, thread or string id 65,535 and up) gives
 * that chunk a wide column instead: a new chunk object sharing the other columns, the narrow
 * column copied in its constructor (final fields publish the copy), the old object left as it
 * was for readers that still hold it.
 */
public final class LaneColumns {
    /** Events in the first chunk. */
    static final int FIRST_CHUNK = ChunkLayout.FIRST_CHUNK;
    /** Events in every chunk from the tenth on. */
    static final int MAX_CHUNK = ChunkLayout.MAX_CHUNK;
    /** Bytes an event takes in a chunk without wide columns. */
    public static final int BYTES_PER_EVENT = 4 + 8;
    /** Bytes a chunk takes besides its events: the chunk object and two array headers. */
    public static final int CHUNK_OVERHEAD = 48 + 2 * 16;

    private static final int REASON_BITS = 5;
    private static final ThreadState[] STATES = ThreadState.values();
    private static final Reason[] REASONS = Reason.values();
    private static final VarHandle SIZE;

    static {
        if (REASONS.length > 1 << REASON_BITS || STATES.length > 1 << (8 - REASON_BITS)) {
            throw new ExceptionInInitializerError("state and reason no longer fit in one byte");
        }
        try {
            SIZE = MethodHandles.lookup().findVarHandle(LaneColumns.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Where a packed word keeps line, cause + 1 and detail + 1 (the low byte is state and reason). */
    private static final int LINE_SHIFT = 8;
    private static final int CAUSE_SHIFT = 24;
    private static final int DETAIL_SHIFT = 40;

    /**
     * One chunk of every column. Wide columns replace narrow ones one column at a time, in a new
     * Chunk object; until then they are null. A wide line, cause or detail leaves its bits of the
     * packed word zero, and readers take the wide column.
     */
    private static final class Chunk {
        final long base;
        final boolean narrow;
        final int[] dt;
        /**
         * State and reason, line, cause + 1 and detail + 1 in one word: an append stores two
         * values, not five. The writer's hot cache lines are what a handoff between cores moves.
         */
        final long[] packed;
        final long[] wideTime;
        final int[] wideLine;
        final int[] wideCause;
        final int[] wideDetail;

        Chunk(long base, int capacity) {
            this.base = base;
            this.narrow = true;
            dt = new int[capacity];
            packed = new long[capacity];
            wideTime = null;
            wideLine = null;
            wideCause = null;
            wideDetail = null;
        }

        /** A copy of {@code k} whose columns flagged are wide, holding the first {@code n} values. */
        Chunk(Chunk k, int n, boolean time, boolean ln, boolean cs, boolean dl) {
            base = k.base;
            narrow = false;
            packed = k.packed;
            int cap = packed.length;
            if (time && k.wideTime == null) {
                wideTime = ChunkLayout.wideTimes(k.base, k.dt, n, cap);
                dt = null;
            } else {
                wideTime = k.wideTime;
                dt = k.dt;
            }
            wideLine = ln && k.wideLine == null ? ChunkLayout.wideField(packed, LINE_SHIFT, 0, n, cap) : k.wideLine;
            wideCause = cs && k.wideCause == null ? ChunkLayout.wideField(packed, CAUSE_SHIFT, 1, n, cap) : k.wideCause;
            wideDetail = dl && k.wideDetail == null
                    ? ChunkLayout.wideField(packed, DETAIL_SHIFT, 1, n, cap) : k.wideDetail;
        }

        long time(int o) {
            long[] w = wideTime;
            return w != null ? w[o] : base + dt[o];
        }

        int code(int o) {
            return (int) packed[o] & 0xff;
        }

        int line(int o) {
            int[] w = wideLine;
            return w != null ? w[o] : ChunkLayout.field(packed[o], LINE_SHIFT);
        }

        int cause(int o) {
            int[] w = wideCause;
            return w != null ? w[o] : ChunkLayout.field(packed[o], CAUSE_SHIFT) - 1;
        }

        int detail(int o) {
            int[] w = wideDetail;
            return w != null ? w[o] : ChunkLayout.field(packed[o], DETAIL_SHIFT) - 1;
        }

        /** Stores a value in whichever form each column has. */
        void put(int o, long t, int codeValue, int ln, int cs, int dl) {
            if (wideTime != null) {
                wideTime[o] = t;
            } else {
                dt[o] = (int) (t - base);
            }
            long p = codeValue;
            if (wideLine != null) {
                wideLine[o] = ln;
            } else {
                p |= (long) ln << LINE_SHIFT;
            }
            if (wideCause != null) {
                wideCause[o] = cs;
            } else {
                p |= (long) (cs + 1) << CAUSE_SHIFT;
            }
            if (wideDetail != null) {
                wideDetail[o] = dl;
            } else {
                p |= (long) (dl + 1) << DETAIL_SHIFT;
            }
            packed[o] = p;
        }
    }

    private volatile Chunk[] chunks = new Chunk[4];
    /** Written with release semantics by the one writer, after the event it publishes. */
    private volatile int size;

    // writer side only
    private Chunk current;
    private int currentIndex = -1;
    private int currentStart;
    private int currentCapacity;
    private long lastTime = Long.MIN_VALUE;

    /**
     * Appends a transition.
     *
     * @param time   scenario time, microseconds; not before the previous event's
     * @param cause  id of the thread that caused it, or -1
     * @param detail id of a string in the trace's {@link StringTable}, or -1
     * @param line   scenario source line that made the call, or 0
     */
    public void append(long time, ThreadState state, Reason reason, int cause, int detail, int line) {
        if (time < lastTime) {
            throw new IllegalArgumentException("time goes backwards: " + time + " < " + lastTime);
        }
        int n = size;
        int o = n - currentStart;
        if (o >= currentCapacity) {
            startChunk(n, time);
            o = 0;
        }
        Chunk k = current;
        int code = state.ordinal() << REASON_BITS | reason.ordinal();
        long d = time - k.base;
        if (k.narrow && (d >>> 31) == 0 && (line >>> 16) == 0 && ((cause + 1) >>> 16) == 0
                && ((detail + 1) >>> 16) == 0) {
            k.dt[o] = (int) d;
            k.packed[o] = code | (long) line << LINE_SHIFT | (long) (cause + 1) << CAUSE_SHIFT
                    | (long) (detail + 1) << DETAIL_SHIFT;
        } else {
            widen(o, d, line, cause, detail).put(o, time, code, line, cause, detail);
        }
        lastTime = time;
        SIZE.setRelease(this, n + 1);
    }

    private void startChunk(int n, long time) {
        int c = currentIndex + 1;
        int capacity = ChunkLayout.capacity(c);
        Chunk[] dir = chunks;
        if (c < dir.length && dir[c] != null) {
            // only after rewind(): the chunks are used again, in order
            current = dir[c];
            currentIndex = c;
            currentStart = n;
            currentCapacity = capacity;
            return;
        }
        Chunk k = new Chunk(time, capacity);
        if (c >= dir.length) {
            dir = java.util.Arrays.copyOf(dir, dir.length * 2);
            dir[c] = k;
            chunks = dir;
        } else {
            dir[c] = k;
        }
        current = k;
        currentIndex = c;
        currentStart = n;
        currentCapacity = capacity;
    }

    /** The current chunk, with wide columns for whichever of these values do not fit narrow ones. */
    private Chunk widen(int o, long d, int line, int cause, int detail) {
        Chunk k = current;
        boolean t = (d >>> 31) != 0 && k.wideTime == null;
        boolean l = (line >>> 16) != 0 && k.wideLine == null;
        boolean c = ((cause + 1) >>> 16) != 0 && k.wideCause == null;
        boolean s = ((detail + 1) >>> 16) != 0 && k.wideDetail == null;
        if (t || l || c || s) {
            k = new Chunk(k, o, t, l, c, s);
            // Published by the release of size below; a reader that still holds the old object
            // reads only events before this one, which it has.
            chunks[currentIndex] = k;
            current = k;
        }
        return k;
    }

    /**
     * Forgets every event but keeps the chunks, so a benchmark can record forever without
     * allocating. Only with no reader about, and the next times must again start from the
     * first one recorded (chunks keep their base time).
     */
    void rewind() {
        SIZE.setRelease(this, 0);
        current = chunks[0];
        currentIndex = current == null ? -1 : 0;
        currentStart = 0;
        currentCapacity = current == null ? 0 : FIRST_CHUNK;
        lastTime = Long.MIN_VALUE;
    }

    public int size() {
        return size;
    }

    private Chunk chunk(int i) {
        return chunks[ChunkLayout.chunk(i)];
    }

    private static int offset(int i) {
        return ChunkLayout.offset(i);
    }

    public long time(int i) {
        return chunk(i).time(offset(i));
    }

    public ThreadState state(int i) {
        return STATES[chunk(i).code(offset(i)) >>> REASON_BITS];
    }

    public Reason reason(int i) {
        return REASONS[chunk(i).code(offset(i)) & ((1 << REASON_BITS) - 1)];
    }

    /** Id of the thread that caused event {@code i}, or -1. */
    public int cause(int i) {
        return chunk(i).cause(offset(i));
    }

    /** String id of event {@code i}'s detail, or -1. */
    public int detail(int i) {
        return chunk(i).detail(offset(i));
    }

    /** Scenario source line of event {@code i}, or 0 when unknown. */
    public int line(int i) {
        return chunk(i).line(offset(i));
    }

    /**
     * The last event at or before {@code t} (the one whose span contains t), or -1 if t is
     * before the first event. Among events at the same time, the last one wins: zero-length
     * spans are passed through, as they are at an instant.
     */
    public int indexAt(long t) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The first event strictly after {@code t}, or size() if there is none. */
    public int indexAfter(long t) {
        return indexAt(t) + 1;
    }

    /** Whether the thread has died (its last event is DEAD). */
    public boolean isDead() {
        int n = size;
        return n > 0 && state(n - 1) == ThreadState.DEAD;
    }

    /** Bytes the store allocates when it appends event {@code index}: a new chunk, or nothing. */
    public static long bytesAllocatedAt(int index) {
        return ChunkLayout.startsChunk(index)
                ? CHUNK_OVERHEAD + (long) BYTES_PER_EVENT * ChunkLayout.capacity(ChunkLayout.chunk(index)) : 0;
    }
}
