package io.threadline.trace;

import java.util.Arrays;

/**
 * A resource's lane as stretches and marks, what its picture draws: who holds it (a stretch per
 * holding, on a slot per permit in use at once), who waits for it (a stretch per wait), the items
 * it carries (a stretch from put to take, its text and who put and took it), an event's set
 * flag, an RLock's depth, and the moments something happens to it (forced switches, notifies,
 * passes, results, timeouts). Hand-overs pair a wake-up with the acquire it leads to. Built from
 * the lane's events in order and brought up to date as a live lane grows ({@link #update}); the
 * holders and waiters it shows are those of {@link ResourceState}, which applies the same events.
 */
public final class ResourceSpans {
    /** A release (or forced switch) that woke {@code thread}, which then took the resource. */
    public record Handover(long wokenAt, int by, int thread, long acquiredAt) {
    }

    private final ResourceKind kind;
    private final ResourceState state;
    private final SpanSet holds = new SpanSet();
    private final SpanSet waits = new SpanSet();
    private final SpanSet items = new SpanSet();
    private final SpanSet flag = new SpanSet();
    private int applied;
    // the holdings open now, in the state's holder order
    private int[] openHold = new int[4];
    private int openHolds;
    /** Per thread: its open wait, or -1. */
    private int[] openWait = new int[8];
    /** Per thread: who woke it and when, until it acquires (a hand-over), or -1. */
    private int[] wokenBy = new int[8];
    private long[] wokenAt = new long[8];
    private int flagSpan = -1;
    // marks: ops that change no one's place but are worth a tick
    private long[] markTime = new long[8];
    private byte[] markOp = new byte[8];
    private int[] markThread = new int[8];
    private int[] markArg = new int[8];
    private int marks;
    // an RLock's depth over time: (time, depth) at each change of its one holder's depth
    private long[] depthTime = new long[8];
    private int[] depthValue = new int[8];
    private int depths;
    private Handover[] handovers = new Handover[8];
    private int handoverCount;

    public ResourceSpans(ResourceKind kind) {
        this.kind = kind;
        this.state = new ResourceState(kind);
        Arrays.fill(openWait, -1);
        Arrays.fill(wokenBy, -1);
    }

    public ResourceKind kind() {
        return kind;
    }

    /** Applies the lane's events not yet seen (the first {@code size} of them); cheap when none are new. */
    public void update(ResourceColumns lane, int size) {
        for (int i = applied; i < size; i++) {
            apply(lane.op(i), lane.thread(i), lane.arg(i), lane.time(i));
        }
        applied = Math.max(applied, size);
    }

    /** Events applied so far. */
    public int applied() {
        return applied;
    }

    private void apply(ResourceOp op, int thread, int arg, long at) {
        state.apply(op, thread, arg, at);
        grow(thread);
        switch (op) {
            case ACQUIRE, RELEASE, DONE -> {
                if (op == ResourceOp.ACQUIRE) {
                    endWait(thread, at);
                    if (wokenBy[thread] >= 0) {
                        addHandover(new Handover(wokenAt[thread], wokenBy[thread], thread, at));
                    }
                    wokenBy[thread] = -1;
                }
                holders(at);
                if (kind.reentrant()) {
                    int d = state.holderCount() == 0 ? 0 : state.depth(0);
                    if (depths == 0 || depthValue[depths - 1] != d) {
                        addDepth(at, d);
                    }
                }
                if (op == ResourceOp.DONE) {
                    mark(op, thread, arg, at);
                }
            }
            case WAIT -> {
                endWait(thread, at);
                if (kind != ResourceKind.GIL) {
                    // woken and then beaten to it: the hand-over is the next wake-up's
                    wokenBy[thread] = -1;
                }
                openWait[thread] = waits.open(at, thread, arg);
            }
            case WOKEN, TIMEOUT, LEFT -> {
                endWait(thread, at);
                if (op == ResourceOp.WOKEN && kind.held() && arg >= 0) {
                    wokenBy[thread] = arg;
                    wokenAt[thread] = at;
                }
                if (op == ResourceOp.TIMEOUT) {
                    mark(op, thread, arg, at);
                }
            }
            case PUT -> items.open(at, thread, arg);
            case GET, DROP -> {
                if (arg >= 0 && arg < items.size()) {
                    items.close(arg, at, op == ResourceOp.GET ? thread : -1);
                }
            }
            case SET -> {
                if (flagSpan < 0) {
                    flagSpan = flag.open(at, thread, 0);
                }
            }
            case CLEAR -> {
                if (flagSpan >= 0) {
                    flag.close(flagSpan, at, thread);
                    flagSpan = -1;
                }
            }
            case FORCED -> {
                mark(op, thread, arg, at);
                // the asker takes the GIL next: a hand-over from the thread made to drop it
                if (arg >= 0) {
                    grow(arg);
                    wokenBy[arg] = thread;
                    wokenAt[arg] = at;
                }
            }
            case NOTIFY, PASS -> mark(op, thread, arg, at);
        }
    }

