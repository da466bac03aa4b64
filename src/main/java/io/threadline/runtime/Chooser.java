package io.threadline.runtime;

import io.threadline.trace.ChoiceKind;

/**
 * Makes the scheduler's real choices: given a point with two or more candidate threads, says
 * which one goes on. Every such point of every primitive comes here, and nowhere else is a
 * scheduling decision made, so a run is its seed plus the list of picks, whoever made them.
 * Called with the scheduler's lock held, on the thread giving up the baton: it must not block.
 */
public interface Chooser {
    /** Returned by {@link #choose} to have the run wait until {@link Run#choose} answers. */
    int ASK = -1;

    /** The index of the candidate that goes on, from 0 to {@code point.size() - 1}, or {@link #ASK}. */
    int choose(ChoicePoint point);

    /**
     * A point of this kind had a single candidate, so there was nothing to choose. Only the
     * seeded order listens: it has always drawn a number there, and old seeds must keep their runs.
     */
    default void passed(ChoiceKind kind) {
    }
}
