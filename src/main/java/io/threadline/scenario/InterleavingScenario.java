package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.runtime.SchedulingOrder;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.InterleavingProgram;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The first seed's three threads: their prints interleave, and the order within a round varies. */
public final class InterleavingScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "interleaving";
    }

    @Override
    public String title() {
        return "Three threads interleave";
    }

    @Override
    public String summary() {
        return "Three threads print a step a second; whose print comes first each second is not fixed.";
    }

    @Override
    public String explanation() {
        return """
                Three threads, ta, tb and tc, run the same function. Each picks a random letter \
                (a local variable: every thread has its own) and prints a numbered step every \
                second. The main thread starts them and prints Done without waiting.

                Each second all three wake together and want the GIL; which one gets it first \
                is up to the operating system, so the order of their prints changes from \
                second to second and from run to run. Here the scheduler picks that order at \
                random from the seed: the same seed gives the same order, another seed another.

                Notice: the three lanes are asleep together and wake together; in each second \
                one of them is running while the others are runnable, waiting for the GIL. Run \
                it with another seed and the order within a second changes, and so do the letters.""";
    }

    @Override
    public String icon() {
        return "mdi2s-shuffle-variant";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    public SchedulingOrder order() {
        // Threads waking together are picked in any order, as the OS does: seeded.
        return SchedulingOrder.RANDOM;
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("steps", "Steps", "steps each thread prints", 5, 1, 50),
                ParamSpec.seconds("pause", "Pause", "seconds between a thread's steps", 1, 0, 10));
    }

    @Override
    public ParamSpec comparedParam() {
        return param(SEED);
    }

    @Override
    public Map<String, String> stressParams(Random random) {
        return Map.of("steps", String.valueOf(1 + random.nextInt(10)), "pause", "0.01");
    }

    @Override
    protected Program program(ParamValues v) {
        return new InterleavingProgram(v.integer("steps"), v.seconds("pause"));
    }

    /** Who printed first in each second after the first, e.g. [tc, ta, ta, tb]. */
    static List<String> firsts(Trace trace, int steps) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < steps; i++) {
            String who = "?";
            for (OutputLine o : trace.output()) {
                if (o.text().matches("t[abc]: [a-g]" + i)) {
                    who = o.text().substring(0, 2);
                    break;
                }
            }
            out.add(who);
        }
        return out;
    }

    /** The first line of step {@code i} (any thread), or none. */
    private static Moment step(Trace trace, int i) {
        for (OutputLine o : trace.output()) {
            if (o.text().matches("t[abc]: [a-g]" + i)) {
                return new Moment(o.time(), o.thread());
            }
        }
        return Moments.NONE;
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int main = trace.threadNamed(mainThread());
        List<TourStep> steps = new ArrayList<>();
        Moment ta = m.printedContaining("ta: ", 0);
        steps.add(new TourStep(ta.time(), ta.thread(), "Each its own letter",
                "ta picks a letter at random and prints its first step before the main thread starts tb."));
        steps.add(new TourStep(m.printed("Done").time(), main, "Done, and the threads go on",
                "The main thread does not wait for them: it prints Done and ends; the program waits for the "
                        + "three threads at exit."));
        Moment second = step(trace, 1);
        steps.add(new TourStep(second.time(), second.thread(), "Who goes first?",
                "All three wake at the same instant; " + m.name(second.thread()) + " gets the GIL first this time. "
                        + "The others are runnable until it sleeps again."));
        steps.add(new TourStep(trace.endTime(), -1, "A different order each second",
                "Who printed first in each second: " + String.join(", ", firsts(trace, stepsOf(trace)))
                        + ". Another seed, another order."));
        return Moments.inTimeOrder(steps);
    }

    private static int stepsOf(Trace trace) {
        try {
            return Integer.parseInt(trace.params().getOrDefault("steps", "5"));
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    @Override
    public Prediction prediction(ParamValues v) {
        return new Prediction("All three threads wake at the same second. Whose print comes first each second?",
                List.of("always ta's: it was started first", "it changes from second to second",
                        "always the same thread, but any of the three"),
                trace -> {
                    List<String> firsts = firsts(trace, v.integer("steps"));
                    if (firsts.size() < 2 || firsts.contains("?")) {
                        return -1;
                    }
                    if (firsts.stream().allMatch("ta"::equals)) {
                        return 0;
                    }
                    return firsts.stream().distinct().count() > 1 ? 1 : 2;
                });
    }
}
