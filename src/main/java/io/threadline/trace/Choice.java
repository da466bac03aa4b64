package io.threadline.trace;

import java.util.Arrays;

/**
 * One real choice the scheduler made: when, of which kind, among which threads (trace ids, in
 * the scheduler's own order), which one it took, and whether that is the one the run's own
 * order (FIFO or seeded) would have taken. A run is its seed plus the list of its picks.
 *
 * @param own whether the pick is the one the scenario's scheduling order makes by itself: a run
 *            is made again by the picks up to its last choice that is not its own
 */
public record Choice(long time, ChoiceKind kind, int[] candidates, int pick, boolean own) {
    public Choice {
        check(candidates.length, pick);
        candidates = candidates.clone();
    }

    /** Refuses a choice among fewer than two candidates, or a pick that is not one of them. */
    static void check(int candidates, int pick) {
        if (candidates < 2) {
            throw new IllegalArgumentException("a choice needs two candidates or more, got " + candidates);
        }
        if (pick < 0 || pick >= candidates) {
            throw new IllegalArgumentException("pick " + pick + " is not one of " + candidates + " candidates");
        }
    }

    /** The thread chosen. */
    public int chosen() {
        return candidates[pick];
    }

    public int size() {
        return candidates.length;
    }

    public int candidate(int i) {
        return candidates[i];
    }

    @Override
    public int[] candidates() {
        return candidates.clone();
    }

    /**
     * The pick that changes least: at a switch interval the running thread keeps going (the last
     * candidate), elsewhere the scheduler's first.
     */
    public int calmPick() {
        return kind == ChoiceKind.PREEMPT ? candidates.length - 1 : 0;
    }

    /**
     * Whether the pick took the core from a thread that could have gone on: at a switch interval,
     * any candidate but the last (the running thread itself).
     */
    public boolean preemption() {
        return kind == ChoiceKind.PREEMPT && pick != candidates.length - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Choice c && c.time == time && c.kind == kind && c.pick == pick && c.own == own
                && Arrays.equals(c.candidates, candidates);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(time) * 31 + kind.hashCode() * 17 + Arrays.hashCode(candidates) + pick;
    }

    @Override
    public String toString() {
        return kind.label() + "@" + time + " " + Arrays.toString(candidates) + "->" + pick + (own ? "" : "*");
    }
}
