package io.threadline.explore;

import io.threadline.trace.Choice;
import io.threadline.trace.Trace;

import java.util.Arrays;
import java.util.List;

/**
 * A schedule as the search sees it: the choices where it does not take the calm pick (the running
 * thread keeps its core, the scheduler's first candidate elsewhere), by choice number, in order.
 * Its cost is its preemptions, then its deviations: the fewer, the simpler the story.
 */
final class Deviations implements Comparable<Deviations> {
    static final Deviations NONE = new Deviations(new int[0], new int[0], 0);

    final int[] at;
    final int[] picks;
    final int preemptions;

    private Deviations(int[] at, int[] picks, int preemptions) {
        this.at = at;
        this.picks = picks;
        this.preemptions = preemptions;
    }

    /** The deviations of a run that took place. */
    static Deviations of(Trace trace) {
        List<Choice> cs = trace.choices();
        int n = 0;
        for (Choice c : cs) {
            if (c.pick() != c.calmPick()) {
                n++;
            }
        }
        int[] at = new int[n];
        int[] picks = new int[n];
        int preemptions = 0;
        int k = 0;
        for (int i = 0; i < cs.size(); i++) {
            Choice c = cs.get(i);
            if (c.pick() != c.calmPick()) {
                at[k] = i;
                picks[k++] = c.pick();
                if (c.preemption()) {
                    preemptions++;
                }
            }
        }
        return new Deviations(at, picks, preemptions);
    }

    /** These and one more, at choice {@code number} (after every one of these). */
    Deviations plus(int number, int pick, boolean preempts) {
        int[] a = Arrays.copyOf(at, at.length + 1);
        int[] p = Arrays.copyOf(picks, picks.length + 1);
        a[at.length] = number;
        p[at.length] = pick;
        return new Deviations(a, p, preemptions + (preempts ? 1 : 0));
    }

    /** These without deviation {@code k}: its choice goes back to the calm pick. */
    Deviations without(int k, boolean preempted) {
        int[] a = new int[at.length - 1];
        int[] p = new int[at.length - 1];
        System.arraycopy(at, 0, a, 0, k);
        System.arraycopy(at, k + 1, a, k, at.length - k - 1);
        System.arraycopy(picks, 0, p, 0, k);
        System.arraycopy(picks, k + 1, p, k, at.length - k - 1);
        return new Deviations(a, p, preemptions - (preempted ? 1 : 0));
    }

    int count() {
        return at.length;
    }

    /** The choice number of the last deviation, or -1. */
    int last() {
        return at.length == 0 ? -1 : at[at.length - 1];
    }

    GuidedChooser chooser() {
        return new GuidedChooser(at, picks);
    }

    /** Fewer preemptions first, then fewer deviations, then the earlier and lower picks. */
    @Override
    public int compareTo(Deviations o) {
        int c = Integer.compare(preemptions, o.preemptions);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(at.length, o.at.length);
        if (c != 0) {
            return c;
        }
        for (int i = 0; i < at.length; i++) {
            c = Integer.compare(at[i], o.at[i]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(picks[i], o.picks[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Same cost (preemptions and deviations), whatever the choices. */
    boolean sameCost(Deviations o) {
        return preemptions == o.preemptions && at.length == o.at.length;
    }

    boolean cheaperThan(Deviations o) {
        return preemptions < o.preemptions || preemptions == o.preemptions && at.length < o.at.length;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < at.length; i++) {
            b.append(i == 0 ? "" : ", ").append(at[i]).append("->").append(picks[i]);
        }
        return b.append('}').toString();
    }
}
