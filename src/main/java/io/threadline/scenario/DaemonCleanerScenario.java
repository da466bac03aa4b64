package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.program.DaemonCleanerProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A daemon thread that loops forever is cut off when the last non-daemon thread ends. */
public final class DaemonCleanerScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "daemon-cleaner";
    }

    @Override
    public String title() {
        return "Daemon kitchen cleaner";
    }

    @Override
    public String summary() {
        return "A daemon thread cleans forever and is cut off when Barron is done.";
    }

    @Override
    public String explanation() {
        return """
                Olivia cleans the kitchen in an endless loop: clean, then sleep a second. \
                She is a daemon thread, a background helper that does not keep the program alive.

                Barron cooks for 1.2 s and finishes. At that instant no non-daemon thread is left, \
                so the program ends and Olivia is killed wherever she is: here, in the middle of \
                her sleep.

                Notice: Olivia's lane ends at 1.2 s with a "killed" cap, not a normal end. \
                Switch "daemon" off and she keeps the program running until the time limit stops it.""";
    }

    @Override
    public String icon() {
        return "mdi2b-broom";
    }

    @Override
    public String mainThread() {
        return "Barron";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(ParamSpec.bool("daemon", "Olivia is a daemon", "off: the program never ends on its own", true));
    }

    @Override
    public Map<String, String> stressParams(Random random) {
        return Map.of("daemon", Boolean.toString(random.nextBoolean()));
    }

    @Override
    protected Program program(ParamValues v) {
        return new DaemonCleanerProgram(v.bool("daemon"));
    }

    @Override
    public String lesson(Trace trace) {
        int barron = trace.threadNamed("Barron");
        int olivia = trace.threadNamed("Olivia");
        if (barron < 0 || olivia < 0 || trace.lane(barron).size() == 0) {
            return lesson();
        }
        TraceFinder f = new TraceFinder(trace);
        String end = TraceFinder.seconds(f.lastTime(barron));
        if (f.lastReason(olivia) == Reason.KILLED && trace.outcome() != RunOutcome.TIME_LIMIT) {
            return "Notice: Olivia's lane ends at " + end + " with a \"killed\" cap, not a normal end: Barron, the "
                    + "last non-daemon thread, ended then. Switch \"daemon\" off and she keeps the program running "
                    + "until the time limit stops it.";
        }
        return "Notice: Olivia is not a daemon here. Barron is done at " + end + ", yet she keeps the program "
                + "alive, cleaning every second, until Threadline's time limit stops it at "
                + TraceFinder.seconds(trace.endTime()) + "; a real program would never end. Switch \"daemon\" on and "
                + "she is cut off the instant Barron ends.";
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        TraceFinder f = new TraceFinder(trace);
        int barron = f.thread("Barron");
        int olivia = f.thread("Olivia");
        boolean daemon = olivia >= 0 && trace.thread(olivia).daemon();
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(f.first(olivia, ThreadState.RUNNABLE, Reason.STARTED), olivia,
                daemon ? "Olivia, a daemon, starts" : "Olivia starts (not a daemon)",
                daemon ? "A daemon thread works in the background and does not keep the program alive."
                        : "A normal thread keeps the program alive for as long as it runs."));
        steps.add(new TourStep(f.first(olivia, ThreadState.WAITING, Reason.SLEEP), olivia, "Clean, then sleep",
                "Olivia cleans and sleeps a second, over and over. Barron cooks in two steps of 0.6 s."));
        long barronEnd = f.first(barron, ThreadState.DEAD, null);
        steps.add(new TourStep(barronEnd, barron, "Barron is done",
                "The main thread ends at " + TraceFinder.seconds(barronEnd) + "."));
        if (olivia >= 0 && f.lastReason(olivia) == Reason.KILLED && daemon) {
            steps.add(new TourStep(f.lastTime(olivia), olivia, "Olivia is cut off",
                    "No non-daemon thread is left, so the program ends: Olivia is killed in the middle of her sleep."));
        } else {
            steps.add(new TourStep(trace.endTime(), olivia, "Stopped at the limit",
                    "Olivia is not a daemon, so the program would run forever: the runtime stops it at its time limit."));
        }
        return steps;
    }

    @Override
    public Prediction prediction(ParamValues v) {
        return new Prediction("Barron is done at 1.2 s, while Olivia sleeps. What happens to Olivia?",
                List.of("She finishes her sleep and cleans once more, then the program ends",
                        "She is cut off at 1.2 s, in the middle of her sleep",
                        "The program never ends: she keeps cleaning"),
                trace -> {
                    TraceFinder f = new TraceFinder(trace);
                    int olivia = f.thread("Olivia");
                    if (trace.outcome() == RunOutcome.TIME_LIMIT) {
                        return 2;
                    }
                    return f.lastReason(olivia) == Reason.KILLED && f.lastTime(olivia) == 1_200_000 ? 1 : 0;
                });
    }
}
