package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.BarrierProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** threading.Barrier: threads arriving at different times all go on together when the last one arrives. */
public final class BarrierScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "barrier";
    }

    @Override
    public String title() {
        return "Barrier";
    }

    @Override
    public String summary() {
        return "Runners warm up for 1, 2 and 3 s and wait at the start line until all are there.";
    }

    @Override
    public String explanation() {
        return """
                A barrier holds threads until a given number of them have arrived. Three runners \
                warm up for 1, 2 and 3 s and then call wait() on the start line, a \
                threading.Barrier for three. The last to arrive runs the barrier's action (the \
                start signal) and releases the others; wait() returns each runner's place.

                With a timeout, a runner that waits too long breaks the barrier: everyone waiting \
                gets BrokenBarrierError, and so does anyone who comes later, until reset().

                Notice: Runner-1 waits (barrier) for 2 s, Runner-2 for 1 s, Runner-3 not at all: \
                all three go at 3 s, woken by Runner-3's arrival (follow the arrows). Try a \
                timeout of 1.5 s.""";
    }

    @Override
    public String icon() {
        return "mdi2f-flag-checkered";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("runners", "Runners", "threads the barrier waits for", 3, 1, 12),
                ParamSpec.seconds("warmup", "Warm-up", "runner k warms up for k times this", 1, 0, 10),
                ParamSpec.seconds("timeout", "Timeout", "seconds a runner waits at the line (0: as long as it takes)",
                        0, 0, 30).contrasting("0", "1.5").meaning("0", "none"));
    }

    @Override
    public ParamSpec comparedParam() {
        return param("timeout");
    }

    @Override
    public Map<String, String> stressParams(Random random) {
        return Map.of("runners", String.valueOf(1 + random.nextInt(8)), "warmup", "0.01");
    }

    @Override
    protected Program program(ParamValues v) {
        return new BarrierProgram(v.integer("runners"), v.seconds("warmup"), v.seconds("timeout"));
    }

    @Override
    public String lesson(Trace trace) {
        Moments m = new Moments(trace);
        Moment go = m.printedContaining("everyone is here", 0);
        if (!go.found()) {
            Moment broken = m.printedContaining("the barrier is broken", 0);
            return broken.found() ? "Notice: a runner waited longer than the timeout, so at "
                    + TraceFinder.roughly(broken.time()) + " the barrier broke: every wait() raised "
                    + "BrokenBarrierError, and nobody ran the race." : lesson();
        }
        StringBuilder b = new StringBuilder("Notice: ");
        List<String> waits = new ArrayList<>();
        for (int k = 1; ; k++) {
            int runner = trace.threadNamed("Runner-" + k);
            if (runner < 0) {
                break;
            }
            Moment w = m.first(runner, ThreadState.WAITING, Reason.BARRIER, 0);
            waits.add("Runner-" + k + (w.found() && w.time() < go.time()
                    ? " waits (barrier) " + TraceFinder.roughly(go.time() - w.time()) : " not at all"));
        }
        b.append(String.join(", ", waits)).append(": all go at ").append(TraceFinder.roughly(go.time()))
                .append(", woken by ").append(m.name(go.thread())).append("'s arrival (follow the arrows).");
        if (trace.params().getOrDefault("timeout", "0").equals("0")) {
            b.append(" Try a timeout of 1.5 s.");
        }
        return b.toString();
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int first = trace.threadNamed("Runner-1");
        List<TourStep> steps = new ArrayList<>();
        Moment waits = m.first(first, ThreadState.WAITING, Reason.BARRIER, 0);
        steps.add(new TourStep(waits.time(), first, "The first at the line",
                "Runner-1 calls wait(): it waits (barrier) for the others."));
        Moment go = m.printedContaining("everyone is here", 0);
        if (go.found()) {
            steps.add(new TourStep(go.time(), go.thread(), "The last one arrives",
                    m.name(go.thread()) + " is the last: it runs the barrier's action, the start signal, and releases "
                            + "the others. Every wake-up at this instant is its doing (the arrows)."));
            Moment runs = m.printed("Runner-1: running");
            steps.add(new TourStep(runs.time(), first, "All go together",
                    "wait() returns each runner's place: Runner-1 arrived first, index 0."));
        }
        Moment broken = m.printedContaining("the barrier is broken", 0);
        if (broken.found()) {
            steps.add(new TourStep(broken.time(), broken.thread(), "Broken",
                    "A runner waited longer than the timeout: the barrier breaks, and every wait() raises "
                            + "BrokenBarrierError, now and later."));
        }
        steps.add(new TourStep(m.printed("Race over").time(), trace.threadNamed(mainThread()), "Race over",
                "The main thread joined every runner."));
        return Moments.inTimeOrder(steps);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        double w = v.seconds("warmup");
        int n = v.integer("runners");
        return new Prediction("Runner 1 reaches the start line after " + ParamSpec.format(w) + " s. When does it start "
                + "running?", List.of("at " + ParamSpec.format(w) + " s, when it arrives", "at "
                + ParamSpec.format(w * n) + " s, when the last one arrives", "never: it goes home"),
                trace -> {
                    Moments m = new Moments(trace);
                    Moment runs = m.printed("Runner-1: running");
                    if (!runs.found()) {
                        return m.printed("Runner-1: the barrier is broken").found() ? 2 : -1;
                    }
                    return runs.time() == m.printed("Runner-1: at the start line").time() ? 0 : 1;
                });
    }

    @Override
    public List<String> lessonResources() {
        return List.of("start line");
    }
}
