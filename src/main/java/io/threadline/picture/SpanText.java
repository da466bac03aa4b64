package io.threadline.picture;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadInfo;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.StringJoiner;

/** The words for what a lane shows: span labels and hover texts. */
public final class SpanText {
    private static final int LIST_LIMIT = 6;

    private SpanText() {
    }

    /** Label candidates for a span, longest first: the view writes the first that fits. */
    public static String[] labels(Trace trace, LaneColumns lane, int i) {
        ThreadState s = lane.state(i);
        Reason r = lane.reason(i);
        String detail = trace.string(lane.detail(i));
        return switch (s) {
            case WAITING -> new String[] {reason(r, detail), r.label(), word(r)};
            case RUNNABLE -> new String[] {"runnable (" + r.label() + ")", "runnable"};
            // a trace from another tool keeps its span's name as the detail of "running"
            case RUNNING -> detail == null || detail.isEmpty() ? new String[] {"running"}
                    : new String[] {detail, "running"};
            case NEW -> new String[] {"new (not started)", "new"};
            case DEAD -> new String[] {"dead"};
        };
    }

    /** The shortest word for a wait, for a box with room for little more: "put", "get", "lock". */
    public static String word(Reason r) {
        return switch (r) {
            case QUEUE_PUT -> "put";
            case QUEUE_GET -> "get";
            case QUEUE_JOIN -> "join";
            case CONDITION -> "cond";
            case SEMAPHORE -> "sem";
            case START_HANDSHAKE -> "start";
            case AWAIT_SLEEP -> "sleep";
            default -> r.label();
        };
    }

    /** "sleep 0.5 s", "join Olivia", "queue-get (queue)". */
    public static String reason(Reason r, String detail) {
        if (detail == null || detail.isEmpty() || r == Reason.NONE) {
            return r.label();
        }
        return switch (r) {
            case QUEUE_GET, QUEUE_PUT, QUEUE_JOIN, RESULT, LOCK, EVENT, CONDITION, SEMAPHORE ->
                    r.label() + " (" + detail + ")";
            default -> r.label() + " " + detail;
        };
    }

    /**
     * What one span is: thread, state and reason, start and duration, who caused it and who ended
     * it, and the program line.
     *
     * @param size    events in force (clipped at the horizon)
     * @param laneEnd end of the last span (death, or the horizon while alive)
     */
    public static String describeSpan(Trace trace, int thread, int i, int size, long laneEnd) {
        LaneColumns lane = trace.lane(thread);
        ThreadInfo info = trace.thread(thread);
        ThreadState s = lane.state(i);
        Reason r = lane.reason(i);
        String detail = trace.string(lane.detail(i));
        long start = lane.time(i);
        long end = i + 1 < size ? lane.time(i + 1) : laneEnd;
        StringJoiner out = new StringJoiner("\n");
        out.add(info.name() + " — " + headline(s, r, detail));
        boolean ongoing = i + 1 >= size && s != ThreadState.DEAD
                && (!trace.isFinished() || laneEnd < trace.endTime());
        out.add("start " + TimeText.seconds(start) + " · duration " + TimeText.duration(end - start)
                + (ongoing ? " so far" : ""));
        String because = own(trace, lane, i);
        if (because != null) {
            out.add(because);
        }
        if (i + 1 < size) {
            String ended = ending(trace, lane, i + 1);
            if (ended != null) {
                out.add(ended);
            }
        }
        if (lane.line(i) > 0) {
            out.add("program line " + lane.line(i));
        }
        return out.toString();
    }

    private static String headline(ThreadState s, Reason r, String detail) {
        return switch (s) {
            case WAITING -> r == Reason.NONE && (detail == null || detail.isEmpty())
                    ? "waiting: between the spans of the trace" : "waiting: " + reason(r, detail);
            case RUNNABLE -> "runnable: ready, no free core" + (r == Reason.NONE ? "" : " (" + r.label() + ")");
            case RUNNING -> r == Reason.NONE && detail != null && !detail.isEmpty() ? "running: " + detail
                    : "running on a core";
            case NEW -> "new: created, not started yet";
            case DEAD -> "dead";
        };
    }

