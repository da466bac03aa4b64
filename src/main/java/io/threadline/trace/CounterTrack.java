package io.threadline.trace;

/** A named value that changes over time, such as a queue's length; drawn under the lanes. */
public final class CounterTrack {
    private final String name;
    private final AppendLog<CounterSample> samples = new AppendLog<>();
    /** The value the program says it should reach (a race's lost updates are measured against it), if any. */
    private volatile Long expected;

    public CounterTrack(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Declares the value the counter should end at: the chart draws it, so a shortfall is seen. */
    public void expect(long value) {
        expected = value;
    }

    /** The value the counter should end at, or null if the program named none. */
    public Long expected() {
        return expected;
    }

    public void add(long time, long value) {
        samples.add(new CounterSample(time, value));
    }

    public int size() {
        return samples.size();
    }

    public CounterSample get(int i) {
        return samples.get(i);
    }

    /** The value in force at time t (0 before the first sample). */
    public long valueAt(long t) {
        int lo = 0;
        int hi = samples.size() - 1;
        long value = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            CounterSample s = samples.get(mid);
            if (s.time() <= t) {
                value = s.value();
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return value;
    }

    /** The largest value the counter ever had. */
    public long max() {
        long m = 0;
        for (int i = 0, n = samples.size(); i < n; i++) {
            m = Math.max(m, samples.get(i).value());
        }
        return m;
    }
}
