package io.threadline.explore;

import io.threadline.runtime.Chooser;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.scenario.SearchGoal;
import io.threadline.trace.Choice;
import io.threadline.trace.ChoiceKind;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Searches a scenario's interleavings for a run that meets a goal. A schedule is a list of the
 * scheduler's picks; every run goes through the runtime's one chooser seam, so what is searched is
 * what the scheduler really decides, for any program.
 *
 * <p>Exhaustive: a uniform-cost walk of the tree of choices, cheapest first (fewest preemptions,
 * then fewest choices away from the calm order), each schedule run exactly once: the run of a
 * schedule shows its choice points, and each other pick at one of them after the schedule's last
 * change is a new schedule. So the first schedule found is the simplest, with no separate
 * shrinking, and an empty tree proves the goal unreachable within the bound. Random: PCT schedules,
 * and what one finds is shrunk: changes dropped while the goal holds, then an exhaustive walk of
 * the cheaper schedules within a budget.
 *
 * <p>Runs go on a few threads at once (each run is one thread at a time); results are taken in a
 * fixed order, so the finding does not depend on timing.
 */
public final class Explorer {
    /** Runs spent looking for a cheaper schedule than a random one found. */
    static final int SHRINK_BUDGET = 2_000;

    private final ScenarioSpec spec;
    private final ParamValues values;
    private final SearchGoal goal;
    private final Strategy strategy;
    private final int workers;
    private final AtomicLong schedules = new AtomicLong();
    private volatile boolean cancelled;
    private long seq;

