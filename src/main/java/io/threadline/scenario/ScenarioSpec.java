package io.threadline.scenario;

import io.threadline.runtime.Chooser;
import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Program;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.runtime.SchedulingOrder;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * A scenario's description: what the browser lists (title, one line, icon), what the side
 * panel shows (explanation, Java and Python code, parameters), and how to run it. Its program
 * is a separate class in {@code scenario.program}, so the code users read is the code that runs.
 */
public abstract class ScenarioSpec {
    public static final String CORES = "cores";
    public static final String GIL = "gil";
    public static final String SEED = "seed";
    /** Where an explanation's lesson starts: its paragraph beginning "Notice:". */
    private static final String LESSON = "\n\nNotice:";

    private static final List<ParamSpec> COMMON = List.of(
            ParamSpec.integer(CORES, "Cores", "virtual CPU cores", 4, 1, 64).contrasting("1", ParamSpec.CURRENT),
            ParamSpec.bool(GIL, "GIL", "one global interpreter lock per process, as in CPython", true),
            ParamSpec.integer(SEED, "Seed", "same seed, same run", 0, 0, Integer.MAX_VALUE));

    /** The Python twin's line map, read once. */
    private volatile Map<String, Integer> pythonLines;

    /** The id scripts use, e.g. "chef-soup". */
    public abstract String id();

    public abstract String title();

    /** One line for the scenario list. */
    public abstract String summary();

    /** A few short paragraphs: the idea, and the one thing to notice on the timeline. */
    public abstract String explanation();

    /**
     * The explanation without its lesson: what the program does, shown before a run. The lesson
     * (the paragraph that starts "Notice:") would give away the prediction's answer.
     */
    public final String setup() {
        String e = explanation();
        int i = e.indexOf(LESSON);
        return i < 0 ? e : e.substring(0, i).stripTrailing();
    }

    /** The one thing to notice, the explanation's "Notice:" paragraph; empty if it has none. */
    public final String lesson() {
        String e = explanation();
        int i = e.indexOf(LESSON);
        return i < 0 ? "" : e.substring(i).strip();
    }

    /**
     * The stretch of a finished run its lesson is about, when that is too short to watch at the
     * usual speeds (race-condition's whole run of a tenth of a second); null for a scenario that
     * names none, or a run that has no such stretch. Reads the trace's lanes or output.
     */
    public LessonWindow lessonWindow(Trace trace) {
        return null;
    }

    /**
     * The lesson window of the run {@code v} makes, found by making it on the virtual clock (the
     * same values and seed make the same run); null if it names none, or if that run takes longer
     * than {@code budgetMillis} of wall time (it is stopped).
     */
    public final LessonWindow findLessonWindow(ParamValues v, long budgetMillis) throws InterruptedException {
        if (!namesLessonWindow()) {
            return null;
        }
        Run r = start(v, options(v, ClockMode.VIRTUAL, 1));
        try {
            if (!r.awaitEnd(budgetMillis, TimeUnit.MILLISECONDS)) {
                return null;
            }
        } finally {
            if (!r.isFinished()) {
                r.stop();
            }
        }
        return r.trace().outcome() == RunOutcome.STOPPED ? null : lessonWindow(r.trace());
    }

    /** Whether this scenario names a {@link #lessonWindow}: a run of it is worth pacing. */
    public boolean namesLessonWindow() {
        return false;
    }

    /** Ikonli icon literal (Material Design 2), e.g. "mdi2c-chef-hat". */
    public abstract String icon();

    /** Name of the program's main thread. */
    public abstract String mainThread();

    /** The scenario's own parameters; cores, gil and seed are added to every scenario. */
    protected abstract List<ParamSpec> ownParams();

    /** A program instance for these values; each run needs a fresh one. */
    protected abstract Program program(ParamValues values);

    /** The program class, whose source file is shown as the scenario's Java code. */
    public final Class<? extends Program> programClass() {
        // a program's constructor only keeps its values: making one to ask its class costs nothing
        return program(defaults()).getClass();
    }

    /** The guided tour's moments for a finished run, found from its trace. */
    public abstract List<TourStep> tour(Trace trace);

    /** The question to ask before running with these values; the run answers it. */
    public abstract Prediction prediction(ParamValues values);

    /** FIFO unless the scenario's point is that the order may vary. */
    public SchedulingOrder order() {
        return SchedulingOrder.FIFO;
    }

    /**
     * The goals a search of this scenario's interleavings can look for beyond the general ones
     * (deadlock, a counter's value, a printed line, a thread that raised): the bug this scenario
     * is about, for these values. The first is what the window's "find it" looks for; a scenario
     * with none has no such button.
     */
    public List<SearchGoal> searchGoals(ParamValues values) {
        return List.of();
    }

    public final List<ParamSpec> params() {
        List<ParamSpec> all = new ArrayList<>(ownParams());
        all.addAll(COMMON);
        return all;
    }

    /**
     * The parameter a comparison of two runs starts with: the one this scenario's lesson turns
     * on. Unless a scenario says otherwise, its first switch, else the GIL.
     */
    public ParamSpec comparedParam() {
        for (ParamSpec p : ownParams()) {
            if (p.kind() == ParamKind.BOOLEAN) {
                return p;
            }
        }
        return param(GIL);
    }

    /**
     * Own parameters for one run of the stress test ({@code threadline stress}): a run of
     * milliseconds that is still busy, in many shapes. Cores, GIL and seed are chosen by the test;
     * a scenario whose defaults are short already adds nothing.
     */
    public Map<String, String> stressParams(Random random) {
        return Map.of();
    }

