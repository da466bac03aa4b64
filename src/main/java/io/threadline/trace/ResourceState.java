package io.threadline.trace;

import java.util.Arrays;

/**
 * A resource at one moment: who holds it (with depth and since when), who waits for it (in
 * order, with why and since when), the items it carries (in order, each with its number, text,
 * putter and the time it was put), an event's flag. Made by applying a lane's events in order
 * ({@link #apply}); a query returns a copy its caller owns.
 */
public final class ResourceState {
    private static final WaitRole[] ROLES = WaitRole.values();

    private final ResourceKind kind;
    private long time = Long.MIN_VALUE;
    private int events;

    private int[] holder = new int[2];
    private int[] depth = new int[2];
    private long[] held = new long[2];
    private int holders;

    private int[] waiter = new int[2];
    private byte[] role = new byte[2];
    private long[] waited = new long[2];
    private int waiters;

    // items in [head, head + items), in the order they will come out (put order)
    private int[] item = new int[0];
    private int[] itemText = new int[0];
    private int[] putter = new int[0];
    private long[] putAt = new long[0];
    private int head;
    private int items;
    private int puts;

    private boolean flag;
    private long flagSince;
    private int passes;
    private boolean done;
    private int result = -1;

    public ResourceState(ResourceKind kind) {
        this.kind = kind;
    }

    /** Applies one event; events come in lane order. */
    public void apply(ResourceOp op, int thread, int arg, long at) {
        time = at;
        events++;
        switch (op) {
            case ACQUIRE -> acquire(thread, arg, at);
            case RELEASE -> release(thread, arg);
            case WAIT -> addWaiter(thread, arg, at);
            case WOKEN, TIMEOUT, LEFT -> removeWaiter(thread);
            case SET -> {
                if (!flag) {
                    flagSince = at;
                }
                flag = true;
            }
            case CLEAR -> {
                if (flag) {
                    flagSince = at;
                }
                flag = false;
            }
            case PUT -> put(thread, arg, at);
            case GET, DROP -> take(arg);
            case PASS -> passes++;
            case DONE -> {
                release(thread, 0);
                done = true;
                result = arg;
            }
            case NOTIFY, FORCED -> {
                // marks on the lane; they change no one's place
            }
        }
    }

    private void acquire(int thread, int arg, long at) {
        removeWaiter(thread);
        if (kind.reentrant() || !kind.shared()) {
            int h = indexOf(holder, holders, thread);
            if (h >= 0) {
                depth[h] = Math.max(1, arg);
                return;
            }
        }
        if (holders == holder.length) {
            int n = Math.max(2, holders * 2);
            holder = Arrays.copyOf(holder, n);
            depth = Arrays.copyOf(depth, n);
            held = Arrays.copyOf(held, n);
        }
        holder[holders] = thread;
        depth[holders] = Math.max(1, arg);
        held[holders] = at;
        holders++;
    }

    private void release(int thread, int left) {
        if (holders == 0) {
            return;
        }
        int h = indexOf(holder, holders, thread);
        if (h < 0) {
            // a semaphore's permit (or a Lock) given back by another thread: the oldest one goes
            h = 0;
        }
        if (kind.reentrant() && left > 0) {
            depth[h] = left;
            return;
        }
        int tail = holders - h - 1;
        System.arraycopy(holder, h + 1, holder, h, tail);
        System.arraycopy(depth, h + 1, depth, h, tail);
        System.arraycopy(held, h + 1, held, h, tail);
        holders--;
    }

    private void addWaiter(int thread, int r, long at) {
        if (waiters == waiter.length) {
            int n = Math.max(2, waiters * 2);
            waiter = Arrays.copyOf(waiter, n);
            role = Arrays.copyOf(role, n);
            waited = Arrays.copyOf(waited, n);
        }
        waiter[waiters] = thread;
        role[waiters] = (byte) WaitRole.of(r).ordinal();
        waited[waiters] = at;
        waiters++;
    }

    private void removeWaiter(int thread) {
        int w = indexOf(waiter, waiters, thread);
        if (w < 0) {
            return;
        }
        int tail = waiters - w - 1;
        System.arraycopy(waiter, w + 1, waiter, w, tail);
        System.arraycopy(role, w + 1, role, w, tail);
        System.arraycopy(waited, w + 1, waited, w, tail);
        waiters--;
    }

    private void put(int thread, int text, long at) {
        if (head + items == item.length) {
            if (head > 0 && head >= items) {
                // most of the array is taken items: move the rest to the front
                System.arraycopy(item, head, item, 0, items);
                System.arraycopy(itemText, head, itemText, 0, items);
                System.arraycopy(putter, head, putter, 0, items);
                System.arraycopy(putAt, head, putAt, 0, items);
                head = 0;
            } else {
                int n = Math.max(4, item.length * 2);
                item = Arrays.copyOf(item, n);
                itemText = Arrays.copyOf(itemText, n);
                putter = Arrays.copyOf(putter, n);
                putAt = Arrays.copyOf(putAt, n);
            }
        }
        int k = head + items;
        item[k] = puts++;
        itemText[k] = text;
        putter[k] = thread;
        putAt[k] = at;
        items++;
    }

