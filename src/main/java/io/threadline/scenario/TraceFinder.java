package io.threadline.scenario;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

/** Small queries that tours and predictions ask of a trace; times are -1 when nothing is found. */
final class TraceFinder {
    private final Trace trace;

    TraceFinder(Trace trace) {
        this.trace = trace;
    }

    int thread(String name) {
        return trace.threadNamed(name);
    }

    /** Time of the first transition of {@code thread} into {@code state} (for any reason if null). */
    long first(int thread, ThreadState state, Reason reason) {
        return first(thread, state, reason, 0);
    }

    /** As {@link #first(int, ThreadState, Reason)}, at or after {@code from}. */
    long first(int thread, ThreadState state, Reason reason, long from) {
        if (thread < 0) {
            return -1;
        }
        LaneColumns lane = trace.lane(thread);
        for (int i = Math.max(0, lane.indexAt(from - 1) + 1); i < lane.size(); i++) {
            if (lane.state(i) == state && (reason == null || lane.reason(i) == reason)) {
                return lane.time(i);
            }
        }
        return -1;
    }

    /** The first thread (in creation order) with a transition into {@code state}/{@code reason}, or -1. */
    int firstThreadWith(ThreadState state, Reason reason) {
        long best = Long.MAX_VALUE;
        int who = -1;
        for (int t = 0; t < trace.threadCount(); t++) {
            long at = first(t, state, reason);
            if (at >= 0 && at < best) {
                best = at;
                who = t;
            }
        }
        return who;
    }

    /** The reason of the last transition of {@code thread}, e.g. how it died. */
    Reason lastReason(int thread) {
        LaneColumns lane = trace.lane(thread);
        return lane.size() == 0 ? Reason.NONE : lane.reason(lane.size() - 1);
    }

    long lastTime(int thread) {
        LaneColumns lane = trace.lane(thread);
        return lane.size() == 0 ? -1 : lane.time(lane.size() - 1);
    }

    /** Time of the first printed line starting with {@code prefix}. */
    long printed(String prefix) {
        for (OutputLine o : trace.output()) {
            if (o.text().startsWith(prefix)) {
                return o.time();
            }
        }
        return -1;
    }

    private static final String[] NUMBERS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve"};

    /** A number as a sentence says it: words up to twelve, digits above. */
    static String number(long n) {
        return n >= 0 && n < NUMBERS.length ? NUMBERS[(int) n] : Long.toString(n);
    }

    /** "one result", "four results". */
    static String count(long n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** A time as a lesson says it: to the millisecond, e.g. "4.006 s". */
    static String roughly(long micros) {
        return seconds(Math.round(micros / 1000.0) * 1000);
    }

    static String seconds(long micros) {
        double s = micros / 1e6;
        return (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + " s";
    }
}
