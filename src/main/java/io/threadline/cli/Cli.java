package io.threadline.cli;

import io.threadline.export.AtomicFile;
import io.threadline.export.Captions;
import io.threadline.export.OutputPath;
import io.threadline.export.TraceFile;
import io.threadline.export.TraceFormatException;
import io.threadline.runtime.ClockMode;
import io.threadline.runtime.ReplayChooser;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamSpec;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.ChoiceList;
import io.threadline.trace.CounterTrack;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The command line: {@code list}, {@code run}, {@code show}, {@code info}, {@code help}. It
 * needs no display: only {@code show} reaches the window, through the {@link WindowOpener}
 * it is given. Every failure ends in one line on the error stream and a non-zero status,
 * never a stack trace.
 *
 * <p>Exit status: {@link #OK} when the command did its job, including a run that ended in
 * deadlock or at its time limit (the summary line says so, as that is what the scenario
 * showed); {@link #BAD_INPUT} for a bad argument, unknown scenario, bad parameter value, a
 * file that cannot be read or is not a trace, or no desktop session for the window;
 * {@link #CANNOT_WRITE} for any output that cannot be written, whether found before the work
 * (checked as the command is read) or while writing (a full disk); {@link #FAILED} for anything
 * else (an internal error).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int CANNOT_WRITE = 3;

    /** What the window says when there is no screen to show it on. */
    public static final String NO_DESKTOP = "the window needs a desktop session (%s); the command line works"
            + " without one (" + "threadline help)";

    static final String NAME = "threadline";

    private static final String USAGE = String.join("\n",
            "Threadline shows how threads live: one lane per thread, coloured by state.",
            "",
            "usage: " + NAME + "                     open the window",
            "       " + NAME + " list                the scenarios and their parameters",
            "       " + NAME + " run ID [options]    run a scenario and print its output",
            "       " + NAME + " run FILE.py [options] run your own Python program the same way",
            "           --python EXE              the CPython 3.9+ to run it with (default python3)",
            "           --set NAME=VALUE          set a parameter (repeat for more; see 'list')",
            "           --seed N                  the same as --set seed=N",
            "           --choices 2,0,1           the scheduler's picks, one per real choice (who",
            "                                     runs, wakes or fires first); then its own order",
            "           --speed X                 run on the paced clock at X times real time",
            "                                     (default: the virtual clock, as fast as it goes)",
            "           --trace FILE              write the trace to FILE (Chrome trace JSON,",
            "                                     also opens in Perfetto and chrome://tracing)",
            PictureRequest.USAGE,
            ExploreCommand.USAGE,
            "       " + NAME + " show FILE           open the window on a saved trace",
            "       " + NAME + " draw FILE [options] draw a saved trace (also another tool's Chrome",
            "                                     trace): the picture options of run",
            "       " + NAME + " info FILE           check a trace file and summarize it",
            "       " + NAME + " stress [--runs N]   N runs back to back (default 1000), half stopped at",
            "                                     random; prints leftover threads and heap growth",
            "       " + NAME + " help                this text",
            "",
            "exit status: 0 done (also when a run ends in deadlock or at its time limit: the",
            "summary line says why); 2 bad argument, parameter or input file, or no desktop for",
            "the window; 3 an output cannot be written (nothing was replaced); 1 internal error.",
            "A Python program: 0 when it completed, 1 when it raised or did not complete, 2 for",
            "a bad argument, a SyntaxError or no interpreter.");

    private final WindowOpener window;

    /** @param window opens the app's window for {@code show} */
    public Cli(WindowOpener window) {
        this.window = window;
    }

    /** Carries out the command in {@code args}; returns the exit status. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, out, err);
        } catch (UsageException e) {
            err.println(NAME + ": " + e.getMessage());
            return e.status();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(NAME + ": interrupted");
            return FAILED;
        } catch (RuntimeException | Error e) {
            err.println(NAME + ": internal error: " + oneLine(String.valueOf(e)));
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Opens the window on {@code file} (or none); one line and {@link #BAD_INPUT} when there is no
     * desktop session to open it in.
     */
    public int openWindow(Path file, PrintStream err) {
        try {
            window.open(file);
            return OK;
        } catch (WindowOpener.NoDesktop e) {
            err.println(NAME + ": " + String.format(NO_DESKTOP, e.getMessage()));
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println(NAME + ": cannot open the window: " + oneLine(String.valueOf(e.getMessage())));
            return FAILED;
        } finally {
            err.flush();
        }
    }

    private int dispatch(String[] args, PrintStream out, PrintStream err) throws UsageException,
            InterruptedException {
        if (args.length == 0) {
            out.println(USAGE);
            return OK;
        }
        String command = args[0];
        List<String> rest = List.of(args).subList(1, args.length);
        switch (command) {
            case "help", "--help", "-h" -> {
                out.println(USAGE);
                return OK;
            }
            case "list" -> {
                noMore(command, rest, 0);
                list(out);
                return OK;
            }
            case "run" -> {
                return runCommand(rest, out, err);
            }
            case "show" -> {
                Path file = fileArgument(command, rest);
                load(file);
                return openWindow(file, err);
            }
            case "info" -> {
                Path file = fileArgument(command, rest);
                info(file, load(file), out);
                return OK;
            }
            case "stress" -> {
                return StressCommand.run(rest, out);
            }
            case "explore" -> {
                return ExploreCommand.run(rest, out, err);
            }
            case "draw" -> {
                return drawCommand(rest, out, err);
            }
            default -> {
                if (looksLikeAFile(command)) {
                    throw new UsageException("unknown command '" + command + "' (to open a trace: " + NAME + " show "
                            + command + ")");
                }
                throw new UsageException(command.startsWith("-")
                        ? "unknown option '" + command + "' (commands: list, run, explore, show, info, draw, stress, help)"
                        : "unknown command '" + command + "' (commands: list, run, explore, show, info, draw, stress, help)");
            }
        }
    }

    // ------------------------------------------------------------------ list

    private static void list(PrintStream out) {
        out.println("Scenarios (run one with: " + NAME + " run ID --set NAME=VALUE ...):");
        out.println();
        boolean first = true;
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(s.id() + "  " + s.title());
            out.println("    " + s.summary());
            Table table = new Table();
            table.row("    parameter", "default", "range", "");
            for (ParamSpec p : s.params()) {
                table.row("    " + p.name(), p.defaultValue(), p.rangeText(), p.hint());
            }
            table.print(out);
        }
    }

    // ------------------------------------------------------------------ run

    private int runCommand(List<String> args, PrintStream stdout, PrintStream err) throws UsageException,
            InterruptedException {
        String id = null;
        Map<String, String> given = new LinkedHashMap<>();
        double speed = 0;
        ReplayChooser replay = null;
        Outputs outputs = new Outputs(stdout);
        OutputPath tracePath = null;
        String python = null;
        PictureRequest pictures = new PictureRequest(outputs);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            Arg arg = Arg.of(a);
            String option = arg.option();
            String inline = arg.inline();
            switch (option) {
                case "--help", "-h" -> {
                    stdout.println(USAGE);
                    return OK;
                }
                case "--set" -> set(inline != null ? inline : value(args, ++i, option), given);
                case "--seed" -> given.put(ScenarioSpec.SEED, inline != null ? inline : value(args, ++i, option));
                case "--speed" -> speed = speed(inline != null ? inline : value(args, ++i, option));
                case "--choices" -> replay = choices(inline != null ? inline : value(args, ++i, option));
                case "--trace" -> tracePath = outputs.file(option, inline != null ? inline : value(args, ++i, option));
                case "--python" -> python = inline != null ? inline : value(args, ++i, option);
                default -> {
                    int used = pictures.take(args, i, option, inline);
                    if (used >= 0) {
                        i = used;
                        continue;
                    }
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "' for run (options: --set, --seed, --choices,"
                                + " --speed, --trace, " + PictureRequest.OPTIONS + ")");
                    }
                    if (id != null) {
                        throw new UsageException("run takes one scenario, got '" + id + "' and '" + a + "'");
                    }
                    id = a;
                }
            }
        }
        if (id == null) {
            throw new UsageException("run: which scenario? (" + scenarioIds() + ")");
        }
        // the program's lines and ours stay off standard output when it carries an output
        PrintStream out = outputs.toStandardOutput() ? err : stdout;
        boolean paced = speed > 0;
        RunOptions options;
        Run run;
        if (PythonProgramRun.isProgram(id)) {
            PythonProgramRun started = PythonProgramRun.start(id, given, python, paced ? speed : 0, replay);
            options = started.options();
            run = started.run();
        } else {
            if (python != null) {
                throw new UsageException("--python is for a Python program (run FILE.py --python EXE)");
            }
            ScenarioSpec spec = ScenarioCatalog.byId(id);
            if (spec == null) {
                throw new UsageException("unknown scenario '" + id + "' (known: " + scenarioIds() + ")");
            }
            ParamValues values;
            try {
                values = spec.values(given);
            } catch (ParamException e) {
                throw new UsageException(e.getMessage());
            }
            options = spec.options(values, paced ? ClockMode.PACED : ClockMode.VIRTUAL, paced ? speed : 1);
            run = spec.start(values, options, replay);
        }
        Trace trace = run.trace();
        OutputPrinter printer = new OutputPrinter(trace, out);
        try {
            if (paced) {
                // Lines appear as the run reaches them, at the pace of the demo.
                printer.widths(options.timeLimit());
                while (!run.awaitEnd(50, TimeUnit.MILLISECONDS)) {
                    printer.printNew();
                }
            } else {
                run.awaitEnd();
                printer.widths(trace.endTime());
            }
        } finally {
            run.stop();
        }
        printer.printNew();
        out.println(summary(trace));
        if (replay != null) {
            String misfit = replay.misfit();
            if (misfit != null) {
                throw new UsageException("--choices: " + misfit + " (written: nothing)");
            }
            out.println("choices: all " + replay.picks().length + " given were followed; " + trace.choiceCount()
                    + " made in all");
        }
        List<Supplier<String>> done = new ArrayList<>();
        try (AtomicFile.Batch batch = new AtomicFile.Batch()) {
            if (tracePath != null) {
                OutputPath to = tracePath;
                try {
                    batch.add(to, TraceFile.content(trace));
                } catch (IOException e) {
                    throw Outputs.cannotWrite(e);
                }
                done.add(() -> "trace written " + Outputs.where(to));
            }
            if (pictures.any()) {
                done.addAll(pictures.stage(trace, Captions.title(trace), batch));
            }
            Outputs.commit(batch);
        }
        done.forEach(line -> out.println(line.get()));
        return PythonProgramRun.isProgram(id) ? PythonProgramRun.exitStatus(trace) : OK;
    }

    // ------------------------------------------------------------------ draw

    /** {@code draw FILE options}: the pictures of a saved trace, without running anything. */
    private static int drawCommand(List<String> args, PrintStream stdout, PrintStream err) throws UsageException {
        Outputs outputs = new Outputs(stdout);
        PictureRequest pictures = new PictureRequest(outputs);
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            Arg arg = Arg.of(a);
            String option = arg.option();
            String inline = arg.inline();
            int used = pictures.take(args, i, option, inline);
            if (used >= 0) {
                i = used;
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option '" + a + "' for draw (options: " + PictureRequest.OPTIONS
                        + ")");
            } else if (file != null) {
                throw new UsageException("draw: unexpected argument '" + a + "'");
            } else {
                file = a;
            }
        }
        Path path = fileArgument("draw", file == null ? List.of() : List.of(file));
        if (!pictures.any()) {
            throw new UsageException("draw: which picture? (--png FILE, --svg FILE, --gif FILE or --frames DIR)");
        }
        outputs.notInput(path);
        Trace trace = load(path);
        PrintStream out = outputs.toStandardOutput() ? err : stdout;
        List<Supplier<String>> done;
        try (AtomicFile.Batch batch = new AtomicFile.Batch()) {
            // a trace from another tool has no scenario: its file names it
            done = pictures.stage(trace, trace.scenario().isEmpty() ? String.valueOf(path.getFileName())
                    : Captions.title(trace), batch);
            Outputs.commit(batch);
        }
        done.forEach(line -> out.println(line.get()));
        return OK;
    }

    /** An argument as an option and its inline value: {@code --trace=x.json} is ("--trace", "x.json"). */
    record Arg(String option, String inline) {
        static Arg of(String a) {
            int eq = a.indexOf('=');
            return a.startsWith("--") && eq > 0 ? new Arg(a.substring(0, eq), a.substring(eq + 1)) : new Arg(a, null);
        }
    }

    /** {@code --set NAME=VALUE} into {@code given}. */
    static void set(String kv, Map<String, String> given) throws UsageException {
        int at = kv.indexOf('=');
        if (at <= 0) {
            throw new UsageException("--set needs NAME=VALUE, got '" + kv + "'");
        }
        given.put(kv.substring(0, at).trim(), kv.substring(at + 1));
    }

    static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static ReplayChooser choices(String text) throws UsageException {
        try {
            return new ReplayChooser(ChoiceList.parse(text));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--choices needs candidates' numbers separated by commas, e.g. 2,0,1: "
                    + e.getMessage());
        }
    }

    /** A whole number from {@code min} to {@code max} given to {@code option}. */
    static long number(String option, String text, long min, long max) throws UsageException {
        try {
            long v = Long.parseLong(text.trim());
            if (v < min || v > max) {
                throw new UsageException(option + " must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, got '" + text + "'");
        }
    }

    private static double speed(String text) throws UsageException {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new UsageException("--speed must be a positive number (times real time), got '" + text + "'");
        }
        return v;
    }

    static String summary(Trace trace) {
        StringBuilder b = new StringBuilder();
        // a deadlock is dated when its cycle closed; the run was stopped later
        long at = trace.outcome() == RunOutcome.DEADLOCK ? trace.lastChange() : trace.endTime();
        b.append(trace.outcome().label()).append(" at ").append(seconds(at))
                .append(", ").append(count(trace.threadCount(), "thread"))
                .append(", ").append(count(trace.eventCount(), "state change"));
        if (trace.outcome() != RunOutcome.COMPLETED && !trace.outcomeMessage().isEmpty()) {
            b.append(": ").append(oneLine(trace.outcomeMessage()));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ show, info

    private static Path fileArgument(String command, List<String> rest) throws UsageException {
        if (rest.isEmpty()) {
            throw new UsageException(command + ": which trace file?");
        }
        noMore(command, rest, 1);
        try {
            return Path.of(rest.get(0));
        } catch (InvalidPathException e) {
            throw new UsageException(command + ": not a usable file name: '" + rest.get(0) + "'");
        }
    }

    private static Trace load(Path file) throws UsageException {
        try {
            return TraceFile.load(file);
        } catch (TraceFormatException e) {
            throw new UsageException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + ioProblem(e));
        }
    }

    private static void info(Path file, Trace trace, PrintStream out) {
        Table t = new Table();
        t.row("file", file + " (" + size(file) + ")");
        t.row("scenario", trace.scenario().isEmpty() ? "(none)" : trace.scenario());
        StringJoiner params = new StringJoiner(" ");
        trace.params().forEach((k, v) -> params.add(k + "=" + v));
        t.row("params", params.length() == 0 ? "(none)" : params.toString());
        t.row("seed", Long.toString(trace.seed()));
        t.row("clock", trace.clock());
        StringJoiner names = new StringJoiner(", ");
        int shown = Math.min(trace.threadCount(), 8);
        for (int i = 0; i < shown; i++) {
            names.add(trace.thread(i).name());
        }
        if (shown < trace.threadCount()) {
            names.add("...");
        }
        t.row("threads", trace.threadCount() + (trace.threadCount() > 0 ? ": " + names : "")
                + " (" + count(trace.processCount(), "process") + ")");
        long samples = 0;
        for (CounterTrack c : trace.counters()) {
            samples += c.size();
        }
        t.row("events", count(trace.eventCount(), "state change") + ", " + count(trace.outputCount(), "printed line")
                + ", " + count(trace.results().size(), "result") + ", " + count(samples, "counter sample"));
        t.row("choices", choicesText(trace));
        t.row("duration", seconds(trace.endTime()));
        t.row("outcome", trace.outcome().label()
                + (trace.outcomeMessage().isEmpty() ? "" : ": " + oneLine(trace.outcomeMessage())));
        t.print(out);
    }

    /** "14, all the scheduler's own", or with the list that makes the run again. */
    static String choicesText(Trace trace) {
        int n = trace.choiceCount();
        if (n == 0) {
            return "none";
        }
        int[] needed = ChoiceList.needed(trace);
        if (needed.length == 0) {
            return n + ", all the scheduler's own";
        }
        long others = trace.choices().stream().filter(c -> !c.own()).count();
        return n + ", " + others + " not the scheduler's own: --choices " + ChoiceList.format(needed);
    }

    // ------------------------------------------------------------------ helpers

    private static void noMore(String command, List<String> rest, int allowed) throws UsageException {
        if (rest.size() > allowed) {
            throw new UsageException(command + ": unexpected argument '" + rest.get(allowed) + "'");
        }
    }

    private static boolean looksLikeAFile(String arg) {
        try {
            return Files.isRegularFile(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    static String scenarioIds() {
        StringJoiner j = new StringJoiner(", ");
        ScenarioCatalog.all().forEach(s -> j.add(s.id()));
        return j.toString();
    }

    /** Scenario time in seconds with milliseconds, e.g. "0.500 s". */
    static String seconds(long micros) {
        long ms = Math.floorDiv(micros + 500, 1000);
        return ms / 1000 + "." + String.format(Locale.ROOT, "%03d", ms % 1000) + " s";
    }

    private static String count(long n, String noun) {
        String plural = noun.endsWith("s") ? noun + "es" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }

    private static String size(Path file) {
        try {
            return count(Files.size(file), "byte");
        } catch (IOException e) {
            return "size unknown";
        }
    }

    private static String ioProblem(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return oneLine(String.valueOf(e.getMessage()));
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    static String pad(String s, int width, boolean left) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return left ? fill + s : s + fill;
    }

    /** Rows of cells printed as aligned columns; the last column is not padded. */
    private static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        void row(String... cells) {
            rows.add(cells);
        }

        void print(PrintStream out) {
            int columns = 0;
            for (String[] r : rows) {
                columns = Math.max(columns, r.length);
            }
            int[] widths = new int[columns];
            for (String[] r : rows) {
                for (int c = 0; c < r.length - 1; c++) {
                    widths[c] = Math.max(widths[c], r[c].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder b = new StringBuilder();
                for (int c = 0; c < r.length; c++) {
                    b.append(c < r.length - 1 ? pad(r[c], widths[c], false) + "  " : r[c]);
                }
                out.println(b.toString().stripTrailing());
            }
        }
    }
}