    public Explorer(ScenarioSpec spec, ParamValues values, SearchGoal goal, Strategy strategy) {
        this(spec, values, goal, strategy, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    Explorer(ScenarioSpec spec, ParamValues values, SearchGoal goal, Strategy strategy, int workers) {
        this.spec = spec;
        this.values = values;
        this.goal = goal;
        this.strategy = strategy;
        this.workers = workers;
    }

    /** Schedules run so far, for a progress bar; any thread may ask. */
    public long schedules() {
        return schedules.get();
    }

    /** Stops the search soon; {@link #run} then returns what it has. Any thread may call it. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Runs the search to its end, its limit or a cancel.
     *
     * @throws IllegalArgumentException if the goal cannot be checked on this scenario's runs (it
     *                                  names a counter the program has not)
     */
    public Exploration run() throws InterruptedException {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "threadline-explore");
            t.setDaemon(true);
            return t;
        });
        try {
            Search s = new Search(pool);
            if (strategy instanceof Strategy.Exhaustive e) {
                s.exhaustive(e.bound(), e.limit(), null, true);
            } else {
                s.randomized((Strategy.Randomized) strategy);
            }
            return new Exploration(goal, strategy, schedules.get(), s.complete, cancelled, s.finding(),
                    System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    private Trace execute(Chooser chooser) throws InterruptedException {
        return spec.execute(values, chooser);
    }

    /** A schedule waiting to be run, with the order it was found in (ties go to the first found). */
    private record Node(Deviations dev, long seq) implements Comparable<Node> {
        @Override
        public int compareTo(Node o) {
            int c = dev.compareTo(o.dev);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** One search's state. */
    private final class Search {
        final ExecutorService pool;
        boolean complete;
        Deviations best;
        Trace bestTrace;
        long bestNumber;
        boolean minimal;

        Search(ExecutorService pool) {
            this.pool = pool;
        }

        /**
         * The uniform-cost walk over schedules with at most {@code bound} preemptions, up to
         * {@code limit} runs; with {@code under} set, only schedules cheaper than it.
         */
        void exhaustive(int bound, int limit, Deviations under, boolean counts) throws InterruptedException {
            PriorityQueue<Node> queue = new PriorityQueue<>();
            queue.add(new Node(Deviations.NONE, seq++));
            long ran = 0;
            while (!queue.isEmpty() && !cancelled) {
                Deviations cap = best != null ? best : under;
                if (cap != null && queue.peek().dev.compareTo(cap) >= 0) {
                    // nothing cheaper is left: what was found is the simplest
                    queue.clear();
                    break;
                }
                if (ran >= limit) {
                    break;
                }
                List<Node> batch = new ArrayList<>();
                while (batch.size() < workers && !queue.isEmpty() && ran + batch.size() < limit
                        && (cap == null || queue.peek().dev.compareTo(cap) < 0)) {
                    batch.add(queue.poll());
                }
                List<Trace> traces = runAll(batch.stream().map(n -> (Chooser) n.dev.chooser()).toList());
                for (int i = 0; i < batch.size(); i++) {
                    Node node = batch.get(i);
                    Trace t = traces.get(i);
                    ran++;
                    long number = counts ? schedules.get() - batch.size() + i + 1 : bestNumber;
                    if (goal.metBy(t)) {
                        if (best == null || node.dev.compareTo(best) < 0) {
                            best = node.dev;
                            bestTrace = t;
                            bestNumber = number;
                        }
                        continue;
                    }
                    List<Choice> cs = t.choices();
                    for (int j = node.dev.last() + 1; j < cs.size(); j++) {
                        Choice c = cs.get(j);
                        for (int a = 0; a < c.size(); a++) {
                            if (a == c.calmPick()) {
                                continue;
                            }
                            boolean preempts = c.kind() == ChoiceKind.PREEMPT && a != c.size() - 1;
                            if (node.dev.preemptions + (preempts ? 1 : 0) > bound) {
                                continue;
                            }
                            Deviations child = node.dev.plus(j, a, preempts);
                            Deviations capNow = best != null ? best : under;
                            if (capNow == null || child.compareTo(capNow) < 0) {
                                queue.add(new Node(child, seq++));
                            }
                        }
                    }
                }
            }
            complete = queue.isEmpty() && !cancelled;
            minimal = best != null && complete;
        }

        void randomized(Strategy.Randomized r) throws InterruptedException {
            long ran = 0;
            int length = 1;
            while (ran < r.runs() && !cancelled) {
                List<Chooser> batch = new ArrayList<>();
                for (int i = 0; i < workers && ran + batch.size() < r.runs(); i++) {
                    long n = ran + batch.size();
                    batch.add(n == 0 ? Deviations.NONE.chooser()
                            : new PriorityChooser(new Random(r.seed() * 1_000_003L + n), r.depth(), length * 2));
                }
                List<Trace> traces = runAll(batch);
                for (int i = 0; i < traces.size(); i++) {
                    Trace t = traces.get(i);
                    ran++;
                    length = Math.max(length, t.choiceCount());
                    if (goal.metBy(t)) {
                        bestTrace = t;
                        best = Deviations.of(t);
                        bestNumber = ran;
                        shrink();
                        return;
                    }
                }
            }
            complete = false;
        }

        /** Drops changes one at a time while the goal still holds, then looks for a cheaper schedule within a budget. */
        void shrink() throws InterruptedException {
            long number = bestNumber;
            boolean dropped = true;
            while (dropped && !cancelled) {
                dropped = false;
                for (int k = best.count() - 1; k >= 0 && !cancelled; k--) {
                    Choice c = bestTrace.choice(best.at[k]);
                    Trace t = runAll(List.of(best.without(k, c.preemption()).chooser())).get(0);
                    if (goal.metBy(t)) {
                        bestTrace = t;
                        best = Deviations.of(t);
                        dropped = true;
                        break;
                    }
                }
            }
            Deviations found = best;
            exhaustive(best.preemptions, SHRINK_BUDGET, found, false);
            bestNumber = number;
        }

        List<Trace> runAll(List<Chooser> choosers) throws InterruptedException {
            if (choosers.size() == 1) {
                Trace t = execute(choosers.get(0));
                schedules.incrementAndGet();
                return List.of(t);
            }
            List<Future<Trace>> futures = new ArrayList<>();
            for (Chooser c : choosers) {
                futures.add(pool.submit(() -> execute(c)));
            }
            List<Trace> out = new ArrayList<>();
            for (Future<Trace> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
                schedules.incrementAndGet();
            }
            return out;
        }

        Finding finding() {
            if (best == null) {
                return null;
            }
            List<Integer> decisive = new ArrayList<>();
            List<String> moments = new ArrayList<>();
            for (int at : best.at) {
                decisive.add(at);
                moments.add(ChoiceWords.describe(bestTrace, bestTrace.choice(at), spec, goal));
            }
            return new Finding(bestTrace, bestNumber, best.preemptions, best.count(), decisive, moments, minimal);
        }
    }
}
