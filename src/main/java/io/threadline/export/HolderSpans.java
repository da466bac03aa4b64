package io.threadline.export;

import io.threadline.trace.ResourceColumns;
import io.threadline.trace.ResourceState;

import java.util.Arrays;

/**
 * The stretches a resource is held, one per holding (from the acquire that made the thread a
 * holder to the release that ended it, or to the trace's end), in order of start, each on a slot:
 * the lowest one free when it began. A lock needs one slot; a semaphore as many as it ever had
 * permits in use at once. Other viewers draw them as slices, one track per slot, which never
 * overlap there.
 */
final class HolderSpans {
    private long[] start = new long[8];
    private long[] end = new long[8];
    private int[] holder = new int[8];
    private int[] slot = new int[8];
    private int count;
    private int slots;

    /** The holdings of the first {@code size} events of {@code lane}; those still going end at {@code traceEnd}. */
    static HolderSpans of(ResourceColumns lane, int size, long traceEnd) {
        HolderSpans h = new HolderSpans();
        ResourceState s = new ResourceState(lane.kind());
        // the holdings open now: their index in the arrays, in the state's holder order
        int[] open = new int[4];
        int openCount = 0;
        long[] slotEnd = new long[0];
        boolean[] matched = new boolean[4];
        int[] fresh = new int[4];
        for (int i = 0; i < size; i++) {
            lane.applyTo(s, i);
            long t = lane.time(i);
            // each holder entry is an open holding with its (thread, since), or a new one
            if (matched.length < openCount) {
                matched = new boolean[openCount * 2];
            }
            Arrays.fill(matched, 0, openCount, false);
            if (fresh.length < s.holderCount()) {
                fresh = new int[s.holderCount() * 2];
            }
            int freshCount = 0;
            for (int k = 0; k < s.holderCount(); k++) {
                int found = -1;
                for (int o = 0; o < openCount && found < 0; o++) {
                    int span = open[o];
                    if (!matched[o] && h.holder[span] == s.holder(k) && h.start[span] == s.heldSince(k)) {
                        found = o;
                    }
                }
                if (found >= 0) {
                    matched[found] = true;
                } else {
                    fresh[freshCount++] = k;
                }
            }
            int kept = 0;
            for (int o = 0; o < openCount; o++) {
                int span = open[o];
                if (matched[o]) {
                    open[kept++] = span;
                } else {
                    h.end[span] = t;
                    slotEnd[h.slot[span]] = t;
                }
            }
            openCount = kept;
            for (int f = 0; f < freshCount; f++) {
                int k = fresh[f];
                int free = 0;
                while (free < slotEnd.length && slotEnd[free] == Long.MAX_VALUE) {
                    free++;
                }
                if (free == slotEnd.length) {
                    slotEnd = Arrays.copyOf(slotEnd, free + 1);
                }
                slotEnd[free] = Long.MAX_VALUE;
                int span = h.add(s.heldSince(k), s.holder(k), free);
                if (openCount == open.length) {
                    open = Arrays.copyOf(open, openCount * 2);
                }
                open[openCount++] = span;
            }
        }
        for (int k = 0; k < openCount; k++) {
            h.end[open[k]] = traceEnd;
        }
        h.slots = slotEnd.length;
        return h;
    }

    private int add(long from, int thread, int onSlot) {
        if (count == start.length) {
            int n = count * 2;
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            holder = Arrays.copyOf(holder, n);
            slot = Arrays.copyOf(slot, n);
        }
        start[count] = from;
        holder[count] = thread;
        slot[count] = onSlot;
        return count++;
    }

    int size() {
        return count;
    }

    /** Tracks needed so that no two holdings on one overlap (at least 1). */
    int slots() {
        return Math.max(1, slots);
    }

    long start(int i) {
        return start[i];
    }

    long end(int i) {
        return end[i];
    }

    int holder(int i) {
        return holder[i];
    }

    int slot(int i) {
        return slot[i];
    }
}
