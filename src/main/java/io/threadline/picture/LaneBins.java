package io.threadline.picture;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.LaneSummary;
import io.threadline.trace.ThreadState;

/**
 * What one thread lane shows in each pixel column of the body, computed per column so the cost
 * follows the screen, not the trace: a column covered by one span is PURE (that span); a column
 * where two long spans meet goes to the one under its centre; a column where several spans start
 * (spans narrower than a pixel) is MIXED and shows the state that takes most of its time.
 * Columns where the thread did not exist, or had died, are EMPTY.
 */
public final class LaneBins {
    public static final byte EMPTY = 0;
    public static final byte PURE = 1;
    public static final byte MIXED = 2;

    /** Up to this many spans in a column are measured exactly; beyond, the column is sampled. */
    private static final int EXACT_LIMIT = 64;
    private static final int SAMPLES = 16;
    /** A lane with this many events or more, showing this many per column or more, is read from its summary. */
    private static final int DENSE_MIN_EVENTS = 4096;
    private static final int DENSE_PER_COLUMN = 8;
    private static final ThreadState[] STATES = ThreadState.values();
    /** Tie-break for MIXED columns: the more active state wins. */
    private static final int[] ACTIVITY = new int[STATES.length];

    static {
        ACTIVITY[ThreadState.RUNNING.ordinal()] = 4;
        ACTIVITY[ThreadState.RUNNABLE.ordinal()] = 3;
        ACTIVITY[ThreadState.WAITING.ordinal()] = 2;
        ACTIVITY[ThreadState.NEW.ordinal()] = 1;
    }

    private byte[] kind = new byte[0];
    private byte[] state = new byte[0];
    private int[] event = new int[0];
    private int[] changes = new int[0];
    private boolean[] instantRun = new boolean[0];
    private int width;
    private int size;
    private long laneEnd;
    private final double[] share = new double[STATES.length];
    /** The zoom pyramid of the lane last binned densely; kept, and extended as the lane grows. */
    private LaneSummary summary;
    // what the last binning read, to find a dense column's events when asked (hover)
    private LaneColumns binnedLane;
    private TimeScale binnedScale;
    private int binnedLast;

    /**
     * Bins a lane for the columns [0, width) of the scale.
     *
     * @param lane    the thread's events; only the first {@code size} are read
     * @param size    events to consider (a prefix: what existed when the frame began)
     * @param horizon time up to which the lane is drawn; a living thread extends to it
     */
    public void bin(LaneColumns lane, int size, long horizon, TimeScale scale, int width) {
        ensure(width);
        this.width = width;
        int n = Math.min(size, lastAtOrBefore(lane, size, horizon, 0) + 1);
        this.size = n;
        java.util.Arrays.fill(kind, 0, width, EMPTY);
        if (n == 0) {
            laneEnd = Long.MIN_VALUE;
            return;
        }
        long laneStart = lane.time(0);
        boolean dead = lane.state(n - 1) == ThreadState.DEAD;
        laneEnd = dead ? lane.time(n - 1) : horizon;
        // spans to draw are events [0, last]; the DEAD event only marks the end
        int last = dead ? n - 2 : n - 1;
        if (last < 0) {
            return;
        }
        binnedLane = lane;
        binnedScale = scale;
        binnedLast = last;
        LaneSummary dense = denseSummary(lane, n, scale, width);
        double minDense = dense == null ? Double.MAX_VALUE : 2.0 * dense.cellWidth();
        int prev = -1;
        for (int x = 0; x < width; x++) {
            double ta = scale.time(x);
            double tb = scale.time(x + 1);
            if (tb <= laneStart || ta >= laneEnd) {
                continue;
            }
            double a = Math.max(ta, laneStart);
            double b = Math.min(tb, laneEnd);
            if (b <= a) {
                continue;
            }
            double centre = (ta + tb) / 2;
            if (b - a >= minDense && denseColumn(x, dense, a, b, centre, laneStart)) {
                continue;
            }
            // fast path: the span of the previous column goes on through this one
            if (prev >= 0 && lane.time(prev) < a && (prev == last || lane.time(prev + 1) >= b)) {
                setPure(x, lane, prev, centre, laneStart);
                continue;
            }
            int cover = lastBefore(lane, last + 1, a, Math.max(prev, 0));
            int j = lastBefore(lane, last + 1, b, Math.max(cover, 0));
            int k = j - cover;
            if (k == 0) {
                if (cover >= 0) {
                    setPure(x, lane, cover, centre, laneStart);
                }
                prev = cover;
            } else if (k == 1) {
                int pick = centre >= lane.time(j) ? j : cover;
                if (pick < 0) {
                    prev = j;
                    continue;
                }
                setPure(x, lane, pick, centre, laneStart);
                prev = j;
            } else {
                mixed(x, lane, Math.max(cover, 0), j, last, a, b);
                changes[x] = k;
                prev = j;
            }
        }
    }