    /**
     * The settings that tell a run apart, in the order the scenario declares them: each of its
     * own parameters the values hold, and the runtime switches (cores, gil) only where they
     * differ from their defaults. Never the seed: whoever shows settings names it apart.
     */
    public final List<ParamSetting> settings(Map<String, String> values) {
        List<ParamSetting> out = new ArrayList<>();
        for (ParamSpec p : params()) {
            String v = values.get(p.name());
            if (v == null || p.name().equals(SEED)) {
                continue;
            }
            boolean runtime = p.name().equals(CORES) || p.name().equals(GIL);
            if (!runtime || !p.isDefault(v)) {
                out.add(new ParamSetting(p, v));
            }
        }
        return out;
    }

    public final ParamSpec param(String name) {
        for (ParamSpec p : params()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Checked values: {@code given} over the defaults. Unknown names and bad values are errors. */
    public final ParamValues values(Map<String, String> given) throws ParamException {
        for (String name : given.keySet()) {
            if (param(name) == null) {
                StringJoiner known = new StringJoiner(", ");
                params().forEach(p -> known.add(p.name()));
                throw new ParamException("unknown parameter '" + name + "' for " + id() + " (known: " + known + ")");
            }
        }
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, Object> typed = new LinkedHashMap<>();
        for (ParamSpec p : params()) {
            String raw = given.containsKey(p.name()) ? given.get(p.name()).trim() : p.defaultValue();
            typed.put(p.name(), p.check(raw));
            text.put(p.name(), p.canonical(raw));
        }
        return new ParamValues(text, typed);
    }

    public final ParamValues defaults() {
        try {
            return values(Map.of());
        } catch (ParamException e) {
            throw new IllegalStateException("defaults of " + id() + " are invalid: " + e.getMessage(), e);
        }
    }

    /** Runtime options for these values on the given clock. */
    public RunOptions options(ParamValues v, ClockMode clock, double speed) {
        RunOptions o = RunOptions.defaults()
                .withCores(v.integer(CORES))
                .withGil(v.bool(GIL))
                .withSeed(v.longValue(SEED))
                .withOrder(order());
        return clock == ClockMode.PACED ? o.paced(speed) : o;
    }

    /** Starts a run; observe it through {@link Run#trace()}. */
    public final Run start(ParamValues v, RunOptions options) {
        return start(v, options, null);
    }

    /** Starts a run whose real choices {@code chooser} makes (null: the scenario's own order). */
    public final Run start(ParamValues v, RunOptions options, Chooser chooser) {
        Run run = Run.start(program(v), mainThread(), options, id(), v.asText(), chooser);
        run.trace().setResourceFocus(lessonResources());
        return run;
    }

    /**
     * The resources this scenario's lesson is about, by name or name prefix ("GIL" for every
     * process's GIL): their lanes are open at first, the others folded. Empty: the contended ones.
     */
    public List<String> lessonResources() {
        return List.of();
    }

    /**
     * A {@link #lessonResources()} that opens no resource lane: every lane starts folded, for a
     * lesson told by rows of its own (a pool's results) that the lanes would push off the screen.
     * (No resource has an empty name, and none starts with a blank.)
     */
    protected static final List<String> NO_RESOURCE_LANES = List.of("");

    /** Runs to the end on the virtual clock and returns the trace. */
    public final Trace execute(ParamValues v) throws InterruptedException {
        return execute(v, null);
    }

    /** Runs to the end on the virtual clock, {@code chooser} making the real choices, and returns the trace. */
    public final Trace execute(ParamValues v, Chooser chooser) throws InterruptedException {
        Trace t = Run.execute(program(v), mainThread(), options(v, ClockMode.VIRTUAL, 1), id(), v.asText(), chooser);
        t.setResourceFocus(lessonResources());
        return t;
    }

    /** The program class's source, shipped as a resource so the code shown is the code that ran. */
    public final String javaSource() {
        return resource("/" + programClass().getName().replace('.', '/') + ".java");
    }

    /** The program in Python, line for line the Java program's twin: {@code python/chef_soup.py}. */
    public final String pythonSource() {
        return resource(PythonTwin.resource(this, ".py"));
    }

    /** The Python program with {@code v} written into its parameter lines: the run those values make. */
    public final String pythonSource(ParamValues v) {
        return PythonTwin.render(this, pythonSource(), v);
    }

    /**
     * The line of the Python program where the transition {@code i} of {@code lane}, recorded at a
     * line of the Java program, happens in CPython; 0 where the twins' map does not know it.
     */
    public final int pythonLine(LaneColumns lane, int i) {
        return pythonLine(lane.line(i), PythonTwin.keyReason(lane, i));
    }

    /** As {@link #pythonLine(LaneColumns, int)}, for a Java line and the transition's key reason. */
    public final int pythonLine(int javaLine, Reason keyReason) {
        Map<String, Integer> map = pythonLines;
        if (map == null) {
            map = PythonTwin.lines(this);
            pythonLines = map;
        }
        return PythonTwin.line(map, javaLine, keyReason);
    }

    /**
     * The lesson as a finished run of this scenario tells it: the "Notice:" paragraph with that
     * run's parameters and the times its trace holds. Reads the trace's lanes (off the JavaFX
     * thread for large runs). By default the lesson as written.
     */
    public String lesson(Trace trace) {
        return lesson();
    }

    private String resource(String path) {
        try (InputStream in = ScenarioSpec.class.getResourceAsStream(path)) {
            if (in == null) {
                // A build without it is broken; ScenarioCatalogTest fails on it first.
                throw new IllegalStateException(id() + " has no " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
