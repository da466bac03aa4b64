package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.program.ChefSoupProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Two chefs and a join: the main thread waits for a helper thread to finish. */
public final class ChefSoupScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "chef-soup";
    }

    @Override
    public String title() {
        return "Chef soup";
    }

    @Override
    public String summary() {
        return "Barron starts Olivia, keeps cooking, then joins her.";
    }

    @Override
    public String explanation() {
        return """
                Barron (the main thread) needs sausage for his soup. He creates a thread, \
                Olivia, and starts her. Until start() she exists but is new: is_alive() says False.

                Olivia waits for the sausage to thaw (she sleeps), while Barron keeps cooking. \
                Then Barron calls join(): he stops and waits until Olivia has finished.

                Notice: Barron's lane turns to waiting (join) at 0.5 s and stays so until the \
                instant Olivia dies. The arrow from her end to his wake-up is the join.""";
    }

    @Override
    public String icon() {
        return "mdi2c-chef-hat";
    }

    @Override
    public String mainThread() {
        return "Barron";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.seconds("olivia", "Olivia's wait", "how long the sausage takes to thaw", 3, 0, 30),
                ParamSpec.seconds("cook", "Barron's cooking", "how long Barron cooks before he joins", 0.5, 0, 30));
    }

    @Override
    public ParamSpec comparedParam() {
        return param("olivia");
    }

    @Override
    protected Program program(ParamValues v) {
        return new ChefSoupProgram(v.seconds("olivia"), v.seconds("cook"));
    }

    @Override
    public String lesson(Trace trace) {
        TraceFinder f = new TraceFinder(trace);
        int barron = f.thread("Barron");
        int olivia = f.thread("Olivia");
        long join = f.first(barron, ThreadState.WAITING, Reason.JOIN);
        long dead = f.first(olivia, ThreadState.DEAD, null);
        if (join >= 0 && dead >= 0) {
            return "Notice: Barron's lane turns to waiting (join) at " + TraceFinder.seconds(join)
                    + " and stays so until the instant Olivia dies, at " + TraceFinder.seconds(dead)
                    + ". The arrow from her end to his wake-up is the join.";
        }
        long asked = f.printed("Barron patiently");
        if (dead < 0 || asked < 0) {
            return lesson();
        }
        return "Notice: Olivia is done at " + TraceFinder.seconds(dead) + ", before Barron joins her at "
                + TraceFinder.seconds(asked) + ": his join() returns at once, with no wait and no arrow. Give Olivia "
                + "a longer wait than Barron's cooking to see him wait for her.";
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        TraceFinder f = new TraceFinder(trace);
        int barron = f.thread("Barron");
        int olivia = f.thread("Olivia");
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(f.first(olivia, ThreadState.NEW, null), olivia, "Olivia is created",
                "The thread object exists but has not been started: it is new, and is_alive() says False."));
        steps.add(new TourStep(f.first(barron, ThreadState.WAITING, Reason.START_HANDSHAKE), barron,
                "Barron starts Olivia",
                "start() returns only once Olivia has begun running: Barron waits (start-handshake) for an instant."));
        long sleep = f.first(olivia, ThreadState.WAITING, Reason.SLEEP);
        steps.add(new TourStep(sleep, olivia, "Olivia waits for the sausage",
                "She sleeps: waiting (sleep). Barron keeps cooking meanwhile; both are waiting on timers, no core is busy."));
        long join = f.first(barron, ThreadState.WAITING, Reason.JOIN);
        if (join >= 0) {
            steps.add(new TourStep(join, barron, "Barron joins Olivia",
                    "Here Barron starts waiting for Olivia: join. He can do nothing until her thread ends."));
        } else {
            steps.add(new TourStep(f.printed("Barron patiently"), barron, "Barron joins Olivia",
                    "Olivia has already finished, so join() returns at once: no waiting."));
        }
        long dead = f.first(olivia, ThreadState.DEAD, null);
        steps.add(new TourStep(dead, olivia, "Olivia ends",
                join >= 0 ? "Her run() returns: dead (returned). Her death ends Barron's join: follow the arrow."
                        : "Her run() returns: dead (returned)."));
        steps.add(new TourStep(trace.endTime(), barron, "Both done",
                "Barron prints that both are done at " + TraceFinder.seconds(trace.endTime())
                        + ": the longer of the two waits, not their sum."));
        return steps;
    }

    @Override
    public Prediction prediction(ParamValues v) {
        // Three candidate times: his cooking, her sleep, and the two one after the other.
        TreeSet<Long> times = new TreeSet<>(List.of(Math.round(v.seconds("cook") * 1e6),
                Math.round(v.seconds("olivia") * 1e6), Math.round((v.seconds("cook") + v.seconds("olivia")) * 1e6)));
        List<Long> ordered = new ArrayList<>(times);
        List<String> choices = new ArrayList<>();
        ordered.forEach(t -> choices.add("at " + TraceFinder.seconds(t)));
        return new Prediction("When does Barron print \"Barron and Olivia are both done!\"?", choices,
                trace -> ordered.indexOf(new TraceFinder(trace).printed("Barron and Olivia are both done")));
    }

}
