package io.threadline.picture;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.OutputLine;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.Arrays;

/**
 * Every transition of a trace in one order across threads: the steps of the steps axis and of
 * stepping with ←/→. Transitions are in time order; those of one instant (Olivia new, runnable,
 * running and waiting at 0 s) keep their lane's order and are interleaved as the baton passed: a
 * thread goes on while it runs, and a transition caused by another thread follows that thread's
 * first transition of the instant. The trace records no order across lanes within an instant;
 * this one is the runtime's as far as the causes tell it.
 *
 * <p>Positions on the steps axis: step k is the column [k, k + 1); the moment just after it is
 * k + 0.5, and a time between two steps lies proportionally between their moments. Built for
 * what the trace held when made: a growing trace needs a new order once it has more events.
 */
public final class TransitionOrder {
    private final Trace trace;
    private final int count;
    private final int[] thread;
    private final int[] event;
    private final long[] time;
    private final int[][] stepOf;
    private final long end;
    // the last question about prints, asked again every frame while the cursor stands still
    private int cachedShown = -1;
    private int cachedLines;

    private TransitionOrder(Trace trace) {
        this.trace = trace;
        int lanes = trace.threadCount();
        int[] size = new int[lanes];
        long total = 0;
        stepOf = new int[lanes][];
        for (int i = 0; i < lanes; i++) {
            size[i] = trace.lane(i).size();
            stepOf[i] = new int[size[i]];
            total += size[i];
        }
        count = (int) Math.min(Integer.MAX_VALUE - 8, total);
        thread = new int[count];
        event = new int[count];
        time = new long[count];
        merge(size);
        end = Math.max(trace.endTime(), count == 0 ? 0 : time[count - 1]);
    }

    /** The order of what {@code trace} holds now. */
    public static TransitionOrder of(Trace trace) {
        return new TransitionOrder(trace);
    }

    /** Whether this order was made for {@code t} as it is now (no event added since). */
    public boolean current(Trace t) {
        return t == trace && t.eventCount() == count && Math.max(t.endTime(), end) == end;
    }

    private void merge(int[] size) {
        int lanes = size.length;
        int[] head = new int[lanes];
        // transitions each lane made in the instant being ordered, and which instant that is
        int[] madeNow = new int[lanes];
        long[] madeAt = new long[lanes];
        Arrays.fill(madeAt, Long.MIN_VALUE);
        int k = 0;
        int current = -1;
        int gaveWay = -1;
        long instant = Long.MIN_VALUE;
        while (k < count) {
            long now = Long.MAX_VALUE;
            for (int i = 0; i < lanes; i++) {
                if (head[i] < size[i]) {
                    now = Math.min(now, trace.lane(i).time(head[i]));
                }
            }
            if (now != instant) {
                // who held the baton before is no clue in a new instant: timers woke everyone at once
                instant = now;
                current = -1;
                gaveWay = -1;
            }
            int pick = -1;
            if (current >= 0 && at(current, head, size, now) && ready(current, head, size, now, madeNow, madeAt)) {
                pick = current;
            }
            if (pick < 0 && gaveWay >= 0) {
                // the thread that just gave the baton up: whom did it wake or start?
                for (int i = 0; i < lanes && pick < 0; i++) {
                    if (at(i, head, size, now) && trace.lane(i).cause(head[i]) == gaveWay
                            && ready(i, head, size, now, madeNow, madeAt)) {
                        pick = i;
                    }
                }
            }
            for (int i = 0; i < lanes && pick < 0; i++) {
                if (at(i, head, size, now) && ready(i, head, size, now, madeNow, madeAt)) {
                    pick = i;
                }
            }
            for (int i = 0; i < lanes && pick < 0; i++) {
                if (at(i, head, size, now)) {
                    pick = i;
                }
            }
            int e = head[pick]++;
            thread[k] = pick;
            event[k] = e;
            time[k] = now;
            stepOf[pick][e] = k;
            k++;
            if (madeAt[pick] != now) {
                madeAt[pick] = now;
                madeNow[pick] = 0;
            }
            madeNow[pick]++;
            ThreadState s = trace.lane(pick).state(e);
            if (s == ThreadState.WAITING || s == ThreadState.DEAD) {
                gaveWay = pick;
                current = -1;
            } else {
                current = pick;
            }
        }
    }

