package io.threadline.trace;

/**
 * Where event {@code i} of a column store lives: chunks that never move, the first of 16
 * events, each twice the one before up to 4,096, then 4,096 each. Shared by the stores of
 * thread lanes and resource lanes, so a small lane costs little and a long one has few chunks.
 */
final class ChunkLayout {
    static final int FIRST_SHIFT = 4;
    static final int MAX_SHIFT = 12;
    /** Events in the first chunk. */
    static final int FIRST_CHUNK = 1 << FIRST_SHIFT;
    /** Events in every chunk from the tenth on. */
    static final int MAX_CHUNK = 1 << MAX_SHIFT;
    /** Events held by the growing chunks 0 .. GROWING_CHUNKS - 1 (16 + 32 + ... + 4,096). */
    static final int GROWING = (1 << (MAX_SHIFT + 1)) - (1 << FIRST_SHIFT);
    static final int GROWING_CHUNKS = MAX_SHIFT - FIRST_SHIFT + 1;

    private ChunkLayout() {
    }

    /** Events chunk {@code c} holds. */
    static int capacity(int c) {
        return c < GROWING_CHUNKS ? FIRST_CHUNK << c : MAX_CHUNK;
    }

    /** The chunk holding event {@code i}. */
    static int chunk(int i) {
        if (i >= GROWING) {
            return GROWING_CHUNKS + ((i - GROWING) >>> MAX_SHIFT);
        }
        return 31 - Integer.numberOfLeadingZeros((i >>> FIRST_SHIFT) + 1);
    }

    /** Event {@code i}'s place in its chunk. */
    static int offset(int i) {
        if (i >= GROWING) {
            return (i - GROWING) & (MAX_CHUNK - 1);
        }
        int c = 31 - Integer.numberOfLeadingZeros((i >>> FIRST_SHIFT) + 1);
        return i + FIRST_CHUNK - (FIRST_CHUNK << c);
    }

    /** Whether event {@code i} is the first of its chunk. */
    static boolean startsChunk(int i) {
        if (i >= GROWING) {
            return ((i - GROWING) & (MAX_CHUNK - 1)) == 0;
        }
        int c = 31 - Integer.numberOfLeadingZeros((i >>> FIRST_SHIFT) + 1);
        return i == (FIRST_CHUNK << c) - FIRST_CHUNK;
    }

    /** A chunk's narrow time offsets as absolute times: the first {@code n} of {@code cap}. */
    static long[] wideTimes(long base, int[] dt, int n, int cap) {
        long[] w = new long[cap];
        for (int o = 0; o < n; o++) {
            w[o] = base + dt[o];
        }
        return w;
    }

    /** The 16-bit field of a packed word at {@code shift}. */
    static int field(long packed, int shift) {
        return (int) (packed >>> shift) & 0xffff;
    }

    /**
     * A chunk's 16-bit field at {@code shift} of its packed words as ints, less {@code bias} (1
     * where the field keeps an id + 1 so that 0 means none): the first {@code n} of {@code cap}.
     */
    static int[] wideField(long[] packed, int shift, int bias, int n, int cap) {
        int[] w = new int[cap];
        for (int o = 0; o < n; o++) {
            w[o] = field(packed[o], shift) - bias;
        }
        return w;
    }
}
