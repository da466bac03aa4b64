package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.program.DaemonCleanerProgram;

import java.util.List;

/** A daemon thread that loops forever is cut off when the last non-daemon thread ends. */
public final class DaemonCleaner extends ScenarioSpec {
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
    protected Program program(ParamValues v) {
        return new DaemonCleanerProgram(v.bool("daemon"));
    }

    @Override
    public Class<? extends Program> programClass() {
        return DaemonCleanerProgram.class;
    }
}
