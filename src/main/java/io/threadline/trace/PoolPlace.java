package io.threadline.trace;

/**
 * Where a run of values (a printed line's characters, a choice's candidates) is in a store's
 * shared chunks, packed in a long: the chunk's index in the top 24 bits, the offset in the next
 * 20, the length in the low 20. A run too long for a shared chunk has a chunk of its own, and
 * its length is then that chunk's ({@link #WHOLE}).
 */
final class PoolPlace {
    /** The length of a run that fills a chunk of its own. */
    static final int WHOLE = 0xFFFFF;

    private PoolPlace() {
    }

    /** {@code length} values from {@code offset} of chunk {@code chunk}; shared chunks are shorter than {@link #WHOLE}. */
    static long of(int chunk, int offset, int length) {
        return ((long) chunk << 40) | ((long) offset << 20) | Math.min(length, WHOLE);
    }

    /** A chunk of its own, whole. */
    static long whole(int chunk) {
        return of(chunk, 0, WHOLE);
    }

    static int chunk(long at) {
        return (int) (at >>> 40);
    }

    static int offset(long at) {
        return (int) (at >>> 20) & WHOLE;
    }

    /** The run's length, given the length of its chunk. */
    static int length(long at, int chunkLength) {
        int n = (int) at & WHOLE;
        return n == WHOLE ? chunkLength : n;
    }
}
