package io.threadline.trace;

import java.util.function.IntFunction;

/**
 * Shared chunks that runs of values of varying length are copied into (a printed line's
 * characters, a choice's candidates): one writer reserves room and copies, readers find a run by
 * the {@link PoolPlace} it was given. Chunks never move; a run longer than a chunk gets one of its
 * own, and one that would straddle a chunk's end starts the next.
 *
 * @param <A> the chunk's array type ({@code char[]}, {@code int[]})
 */
final class ChunkPool<A> {
    private final IntFunction<A> newChunk;
    private final int chunkSize;
    private volatile A[] chunks;

    // writer side only
    private int current = -1;
    private int used;

    /** Chunks of {@code chunkSize} values (below {@link PoolPlace#WHOLE}), made by {@code newChunk}, in a directory from {@code newDirectory}. */
    ChunkPool(int chunkSize, IntFunction<A> newChunk, IntFunction<A[]> newDirectory) {
        this.chunkSize = chunkSize;
        this.newChunk = newChunk;
        this.used = chunkSize;
        this.chunks = newDirectory.apply(4);
    }

    /** Room for {@code length} values: where they go ({@link PoolPlace}); the caller copies them there. Writer side only. */
    long reserve(int length) {
        if (length > chunkSize) {
            int k = add(newChunk.apply(length));
            // the next run starts a fresh chunk: this one is full
            used = chunkSize;
            return PoolPlace.whole(k);
        }
        // (an empty run before any chunk still needs one to point into)
        if (current < 0 || used + length > chunkSize) {
            add(newChunk.apply(chunkSize));
            used = 0;
        }
        long at = PoolPlace.of(current, used, length);
        used += length;
        return at;
    }

    private int add(A chunk) {
        int k = current + 1;
        chunks = ChunkDirectory.grow(chunks, k, () -> chunk);
        current = k;
        return k;
    }

    /** The chunk a run placed at {@code at} is in. */
    A chunkOf(long at) {
        return chunks[PoolPlace.chunk(at)];
    }
}
