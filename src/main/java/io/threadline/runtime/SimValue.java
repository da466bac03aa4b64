package io.threadline.runtime;

import io.threadline.trace.CounterTrack;

/**
 * Python's multiprocessing.Value: one value in shared memory, seen by every process, with its
 * lock (an RLock). As in CPython, reading or writing {@code value} takes the lock for that
 * moment only, so {@code v.set(v.get() + 1)} is two steps another process can come between;
 * {@code withLock} (Python's {@code with v.get_lock():}) makes them one. A whole number is drawn
 * as a counter track.
 */
public final class SimValue<T> {
    private final Scheduler s;
    private final String name;
    private final String typecode;
    private final SimLock lock;
    private final CounterTrack track;
    private T value;

    SimValue(Scheduler s, String name, String typecode, T initial) {
        this.s = s;
        this.name = name;
        this.typecode = typecode;
        this.lock = new SimLock(s, name + " lock", true);
        this.value = initial;
        this.track = initial instanceof Integer || initial instanceof Long ? s.trace.counter(name) : null;
        if (track != null) {
            s.lock.lock();
            try {
                track.add(s.now, ((Number) initial).longValue());
            } finally {
                s.lock.unlock();
            }
        }
    }

    /** Reads the value (v.value). */
    public T get() {
        return SharedMemory.read(s, lock, () -> value);
    }

    /** Writes the value (v.value = x). */
    public void set(T x) {
        SharedMemory.write(s, lock, () -> {
            value = x;
            if (track != null) {
                track.add(s.now, ((Number) x).longValue());
            }
        });
    }

    /** The value's lock (v.get_lock()). */
    public SimLock getLock() {
        return lock;
    }

    /** Runs {@code body} holding the value's lock: {@code with v.get_lock():}. */
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
