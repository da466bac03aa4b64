package io.threadline.export;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;

import java.util.Map;
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
     * "olivia=3 · cook=0.5 · cores=4 · gil=true · seed 0": every parameter as the command line
     * takes it, then the seed; "" for a trace with none (from another tool).
     */
    public static String subtitle(Trace trace) {
        StringJoiner j = new StringJoiner(" · ");
        for (Map.Entry<String, String> p : trace.params().entrySet()) {
            if (!p.getKey().equals(ScenarioSpec.SEED)) {
                j.add(p.getKey() + "=" + p.getValue());
            }
        }
        if (!trace.scenario().isEmpty()) {
            j.add("seed " + trace.seed());
        }
        return j.toString();
    }
}
