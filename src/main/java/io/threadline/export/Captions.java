package io.threadline.export;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * The words that go with a picture of a trace, so a slide says what it shows and how to make it
 * again: the scenario's title, and its parameters and seed.
 */
public final class Captions {
    private Captions() {
    }

    /** "Chef soup", the scenario id if this version does not know it, or "Trace" for a foreign one. */
    public static String title(Trace trace) {
        ScenarioSpec spec = ScenarioCatalog.byId(trace.scenario());
        if (spec != null) {
            return spec.title();
        }
        return trace.scenario().isEmpty() ? "Trace" : trace.scenario();
    }

    /**
     * "olivia=3 · cook=0.5 · seed 0": the scenario's parameters as the command line takes them,
     * the runtime switches (cores, gil) only where they differ from their defaults, then the seed;
     * "" for a trace with none (from another tool).
     */
    public static String subtitle(Trace trace) {
        ScenarioSpec spec = ScenarioCatalog.byId(trace.scenario());
        StringJoiner j = new StringJoiner(" · ");
        if (spec != null) {
            spec.settings(trace.params()).forEach(p -> j.add(p.assignment()));
        } else {
            trace.params().forEach((name, value) -> {
                if (!name.equals(ScenarioSpec.SEED)) {
                    j.add(name + "=" + value);
                }
            });
        }
        if (!trace.scenario().isEmpty()) {
            j.add("seed " + trace.seed());
        }
        if (trace.outcome() != RunOutcome.COMPLETED && trace.outcome() != RunOutcome.RUNNING
                && !trace.scenario().isEmpty()) {
            // a slide of a deadlock should say so
            // a deadlock is dated when its cycle closed, not when the run was stopped
            long at = trace.outcome() == RunOutcome.DEADLOCK ? trace.lastChange() : trace.endTime();
            j.add(trace.outcome().label() + " at " + String.format(Locale.ROOT, "%.3f s", at / 1e6));
        }
        return j.toString();
    }
}
