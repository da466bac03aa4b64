package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.PoolTheRestProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** apply, apply_async with get(timeout), map_async, ordered imap, ThreadPool, ProcessPoolExecutor with cancel and wait. */
public final class PoolTheRestScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "pool-the-rest";
    }

    @Override
    public String title() {
        return "Pool: the rest";
    }

    @Override
    public String summary() {
        return "apply, apply_async + get(timeout), map_async, imap, ThreadPool and ProcessPoolExecutor.";
    }

    @Override
    public String explanation() {
        return """
                The rest of the pool API, on a pool of two worker processes, one call after the \
                other. apply() blocks until its result is back. apply_async() returns at once; \
                get(timeout) waits at most that long and raises TimeoutError if the result is not \
                there yet (the seed's own example, fixed: it added a str to an int). map_async() \
                returns at once too, and its callback gets the whole list on the pool's result \
                handler thread. imap() hands out results in input order, each as soon as it and \
                those before it are done. A ThreadPool takes the same calls on threads of this \
                process, under its one GIL.

                Last, a ProcessPoolExecutor: five tasks submitted, then cancelled at once. A \
                task can be cancelled only until the executor's manager thread has moved it to \
                the workers' call queue; wait() counts a cancelled task as done once the manager \
                has come to it.

                Notice: the main thread waits (result) in apply and in get, and the timeout ends \
                the second wait after 1 s, before the worker is done; only the first of the \
                executor's tasks runs: the manager thread, started by the first submit, had \
                taken only that one when cancel() came.""";
    }

    @Override
    public String icon() {
        return "mdi2v-view-grid-plus-outline";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.seconds("work", "Work", "seconds a worker takes per task, as in the seed", 2, 0.1, 20),
                ParamSpec.seconds("timeout", "get() timeout", "seconds apply_async's get waits", 1, 0, 30)
                        .contrasting("1", "5"));
    }

    @Override
    public ParamSpec comparedParam() {
        return param("timeout");
    }

    @Override
    public Map<String, String> stressParams(Random random) {
        return Map.of("work", "0.1", "timeout", String.valueOf(random.nextInt(3) / 10.0));
    }

    @Override
    protected Program program(ParamValues v) {
        return new PoolTheRestProgram(v.seconds("work"), v.seconds("timeout"));
    }

    @Override
    public String lesson(Trace trace) {
        String written = lesson();
        String clause = "the timeout ends the second wait after 1 s, before the worker is done";
        if (!written.contains(clause)) {
            return written;
        }
        String timeout = trace.params().getOrDefault("timeout", "1");
        boolean timedOut = trace.output().stream().anyMatch(o -> o.text().contains("TimeoutError after"));
        return written.replace(clause, timedOut
                ? "the timeout ends the second wait after " + timeout + " s, before the worker is done"
                : "the second wait ends with the result: the timeout, " + timeout + " s, is longer than the work");
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int main = trace.threadNamed(mainThread());
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(m.first(main, ThreadState.WAITING, Reason.RESULT, 0).time(), main, "apply blocks",
                "The main thread waits (result) until a worker process has squared 1."));
        Moment timedOut = m.first(main, ThreadState.RUNNABLE, Reason.TIMEOUT, 0);
        if (timedOut.found()) {
            steps.add(new TourStep(timedOut.time(), main, "get(timeout) runs out",
                    "The worker is still at it: get raises TimeoutError. The result is not lost: the next get() waits "
                            + "for it."));
        }
        Moment callback = m.printed("  callback got");
        steps.add(new TourStep(callback.time(), callback.thread(), "map_async's callback",
                "The whole list arrives on the pool's result handler thread, a thread of the main process."));
        Moment imap = m.printed("  got 3");
        steps.add(new TourStep(imap.time(), main, "imap keeps the order",
                "3 takes longest, but it comes first: 1 and 2 were done earlier and waited their turn."));
        Moment threads = m.printed("In worker:  6");
        steps.add(new TourStep(threads.time(), threads.thread(), "ThreadPool",
                "Its workers are threads of the main process (Thread-N (worker)), sharing its GIL."));
        Moment cancel = m.printed("  cancel:");
        steps.add(new TourStep(cancel.time(), main, "What cancel() can still catch",
                "Only the first task had been moved to the call queue (running): the other four are cancelled."));
        return Moments.inTimeOrder(steps);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        String w = ParamSpec.format(v.seconds("work"));
        String t = ParamSpec.format(v.seconds("timeout"));
        return new Prediction("The task takes " + w + " s; the main thread calls get(timeout=" + t + "). What happens?",
                List.of("get returns the result after " + w + " s", "get raises TimeoutError after " + t + " s",
                        "get returns None at once"),
                trace -> {
                    Moments m = new Moments(trace);
                    if (m.printed("  TimeoutError").found()) {
                        return 1;
                    }
                    return m.printed("  result: 4").found() ? 0 : -1;
                });
    }

    /**
     * None open at first: the five calls' results rows are the lesson, and at 1280x720 even the two
     * pools' task queues pushed the last two off the screen (each pool results lane, folded, says
     * what its row says).
     */
    @Override
    public List<String> lessonResources() {
        return NO_RESOURCE_LANES;
    }
}
