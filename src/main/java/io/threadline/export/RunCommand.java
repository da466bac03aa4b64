package io.threadline.export;

import io.threadline.scenario.ParamSetting;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.ChoiceList;
import io.threadline.trace.Trace;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The {@code run} command that makes a trace again, for a screencast's notes or a paper's
 * methods: the scenario, each of its parameters as the trace recorded it, the runtime switches
 * that differ from their defaults, the seed, and the scheduler's picks where someone else made
 * them (the student, a search, a list). The same build runs it to the same trace, on the
 * virtual clock (the window's paced clock changes when things happen on screen, not what happens).
 */
public final class RunCommand {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/=:,+@%-]+");

    private RunCommand() {
    }

    /** The arguments after the program: {@code run ID --set NAME=VALUE ... --seed N [--choices LIST]}; empty if no known scenario. */
    public static List<String> arguments(Trace trace) {
        ScenarioSpec spec = ScenarioCatalog.byId(trace.scenario());
        if (spec == null) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("run", spec.id()));
        for (ParamSetting p : spec.settings(trace.params())) {
            args.add("--set");
            args.add(p.assignment());
        }
        args.add("--seed");
        args.add(trace.params().getOrDefault(ScenarioSpec.SEED, Long.toString(trace.seed())));
        int[] picks = ChoiceList.needed(trace);
        if (picks.length > 0) {
            // the scheduler makes the picks after the last of these by itself
            args.add("--choices");
            args.add(ChoiceList.format(picks));
        }
        return args;
    }

    /** The whole command line, quoted for a POSIX shell; null if the trace is not of a known scenario. */
    public static String of(Trace trace) {
        List<String> args = arguments(trace);
        if (args.isEmpty()) {
            return null;
        }
        StringJoiner j = new StringJoiner(" ");
        j.add(launcher());
        args.forEach(a -> j.add(quote(a)));
        return j.toString();
    }

    /**
     * The command that runs the user's program in {@code file} as {@code trace} was made: the
     * runtime settings, the seed and the cost of a line the trace recorded. The program file must
     * still hold the text that made it; the command cannot know.
     */
    public static String ofProgram(Trace trace, Path file) {
        StringJoiner j = new StringJoiner(" ");
        j.add(launcher()).add("run").add(quote(file.toString()));
        for (String name : List.of(ScenarioSpec.CORES, ScenarioSpec.GIL, ScenarioSpec.SEED, "line_cost")) {
            String v = trace.params().get(name);
            if (v != null) {
                j.add("--set").add(quote(name + "=" + v));
            }
        }
        return j.toString();
    }

    /** How this build is started: {@code java -jar} with the jar it runs from, or the one {@code mvn package} makes. */
    static String launcher() {
        try {
            Path at = Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(at) && at.getFileName().toString().endsWith(".jar")) {
                return "java -jar " + quote(at.toString());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not from a file: the usual place below
        }
        return "java -jar target/threadline.jar";
    }

    /** An argument as a POSIX shell reads it back: as is when plain, else in single quotes. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && PLAIN.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