    /**
     * The summary to bin this lane from, or null when its events are few enough to read: far more
     * events than columns, and the lane long enough to be worth a summary.
     */
    private LaneSummary denseSummary(LaneColumns lane, int n, TimeScale scale, int width) {
        if (n < DENSE_MIN_EVENTS) {
            return null;
        }
        int from = Math.max(0, lastAtOrBefore(lane, n, (long) Math.floor(scale.start()), 0));
        int to = lastAtOrBefore(lane, n, (long) Math.ceil(scale.end()), from);
        if (to - from < (long) DENSE_PER_COLUMN * width) {
            return null;
        }
        if (summary == null || summary.lane() != lane) {
            summary = new LaneSummary(lane);
        }
        summary.update(n);
        return summary.cellWidth() > 0 ? summary : null;
    }

    /**
     * A column read from the summary: MIXED, in the state with most time (its event and count of
     * changes are found only if asked). False if the summary does not cover it yet.
     */
    private boolean denseColumn(int x, LaneSummary dense, double a, double b, double centre, long laneStart) {
        java.util.Arrays.fill(share, 0);
        if (!dense.shares(a, b, share) || centre < laneStart || centre >= laneEnd) {
            return false;
        }
        int dominant = 0;
        for (int s = 1; s < LaneSummary.STATES; s++) {
            if (share[s] > share[dominant] || (share[s] == share[dominant] && ACTIVITY[s] > ACTIVITY[dominant])) {
                dominant = s;
            }
        }
        kind[x] = MIXED;
        state[x] = (byte) dominant;
        event[x] = -1;
        changes[x] = -1;
        instantRun[x] = false;
        return true;
    }

    /** Finds the events of a column binned from the summary. */
    private void resolve(int x) {
        LaneColumns lane = binnedLane;
        double a = Math.max(binnedScale.time(x), lane.time(0));
        double b = Math.min(binnedScale.time(x + 1), laneEnd);
        int cover = lastBefore(lane, binnedLast + 1, a, 0);
        int j = lastBefore(lane, binnedLast + 1, b, Math.max(cover, 0));
        changes[x] = j - cover;
        event[x] = firstInState(lane, Math.max(cover, 0), j, state[x]);
    }

    private void setPure(int x, LaneColumns lane, int i, double centre, long laneStart) {
        if (centre < laneStart || centre >= laneEnd) {
            return;
        }
        kind[x] = PURE;
        state[x] = (byte) lane.state(i).ordinal();
        event[x] = i;
        changes[x] = 0;
        instantRun[x] = false;
    }

