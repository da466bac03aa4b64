package io.threadline.trace;

/**
 * The transitions of one thread as columns of primitives: no object per event. One writer
 * (the thread's recorder) appends; readers may read concurrently up to {@link #size()}.
 * Event {@code i} starts a span in {@code state(i)} that lasts until {@code time(i + 1)}, or
 * for the last event until the lane's end (its death, or "now" while it lives).
 */
public final class LaneColumns {
    private static final int SHIFT = 10;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    /** One chunk of every column; allocated together so a chunk is one cache-friendly unit. */
    private static final class Chunk {
        final long[] time = new long[CHUNK];
        final byte[] state = new byte[CHUNK];
        final byte[] reason = new byte[CHUNK];
        final int[] cause = new int[CHUNK];
        final int[] detail = new int[CHUNK];
        final int[] line = new int[CHUNK];
    }

    private volatile Chunk[] chunks = new Chunk[1];
    private volatile int size;

    /**
     * Appends a transition.
     *
     * @param time   scenario time, microseconds; not before the previous event's
     * @param cause  id of the thread that caused it, or -1
     * @param detail id of a string in the trace's {@link StringTable}, or -1
     * @param line   scenario source line that made the call, or 0
     */
    public void append(long time, ThreadState state, Reason reason, int cause, int detail, int line) {
        int n = size;
        if (n > 0 && time < time(n - 1)) {
            throw new IllegalArgumentException("time goes backwards: " + time + " < " + time(n - 1));
        }
        Chunk[] dir = chunks;
        int c = n >>> SHIFT;
        if (c >= dir.length || dir[c] == null) {
            dir = ChunkDirectory.grow(dir, c, Chunk::new);
            chunks = dir;
        }
        Chunk k = dir[c];
        int o = n & MASK;
        k.time[o] = time;
        k.state[o] = (byte) state.ordinal();
        k.reason[o] = (byte) reason.ordinal();
        k.cause[o] = cause;
        k.detail[o] = detail;
        k.line[o] = line;
        size = n + 1;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return chunks[i >>> SHIFT].time[i & MASK];
    }

    public ThreadState state(int i) {
        return ThreadState.ofCode(chunks[i >>> SHIFT].state[i & MASK]);
    }

    public Reason reason(int i) {
        return Reason.ofCode(chunks[i >>> SHIFT].reason[i & MASK]);
    }

    /** Id of the thread that caused event {@code i}, or -1. */
    public int cause(int i) {
        return chunks[i >>> SHIFT].cause[i & MASK];
    }

    /** String id of event {@code i}'s detail, or -1. */
    public int detail(int i) {
        return chunks[i >>> SHIFT].detail[i & MASK];
    }

    /** Scenario source line of event {@code i}, or 0 when unknown. */
    public int line(int i) {
        return chunks[i >>> SHIFT].line[i & MASK];
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
}
