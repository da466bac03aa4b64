package io.threadline.picture;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.ResultMark;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace's small side lists (pool results by variant, counters and their maxima) kept up to
 * date incrementally, so a frame never rescans what it has already seen.
 */
public final class TraceExtras {
    private final Trace trace;
    private final Map<String, List<ResultMark>> resultsByVariant = new LinkedHashMap<>();
    private int resultsSeen;
    private List<CounterTrack> counters = List.of();
    private final Map<CounterTrack, long[]> maxima = new IdentityHashMap<>();   // {samples seen, max}

    public TraceExtras(Trace trace) {
        this.trace = trace;
    }

    /** Takes in what the trace recorded since the last call; true if anything new arrived. */
    public boolean update() {
        boolean changed = false;
        List<ResultMark> all = trace.results();
        if (all.size() != resultsSeen) {
            for (int i = resultsSeen; i < all.size(); i++) {
                ResultMark r = all.get(i);
                resultsByVariant.computeIfAbsent(r.variant(), v -> new ArrayList<>()).add(r);
            }
            resultsSeen = all.size();
            changed = true;
        }
        List<CounterTrack> now = trace.counters();
        if (now.size() != counters.size()) {
            counters = now;
            changed = true;
        }
        for (CounterTrack c : counters) {
            long[] seen = maxima.computeIfAbsent(c, k -> new long[] {0, 0});
            int n = c.size();
            if (n != seen[0]) {
                for (int i = (int) seen[0]; i < n; i++) {
                    seen[1] = Math.max(seen[1], c.get(i).value());
                }
                seen[0] = n;
                changed = true;
            }
        }
        return changed;
    }

    /** Pool variants in the order they first delivered a result. */
    public List<String> variants() {
        return new ArrayList<>(resultsByVariant.keySet());
    }

    public List<ResultMark> results(String variant) {
        return resultsByVariant.getOrDefault(variant, List.of());
    }

    public List<CounterTrack> counters() {
        return counters;
    }

    public long max(CounterTrack c) {
        long[] seen = maxima.get(c);
        return seen == null ? 0 : seen[1];
    }
}
