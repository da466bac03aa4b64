package io.threadline.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's multiprocessing.Array: a fixed-length array in shared memory, seen by every process,
 * with its lock (an RLock); each element read or write takes the lock for that moment, as
 * CPython's synchronized wrapper does.
 */
public final class SimArray<T> {
    private final Scheduler s;
    private final String name;
    private final String typecode;
    private final SimLock lock;
    private final Object[] items;

    SimArray(Scheduler s, String name, String typecode, List<T> initial) {
        this.s = s;
        this.name = name;
        this.typecode = typecode;
        this.lock = new SimLock(s, name + " lock", true);
        this.items = initial.toArray();
    }

    /** a[i]. */
    @SuppressWarnings("unchecked")
    public T get(int i) {
        return SharedMemory.read(s, lock, () -> (T) items[index(i)]);
    }

    /** a[i] = x. */
    public void set(int i, T x) {
        SharedMemory.write(s, lock, () -> items[index(i)] = x);
    }

    private int index(int i) {
        int k = i < 0 ? i + items.length : i;
        if (k < 0 || k >= items.length) {
            throw new PyError("IndexError", "invalid index");
        }
        return k;
    }

    public int length() {
        return items.length;
    }

    /** a[:] as a list. */
    @SuppressWarnings("unchecked")
    public List<T> toList() {
        return SharedMemory.read(s, lock, () -> {
            List<T> out = new ArrayList<>();
            for (Object o : items) {
                out.add((T) o);
            }
            return out;
        });
    }

    public SimLock getLock() {
        return lock;
    }

    /** Runs {@code body} holding the array's lock. */
    public void withLock(Runnable body) {
        lock.with(body);
    }

    public String name() {
        return name;
    }

    public String typecode() {
        return typecode;
    }
}
