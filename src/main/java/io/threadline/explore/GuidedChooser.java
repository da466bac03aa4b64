package io.threadline.explore;

import io.threadline.runtime.ChoicePoint;
import io.threadline.runtime.Chooser;

/**
 * Takes the given picks at the given choice numbers and the calm pick everywhere else: the
 * running thread keeps its core at its switch interval, the scheduler's first candidate goes
 * elsewhere. A given pick that is no candidate there (the schedule came from another run) falls
 * back to the calm one.
 */
final class GuidedChooser implements Chooser {
    private final int[] at;
    private final int[] picks;
    private int next;

    GuidedChooser(int[] at, int[] picks) {
        this.at = at;
        this.picks = picks;
    }

    @Override
    public int choose(ChoicePoint point) {
        while (next < at.length && at[next] < point.number()) {
            next++;
        }
        if (next < at.length && at[next] == point.number() && picks[next] < point.size()) {
            return picks[next];
        }
        return point.calmPick();
    }
}
