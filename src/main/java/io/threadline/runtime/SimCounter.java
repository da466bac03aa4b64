package io.threadline.runtime;

import io.threadline.trace.CounterTrack;

/** A value the program shows as a counter track under the lanes, such as a shared counter. */
public final class SimCounter {
    private final Scheduler s;
    private final CounterTrack track;
    private long value;

    SimCounter(Scheduler s, String name, long initial) {
        this.s = s;
        this.track = s.trace.counter(name);
        this.value = initial;
        track.add(s.now, initial);
    }

    /**
     * Declares the value this counter should end at ("4 threads × 3 rounds = 12"): the chart
     * draws it beside the value reached, so a lost update shows as a gap. Returns this counter.
     */
    public SimCounter expecting(long total) {
        track.expect(total);
        return this;
    }

    /** Records {@code v} as the value from now on. */
    public void set(long v) {
        s.enter();
        try {
            value = v;
            track.add(s.now, v);
        } finally {
            s.lock.unlock();
        }
    }

    /** Adds {@code delta} and records the new value. */
    public void add(long delta) {
        s.enter();
        try {
            value += delta;
            track.add(s.now, value);
        } finally {
            s.lock.unlock();
        }
    }

    public long get() {
        s.lock.lock();
        try {
            return value;
        } finally {
            s.lock.unlock();
        }
    }
}
