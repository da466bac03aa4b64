package io.threadline.python;

import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioSpec;

/**
 * A built-in scenario's Python program as a user's program runs it: see
 * {@link ScenarioSpec#pythonSource(ParamValues)}.
 */
public final class ScenarioSource {
    private ScenarioSource() {
    }

    /** The scenario's Python program with {@code values} in place of its defaults. */
    public static String render(ScenarioSpec spec, ParamValues values) {
        return spec.pythonSource(values);
    }

    /** The Python file name of the scenario, e.g. chef_soup.py. */
    public static String fileName(ScenarioSpec spec) {
        return spec.id().replace('-', '_') + ".py";
    }
}
