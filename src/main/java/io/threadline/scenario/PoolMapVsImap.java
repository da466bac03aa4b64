package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.runtime.SchedulingOrder;
import io.threadline.scenario.program.PoolMapVsImapProgram;

import java.util.List;

/** A process pool's map (all results at once, in order) against imap_unordered (each as done). */
public final class PoolMapVsImap extends ScenarioSpec {
    public static final int INPUTS = 6;

    @Override
    public String id() {
        return "pool-map-vs-imap";
    }

    @Override
    public String title() {
        return "Pool: map vs imap_unordered";
    }

    @Override
    public String summary() {
        return "Worker processes square 0..5; map waits for all, imap_unordered hands out each.";
    }

    @Override
    public String explanation() {
        return """
                A pool of worker processes squares the numbers 0 to 5; each worker prints, sleeps \
                and returns x*x. Each process has its own GIL, so the workers truly run side by side.

                First pool.map: the main thread waits until every result is in, then gets the whole \
                list at once, in input order. Then pool.imap_unordered on the same inputs: the main \
                thread gets each result as soon as a worker finishes it, in whatever order they finish.

                Notice: with 4 workers and 6 tasks of 2 s, map delivers nothing until 4 s; \
                imap_unordered delivers four results at 2 s. Try durations "varied".""";
    }

    @Override
    public String icon() {
        return "mdi2v-view-parallel";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    public SchedulingOrder order() {
        // Results that finish at the same instant may arrive in any order, as in CPython.
        return SchedulingOrder.RANDOM;
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("workers", "Worker processes", "processes in the pool", 4, 1, 16),
                ParamSpec.durations("durations", "Task durations",
                        "seconds per task: one for all, six comma-separated, or 'varied'", "2", 0, 60, INPUTS));
    }

    @Override
    protected Program program(ParamValues v) {
        return new PoolMapVsImapProgram(v.integer("workers"), v.durations("durations"));
    }

    @Override
    public Class<? extends Program> programClass() {
        return PoolMapVsImapProgram.class;
    }
}
