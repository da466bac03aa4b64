package io.threadline.trace;

import java.util.Arrays;
import java.util.function.Supplier;

/** Grows the chunk directories of the column stores; chunks themselves are never copied. */
final class ChunkDirectory {
    private ChunkDirectory() {
    }

    /** Returns a directory (a copy when it must grow) in which chunk {@code c} exists. */
    static <A> A[] grow(A[] dir, int c, Supplier<A> newChunk) {
        A[] out = dir;
        if (c >= dir.length) {
            out = Arrays.copyOf(dir, Math.max(c + 1, dir.length * 2));
        }
        if (out[c] == null) {
            out[c] = newChunk.get();
        }
        return out;
    }
}
