package io.threadline.runtime;

/**
 * The student as the scheduler: picks given in advance are replayed (a step back, or a fork,
 * re-runs a list), then every further choice waits for {@link Run#choose}, until
 * {@link #letGo()} hands the rest of the run to the scheduler's own order.
 */
public final class StepChooser implements Chooser {
    private final int[] given;
    private volatile boolean stepping = true;

    /** @param given the picks to replay before asking */
    public StepChooser(int[] given) {
        this.given = given.clone();
    }

    public StepChooser() {
        this(new int[0]);
    }

    @Override
    public int choose(ChoicePoint point) {
        int n = point.number();
        if (n < given.length && given[n] < point.size()) {
            return given[n];
        }
        return stepping ? ASK : point.ownPick();
    }

    /** From now on the run's own order chooses; a choice waiting now still needs its answer. */
    public void letGo() {
        stepping = false;
    }

    public boolean stepping() {
        return stepping;
    }
}