    /** A column where spans [from, to] meet: its look is the state with the most time in it. */
    private void mixed(int x, LaneColumns lane, int from, int to, int last, double a, double b) {
        java.util.Arrays.fill(share, 0);
        boolean instant = false;
        int best = -1;
        double bestShare = -1;
        if (to - from < EXACT_LIMIT) {
            long f = lane.time(from);
            for (int e = from; e <= to; e++) {
                long s = f;   // each span starts where the one before ended: one time read per span
                f = e < last ? lane.time(e + 1) : laneEnd;
                double overlap = Math.max(0, Math.min(f, b) - Math.max(s, a));
                int st = lane.state(e).ordinal();
                share[st] += overlap;
                if (f == s && st == ThreadState.RUNNING.ordinal()) {
                    instant = true;
                }
                if (overlap > bestShare) {
                    bestShare = overlap;
                    best = e;
                }
            }
        } else {
            // many spans in one pixel: sample the column instead of walking every span
            int lo = from;
            for (int s = 0; s < SAMPLES; s++) {
                double t = a + (b - a) * (s + 0.5) / SAMPLES;
                int e = Math.max(from, gallop(lane, to + 1, (long) Math.floor(t), lo));
                lo = e;
                share[lane.state(e).ordinal()] += 1;
                if (s == SAMPLES / 2) {
                    best = e;
                }
            }
        }
        int dominant = 0;
        for (int s = 1; s < share.length; s++) {
            if (share[s] > share[dominant] || (share[s] == share[dominant] && ACTIVITY[s] > ACTIVITY[dominant])) {
                dominant = s;
            }
        }
        kind[x] = MIXED;
        state[x] = (byte) dominant;
        // the event to describe is found only if asked (hover), unless the walk met it already
        event[x] = best >= 0 && lane.state(best).ordinal() == dominant ? best : -1;
        instantRun[x] = instant;
    }

    private static int firstInState(LaneColumns lane, int from, int to, int st) {
        for (int e = from; e <= Math.min(to, from + EXACT_LIMIT); e++) {
            if (lane.state(e).ordinal() == st) {
                return e;
            }
        }
        return from;
    }

    /** The last event among [lo, n) with time strictly before t (t may be fractional), or lo - 1. */
    private static int lastBefore(LaneColumns lane, int n, double t, int lo) {
        long bound = (long) Math.ceil(t) - 1;   // event times are whole µs: time < t ⇔ time ≤ ceil(t) - 1
        return gallop(lane, n, bound, lo);
    }

    /**
     * As {@link #lastAtOrBefore}, for an answer expected near {@code lo} (the next column's): probes
     * lo + 1, 2, 4 ... first, so the cost follows the distance, not the lane's length.
     */
    static int gallop(LaneColumns lane, int n, long t, int lo) {
        if (lo >= n || lane.time(lo) > t) {
            return lo - 1;
        }
        int good = lo;
        int step = 1;
        while (good + step < n && lane.time(good + step) <= t) {
            good += step;
            step <<= 1;
        }
        return lastAtOrBefore(lane, Math.min(n, good + step), t, good + 1);
    }

    /** The last event among [lo, n) with time ≤ t, or lo - 1 if none. */
    public static int lastAtOrBefore(LaneColumns lane, int n, long t, int lo) {
        int found = lo - 1;
        int hi = n - 1;
        int l = lo;
        while (l <= hi) {
            int mid = (l + hi) >>> 1;
            if (lane.time(mid) <= t) {
                found = mid;
                l = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private void ensure(int w) {
        if (kind.length < w) {
            int cap = Math.max(w, 256);
            kind = new byte[cap];
            state = new byte[cap];
            event = new int[cap];
            changes = new int[cap];
            instantRun = new boolean[cap];
        }
    }

    // ---- reading the result

    public int width() {
        return width;
    }

    /** Events of the lane considered in the last binning (clipped at the horizon). */
    public int size() {
        return size;
    }

    /** Where the lane ends: its death, or the horizon while it lives; MIN_VALUE if it has no events. */
    public long laneEnd() {
        return laneEnd;
    }

    public byte kind(int x) {
        return x < 0 || x >= width ? EMPTY : kind[x];
    }

    public ThreadState state(int x) {
        return kind(x) == EMPTY ? null : STATES[state[x]];
    }

    /** The span shown in column x (for MIXED, the longest one of the dominant state). */
    public int event(int x) {
        if (event[x] < 0 && kind(x) == MIXED) {
            resolve(x);
        }
        return event[x];
    }

    /** Spans that start inside a MIXED column. */
    public int changes(int x) {
        if (changes[x] < 0 && kind(x) == MIXED) {
            resolve(x);
        }
        return changes[x];
    }

    /** Whether a MIXED column holds a zero-length run: the thread ran for an instant of scenario time. */
    public boolean instantRun(int x) {
        return kind(x) == MIXED && instantRun[x];
    }
}
