package io.threadline.runtime;

import java.util.Arrays;
import java.util.List;

/**
 * Replays a list of picks, one per real choice, then leaves the rest to the run's own order. A
 * list made by another version of the program (a changed parameter) may stop fitting: a pick
 * beyond a point's candidates. From there the run's own order chooses, and {@link #misfit}
 * says where it happened.
 */
public final class ReplayChooser implements Chooser {
    private final int[] picks;
    private volatile String misfit;
    private volatile int used;

    public ReplayChooser(int[] picks) {
        for (int p : picks) {
            if (p < 0) {
                throw new IllegalArgumentException("a pick is a candidate's number, 0 or more, got " + p);
            }
        }
        this.picks = picks.clone();
    }

    public static ReplayChooser of(List<Integer> picks) {
        return new ReplayChooser(picks.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public int choose(ChoicePoint point) {
        int n = point.number();
        if (misfit != null || n >= picks.length) {
            return point.ownPick();
        }
        int pick = picks[n];
        if (pick >= point.size()) {
            misfit = "choice " + (n + 1) + " of " + picks.length + " does not fit: it picks " + pick + ", but at "
                    + Scheduler.formatSeconds(point.time()) + " there " + (point.size() == 1 ? "is" : "are") + " only "
                    + point.size() + " candidates (" + candidates(point) + ")";
            return point.ownPick();
        }
        used = n + 1;
        return pick;
    }

    private static String candidates(ChoicePoint p) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(i).append(": ").append(p.name(i));
        }
        return b.toString();
    }

    /**
     * Where the list stopped fitting, in one line; also when the run ended before using all of
     * it. Null when every pick was used. Read it once the run has ended.
     */
    public String misfit() {
        if (misfit != null) {
            return misfit;
        }
        if (used < picks.length) {
            return "the run made " + used + " choice" + (used == 1 ? "" : "s") + " and ended, but the list has "
                    + picks.length + ": it does not fit from choice " + (used + 1);
        }
        return null;
    }

    public int[] picks() {
        return picks.clone();
    }

    @Override
    public String toString() {
        return "replay " + Arrays.toString(picks);
    }
}
