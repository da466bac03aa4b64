package io.threadline.trace;

import java.util.Arrays;

/**
 * Stretches of time on rows ("slots"), each about a thread: a resource's holdings, its waits, the
 * items it carries. A stretch takes the lowest slot free when it begins, so stretches on one slot
 * never overlap and come in time order there: a frame finds the ones in view by binary search,
 * whatever the trace's length. A stretch still going on ends at {@link #OPEN}.
 */
public final class SpanSet {
    public static final long OPEN = Long.MAX_VALUE;

    private long[] start = new long[8];
    private long[] end = new long[8];
    private int[] thread = new int[8];
    private int[] extra = new int[8];
    private int[] closer = new int[8];
    private int[] slot = new int[8];
    private int count;
    /** Per slot: its stretches' ids in order, and how many. */
    private int[][] bySlot = new int[0][];
    private int[] slotCount = new int[0];
    private long[] slotEnd = new long[0];

    /** Opens a stretch from {@code at} about {@code thread}, with a meaning of the owner's ({@code extra}); its id. */
    int open(long at, int forThread, int data) {
        int s = 0;
        while (s < slotEnd.length && slotEnd[s] > at) {
            s++;
        }
        if (s == slotEnd.length) {
            slotEnd = Arrays.copyOf(slotEnd, s + 1);
            slotCount = Arrays.copyOf(slotCount, s + 1);
            bySlot = Arrays.copyOf(bySlot, s + 1);
            bySlot[s] = new int[8];
        }
        slotEnd[s] = OPEN;
        if (count == start.length) {
            int n = count * 2;
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            thread = Arrays.copyOf(thread, n);
            extra = Arrays.copyOf(extra, n);
            closer = Arrays.copyOf(closer, n);
            slot = Arrays.copyOf(slot, n);
        }
        start[count] = at;
        end[count] = OPEN;
        thread[count] = forThread;
        extra[count] = data;
        closer[count] = -1;
        slot[count] = s;
        if (slotCount[s] == bySlot[s].length) {
            bySlot[s] = Arrays.copyOf(bySlot[s], slotCount[s] * 2);
        }
        bySlot[s][slotCount[s]++] = count;
        return count++;
    }

    /** Ends stretch {@code id} at {@code at}; {@code by}: the thread that ended it (a taker), or -1. */
    void close(int id, long at, int by) {
        if (end[id] != OPEN) {
            return;
        }
        end[id] = at;
        closer[id] = by;
        // a stretch of no time gives its slot back at once; else it is free from its end on
        slotEnd[slot[id]] = at;
    }

    public int size() {
        return count;
    }

    public int slots() {
        return slotEnd.length;
    }

    public long start(int id) {
        return start[id];
    }

    /** Its end, or {@link #OPEN} while it goes on. */
    public long end(int id) {
        return end[id];
    }

    /** Its end, or {@code horizon} while it goes on. */
    public long endOr(int id, long horizon) {
        return end[id] == OPEN ? Math.max(start[id], horizon) : end[id];
    }

    public int thread(int id) {
        return thread[id];
    }

    public int extra(int id) {
        return extra[id];
    }

    /** The thread that ended it (the taker of an item), or -1. */
    public int closer(int id) {
        return closer[id];
    }

    public int slot(int id) {
        return slot[id];
    }

    public int slotSize(int s) {
        return slotCount[s];
    }

    /** The {@code k}-th stretch of slot {@code s}, in time order. */
    public int slotSpan(int s, int k) {
        return bySlot[s][k];
    }

    /** The index on slot {@code s} of its first stretch that ends at or after {@code t} (slotSize if none). */
    public int firstEndingFrom(int s, long t) {
        int lo = 0;
        int hi = slotCount[s];
        int[] ids = bySlot[s];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[ids[mid]] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index on slot {@code s} of its first stretch that starts after {@code t} (slotSize if none). */
    public int firstStartingAfter(int s, long t) {
        int lo = 0;
        int hi = slotCount[s];
        int[] ids = bySlot[s];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[ids[mid]] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The stretch of slot {@code s} going on at {@code t} (started at or before, not yet ended), or -1. */
    public int at(int s, long t) {
        int k = firstStartingAfter(s, t) - 1;
        if (k < 0) {
            return -1;
        }
        int id = bySlot[s][k];
        return end[id] > t || end[id] == OPEN ? id : -1;
    }
}
