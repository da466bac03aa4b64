package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.NoJoinProgram;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The first seed's opening example: "Done" printed before the thread it started has finished. */
public final class NoJoinScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "no-join";
    }

    @Override
    public String title() {
        return "Done before the threads finish";
    }

    @Override
    public String summary() {
        return "The main thread starts a worker, never joins it, and prints Done at once.";
    }

    @Override
    public String explanation() {
        return """
                The main thread prints Starting, starts a worker thread t2 that prints a step \
                every second, and prints Done. It never calls join(), so nothing makes it wait: \
                it goes straight on, while t2 carries on by itself.

                The program is not over when the main thread is: Python waits at exit for every \
                thread that is not a daemon, so t2 still gets all its steps done. Switch "join" \
                on to make the main thread wait for t2 before it prints Done.

                Notice: Done comes right after t2's first step, at 0 s; the main thread's lane \
                ends there while t2's goes on for ten seconds, and the run ends with t2.""";
    }

    @Override
    public String icon() {
        return "mdi2r-run-fast";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("steps", "Steps", "steps the worker prints", 10, 1, 100),
                ParamSpec.seconds("pause", "Pause", "seconds between the worker's steps", 1, 0, 10),
                ParamSpec.bool("join", "join()", "the main thread joins the worker before printing Done", false));
    }

    @Override
    public Map<String, String> stressParams(Random random) {
        return Map.of("steps", String.valueOf(1 + random.nextInt(20)), "pause", "0.01");
    }

    @Override
    protected Program program(ParamValues v) {
        return new NoJoinProgram(v.integer("steps"), v.seconds("pause"), v.bool("join"));
    }

    @Override
    public String lesson(Trace trace) {
        Moments m = new Moments(trace);
        Moment done = m.printed("Done");
        int t2 = trace.threadNamed("t2");
        if (!done.found() || t2 < 0) {
            return lesson();
        }
        String end = TraceFinder.roughly(trace.endTime());
        if (done.time() >= new TraceFinder(trace).lastTime(t2)) {
            return "Notice: with join() the main thread waits (join) until t2 ends, at " + end
                    + ", and only then prints Done: its lane and t2's end together.";
        }
        return "Notice: Done comes right after t2's first step, at " + TraceFinder.roughly(done.time())
                + "; the main thread's lane ends there while t2's goes on until " + end
                + ", and the run ends with t2.";
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int main = trace.threadNamed(mainThread());
        int t2 = trace.threadNamed("t2");
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(m.printed("t2: step 0").time(), t2, "t2 starts",
                "start() returns once t2 has begun: it prints its first step before the main thread goes on."));
        Moment done = m.printed("Done");
        steps.add(new TourStep(done.time(), main, "Done",
                done.time() < m.printed("t2: step 1").time()
                        ? "Nothing made the main thread wait: it prints Done while t2 has most of its work ahead."
                        : "join() made the main thread wait for t2: Done comes last."));
        steps.add(new TourStep(m.first(main, ThreadState.DEAD, null, 0).time(), main, "The main thread ends",
                "Its code is done. The program is not: t2 is not a daemon, so Python waits for it at exit."));
        steps.add(new TourStep(trace.endTime(), t2, "The program ends with t2",
                "The last step done, t2 returns, and with the last non-daemon thread the program exits."));
        return Moments.inTimeOrder(steps);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        int n = v.integer("steps");
        return new Prediction("The worker prints " + n + " steps, one every " + ParamSpec.format(v.seconds("pause"))
                + " s. When does the main thread print Done?",
                List.of("right after the worker's first step", "after the worker's last step",
                        "never: the program ends first"),
                trace -> {
                    Moments m = new Moments(trace);
                    Moment done = m.printed("Done");
                    if (!done.found()) {
                        return 2;
                    }
                    return done.time() < m.printed("t2: step " + (n - 1)).time() || n == 1
                            && done.time() == m.printed("t2: step 0").time() && !v.bool("join") ? 0 : 1;
                });
    }
}
