package io.threadline.runtime;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.StringTable;
import io.threadline.trace.WaitRole;

import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * Python's queue.Queue: put and get block (waiting: queue-put / queue-get) while the queue is
 * full or empty, task_done and join track unfinished items (waiting: queue-join). A woken
 * thread re-checks its condition, as Python's Condition-based queue does. Items may be null
 * (Python's None, the usual sentinel).
 */
public final class SimQueue<T> {
    private static final Object NONE = new Object();

    private final Scheduler s;
    private final String name;
    private final int capacity;
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private final ResourceRecorder resource;
    private final WaitList notEmpty;
    private final WaitList notFull;
    private final WaitList allDone;
    private final CounterTrack counter;
    /** A multiprocessing.Queue pickles what is put: the getter receives a copy. */
    private final boolean copying;
    private int unfinished;
    /** Items taken so far: the number of the next one to come out (items go in order). */
    private int taken;
    /** Python's str(), as the lane shows an item unless told otherwise. */
    private static final Function<Object, String> PYTHON_STR = PyText::of;
    private Function<Object, String> itemText = PYTHON_STR;

    SimQueue(Scheduler s, String name, int capacity, boolean tracked) {
        this(s, name, capacity, tracked, false);
    }

    SimQueue(Scheduler s, String name, int capacity, boolean tracked, boolean copying) {
        if (capacity < 0) {
            throw new PyError("ValueError", "capacity must be 0 (unbounded) or more, got " + capacity);
        }
        this.s = s;
        this.name = name;
        this.capacity = capacity;
        this.copying = copying;
        this.resource = new ResourceRecorder(s, ResourceKind.QUEUE, name, s.processOfCaller().id, capacity);
        this.notEmpty = new WaitList(resource, WaitRole.GET);
        this.notFull = new WaitList(resource, WaitRole.PUT);
        this.allDone = new WaitList(resource, WaitRole.JOIN);
        this.counter = tracked ? s.trace.counter(name + " length") : null;
        if (counter != null) {
            counter.add(s.now, 0);
        }
    }

    /** Puts an item, waiting while the queue is full. */
    public void put(T item) {
        put(item, -1);
    }

    /** Puts an item, waiting at most {@code seconds}; raises queue.Full when that runs out. */
    public void put(T item, double seconds) {
        put(item, Scheduler.micros(seconds));
    }

    private void put(T item, long timeout) {
        SimThread me = s.enter();
        try {
            long deadline = timeout < 0 ? -1 : s.now + timeout;
            while (capacity > 0 && items.size() >= capacity) {
                long left = deadline < 0 ? -1 : Math.max(0, deadline - s.now);
                if (!s.await(me, Reason.QUEUE_PUT, name, notFull, left)) {
                    throw new PyError("queue.Full", "");
                }
            }
            items.addLast(item == null ? NONE : copying ? ForkCopy.value(item) : item);
            recordPut(me, item);
            unfinished++;
            changed();
            s.wakeOne(notEmpty, me);
        } finally {
            s.lock.unlock();
        }
    }

    /** Takes the oldest item, waiting while the queue is empty. */
    public T get() {
        return get(-1);
    }

    /** Takes the oldest item, waiting at most {@code seconds}; raises queue.Empty when that runs out. */
    public T get(double seconds) {
        return get(Scheduler.micros(seconds));
    }

    private T get(long timeout) {
        SimThread me = s.enter();
        try {
            long deadline = timeout < 0 ? -1 : s.now + timeout;
            while (items.isEmpty()) {
                long left = deadline < 0 ? -1 : Math.max(0, deadline - s.now);
                if (!s.await(me, Reason.QUEUE_GET, name, notEmpty, left)) {
                    throw new PyError("queue.Empty", "");
                }
            }
            return takeLocked(me);
        } finally {
            s.lock.unlock();
        }
    }

    /** get_nowait(): the oldest item, or queue.Empty at once if there is none. */
    public T getNowait() {
        SimThread me = s.enter();
        try {
            if (items.isEmpty()) {
                throw new PyError("queue.Empty", "");
            }
            return takeLocked(me);
        } finally {
            s.lock.unlock();
        }
    }

    /** Takes the oldest item (there is one; lock held) and wakes a putter waiting for room. */
    @SuppressWarnings("unchecked")
    private T takeLocked(SimThread me) {
        Object item = items.pollFirst();
        resource.got(me, taken++);
        changed();
        s.wakeOne(notFull, me);
        return item == NONE ? null : (T) item;
    }

    /** Marks one item taken earlier as done; raises ValueError if more than were put. */
    public void taskDone() {
        SimThread me = s.enter();
        try {
            if (unfinished <= 0) {
                throw new PyError("ValueError", "task_done() called too many times");
            }
            unfinished--;
            if (unfinished == 0) {
                for (SimThread j : allDone.all()) {
                    s.wake(j, Reason.WOKEN, me);
                }
            }
        } finally {
            s.lock.unlock();
        }
    }

    /** Waits until every item put has been marked done. */
    public void join() {
        SimThread me = s.enter();
        try {
            while (unfinished > 0) {
                s.await(me, Reason.QUEUE_JOIN, name, allDone, -1);
            }
        } finally {
            s.lock.unlock();
        }
    }

    /** Visits the items not yet taken, oldest first (scheduler lock held). */
    @SuppressWarnings("unchecked")
    void forEachLocked(java.util.function.Consumer<T> visit) {
        for (Object o : items) {
            visit.accept(o == NONE ? null : (T) o);
        }
    }

    /** Appends an item without waiting (scheduler lock held, the queue unbounded) and wakes a getter. */
    void offerLocked(T item, SimThread by) {
        items.addLast(item == null ? NONE : item);
        recordPut(by, item);
        unfinished++;
        changed();
        s.wakeOne(notEmpty, by);
    }

    /** Items not yet taken (scheduler lock held). */
    int sizeLocked() {
        return items.size();
    }

    /** Drops every item not yet taken (scheduler lock held): a terminated pool's tasks. */
    void clearLocked(SimThread by) {
        for (int i = 0; i < items.size(); i++) {
            resource.dropped(by, taken++);
        }
        unfinished -= items.size();
        items.clear();
        changed();
    }

    public int size() {
        s.lock.lock();
        try {
            return items.size();
        } finally {
            s.lock.unlock();
        }
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public String name() {
        return name;
    }

    private void recordPut(SimThread by, T item) {
        if (itemText == PYTHON_STR && item instanceof Integer n && StringTable.numbered(n)) {
            // str() of a small int is its digits: the trace keeps the number, not a string made for it
            resource.putNumber(by, n);
        } else {
            resource.put(by, itemText.apply(item));
        }
    }

    /** How the queue's lane shows an item (Python's str() unless said otherwise). */
    void showItemsAs(Function<Object, String> text) {
        this.itemText = text;
    }

    private void changed() {
        if (counter != null) {
            counter.add(s.now, items.size());
        }
    }
}
