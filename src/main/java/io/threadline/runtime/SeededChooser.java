package io.threadline.runtime;

import io.threadline.trace.ChoiceKind;

import java.util.Random;

/**
 * The seeded order: a random candidate for a free core or the baton, from one random stream per
 * run, so one seed always gives the same run. A thread at its switch interval always gives way,
 * to a random one of the others; woken waiters go first come, first served. It draws a number at every core and baton hand-out, even with one candidate, as it
 * always has: a seed keeps its run from one version to the next.
 */
public final class SeededChooser implements Chooser {
    private final Random random;

    public SeededChooser(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public int choose(ChoicePoint point) {
        return switch (point.kind()) {
            case CORE, RUN -> random.nextInt(point.size());
            case PREEMPT -> random.nextInt(point.size() - 1);
            case WAKE -> 0;
        };
    }

    @Override
    public void passed(ChoiceKind kind) {
        if (kind == ChoiceKind.CORE || kind == ChoiceKind.RUN) {
            random.nextInt(1);
        }
    }
}
