package io.threadline.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The events of one resource as columns of primitives: no object per event. One writer (the
 * runtime, under its lock, or a trace file reader) appends; readers may read concurrently up to
 * {@link #size()}, as with {@link LaneColumns}, whose chunk layout this shares.
 *
 * <p>Layout (12 bytes an event): time as an int offset from the chunk's first event, and one
 * long packing the op (a byte), the thread + 1 (16 bits) and the argument (32 bits). A time or
 * thread that does not fit gives that chunk a wide column (a new chunk object sharing the
 * others, the narrow one copied in its constructor; readers holding the old object read only
 * older events). Every 256 events
 * the writer keeps a copy of the state before them, so the state at any time is a checkpoint
 * and at most 255 events applied to it.
 */
public final class ResourceColumns {
    /** Events between two checkpoints (a power of two). */
    static final int CHECKPOINT_SHIFT = 8;
    /** Bytes an event takes in a chunk without wide columns. */
    public static final int BYTES_PER_EVENT = 4 + 8;
    /** Bytes a chunk takes besides its events: the chunk object and two array headers. */
    public static final int CHUNK_OVERHEAD = 40 + 2 * 16;
    private static final ResourceOp[] OPS = ResourceOp.values();
    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(ResourceColumns.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Where a packed word keeps the thread + 1 and the argument (the low byte is the op). */
    private static final int THREAD_SHIFT = 8;
    private static final int ARG_SHIFT = 24;

    private static final class Chunk {
        final long base;
        final boolean narrow;
        final int[] dt;
        /** The op, thread + 1 and argument in one word (see {@link LaneColumns}: one store, not three). */
        final long[] packed;
        final long[] wideTime;
        /** Once a thread id does not fit 16 bits: the threads, and the packed word's bits for it are zero. */
        final int[] wideThread;

        Chunk(long base, int capacity) {
            this.base = base;
            narrow = true;
            dt = new int[capacity];
            packed = new long[capacity];
            wideTime = null;
            wideThread = null;
        }

        /** A copy of {@code k} with the flagged columns wide, holding its first {@code n} values. */
        Chunk(Chunk k, int n, boolean time, boolean th) {
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
            wideThread = th && k.wideThread == null ? ChunkLayout.wideField(packed, THREAD_SHIFT, 1, n, cap)
                    : k.wideThread;
        }

        long time(int o) {
            long[] w = wideTime;
            return w != null ? w[o] : base + dt[o];
        }

        int op(int o) {
            return (int) packed[o] & 0xff;
        }

        int thread(int o) {
            int[] w = wideThread;
            return w != null ? w[o] : ChunkLayout.field(packed[o], THREAD_SHIFT) - 1;
        }

        int arg(int o) {
            return (int) (packed[o] >>> ARG_SHIFT);
        }
    }

    private final ResourceKind kind;
    private volatile Chunk[] chunks = new Chunk[4];
    /** Written with release semantics by the one writer, after the event it publishes. */
    private volatile int size;
    private AppendLog<ResourceState> checkpoints = new AppendLog<>();

    // writer side only
    private final ResourceState live;
    private Chunk current;
    private int currentIndex = -1;
    private int currentStart;
    private int currentCapacity;
    private long lastTime = Long.MIN_VALUE;

    public ResourceColumns(ResourceKind kind) {
        this.kind = kind;
        this.live = new ResourceState(kind);
    }

    public ResourceKind kind() {
        return kind;
    }

    /**
     * Appends an event.
     *
     * @param time   scenario time, microseconds; not before the previous event's
     * @param thread the thread it is about (ids from 0)
     * @param arg    what the op says (see {@link ResourceOp})
     */
    public void append(long time, ResourceOp op, int thread, int arg) {
        if (time < lastTime) {
            throw new IllegalArgumentException("time goes backwards: " + time + " < " + lastTime);
        }
        if (thread < 0) {
            throw new IllegalArgumentException("no thread: " + thread);
        }
        int n = size;
        if ((n & ((1 << CHECKPOINT_SHIFT) - 1)) == 0) {
            checkpoints.add(live.copy());
        }
        int o = n - currentStart;
        if (o >= currentCapacity) {
            startChunk(n, time);
            o = 0;
        }
        Chunk k = current;
        long d = time - k.base;
        if (!k.narrow || (d >>> 31) != 0 || ((thread + 1) >>> 16) != 0) {
            k = widen(o, d, thread);
        }
        if (k.wideTime != null) {
            k.wideTime[o] = time;
        } else {
            k.dt[o] = (int) d;
        }
        long p = op.ordinal() | (arg & 0xffff_ffffL) << ARG_SHIFT;
        if (k.wideThread != null) {
            k.wideThread[o] = thread;
        } else {
            p |= (long) (thread + 1) << THREAD_SHIFT;
        }
        k.packed[o] = p;
        live.apply(op, thread, arg, time);
        lastTime = time;
        SIZE.setRelease(this, n + 1);
    }

    private void startChunk(int n, long time) {
        int c = currentIndex + 1;
        Chunk[] dir = chunks;
        if (c < dir.length && dir[c] != null) {
            // only after rewind(): the chunks are used again, in order
            current = dir[c];
        } else {
            Chunk k = new Chunk(time, ChunkLayout.capacity(c));
            if (c >= dir.length) {
                dir = java.util.Arrays.copyOf(dir, dir.length * 2);
                dir[c] = k;
                chunks = dir;
            } else {
                dir[c] = k;
            }
            current = k;
        }
        currentIndex = c;
        currentStart = n;
        currentCapacity = ChunkLayout.capacity(c);
    }

    private Chunk widen(int o, long d, int thread) {
        Chunk k = current;
        boolean t = (d >>> 31) != 0 && k.wideTime == null;
        boolean th = ((thread + 1) >>> 16) != 0 && k.wideThread == null;
        if (t || th) {
            k = new Chunk(k, o, t, th);
            // published by the release of size; a reader holding the old object reads only older events
            chunks[currentIndex] = k;
            current = k;
        }
        return k;
    }

    /**
     * Forgets every event but keeps the chunks, so a benchmark can record forever. Only with no
     * reader about, and the next times must again start from the first one recorded.
     */
    void rewind() {
        SIZE.setRelease(this, 0);
        current = chunks[0];
        currentIndex = current == null ? -1 : 0;
        currentStart = 0;
        currentCapacity = current == null ? 0 : ChunkLayout.FIRST_CHUNK;
        lastTime = Long.MIN_VALUE;
        checkpoints = new AppendLog<>();
        live.clear();
    }

    /** Bytes the store allocates when it appends event {@code index}: a new chunk, or nothing (checkpoints aside). */
    public static long bytesAllocatedAt(int index) {
        return ChunkLayout.startsChunk(index)
                ? CHUNK_OVERHEAD + (long) BYTES_PER_EVENT * ChunkLayout.capacity(ChunkLayout.chunk(index)) : 0;
    }

    /** Whether appending event {@code index} keeps a checkpoint (the state before it). */
    public static boolean checkpointsAt(int index) {
        return (index & ((1 << CHECKPOINT_SHIFT) - 1)) == 0;
    }

    /** Bytes the latest checkpoint keeps (its arrays and itself). */
    public long lastCheckpointBytes() {
        AppendLog<ResourceState> cps = checkpoints;
        return cps.isEmpty() ? 0 : cps.get(cps.size() - 1).bytes();
    }

    // ---- reading

    public int size() {
        return size;
    }

    private Chunk chunk(int i) {
        return chunks[ChunkLayout.chunk(i)];
    }

    public long time(int i) {
        return chunk(i).time(ChunkLayout.offset(i));
    }

    public ResourceOp op(int i) {
        return OPS[chunk(i).op(ChunkLayout.offset(i))];
    }

    public int thread(int i) {
        return chunk(i).thread(ChunkLayout.offset(i));
    }

    public int arg(int i) {
        return chunk(i).arg(ChunkLayout.offset(i));
    }

    /** The last event at or before {@code t}, or -1; among events at one time, the last. */
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

    /** The state after every event at or before {@code t}. */
    public ResourceState stateAt(long t) {
        return stateAfter(indexAt(t));
    }

    /** The state after events 0 .. {@code i} (-1: before any). */
    public ResourceState stateAfter(int i) {
        int n = Math.min(i + 1, size);
        int k = n >>> CHECKPOINT_SHIFT;
        AppendLog<ResourceState> cps = checkpoints;
        if (k >= cps.size()) {
            k = cps.size() - 1;
        }
        if (k < 0) {
            return new ResourceState(kind);
        }
        ResourceState s = cps.get(k).copy();
        for (int e = k << CHECKPOINT_SHIFT; e < n; e++) {
            s.apply(op(e), thread(e), arg(e), time(e));
        }
        return s;
    }

    /**
     * A state to walk forward from: after events 0 .. {@code i}, which the caller then moves on
     * with {@link #applyTo} (drawing walks a window's events this way).
     */
    public void applyTo(ResourceState s, int i) {
        s.apply(op(i), thread(i), arg(i), time(i));
    }
}