    /** Matches the state's holders to the open holdings: ended ones close, new ones open. */
    private void holders(long at) {
        int n = state.holderCount();
        boolean[] kept = new boolean[openHolds];
        int[] next = new int[Math.max(4, n)];
        for (int k = 0; k < n; k++) {
            int found = -1;
            for (int o = 0; o < openHolds && found < 0; o++) {
                int id = openHold[o];
                if (!kept[o] && holds.thread(id) == state.holder(k) && holds.start(id) == state.heldSince(k)) {
                    found = o;
                }
            }
            if (found >= 0) {
                kept[found] = true;
                next[k] = openHold[found];
            } else {
                next[k] = -1;
            }
        }
        for (int o = 0; o < openHolds; o++) {
            if (!kept[o]) {
                holds.close(openHold[o], at, -1);
            }
        }
        for (int k = 0; k < n; k++) {
            if (next[k] < 0) {
                next[k] = holds.open(state.heldSince(k), state.holder(k), 0);
            }
        }
        openHold = next;
        openHolds = n;
    }

    private void endWait(int thread, long at) {
        if (openWait[thread] >= 0) {
            waits.close(openWait[thread], at, -1);
            openWait[thread] = -1;
        }
    }

    private void grow(int thread) {
        if (thread >= openWait.length) {
            int n = Math.max(thread + 1, openWait.length * 2);
            int old = openWait.length;
            openWait = Arrays.copyOf(openWait, n);
            wokenBy = Arrays.copyOf(wokenBy, n);
            wokenAt = Arrays.copyOf(wokenAt, n);
            Arrays.fill(openWait, old, n, -1);
            Arrays.fill(wokenBy, old, n, -1);
        }
    }

    private void mark(ResourceOp op, int thread, int arg, long at) {
        if (marks == markTime.length) {
            int n = marks * 2;
            markTime = Arrays.copyOf(markTime, n);
            markOp = Arrays.copyOf(markOp, n);
            markThread = Arrays.copyOf(markThread, n);
            markArg = Arrays.copyOf(markArg, n);
        }
        markTime[marks] = at;
        markOp[marks] = (byte) op.ordinal();
        markThread[marks] = thread;
        markArg[marks] = arg;
        marks++;
    }

    private void addDepth(long at, int d) {
        if (depths == depthTime.length) {
            depthTime = Arrays.copyOf(depthTime, depths * 2);
            depthValue = Arrays.copyOf(depthValue, depths * 2);
        }
        depthTime[depths] = at;
        depthValue[depths] = d;
        depths++;
    }

    private void addHandover(Handover h) {
        if (handoverCount == handovers.length) {
            handovers = Arrays.copyOf(handovers, handoverCount * 2);
        }
        handovers[handoverCount++] = h;
    }

    /** Who holds it: a stretch per holding, a slot per permit in use at once. */
    public SpanSet holds() {
        return holds;
    }

    /** Who waits for it: a stretch per wait; {@link SpanSet#extra} is the {@link WaitRole} code. */
    public SpanSet waits() {
        return waits;
    }

    /** Its items, numbered in put order: put by {@link SpanSet#thread}, taken by {@link SpanSet#closer}; extra: the text's string id. */
    public SpanSet items() {
        return items;
    }

    /** An event's flag: a stretch per time it is set. */
    public SpanSet flag() {
        return flag;
    }

    public int markCount() {
        return marks;
    }

    public long markTime(int i) {
        return markTime[i];
    }

    public ResourceOp markOp(int i) {
        return ResourceOp.ofCode(markOp[i]);
    }

    public int markThread(int i) {
        return markThread[i];
    }

    public int markArg(int i) {
        return markArg[i];
    }

    /** The first mark at or after {@code t} (markCount if none). */
    public int firstMarkFrom(long t) {
        int lo = 0;
        int hi = marks;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (markTime[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** An RLock's depth at {@code t} (0: not held). */
    public int depthAt(long t) {
        int lo = 0;
        int hi = depths - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (depthTime[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? 0 : depthValue[found];
    }

    public int depthChanges() {
        return depths;
    }

    public long depthTime(int i) {
        return depthTime[i];
    }

    public int depthValue(int i) {
        return depthValue[i];
    }

    public int handoverCount() {
        return handoverCount;
    }

    public Handover handover(int i) {
        return handovers[i];
    }
}
