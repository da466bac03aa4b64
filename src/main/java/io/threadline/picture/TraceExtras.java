package io.threadline.picture;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
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
    private final Map<String, Long> callStarts = new LinkedHashMap<>();
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

    /**
     * When the call behind {@code variant}'s results began, as the trace shows it: the moment the
     * receiving thread first waited for that call's results (its "result" wait names the call). A
     * class compares two calls by their times from here, not from the run's start: imap_unordered
     * called at 4 s with its first result at 6 s is 2 s, not 6 s. -1 where the trace does not say
     * (no result yet, or no wait names the call, as futures' waits name each future): its times
     * are then the run's.
     */
    public long callStart(String variant) {
        List<ResultMark> results = results(variant);
        if (results.isEmpty()) {
            return -1;
        }
        Long known = callStarts.get(variant);
        if (known != null) {
            return known;
        }
        ResultMark first = results.get(0);
        long start = -1;
        if (first.thread() >= 0 && first.thread() < trace.threadCount()) {
            LaneColumns lane = trace.lane(first.thread());
            int end = lane.indexAfter(first.time());
            for (int i = 0; i < end; i++) {
                if (lane.reason(i) == Reason.RESULT && lane.detail(i) >= 0
                        && variant.equals(trace.string(lane.detail(i)))) {
                    start = lane.time(i);
                    break;
                }
            }
        }
        // the first result is in, so its call's first wait is too: the answer stays
        callStarts.put(variant, start);
        return start;
    }

    /** The variants' call starts after the first one's, in order: where the run moves on to the next call. */
    public List<Long> laterCallStarts() {
        List<Long> out = new ArrayList<>();
        long first = Long.MAX_VALUE;
        for (String v : resultsByVariant.keySet()) {
            long s = callStart(v);
            if (s < 0) {
                continue;
            }
            if (first == Long.MAX_VALUE) {
                first = s;
            } else if (s > first) {
                out.add(s);
            }
        }
        return out;
    }

    public List<CounterTrack> counters() {
        return counters;
    }

    public long max(CounterTrack c) {
        long[] seen = maxima.get(c);
        return seen == null ? 0 : seen[1];
    }
}
