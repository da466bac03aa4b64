package io.threadline.explore;

import io.threadline.scenario.SearchGoal;

import java.util.Locale;

/**
 * What a search did: which strategy ran, how many schedules it covered, whether it covered all
 * its space, and the schedule it found, if any.
 *
 * @param complete every schedule the strategy allows was run (an exhaustive search within its bound)
 * @param found    the simplest schedule found that meets the goal, or null
 */
public record Exploration(SearchGoal goal, Strategy strategy, long schedules, boolean complete, boolean cancelled,
                          Finding found, long nanos) {

    public boolean isFound() {
        return found != null;
    }

    /** One sentence: what was found in how many schedules, or that nothing was, with the numbers. */
    public String summary() {
        String time = seconds(nanos);
        if (found != null) {
            return "found " + goal.what() + " in schedule " + count(found.number()) + " of the search ("
                    + strategy.describe() + "; " + count(schedules) + " run" + (schedules == 1 ? "" : "s") + ", "
                    + time + ")";
        }
        String tried;
        if (strategy instanceof Strategy.Exhaustive e) {
            String bound = "at most " + e.bound() + " preemption" + (e.bound() == 1 ? "" : "s");
            tried = complete
                    ? "all " + count(schedules) + " schedule" + (schedules == 1 ? "" : "s") + " with " + bound
                    : "the " + count(schedules) + " schedules tried (exhaustive with " + bound + ", "
                            + (cancelled ? "cancelled" : "stopped at its limit") + ": not all were tried)";
        } else {
            Strategy.Randomized r = (Strategy.Randomized) strategy;
            tried = count(schedules) + " random schedule" + (schedules == 1 ? "" : "s") + " (PCT, depth " + r.depth()
                    + ", seed " + r.seed() + (cancelled ? ", cancelled" : "") + ")";
        }
        return goal.none() + " in " + tried + " (" + time + ")";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
