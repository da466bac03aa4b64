package io.threadline.ui.timeline;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one thread stands in its life at a moment: its state, and the transitions that brought it
 * there at the instant of its latest one. Many transitions share an instant (the runtime's clock
 * does not move while a thread is started or handed a core), so the latest one alone would hide
 * them: Olivia is new, runnable, running and waiting all at 0.000 s.
 *
 * @param thread the thread's id
 * @param time   the moment looked at (µs)
 * @param event  index of the thread's latest event at or before {@code time}; -1 before it was created
 * @param trail  the transitions at that event's instant, in order; the last one is the event itself
 */
public record ThreadMoment(int thread, long time, int event, List<Step> trail) {

    /**
     * One transition.
     *
     * @param from   the state left, or null for the thread's creation (into new)
     * @param to     the state entered
     * @param reason why (its label is the trace's word: sleep, join, woken, returned …)
     * @param detail what the reason is about ("Olivia", "0.5 s"), or null
     * @param cause  the thread that caused it, or -1
     * @param line   the program line that made the call, or 0
     * @param event  the event's index in its lane
     */
    public record Step(long time, ThreadState from, ThreadState to, Reason reason, String detail, int cause, int line,
                       int event) {
    }

    /** The thread's moment at {@code time}, from what the trace holds now (it may still grow). */
    public static ThreadMoment at(Trace trace, int thread, long time) {
        return at(trace, thread, time, Integer.MAX_VALUE);
    }

    /**
     * The thread's moment at {@code time}, its events no further than {@code lastEvent} (a cursor
     * stepping through an instant: Olivia is new before she is runnable, though both at 0 s).
     */
    public static ThreadMoment at(Trace trace, int thread, long time, int lastEvent) {
        LaneColumns lane = trace.lane(thread);
        int size = lane.size();
        int i = Math.min(Math.min(lane.indexAt(time), size - 1), lastEvent);
        if (i < 0) {
            return new ThreadMoment(thread, time, -1, List.of());
        }
        long at = lane.time(i);
        int first = i;
        while (first > 0 && lane.time(first - 1) == at) {
            first--;
        }
        List<Step> trail = new ArrayList<>(i - first + 1);
        for (int k = first; k <= i; k++) {
            trail.add(step(trace, lane, k));
        }
        return new ThreadMoment(thread, time, i, List.copyOf(trail));
    }

    /** Event {@code k} of a lane as a step. */
    public static Step step(Trace trace, LaneColumns lane, int k) {
        return new Step(lane.time(k), k == 0 ? null : lane.state(k - 1), lane.state(k), lane.reason(k),
                trace.string(lane.detail(k)), lane.cause(k), lane.line(k), k);
    }

    /** The state at the moment, or null if the thread did not exist yet. */
    public ThreadState state() {
        return trail.isEmpty() ? null : trail.get(trail.size() - 1).to();
    }

    /** The transition just taken (the latest), or null. */
    public Step last() {
        return trail.isEmpty() ? null : trail.get(trail.size() - 1);
    }
}
