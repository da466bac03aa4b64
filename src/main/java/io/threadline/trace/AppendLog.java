package io.threadline.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only list with one writer and any number of concurrent readers. Elements live
 * in fixed chunks that never move, so a reader that has read {@link #size()} can read every
 * element below it without locks while the writer goes on appending.
 */
public final class AppendLog<T> {
    private static final int SHIFT = 8;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private volatile Object[][] chunks = new Object[4][];
    private volatile int size;

    public void add(T value) {
        int n = size;
        Object[][] dir = chunks;
        int c = n >>> SHIFT;
        if (c >= dir.length || dir[c] == null) {
            dir = ChunkDirectory.grow(dir, c, () -> new Object[CHUNK]);
            chunks = dir;
        }
        dir[c][n & MASK] = value;
        size = n + 1;
    }

    @SuppressWarnings("unchecked")
    public T get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return (T) chunks[i >>> SHIFT][i & MASK];
    }

    /** Replaces element {@code i} (a reader sees the old or the new one, never a torn one). */
    public void replace(int i, T value) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        chunks[i >>> SHIFT][i & MASK] = value;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** A copy of the elements present now. */
    public List<T> snapshot() {
        int n = size;
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(get(i));
        }
        return out;
    }
}
