package io.threadline.ui.teach;

import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamSpec;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a comparison runs twice, one parameter changed: a built-in scenario ({@link #of}), or a
 * user's program (the window's own), which may also be compared with the program as it ships.
 */
public interface Comparison {
    /** Which program this is: a comparison of the same one keeps its runs when opened again. */
    String id();

    /** "Chef soup", "race.py": what the empty pane offers to run twice. */
    String title();

    /** The parameters that can differ between the two runs. */
    List<ParamSpec> params();

    /** The one a comparison starts with: the one the lesson turns on. */
    ParamSpec startWith();

    /**
     * Runs to the end with the form's {@code values} and {@code p} set to {@code value}, on the
     * virtual clock; blocks (called in the background).
     *
     * @throws ParamException for a value that cannot be used; any other exception's message is
     *                        shown as why the runs could not be made
     */
    Trace execute(Map<String, String> form, ParamSpec p, String value) throws Exception;

    /**
     * What runs, as the program stands when Run both is pressed (on the JavaFX thread): a user's
     * program may have been edited since the comparison was opened.
     */
    default Comparison now() {
        return this;
    }

    /** How a run's setting reads in its caption: "olivia 3 s". */
    default String setting(ParamSpec p, String value) {
        return p.settingWords(value);
    }

    /** A built-in scenario, run by its Java program. */
    static Comparison of(ScenarioSpec s) {
        return new Comparison() {
            @Override
            public String id() {
                return s.id();
            }

            @Override
            public String title() {
                return s.title();
            }

            @Override
            public List<ParamSpec> params() {
                return s.params();
            }

            @Override
            public ParamSpec startWith() {
                return s.comparedParam();
            }

            @Override
            public Trace execute(Map<String, String> form, ParamSpec p, String value)
                    throws ParamException, InterruptedException {
                Map<String, String> m = new LinkedHashMap<>(form);
                m.keySet().removeIf(k -> s.param(k) == null);
                m.put(p.name(), value == null ? "" : value.trim());
                return s.execute(s.values(m));
            }
        };
    }
}