    /** Who put the thread into the state of event i. */
    private static String own(Trace trace, LaneColumns lane, int i) {
        int c = lane.cause(i);
        if (c < 0) {
            return null;
        }
        String who = trace.thread(c).name();
        return switch (lane.reason(i)) {
            case CREATED -> "created by " + who;
            case STARTED -> "started by " + who;
            case WOKEN -> "woken by " + who;
            case PREEMPTED -> "preempted by " + who;
            default -> "caused by " + who;
        };
    }

    /** What ended the span: event {@code next}'s reason and cause. */
    private static String ending(Trace trace, LaneColumns lane, int next) {
        Reason r = lane.reason(next);
        int c = lane.cause(next);
        String at = " at " + TimeText.seconds(lane.time(next));
        String who = c >= 0 ? trace.thread(c).name() : null;
        return switch (r) {
            case WOKEN -> who != null ? "woken by " + who + at : "woken" + at;
            case TIMER -> "woken by its timer" + at;
            case TIMEOUT -> "timed out" + at;
            case PREEMPTED -> who != null ? "preempted by " + who + at : "preempted" + at;
            case KILLED -> "killed" + at + (who != null ? " (" + who + ")" : "");
            default -> null;
        };
    }

    /** The dotted ring of a thread that was new for no visible time. */
    public static String describeNewInstant(Trace trace, int thread) {
        LaneColumns lane = trace.lane(thread);
        String name = trace.thread(thread).name();
        long created = lane.time(0);
        long started = lane.size() > 1 ? lane.time(1) : created;
        int by = lane.cause(0);
        StringJoiner out = new StringJoiner("\n");
        out.add(name + " — new " + (started == created ? "for an instant" : "for " + TimeText.duration(started - created)));
        out.add("created" + (by >= 0 ? " by " + trace.thread(by).name() : "") + " at " + TimeText.seconds(created)
                + (started == created ? " and started at the same instant," : ", started at " + TimeText.seconds(started) + ",")
                + " so the new span is too short to see: this dotted ring marks it.");
        out.add("Until start() a thread is new: it exists, but is_alive() says False.");
        return out.toString();
    }

    /** How the thread ended, for a pointer on its end cap. */
    public static String describeDeath(Trace trace, int thread, int deadEvent) {
        LaneColumns lane = trace.lane(thread);
        ThreadInfo info = trace.thread(thread);
        Reason r = lane.reason(deadEvent);
        StringJoiner out = new StringJoiner("\n");
        out.add(info.name() + " — dead: " + r.label() + " at " + TimeText.seconds(lane.time(deadEvent)));
        String detail = trace.string(lane.detail(deadEvent));
        if (detail != null && !detail.isEmpty()) {
            out.add(detail);
        }
        int c = lane.cause(deadEvent);
        if (c >= 0) {
            out.add("because of " + trace.thread(c).name());
        }
        if (lane.line(deadEvent) > 0) {
            out.add("program line " + lane.line(deadEvent));
        }
        return out.toString();
    }

    /**
     * Several spans inside one pixel: the changes in order, or how many there are.
     *
     * @param from first span touching the pixel
     * @param to   last span starting in it
     */
    public static String describeMerged(Trace trace, int thread, int from, int to, double t0, double t1) {
        LaneColumns lane = trace.lane(thread);
        StringJoiner out = new StringJoiner("\n");
        String name = trace.thread(thread).name();
        int changes = to - from;
        if (changes <= LIST_LIMIT) {
            long at = lane.time(to);
            out.add(name + " — " + (changes == 1 ? "1 change" : changes + " changes") + " at "
                    + TimeText.seconds(at));
            StringJoiner seq = new StringJoiner(" → ");
            for (int e = from; e <= to; e++) {
                ThreadState s = lane.state(e);
                seq.add(s == ThreadState.WAITING ? "waiting: " + reason(lane.reason(e), trace.string(lane.detail(e)))
                        : s.label());
            }
            out.add(seq.toString());
            for (int e = from + 1; e <= to; e++) {
                String w = own(trace, lane, e);
                if (w != null) {
                    out.add(w);
                }
            }
            out.add("zoom in to see each one");
        } else {
            out.add(name + " — " + changes + " changes between " + TimeText.seconds((long) Math.floor(t0)) + " and "
                    + TimeText.seconds((long) Math.ceil(t1)));
            out.add("zoom in to see them one by one");
        }
        return out.toString();
    }
}