    private void take(int number) {
        if (items > 0 && item[head] == number) {
            head++;
            items--;
            return;
        }
        for (int k = head + 1; k < head + items; k++) {
            if (item[k] == number) {
                int tail = head + items - k - 1;
                System.arraycopy(item, k + 1, item, k, tail);
                System.arraycopy(itemText, k + 1, itemText, k, tail);
                System.arraycopy(putter, k + 1, putter, k, tail);
                System.arraycopy(putAt, k + 1, putAt, k, tail);
                items--;
                return;
            }
        }
    }

    private static int indexOf(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Back to the state before any event (benchmarks rewind their lanes). */
    void clear() {
        time = Long.MIN_VALUE;
        events = 0;
        holders = 0;
        waiters = 0;
        head = 0;
        items = 0;
        puts = 0;
        flag = false;
        flagSince = 0;
        passes = 0;
        done = false;
        result = -1;
    }

    /** A copy, trimmed to what it holds. */
    public ResourceState copy() {
        ResourceState c = new ResourceState(kind);
        c.time = time;
        c.events = events;
        c.holder = Arrays.copyOf(holder, holders);
        c.depth = Arrays.copyOf(depth, holders);
        c.held = Arrays.copyOf(held, holders);
        c.holders = holders;
        c.waiter = Arrays.copyOf(waiter, waiters);
        c.role = Arrays.copyOf(role, waiters);
        c.waited = Arrays.copyOf(waited, waiters);
        c.waiters = waiters;
        c.item = Arrays.copyOfRange(item, head, head + items);
        c.itemText = Arrays.copyOfRange(itemText, head, head + items);
        c.putter = Arrays.copyOfRange(putter, head, head + items);
        c.putAt = Arrays.copyOfRange(putAt, head, head + items);
        c.head = 0;
        c.items = items;
        c.puts = puts;
        c.flag = flag;
        c.flagSince = flagSince;
        c.passes = passes;
        c.done = done;
        c.result = result;
        return c;
    }

    /** Bytes this state keeps: itself and its arrays (an estimate for memory budgets). */
    long bytes() {
        return 120 + 12 * 16L + 16L * holder.length + 13L * waiter.length + 20L * item.length;
    }

    // ---- reading

    public ResourceKind kind() {
        return kind;
    }

    /** Time of the last event applied (Long.MIN_VALUE before any). */
    public long time() {
        return time;
    }

    /** Events applied so far: the index of the next one. */
    public int events() {
        return events;
    }

    /** Threads holding it: one for a lock, up to the permits for a semaphore. */
    public int holderCount() {
        return holders;
    }

    /** The {@code i}-th holder, oldest first. */
    public int holder(int i) {
        return holder[check(i, holders)];
    }

    /** How often the {@code i}-th holder holds it (an RLock's depth), else 1. */
    public int depth(int i) {
        return depth[check(i, holders)];
    }

    /** When the {@code i}-th holder took it (its first acquire, for an RLock). */
    public long heldSince(int i) {
        return held[check(i, holders)];
    }

    /** Whether {@code thread} holds it. */
    public boolean holds(int thread) {
        return indexOf(holder, holders, thread) >= 0;
    }

    public int waiterCount() {
        return waiters;
    }

    /** The {@code i}-th waiter, in the wait list's order (first woken first). */
    public int waiter(int i) {
        return waiter[check(i, waiters)];
    }

    public WaitRole role(int i) {
        return ROLES[role[check(i, waiters)]];
    }

    /** When the {@code i}-th waiter began this wait. */
    public long waitingSince(int i) {
        return waited[check(i, waiters)];
    }

    /** The place of {@code thread} in the wait list, or -1. */
    public int waitIndex(int thread) {
        return indexOf(waiter, waiters, thread);
    }

    public int itemCount() {
        return items;
    }

    /** The {@code i}-th item's number (0 for the first put), in the order items come out. */
    public int itemNumber(int i) {
        return item[head + check(i, items)];
    }

    /** The {@code i}-th item's text, a string id of the trace. */
    public int itemText(int i) {
        return itemText[head + check(i, items)];
    }

    public int itemPutter(int i) {
        return putter[head + check(i, items)];
    }

    public long itemPutAt(int i) {
        return putAt[head + check(i, items)];
    }

    /** Items put so far. */
    public int puts() {
        return puts;
    }

    /** Whether an event's flag is set. */
    public boolean isSet() {
        return flag;
    }

    /** Since when the flag is as it is (its last change). */
    public long flagSince() {
        return flagSince;
    }

    /** Times a barrier let its parties through. */
    public int passes() {
        return passes;
    }

    /** Whether a future's result is set. */
    public boolean done() {
        return done;
    }

    /** A future's result text (string id), or -1. */
    public int result() {
        return result;
    }

    private static int check(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(i + " of " + n);
        }
        return i;
    }
}
