package io.threadline.runtime;

import io.threadline.trace.ChoiceKind;

/**
 * A moment at which the scheduler has a real choice, as a {@link Chooser} sees it: its kind, its
 * number in the run, the time, and the candidate threads in the scheduler's own order. For
 * {@link ChoiceKind#PREEMPT} the last candidate is the running thread, which keeps its core.
 */
public final class ChoicePoint {
    private final ChoiceKind kind;
    private final int number;
    private final long time;
    private final SimThread[] candidates;
    /** Each candidate's line at this moment: its latest call into the runtime (taken under the lock). */
    private final int[] lines;
    int ownPick = -1;

    ChoicePoint(ChoiceKind kind, int number, long time, SimThread[] candidates) {
        this.kind = kind;
        this.number = number;
        this.time = time;
        this.candidates = candidates;
        this.lines = new int[candidates.length];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = candidates[i].line;
        }
    }

    public ChoiceKind kind() {
        return kind;
    }

    /** How many real choices came before this one in the run. */
    public int number() {
        return number;
    }

    /** Scenario time, in microseconds. */
    public long time() {
        return time;
    }

    public int size() {
        return candidates.length;
    }

    /** Candidate {@code i}'s thread id in the trace. */
    public int thread(int i) {
        return candidates[i].id;
    }

    public String name(int i) {
        return candidates[i].getName();
    }

    /** The scenario line candidate {@code i} is at (its latest runtime call), where it goes on if picked; 0 if unknown. */
    public int line(int i) {
        return lines[i];
    }

    /** The pick the run's own scheduling order (FIFO or seeded) makes here. */
    public int ownPick() {
        return ownPick;
    }

    /** The candidate that keeps going without a preemption: the running thread at a switch interval, else the first. */
    public int calmPick() {
        return kind == ChoiceKind.PREEMPT ? candidates.length - 1 : 0;
    }

    /** Whether picking {@code i} takes the core from a thread that could have gone on. */
    public boolean preempts(int i) {
        return kind == ChoiceKind.PREEMPT && i != candidates.length - 1;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind.label()).append(" #").append(number).append(" at ")
                .append(Scheduler.formatSeconds(time)).append(':');
        for (int i = 0; i < candidates.length; i++) {
            b.append(' ').append(i).append('=').append(candidates[i].getName());
        }
        return b.toString();
    }
}
