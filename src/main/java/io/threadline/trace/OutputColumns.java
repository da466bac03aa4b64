package io.threadline.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines a program printed, kept as columns: each line's time and thread in arrays, its text
 * copied into shared character chunks. One writer appends; any number of readers read the lines
 * below {@link #size()} without locks, as with the event columns: chunks never move, and the size
 * is published with a release store after the line is complete.
 *
 * <p>Why not a list of {@link OutputLine}: a record, a String and its byte array per line were
 * three objects the collector copied and kept for every printed line. The 1,000,000-item
 * producer-consumer prints two lines an item, and keeping them so took a quarter of the run's
 * time (1.0 against 1.35 million events a second without them, most of it in collection pauses).
 * Here a line costs 21 bytes and two bytes a character, and no object until it is read.
 */
final class OutputColumns {
    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(OutputColumns.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int SHIFT = 10;
    private static final int LINES = 1 << SHIFT;
    private static final int MASK = LINES - 1;
    /** Characters per text chunk; a longer line gets a chunk of its own size. */
    static final int TEXT_CHUNK = 1 << 15;

    /** Per chunk of lines: its times. */
    private volatile long[][] times = new long[4][];
    /** Per chunk of lines: the printing thread's id. */
    private volatile int[][] threads = new int[4][];
    /** Per chunk of lines: 1 for an error report (stderr), else 0. */
    private volatile byte[][] errors = new byte[4][];
    /** Per chunk of lines: where each line's text is in the text chunks ({@link PoolPlace}). */
    private volatile long[][] where = new long[4][];
    /** The lines' characters. */
    private final ChunkPool<char[]> texts = new ChunkPool<>(TEXT_CHUNK, char[]::new, char[][]::new);
    private volatile int size;

    /** Appends a line; a null text is kept as an empty one. Writer side only. */
    void add(long time, int thread, String text, boolean error) {
        int n = size;
        int c = n >>> SHIFT;
        if (c >= times.length || times[c] == null) {
            times = ChunkDirectory.grow(times, c, () -> new long[LINES]);
            threads = ChunkDirectory.grow(threads, c, () -> new int[LINES]);
            errors = ChunkDirectory.grow(errors, c, () -> new byte[LINES]);
            where = ChunkDirectory.grow(where, c, () -> new long[LINES]);
        }
        int o = n & MASK;
        times[c][o] = time;
        threads[c][o] = thread;
        errors[c][o] = (byte) (error ? 1 : 0);
        where[c][o] = place(text == null ? "" : text);
        SIZE.setRelease(this, n + 1);
    }

    /** Copies {@code text} into the text chunks; returns where it is ({@link PoolPlace}). */
    private long place(String text) {
        long at = texts.reserve(text.length());
        text.getChars(0, text.length(), texts.chunkOf(at), PoolPlace.offset(at));
        return at;
    }

    int size() {
        return (int) SIZE.getAcquire(this);
    }

    OutputLine get(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(i + " of " + size());
        }
        int c = i >>> SHIFT;
        int o = i & MASK;
        return new OutputLine(times[c][o], threads[c][o], text(where[c][o]), errors[c][o] != 0);
    }

    private String text(long at) {
        char[] chunk = texts.chunkOf(at);
        return new String(chunk, PoolPlace.offset(at), PoolPlace.length(at, chunk.length));
    }

    /** The lines present now. */
    List<OutputLine> snapshot() {
        int n = size();
        List<OutputLine> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(get(i));
        }
        return out;
    }
}