    private boolean at(int lane, int[] head, int[] size, long now) {
        return head[lane] < size[lane] && trace.lane(lane).time(head[lane]) == now;
    }

    /** A transition caused by another thread waits for that thread's first transition of the instant. */
    private boolean ready(int lane, int[] head, int[] size, long now, int[] madeNow, long[] madeAt) {
        int c = trace.lane(lane).cause(head[lane]);
        if (c < 0 || c == lane || c >= size.length) {
            return true;
        }
        return madeAt[c] == now && madeNow[c] > 0 || !at(c, head, size, now);
    }

    // ---- reading

    public Trace trace() {
        return trace;
    }

    /** Transitions in the order. */
    public int count() {
        return count;
    }

    public int thread(int step) {
        return thread[step];
    }

    /** The index of step {@code step}'s event in its thread's lane. */
    public int event(int step) {
        return event[step];
    }

    public long time(int step) {
        return time[step];
    }

    /** The step of event {@code e} of thread {@code t}. */
    public int step(int t, int e) {
        return stepOf[t][e];
    }

    /** Whether the order holds event {@code e} of thread {@code t}. */
    public boolean has(int t, int e) {
        return t >= 0 && t < stepOf.length && e >= 0 && e < stepOf[t].length;
    }

    /** Each event's step, for a thread (not to be changed). */
    int[] steps(int t) {
        return stepOf[t];
    }

    /*
     * Where a resource's moment goes on the steps axis. The trace keeps a resource's events by
     * time only, but each is something one thread did, and that thread's own transitions of the
     * instant say when in the instant it could: a take, a release or a put while it ran, a wait
     * where its lane turns to waiting, a wait's end where its lane turns back. Placed by time
     * alone, every such moment would fall after the whole instant, past the transitions it
     * caused (a hand-over's arrow would point backwards).
     */

    /** The first of thread {@code th}'s events at instant {@code t}, or -1 if it has none then. */
    private int firstEventAt(int th, long t) {
        if (th < 0 || th >= stepOf.length) {
            return -1;
        }
        LaneColumns lane = trace.lane(th);
        int i = Math.min(lane.indexAt(t), stepOf[th].length - 1);
        if (i < 0 || lane.time(i) != t) {
            return -1;
        }
        while (i > 0 && lane.time(i - 1) == t) {
            i--;
        }
        return i;
    }

    /**
     * What thread {@code th} did at {@code t} while it ran (took, released, put, set): inside the
     * column where it starts running at that instant; else, if its lane changes then, where it
     * stops running; else (it ran through the instant) before the instant's first step.
     */
    public double actionPosition(int th, long t) {
        int f = firstEventAt(th, t);
        if (f < 0) {
            int before = countUpTo(t - 1);
            return countUpTo(t) > before ? before : position(t);
        }
        LaneColumns lane = trace.lane(th);
        for (int i = f; i < stepOf[th].length && lane.time(i) == t; i++) {
            if (lane.state(i) == ThreadState.RUNNING) {
                return stepOf[th][i] + 0.5;
            }
        }
        return stepOf[th][f];
    }

    /** Where thread {@code th}'s wait that began at {@code t} begins: its turn to waiting then. */
    public double waitStartPosition(int th, long t) {
        int f = firstEventAt(th, t);
        if (f >= 0) {
            LaneColumns lane = trace.lane(th);
            for (int i = f; i < stepOf[th].length && lane.time(i) == t; i++) {
                if (lane.state(i) == ThreadState.WAITING) {
                    return stepOf[th][i];
                }
            }
        }
        return actionPosition(th, t);
    }

    /** Where thread {@code th}'s wait that ended at {@code t} ends: its first transition then. */
    public double waitEndPosition(int th, long t) {
        int f = firstEventAt(th, t);
        return f < 0 ? position(t) : stepOf[th][f];
    }

