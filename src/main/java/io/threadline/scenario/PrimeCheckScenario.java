package io.threadline.scenario;

import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Program;
import io.threadline.runtime.RunOptions;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.PrimeCheckProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The fourth seed's "anti-example": CPU-bound prime checks get no faster on threads under the GIL. */
public final class PrimeCheckScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "prime-check";
    }

    @Override
    public String title() {
        return "The prime check";
    }

    @Override
    public String summary() {
        return "Eight prime checks serially, on a thread each, on threads with a lock and a queue, on an executor.";
    }

    @Override
    public String explanation() {
        return """
                The fourth seed builds up a prime check four ways: serially; with a thread for \
                each number; with four threads taking numbers from a queue and storing primes \
                under a lock; and with a ThreadPoolExecutor of four. Checking a number is pure \
                Python computation: it holds the GIL the whole time.

                Under one GIL only one thread computes at a time, so the threaded versions take \
                as long as the serial one, and a little longer: each time a thread is made to \
                give the GIL up (every 5 ms), handing it over costs (switch_cost). The seed \
                measured its threads even slower, over a few milliseconds of work, where starting \
                threads dominates; that cost is not modelled here.

                Notice: in every threaded version one lane at a time is running, the others \
                runnable; the ratios against serial are just above 1. Compare GIL on and off: \
                without it the threads run side by side on the cores.""";
    }

    @Override
    public String icon() {
        return "mdi2n-numeric";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("threads", "Threads", "threads of the lock-and-queue version and of the executor", 4,
                        1, 16),
                ParamSpec.seconds("check", "Check time", "CPU seconds to prove one of these numbers prime", 0.05,
                        0.001, 5),
                SwitchCost.PARAM);
    }

    @Override
    public ParamSpec comparedParam() {
        return param(GIL);
    }

    @Override
    public Map<String, String> stressParams(Random random) {
        return Map.of("threads", String.valueOf(1 + random.nextInt(8)), "check", "0.001");
    }

    @Override
    public RunOptions options(ParamValues v, ClockMode clock, double speed) {
        return SwitchCost.apply(super.options(v, clock, speed), v);
    }

    @Override
    protected Program program(ParamValues v) {
        return new PrimeCheckProgram(v.integer("threads"), v.seconds("check"));
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int main = trace.threadNamed(mainThread());
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(m.first(main, ThreadState.RUNNING, null, 0).time(), main, "Serially",
                "The main thread checks the eight numbers one after another: running the whole time."));
        Moment serialDone = m.printed("serial:");
        int number = trace.threadNamed("Number-1");
        Moment preempted = m.first(ThreadState.RUNNABLE, Reason.PREEMPTED, Math.max(0, serialDone.time()));
        if (preempted.found()) {
            steps.add(new TourStep(preempted.time(), preempted.thread(), "One GIL: take turns",
                    m.name(preempted.thread()) + " is made to give the GIL up after 5 ms; the next thread gets it, "
                            + "after the hand-over. Never two running at once."));
        } else if (number >= 0) {
            steps.add(new TourStep(m.first(number, ThreadState.RUNNING, null, 0).time(), number, "A thread per number",
                    "Each number gets a thread of its own."));
        }
        int worker = trace.threadNamed("Worker-1");
        if (worker >= 0) {
            Moment queueWork = m.first(worker, ThreadState.RUNNING, null, 0);
            steps.add(new TourStep(queueWork.time(), worker, "Threads, a lock and a queue",
                    "Four threads take numbers from a queue; a prime is stored under the lock."));
        }
        Moment ratios = m.printed("against serial:");
        steps.add(new TourStep(ratios.time(), main, "No faster",
                "The threaded versions took " + ratiosText(trace) + " the serial time: CPU-bound work gains nothing "
                        + "from threads under the GIL, and pays for the hand-overs."));
        return Moments.inTimeOrder(steps);
    }

    private static String ratiosText(Trace trace) {
        for (var o : trace.output()) {
            if (o.text().startsWith("against serial: ")) {
                return o.text().substring("against serial: ".length());
            }
        }
        return "about";
    }

    @Override
    public Prediction prediction(ParamValues v) {
        return new Prediction("Eight CPU-bound checks on " + v.integer("threads") + " threads"
                + (v.bool(GIL) ? ", under the GIL" : ", without a GIL") + ", against doing them serially. "
                + "The threads take…",
                List.of("about a quarter of the time", "about as long, a little longer", "much longer"),
                trace -> {
                    Moments m = new Moments(trace);
                    double ratio = m.number("against serial:", 1);
                    if (Double.isNaN(ratio)) {
                        return -1;
                    }
                    return ratio < 0.7 ? 0 : ratio < 1.2 ? 1 : 2;
                });
    }

    @Override
    public List<String> lessonResources() {
        return List.of("numbers", "primes lock");
    }
}
