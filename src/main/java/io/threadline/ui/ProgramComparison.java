package io.threadline.ui;

import io.threadline.python.ProgramException;
import io.threadline.python.ScenarioSource;
import io.threadline.python.UserProgram;
import io.threadline.python.UserRunParams;
import io.threadline.runtime.Run;
import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamSpec;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import io.threadline.ui.teach.Comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user's program run twice: an edit against the program as it ships, or two seeds, core counts,
 * GIL on and off, line costs. Both runs are the user's text (or the scenario's, as the Python tab
 * shows it) in CPython on the virtual clock, so they differ only where the comparison says.
 */
final class ProgramComparison implements Comparison {
    /** An edit of a scenario's program, or the program as it ships. */
    static final ParamSpec EDIT = ParamSpec.bool("edit", "Your edit",
            "your edited program (on) or the scenario's program as it ships (off)", true);
    private static final Set<String> RUN_PARAMS = Set.of(ScenarioSpec.CORES, ScenarioSpec.GIL, ScenarioSpec.SEED,
            "line_cost");

    private final ProgramDraft program;
    private final String text;
    private final Map<String, String> scenarioForm;
    private final String interpreter;
    private final List<ParamSpec> params = new ArrayList<>();

    /**
     * @param scenarioForm the scenario's own parameters, for the program as it ships (an edit's)
     * @param interpreter  the interpreter set, or null
     */
    ProgramComparison(ProgramDraft program, Map<String, String> scenarioForm, String interpreter) {
        this.program = program;
        this.text = program.text();
        this.scenarioForm = Map.copyOf(scenarioForm);
        this.interpreter = interpreter;
        if (program.origin() != null) {
            params.add(EDIT);
        }
        for (ParamSpec p : UserRunParams.PARAMS) {
            if (RUN_PARAMS.contains(p.name())) {
                // two seeds: this one and the next
                params.add(p.name().equals(ScenarioSpec.SEED) ? p.contrasting(ParamSpec.CURRENT, "1") : p);
            }
        }
    }

    @Override
    public Comparison now() {
        return text.equals(program.text()) ? this : new ProgramComparison(program, scenarioForm, interpreter);
    }

    @Override
    public String id() {
        // the same program with other text is another comparison
        return program.key() + "@" + text.hashCode();
    }

    @Override
    public String title() {
        return program.name();
    }

    @Override
    public List<ParamSpec> params() {
        return params;
    }

    @Override
    public ParamSpec startWith() {
        return params.get(program.origin() != null ? 0 : params.size() - 2);
    }

    @Override
    public Trace execute(Map<String, String> form, ParamSpec p, String value) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (RUN_PARAMS.contains(k)) {
                m.put(k, v);
            }
        });
        boolean edited = true;
        if (p == EDIT) {
            edited = (Boolean) EDIT.check(value);
        } else {
            m.put(p.name(), value);
        }
        UserRunParams run = UserRunParams.of(m, interpreter);
        String source = edited ? text : original();
        try {
            Run r = UserProgram.of(program.name(), source).start(run.options(), run.settings());
            r.awaitEnd();
            return r.trace();
        } catch (ProgramException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private String original() {
        ScenarioSpec s = program.origin();
        ParamValues v;
        try {
            v = s.values(scenarioForm);
        } catch (ParamException e) {
            v = s.defaults();
        }
        return ScenarioSource.render(s, v);
    }

    @Override
    public String setting(ParamSpec p, String value) {
        if (p == EDIT) {
            return "on".equals(p.valueText(value)) ? "your edit" : "as it ships";
        }
        return Comparison.super.setting(p, value);
    }
}
