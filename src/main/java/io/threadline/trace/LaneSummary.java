package io.threadline.trace;

import java.util.Arrays;

/**
 * How a lane's time splits among the states, in cells of fixed width at every power-of-two
 * resolution: a zoom pyramid. Zoomed far out, a pixel column of a lane then reads two or three
 * cells instead of every event under it, so drawing costs what the screen has, not what the
 * trace has. The finest cells hold about four events each; each level above merges pairs.
 *
 * <p>Owned by one reader (the view), which extends it as the lane grows: it covers the spans that
 * have ended (up to {@link #coveredUntil()}); the lane's open last span is the caller's to add.
 * Shares are stored in a byte per state and cell (255 = the whole cell), about two bytes an event
 * over all levels.
 */
public final class LaneSummary {
    /** States that have spans: NEW, RUNNABLE, RUNNING, WAITING (DEAD only ends a lane). */
    public static final int STATES = 4;
    private static final int FULL = 255;
    private static final int EVENTS_PER_CELL = 4;

    private final LaneColumns lane;
    private long origin;
    private int shift = -1;
    /** Level k: STATES shares per cell, cell c at [c * STATES, c * STATES + STATES). */
    private byte[][] levels = new byte[0][];
    /** Finished cells of level 0. */
    private int cells;
    /** Events whose spans are in the cells or in {@link #pending}. */
    private int spans;
    /** Time per state in the unfinished level-0 cell {@link #cells}. */
    private final double[] pending = new double[STATES];
    private boolean dead;

    public LaneSummary(LaneColumns lane) {
        this.lane = lane;
    }

    public LaneColumns lane() {
        return lane;
    }

    /** Brings the summary up to the lane's first {@code n} events. */
    public void update(int n) {
        if (n < 2 || dead) {
            return;
        }
        if (shift < 0 || n < spans) {
            rebuild(n);
            return;
        }
        long end = lane.time(n - 1);
        if (end - origin > ((long) EVENTS_PER_CELL * 4 * n + 4096) << shift) {
            // a long idle stretch since the cell width was chosen: start again with wider cells
            rebuild(n);
            return;
        }
        add(n);
    }

    private void rebuild(int n) {
        origin = lane.time(0);
        long span = Math.max(1, lane.time(n - 1) - origin);
        long width = Math.max(1, span * EVENTS_PER_CELL / n);
        shift = 63 - Long.numberOfLeadingZeros(width);
        levels = new byte[1][Math.max(64, (int) Math.min(1 << 24, (span >>> shift) + 2) * STATES)];
        cells = 0;
        spans = 0;
        dead = false;
        Arrays.fill(pending, 0);
        add(n);
    }

    /** Adds the spans of events [spans, n - 1), which have ended. */
    private void add(int n) {
        int firstCell = cells;
        for (int i = spans; i < n - 1; i++) {
            ThreadState s = lane.state(i);
            if (s == ThreadState.DEAD) {
                continue;
            }
            addSpan(lane.time(i), lane.time(i + 1), s.ordinal());
        }
        spans = Math.max(spans, n - 1);
        if (lane.state(n - 1) == ThreadState.DEAD) {
            // nothing follows a death: the last cell is complete as it is
            finishCell();
            spans = n;
            dead = true;
        }
        for (int k = 1; cells >> k > 0 || k < levels.length; k++) {
            merge(k, firstCell >> k, cells >> k);
            if (cells >> k == 0) {
                break;
            }
        }
    }

    private void addSpan(long from, long to, int state) {
        long t = from;
        while (t < to) {
            long cellEnd = origin + ((long) (cells + 1) << shift);
            if (t >= cellEnd) {
                finishCell();
                continue;
            }
            long until = Math.min(to, cellEnd);
            if (t == origin + ((long) cells << shift) && until == cellEnd && pendingEmpty()) {
                // a whole cell in one state: skip the accumulator
                ensure(0, cells + 1);
                levels[0][cells * STATES + state] = (byte) FULL;
                cells++;
                t = until;
                continue;
            }
            pending[state] += until - t;
            t = until;
            if (t == cellEnd) {
                finishCell();
            }
        }
    }

    private boolean pendingEmpty() {
        return pending[0] == 0 && pending[1] == 0 && pending[2] == 0 && pending[3] == 0;
    }

    private void finishCell() {
        ensure(0, cells + 1);
        double width = 1L << shift;
        for (int s = 0; s < STATES; s++) {
            levels[0][cells * STATES + s] = (byte) Math.round(pending[s] * FULL / width);
            pending[s] = 0;
        }
        cells++;
    }

    /** Recomputes cells [from, to) of level k from level k - 1 (only whole pairs). */
    private void merge(int k, int from, int to) {
        if (to <= from) {
            return;
        }
        ensure(k, to);
        byte[] below = levels[k - 1];
        byte[] here = levels[k];
        for (int c = from; c < to; c++) {
            for (int s = 0; s < STATES; s++) {
                int a = below[(2 * c) * STATES + s] & 0xff;
                int b = below[(2 * c + 1) * STATES + s] & 0xff;
                here[c * STATES + s] = (byte) ((a + b + 1) >> 1);
            }
        }
    }

    private void ensure(int k, int cellCount) {
        if (k >= levels.length) {
            levels = Arrays.copyOf(levels, k + 1);
            levels[k] = new byte[Math.max(64, cellCount * 2 * STATES)];
        }
        if (levels[k].length < cellCount * STATES) {
            levels[k] = Arrays.copyOf(levels[k], Math.max(cellCount * STATES, levels[k].length * 2));
        }
    }

    /** Width of the finest cells, microseconds; 0 before the first update with two events. */
    public long cellWidth() {
        return shift < 0 ? 0 : 1L << shift;
    }

    /** The end of the time the finished cells cover. */
    public long coveredUntil() {
        return shift < 0 ? Long.MIN_VALUE : origin + ((long) cells << shift);
    }

    /**
     * Adds to {@code out[state]} the time the lane spent in each state within [a, b), read from
     * cells no wider than half of it (a cell cut by an edge counts pro rata). Returns false, adding
     * nothing, if [a, b) is not inside the finished cells.
     */
    public boolean shares(double a, double b, double[] out) {
        if (shift < 0 || a < origin || b > coveredUntil() || b <= a) {
            return false;
        }
        int k = 0;
        while (k + 1 < levels.length && (double) (1L << (shift + k + 1)) * 2 <= b - a
                && (cells >> (k + 1)) > 0) {
            k++;
        }
        long width = 1L << (shift + k);
        int last = (int) Math.ceil((b - origin) / width) - 1;
        if (last >= cells >> k) {
            if (k == 0) {
                return false;
            }
            // the topmost cells at this level are not whole yet: read finer ones
            return sharesAt(0, a, b, out);
        }
        return sharesAt(k, a, b, out);
    }

    private boolean sharesAt(int k, double a, double b, double[] out) {
        long width = 1L << (shift + k);
        int first = (int) ((a - origin) / width);
        int last = (int) Math.ceil((b - origin) / width) - 1;
        if (last >= cells >> k) {
            return false;
        }
        byte[] lv = levels[k];
        for (int c = first; c <= last; c++) {
            double c0 = origin + (double) c * width;
            double overlap = Math.min(b, c0 + width) - Math.max(a, c0);
            if (overlap <= 0) {
                continue;
            }
            double f = overlap / FULL;
            for (int s = 0; s < STATES; s++) {
                out[s] += (lv[c * STATES + s] & 0xff) * f;
            }
        }
        return true;
    }
}
