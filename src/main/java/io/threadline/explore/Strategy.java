package io.threadline.explore;

/**
 * How a search walks the interleavings: every schedule with at most so many preemptions (as
 * CHESS bounds them), or a number of random PCT schedules for programs too large for that. Either
 * way at most {@link #limit()} schedules are run.
 */
public sealed interface Strategy {
    /** Default bound: most concurrency bugs need no more than two preemptions. */
    int DEFAULT_BOUND = 2;
    int DEFAULT_LIMIT = 20_000;
    int DEFAULT_RUNS = 2_000;
    int DEFAULT_DEPTH = 3;

    int limit();

    /** "exhaustive, at most 2 preemptions". */
    String describe();

    /**
     * Every schedule with at most {@code bound} preemptions (a running thread made to give way at
     * its switch interval); every other choice (who gets a free core, which waiter wakes, which
     * timer's sleeper goes first) is tried freely. Cheapest schedules first, so the first found is the simplest.
     */
    record Exhaustive(int bound, int limit) implements Strategy {
        public Exhaustive {
            if (bound < 0) {
                throw new IllegalArgumentException("the preemption bound must be 0 or more, got " + bound);
            }
            if (limit < 1) {
                throw new IllegalArgumentException("the schedule limit must be 1 or more, got " + limit);
            }
        }

        @Override
        public String describe() {
            return "exhaustive, at most " + bound + " preemption" + (bound == 1 ? "" : "s");
        }
    }

    /** {@code runs} random PCT schedules of bug depth {@code depth}, from {@code seed}. */
    record Randomized(int runs, int depth, long seed) implements Strategy {
        public Randomized {
            if (runs < 1) {
                throw new IllegalArgumentException("the number of runs must be 1 or more, got " + runs);
            }
            if (depth < 1) {
                throw new IllegalArgumentException("the depth must be 1 or more, got " + depth);
            }
        }

        @Override
        public int limit() {
            return runs;
        }

        @Override
        public String describe() {
            return "random (PCT, depth " + depth + ", seed " + seed + ")";
        }
    }
}
