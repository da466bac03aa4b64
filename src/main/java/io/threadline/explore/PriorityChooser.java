package io.threadline.explore;

import io.threadline.runtime.ChoicePoint;
import io.threadline.runtime.Chooser;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A PCT schedule (Burckhardt et al., "A randomized scheduler with probabilistic guarantees of
 * finding bugs"): every thread gets a random priority when first seen, the candidate of highest
 * priority always goes on (at a switch interval the running thread keeps its core unless another
 * ranks higher), and at {@code depth - 1} random choice numbers the thread that would go on drops
 * below every other. A bug that needs d ordering constraints is found with probability at least
 * 1 / (n k^(d-1)) a run, for n threads and k choices.
 */
final class PriorityChooser implements Chooser {
    private final Random random;
    private final int[] changes;
    private final Map<Integer, Double> priority = new HashMap<>();
    private int lowered;

    /** @param length about how many choices a run makes, to spread the change points over */
    PriorityChooser(Random random, int depth, int length) {
        this.random = random;
        this.changes = new int[Math.max(0, depth - 1)];
        for (int i = 0; i < changes.length; i++) {
            changes[i] = random.nextInt(Math.max(1, length));
        }
        Arrays.sort(changes);
    }

    @Override
    public int choose(ChoicePoint point) {
        int best = highest(point);
        if (Arrays.binarySearch(changes, point.number()) >= 0) {
            // below every initial priority (those are in [0, 1)), the later change the lower
            priority.put(point.thread(best), -1.0 - lowered++);
            best = highest(point);
        }
        return best;
    }

    private int highest(ChoicePoint point) {
        int best = point.calmPick();
        double top = rank(point.thread(best));
        for (int i = 0; i < point.size(); i++) {
            double r = rank(point.thread(i));
            if (r > top) {
                top = r;
                best = i;
            }
        }
        return best;
    }

    private double rank(int thread) {
        return priority.computeIfAbsent(thread, t -> random.nextDouble());
    }
}
