package io.threadline.ui;

import io.threadline.python.UserProgram;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.ChoiceList;
import io.threadline.trace.Trace;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * What the window calls the run it shows, so a screencast says how to make it again: the
 * timeline's heading ("Chef soup", "olivia 3 s, cook 0.5 s"), the window's title with the seed,
 * and the status bar's line in the command line's words ("chef-soup olivia=3 cook=0.5 · seed 0").
 * A trace of no scenario this version knows is called by its file.
 *
 * @param heading the timeline header's title
 * @param params  the header's parameters, or where a foreign trace is from
 * @param window  the window's title
 * @param status  the status bar's line about the run
 */
record WindowTitle(String heading, String params, String window, String status) {
    private static final String APP = "Threadline";
    /** The copied command line has them all; the status bar the first ones. */
    private static final int MAX_PICKS_SHOWN = 16;

    /**
     * The names for {@code trace} (null: none yet) of scenario {@code s} (null: none selected),
     * whose form holds {@code form}; {@code file} is where the trace came from or went, or null.
     */
    static WindowTitle of(ScenarioSpec s, Trace trace, Map<String, String> form, Path file) {
        if (trace != null && trace.scenario().startsWith(UserProgram.SCENARIO_PREFIX)) {
            String name = trace.scenario().substring(UserProgram.SCENARIO_PREFIX.length());
            String seed = trace.params().getOrDefault(ScenarioSpec.SEED, "0");
            return new WindowTitle(name, "a Python program (its code is not in this trace)",
                    name + " — a Python program (seed " + seed + ") — " + APP, "a Python program " + name + " · seed "
                    + seed);
        }
        if (trace != null && ScenarioCatalog.byId(trace.scenario()) == null) {
            String name = file != null ? file.getFileName().toString()
                    : trace.scenario().isEmpty() ? "Trace" : trace.scenario();
            return new WindowTitle(name, trace.scenario().isEmpty() ? "from another tool"
                    : "scenario not in this version", name + " — " + APP, name);
        }
        if (s == null) {
            return new WindowTitle("", "", APP, "");
        }
        // The run shown says what made it; before a run of this scenario, the form does.
        Map<String, String> values = trace != null && s.id().equals(trace.scenario()) ? trace.params() : form;
        String seed = values.getOrDefault(ScenarioSpec.SEED, "0");
        String params = Formats.keyParams(s, values);
        StringBuilder status = new StringBuilder(s.id());
        s.settings(values).forEach(p -> status.append(' ').append(p.assignment()));
        status.append(" · seed ").append(seed);
        if (trace != null && s.id().equals(trace.scenario())) {
            status.append(choices(trace));
        }
        return new WindowTitle(s.title(), Formats.headingParams(s, values),
                s.title() + " (" + (params.isEmpty() ? "" : params + ", ") + "seed " + seed + ") — " + APP,
                status.toString());
    }

    /** " · choices 0,1,2" where someone other than the scheduler made the run's picks (as --choices gives them). */
    private static String choices(Trace trace) {
        int[] picks = ChoiceList.needed(trace);
        if (picks.length == 0) {
            return "";
        }
        String list = ChoiceList.format(picks.length > MAX_PICKS_SHOWN ? Arrays.copyOf(picks, MAX_PICKS_SHOWN) : picks);
        return " · choices " + list + (picks.length > MAX_PICKS_SHOWN ? ",… (" + picks.length + ")" : "");
    }

    /**
     * The names for the user's program {@code d}, whose run form holds {@code form}, showing
     * {@code trace} (null: none yet): the program's file name, and whose it is.
     */
    static WindowTitle ofProgram(ProgramDraft d, Trace trace, Map<String, String> form) {
        boolean ran = trace != null && trace.scenario().equals(UserProgram.SCENARIO_PREFIX + d.name());
        Map<String, String> values = ran ? trace.params() : form;
        String seed = values.getOrDefault(ScenarioSpec.SEED, "0");
        String whose = d.origin() != null ? "your edit of " + d.origin().title() : "your program";
        StringBuilder settings = new StringBuilder();
        for (String p : new String[] {ScenarioSpec.CORES, ScenarioSpec.GIL}) {
            String v = values.get(p);
            if (v != null && !v.equals(p.equals(ScenarioSpec.CORES) ? "4" : "true")) {
                settings.append(' ').append(p).append('=').append(v);
            }
        }
        String where = d.file() != null ? " · " + d.file().getParent() : " · not saved to a file";
        String name = d.name() + (d.modified() && d.file() != null ? " (changed)" : "");
        return new WindowTitle(d.name(), whose + where,
                name + " — " + whose + " (" + (settings.length() > 0 ? settings.toString().trim() + ", " : "")
                        + "seed " + seed + ") — " + APP,
                d.name() + " · " + whose + settings + " · seed " + seed);
    }
}