    /** Steps at or before {@code t}: all transitions of every instant up to it. */
    public int countUpTo(long t) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The index of thread {@code t}'s latest event among the first {@code shown} steps, or -1.
     * Cost: log of the thread's events.
     */
    public int lastEventShown(int t, int shown) {
        int[] s = stepOf[t];
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < shown) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /**
     * Output lines printed once the first {@code shown} steps happened. Prints carry a time but
     * no place among the transitions of their instant: a thread prints while it runs, so the
     * r-th stretch of one thread's lines at an instant comes with that thread's r-th
     * transition into running there (or its last, if it has fewer), and lines stay in order.
     */
    public int outputShown(int shown) {
        if (shown == cachedShown) {
            return cachedLines;
        }
        int out = linesShown(shown);
        cachedShown = shown;
        cachedLines = out;
        return out;
    }

    private int linesShown(int shown) {
        int n = trace.outputCount();
        if (shown >= count) {
            return countLinesUpTo(n, Long.MAX_VALUE);
        }
        if (shown <= 0) {
            return 0;
        }
        long at = time[shown - 1];
        int before = countLinesUpTo(n, at - 1);
        int out = before;
        int prevThread = -1;
        int lanes = trace.threadCount();
        int[] stretch = new int[lanes];
        // each lane is read once: its transitions into running at the instant, as lines ask for them
        int[] next = new int[lanes];
        int[] runs = new int[lanes];
        int[] lastRun = new int[lanes];
        Arrays.fill(next, -1);
        for (int i = before; i < n; i++) {
            OutputLine line = trace.outputLine(i);
            if (line.time() > at) {
                break;
            }
            int th = line.thread();
            if (th < 0 || th >= lanes || th >= stepOf.length) {
                out = i + 1;
                continue;
            }
            if (th != prevThread) {
                stretch[th]++;
                prevThread = th;
            }
            LaneColumns lane = trace.lane(th);
            if (next[th] < 0) {
                next[th] = lane.indexAt(at - 1) + 1;
                lastRun[th] = -1;
            }
            int limit = Math.min(lane.size(), stepOf[th].length);
            while (runs[th] < stretch[th] && next[th] < limit && lane.time(next[th]) == at) {
                if (lane.state(next[th]) == ThreadState.RUNNING) {
                    runs[th]++;
                    lastRun[th] = next[th];
                }
                next[th]++;
            }
            if (lastRun[th] >= 0 && stepOf[th][lastRun[th]] >= shown) {
                break;
            }
            out = i + 1;
        }
        return out;
    }

    private int countLinesUpTo(int n, long t) {
        return linesUpTo(trace, t, n);
    }

    /** Output lines among the first {@code count} printed at or before {@code t} (lines are in time order). */
    public static int linesUpTo(Trace trace, long t, int count) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (trace.outputLine(mid).time() <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---- positions on the steps axis

    /** The position of time {@code t}: the moment after the last step at or before it, and on toward the next. */
    public double position(double t) {
        if (count == 0) {
            return 0.5;
        }
        int j = countUpTo((long) Math.floor(t)) - 1;
        if (j < 0) {
            return 0.5;
        }
        long t0 = time[j];
        long t1 = j + 1 < count ? time[j + 1] : end;
        double frac = t1 > t0 ? Math.min(1, (t - t0) / (t1 - t0)) : 0;
        return j + 0.5 + frac;
    }

    /** The time at a position: the inverse of {@link #position(double)}. */
    public double timeAt(double p) {
        if (count == 0) {
            return 0;
        }
        int j = (int) Math.floor(p - 0.5);
        if (j < 0) {
            return time[0];
        }
        if (j >= count) {
            return end;
        }
        long t0 = time[j];
        long t1 = j + 1 < count ? time[j + 1] : end;
        return t0 + Math.min(1, p - j - 0.5) * (t1 - t0);
    }

    /** The end of what the order covers: the trace's end when it was made. */
    public long end() {
        return end;
    }
}
