package io.threadline.ui.teach;

import io.threadline.scenario.TourStep;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The moments any finished run has, for a program without a tour of its own (a user's program):
 * each thread's first wait for something another thread does, and who or what ended it; each
 * thread that ended by raising; how the run ended. Every word is read from the trace.
 */
final class TraceMoments {
    /** A tour longer than this is no tour: the first waits of the first threads are kept. */
    static final int MAX = 12;
    /** Waits that wait for no other thread, and so tell little about how the threads meet. */
    private static final Set<Reason> ALONE = EnumSet.of(Reason.NONE, Reason.SLEEP, Reason.IO,
            Reason.START_HANDSHAKE);

    private TraceMoments() {
    }

    static List<TourStep> of(Trace t) {
        List<TourStep> waits = new ArrayList<>();
        List<TourStep> ends = new ArrayList<>();
        for (int th = 0, n = t.threadCount(); th < n; th++) {
            LaneColumns lane = t.lane(th);
            String name = Words.name(t, th);
            for (int i = 0; i < lane.size(); i++) {
                if (lane.state(i) == ThreadState.WAITING && !ALONE.contains(lane.reason(i))) {
                    waits.add(wait(t, th, lane, i, name));
                    break;
                }
            }
            int last = lane.size() - 1;
            if (last >= 0 && lane.state(last) == ThreadState.DEAD && lane.reason(last) == Reason.RAISED) {
                ends.add(new TourStep(lane.time(last), th, name + " raised",
                        // (the line of a death is where the runtime saw it end, not the raise)
                        name + " ended with an exception" + detail(t, lane, last)
                                + "; its traceback is in the output, in red."));
            }
        }
        waits.sort(Comparator.comparingLong(TourStep::time));
        List<TourStep> out = new ArrayList<>(waits.subList(0, Math.min(waits.size(), MAX - ends.size() - 1)));
        out.addAll(ends);
        out.sort(Comparator.comparingLong(TourStep::time));
        out.add(end(t));
        return out;
    }

    private static TourStep wait(Trace t, int th, LaneColumns lane, int i, String name) {
        String why = Words.reason(lane.reason(i), detailText(t, lane, i));
        StringBuilder note = new StringBuilder(name).append(" waits").append(at(lane.line(i))).append(": ")
                .append(why);
        int next = i + 1;
        if (next < lane.size()) {
            long waited = lane.time(next) - lane.time(i);
            note.append(", for ").append(Words.seconds(waited));
            Reason r = lane.reason(next);
            if (lane.cause(next) >= 0 && r == Reason.WOKEN) {
                note.append(", until ").append(Words.name(t, lane.cause(next))).append(" woke it");
            } else if (r == Reason.TIMEOUT) {
                note.append(", until its timeout");
            } else if (lane.state(next) == ThreadState.DEAD) {
                note.append(", until it was ").append(r.label());
            }
        } else {
            note.append(", to the end of the run");
        }
        return new TourStep(lane.time(i), th, name + " waits (" + lane.reason(i).label() + ")", note + ".");
    }

    private static TourStep end(Trace t) {
        RunOutcome o = t.outcome();
        String msg = t.outcomeMessage() == null ? "" : t.outcomeMessage();
        String title = switch (o) {
            case DEADLOCK -> "Deadlock";
            case TIME_LIMIT -> "The time limit";
            case FAILED -> "The run failed";
            case STOPPED -> "Stopped";
            default -> "The run ends";
        };
        String note = o == RunOutcome.COMPLETED ? "Every thread has ended, at " + Words.seconds(t.endTime()) + "."
                : msg.isEmpty() ? "At " + Words.seconds(t.endTime()) + "." : msg;
        return new TourStep(t.endTime(), -1, title, note);
    }

    private static String at(int line) {
        return line > 0 ? " at line " + line : "";
    }

    private static String detailText(Trace t, LaneColumns lane, int i) {
        int d = lane.detail(i);
        return d < 0 ? "" : t.string(d);
    }

    private static String detail(Trace t, LaneColumns lane, int i) {
        String d = detailText(t, lane, i);
        return d.isEmpty() ? "" : " (" + d + ")";
    }
}
