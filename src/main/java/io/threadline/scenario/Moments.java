package io.threadline.scenario;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moments that tours and predictions look for across all lanes of a trace: the first
 * transition of a kind by any thread, who a thread woke, a printed line. Nothing found is
 * {@link #NONE} (time -1, thread -1).
 */
final class Moments {
    /** A transition or printed line: when, and which thread. */
    record Moment(long time, int thread) {
        boolean found() {
            return time >= 0;
        }
    }

    static final Moment NONE = new Moment(-1, -1);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Trace trace;

    Moments(Trace trace) {
        this.trace = trace;
    }

    /** The earliest transition into {@code state} for {@code reason} (any if null) by any thread, at or after {@code from}. */
    Moment first(ThreadState state, Reason reason, long from) {
        Moment best = NONE;
        for (int t = 0; t < trace.threadCount(); t++) {
            LaneColumns lane = trace.lane(t);
            for (int i = Math.max(0, lane.indexAt(from - 1) + 1); i < lane.size(); i++) {
                if (lane.state(i) == state && (reason == null || lane.reason(i) == reason)) {
                    if (!best.found() || lane.time(i) < best.time()) {
                        best = new Moment(lane.time(i), t);
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** The earliest transition of {@code thread} into {@code state}/{@code reason} at or after {@code from}. */
    Moment first(int thread, ThreadState state, Reason reason, long from) {
        if (thread < 0) {
            return NONE;
        }
        LaneColumns lane = trace.lane(thread);
        for (int i = Math.max(0, lane.indexAt(from - 1) + 1); i < lane.size(); i++) {
            if (lane.state(i) == state && (reason == null || lane.reason(i) == reason)) {
                return new Moment(lane.time(i), thread);
            }
        }
        return NONE;
    }

    /** Who caused the first transition of {@code thread} into {@code state}/{@code reason} at or after {@code from}, or -1. */
    int causeOf(int thread, ThreadState state, Reason reason, long from) {
        if (thread < 0) {
            return -1;
        }
        LaneColumns lane = trace.lane(thread);
        for (int i = Math.max(0, lane.indexAt(from - 1) + 1); i < lane.size(); i++) {
            if (lane.state(i) == state && (reason == null || lane.reason(i) == reason)) {
                return lane.cause(i);
            }
        }
        return -1;
    }

    /** The earliest wake-up caused by {@code cause} at or after {@code from} of a thread that waited for {@code waited}. */
    Moment firstWokenBy(int cause, Reason waited, long from) {
        Moment best = NONE;
        for (int t = 0; t < trace.threadCount(); t++) {
            LaneColumns lane = trace.lane(t);
            for (int i = Math.max(1, lane.indexAt(from - 1) + 1); i < lane.size(); i++) {
                if (lane.reason(i) == Reason.WOKEN && lane.cause(i) == cause && lane.reason(i - 1) == waited) {
                    if (!best.found() || lane.time(i) < best.time()) {
                        best = new Moment(lane.time(i), t);
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** Threads woken at exactly {@code time} by {@code cause} whose wait before was for {@code waited}. */
    List<Integer> wokenAt(long time, int cause, Reason waited) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < trace.threadCount(); t++) {
            LaneColumns lane = trace.lane(t);
            for (int i = Math.max(1, lane.indexAt(time - 1) + 1); i < lane.size() && lane.time(i) == time; i++) {
                if (lane.reason(i) == Reason.WOKEN && lane.cause(i) == cause && lane.reason(i - 1) == waited) {
                    out.add(t);
                    break;
                }
            }
        }
        return out;
    }

    /** Threads whose latest transition at or before {@code time} is into waiting for {@code reason}. */
    List<Integer> waitingAt(long time, Reason reason) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < trace.threadCount(); t++) {
            LaneColumns lane = trace.lane(t);
            int i = lane.indexAt(time);
            if (i >= 0 && lane.state(i) == ThreadState.WAITING && lane.reason(i) == reason) {
                out.add(t);
            }
        }
        return out;
    }

    /** The first line printed that starts with {@code prefix}. */
    Moment printed(String prefix) {
        OutputLine o = line(prefix);
        return o == null ? NONE : new Moment(o.time(), o.thread());
    }

    /** The first line printed that contains {@code part}, at or after {@code from}. */
    Moment printedContaining(String part, long from) {
        for (OutputLine o : trace.output()) {
            if (o.time() >= from && o.text().contains(part)) {
                return new Moment(o.time(), o.thread());
            }
        }
        return NONE;
    }

    /** The first line printed that starts with {@code prefix}, or null. */
    OutputLine line(String prefix) {
        for (OutputLine o : trace.output()) {
            if (o.text().startsWith(prefix)) {
                return o;
            }
        }
        return null;
    }

    /** The {@code n}th number (from 0) in the first line starting with {@code prefix}, or NaN. */
    double number(String prefix, int n) {
        OutputLine o = line(prefix);
        if (o == null) {
            return Double.NaN;
        }
        Matcher m = NUMBER.matcher(o.text().substring(prefix.length()));
        for (int k = 0; m.find(); k++) {
            if (k == n) {
                return Double.parseDouble(m.group());
            }
        }
        return Double.NaN;
    }

    /** The steps sorted by time (stable: steps at one instant keep their order), without steps not found. */
    static List<TourStep> inTimeOrder(List<TourStep> steps) {
        List<TourStep> out = new ArrayList<>();
        for (TourStep s : steps) {
            if (s.time() >= 0) {
                out.add(s);
            }
        }
        out.sort(java.util.Comparator.comparingLong(TourStep::time));
        return out;
    }

    String name(int thread) {
        return thread < 0 ? "?" : trace.thread(thread).name();
    }
}
