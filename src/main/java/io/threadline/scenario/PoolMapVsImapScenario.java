package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.runtime.SchedulingOrder;
import io.threadline.scenario.program.PoolMapVsImapProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ResultMark;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A process pool's map (all results at once, in order) against imap_unordered (each as done). */
public final class PoolMapVsImapScenario extends ScenarioSpec {
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
                thread gets each result as soon as a worker finishes it, in whatever order they finish. \
                The seed runs each call in a program of its own, on a fresh pool: switch "map first" \
                off to run imap_unordered alone, its results at 2 s and 4 s.

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
                ParamSpec.integer("workers", "Worker processes", "processes in the pool", 4, 1, 16).contrasting("2", "8"),
                ParamSpec.durations("durations", "Task durations",
                        "seconds per task: one for all, six comma-separated, or 'varied'", "2", 0, 60, INPUTS),
                ParamSpec.bool("map", "map first", "off: imap_unordered alone on a fresh pool, as the seed's second "
                        + "program", true));
    }

    @Override
    public ParamSpec comparedParam() {
        return param("workers");
    }

    @Override
    public Map<String, String> stressParams(Random random) {
        return Map.of("durations", random.nextBoolean() ? "varied" : "1");
    }

    @Override
    protected Program program(ParamValues v) {
        return new PoolMapVsImapProgram(v.integer("workers"), v.durations("durations"), v.bool("map"));
    }

    @Override
    public String lesson(Trace trace) {
        TraceFinder f = new TraceFinder(trace);
        List<ResultMark> map = trace.results().stream().filter(r -> r.variant().equals("map")).toList();
        List<ResultMark> imap = trace.results().stream().filter(r -> r.variant().equals("imap_unordered")).toList();
        if (imap.isEmpty()) {
            return lesson();
        }
        long imapFirst = imap.get(0).time();
        long together = imap.stream().filter(r -> r.time() == imapFirst).count();
        String imapText = "imap_unordered hands over " + TraceFinder.count(together, "result") + " "
                + TraceFinder.roughly(imapFirst - Math.max(0, f.printed("imap_unordered:"))) + " after it starts, "
                + "the rest as their tasks end";
        if (map.isEmpty()) {
            return "Notice: " + imapText + ". Try durations \"varied\".";
        }
        long mapAt = map.get(0).time() - Math.max(0, f.printed("map:"));
        return "Notice: map delivers nothing until " + TraceFinder.roughly(mapAt) + " after it starts, then all "
                + TraceFinder.count(map.size(), "result") + " at once, in input order; " + imapText
                + ". Try durations \"varied\".";
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        TraceFinder f = new TraceFinder(trace);
        int main = f.thread(mainThread());
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(f.first(main, ThreadState.WAITING, Reason.RESULT), main, "map waits for everything",
                "The tasks go to the worker processes. The main thread waits (result) for the whole list."));
        ResultMark firstMap = firstResult(trace, "map");
        if (firstMap != null) {
            steps.add(new TourStep(firstMap.time(), main, "map returns",
                    "All six results arrive at once, in input order, when the last task is done."));
        }
        ResultMark firstImap = firstResult(trace, "imap_unordered");
        if (firstImap != null) {
            steps.add(new TourStep(firstImap.time(), main, "imap_unordered: the first result",
                    "Each result is handed over as soon as its worker is done: " + firstImap.value()
                            + " (input " + firstImap.input() + ") comes first."));
        }
        steps.add(new TourStep(trace.endTime(), main, "The last result",
                "Compare the two: map delivered nothing until the end of its batch; imap_unordered delivered as it went."));
        return steps;
    }

    private static ResultMark firstResult(Trace trace, String variant) {
        for (ResultMark r : trace.results()) {
            if (r.variant().equals(variant)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public Prediction prediction(ParamValues v) {
        if (!v.bool("map")) {
            return new Prediction("imap_unordered alone, on a fresh pool: when does the main thread get its first result?",
                    List.of("as soon as the first task is done", "only when every task is done"),
                    trace -> {
                        List<ResultMark> all = trace.results();
                        if (all.isEmpty()) {
                            return -1;
                        }
                        return all.get(0).time() < all.get(all.size() - 1).time() ? 0 : 1;
                    });
        }
        return new Prediction("Counting from when each call starts, which hands the main thread its first result sooner?",
                List.of("map", "imap_unordered", "both at the same time"),
                trace -> {
                    TraceFinder f = new TraceFinder(trace);
                    ResultMark m = firstResult(trace, "map");
                    ResultMark u = firstResult(trace, "imap_unordered");
                    if (m == null || u == null) {
                        return -1;
                    }
                    long mapDelay = m.time() - f.printed("map:");
                    long imapDelay = u.time() - f.printed("imap_unordered:");
                    return mapDelay < imapDelay ? 0 : imapDelay < mapDelay ? 1 : 2;
                });
    }

    /** Open at first: the pool's task queue (which worker takes which input); the results rows tell the rest, and the pool results' lanes say the same, folded. */
    @Override
    public List<String> lessonResources() {
        return List.of("tasks");
    }
}
