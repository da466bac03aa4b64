package io.threadline.explore;

import io.threadline.trace.ChoiceList;
import io.threadline.trace.Trace;

import java.util.List;

/**
 * A schedule that meets the goal, shrunk to its fewest preemptions and choices changed from the
 * calm order, as a run: its trace (with every choice), and the moments that decided it.
 *
 * @param number      which schedule of the search first met the goal (1 for the first run)
 * @param preemptions threads made to give way at their switch interval
 * @param changed     choices that differ from the calm order (preemptions among them)
 * @param decisive    those choices' numbers in the run, in order
 * @param moments     what each decisive choice did, in words
 * @param minimal     no schedule with fewer preemptions, or as many and fewer changes, meets the goal
 *                    (every cheaper one was run); false when the shrinking ran out of its budget
 */
public record Finding(Trace trace, long number, int preemptions, int changed, List<Integer> decisive,
                      List<String> moments, boolean minimal) {

    /** The picks that make the run again ({@code run ID --choices ...}). */
    public int[] picks() {
        return ChoiceList.needed(trace);
    }

    /** "decided by: Thread-2 was preempted ..." or why no choice had to change. */
    public String decidedBy() {
        if (moments.isEmpty()) {
            return "no choice had to change: the calm schedule (no preemption, the scheduler's first pick) meets it";
        }
        if (moments.size() == 1) {
            return "decided by: " + moments.get(0);
        }
        StringBuilder b = new StringBuilder("decided by " + moments.size() + " choices: ");
        for (int i = 0; i < moments.size(); i++) {
            b.append(i == 0 ? "" : i == moments.size() - 1 ? ", then " : ", ").append(moments.get(i));
        }
        return b.toString();
    }

    /** "1 preemption, 1 choice changed". */
    public String cost() {
        return preemptions + " preemption" + (preemptions == 1 ? "" : "s") + ", " + changed + " choice"
                + (changed == 1 ? "" : "s") + " changed from the calm order";
    }
}
