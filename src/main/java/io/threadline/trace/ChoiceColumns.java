package io.threadline.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scheduler's real choices, kept as columns: each choice's time, kind, pick and whether it
 * was the run's own in arrays, its candidates copied into shared chunks of thread ids. One
 * writer appends; readers read the choices below {@link #size()} without locks (chunks never
 * move, the size is published with a release store after the choice is complete), and get each
 * as a {@link Choice} made when read.
 *
 * <p>Why not a list of {@link Choice}: the 1,000,000-item producer-consumer makes 1.5 million
 * choices (two producers and two consumers ready at once), and a record and its array kept for
 * each were 90 MB the collector copied while the run went on.
 */
final class ChoiceColumns {
    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(ChoiceColumns.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final ChoiceKind[] KINDS = ChoiceKind.values();
    private static final int SHIFT = 10;
    private static final int ROWS = 1 << SHIFT;
    private static final int MASK = ROWS - 1;
    /** Thread ids per chunk of candidates; a longer list gets a chunk of its own. */
    static final int IDS_CHUNK = 1 << 14;

    private volatile long[][] times = new long[4][];
    /** The kind's ordinal, plus 128 when the pick is the run's own. */
    private volatile byte[][] kinds = new byte[4][];
    private volatile int[][] picks = new int[4][];
    /** Where each choice's candidates are in the id chunks ({@link PoolPlace}). */
    private volatile long[][] where = new long[4][];
    private final ChunkPool<int[]> ids = new ChunkPool<>(IDS_CHUNK, int[]::new, int[][]::new);
    private volatile int size;

    /**
     * Appends a choice among the first {@code count} of {@code candidates} (copied: the caller may
     * use the array again). Writer side only.
     */
    void add(long time, ChoiceKind kind, int[] candidates, int count, int pick, boolean own) {
        Choice.check(count, pick);
        int n = size;
        int c = n >>> SHIFT;
        if (c >= times.length || times[c] == null) {
            times = ChunkDirectory.grow(times, c, () -> new long[ROWS]);
            kinds = ChunkDirectory.grow(kinds, c, () -> new byte[ROWS]);
            picks = ChunkDirectory.grow(picks, c, () -> new int[ROWS]);
            where = ChunkDirectory.grow(where, c, () -> new long[ROWS]);
        }
        int o = n & MASK;
        times[c][o] = time;
        kinds[c][o] = (byte) (kind.ordinal() | (own ? 0x80 : 0));
        picks[c][o] = pick;
        where[c][o] = place(candidates, count);
        SIZE.setRelease(this, n + 1);
    }

    private long place(int[] candidates, int count) {
        long at = ids.reserve(count);
        System.arraycopy(candidates, 0, ids.chunkOf(at), PoolPlace.offset(at), count);
        return at;
    }

    int size() {
        return (int) SIZE.getAcquire(this);
    }

    Choice get(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(i + " of " + size());
        }
        int c = i >>> SHIFT;
        int o = i & MASK;
        long at = where[c][o];
        int[] chunk = ids.chunkOf(at);
        int from = PoolPlace.offset(at);
        int[] candidates = Arrays.copyOfRange(chunk, from, from + PoolPlace.length(at, chunk.length));
        int k = kinds[c][o];
        return new Choice(times[c][o], KINDS[k & 0x7F], candidates, picks[c][o], (k & 0x80) != 0);
    }

    /** The choices present now. */
    List<Choice> snapshot() {
        int n = size();
        List<Choice> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(get(i));
        }
        return out;
    }
}
