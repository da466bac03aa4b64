package io.threadline.cli;

import io.threadline.explore.Exploration;
import io.threadline.explore.Explorer;
import io.threadline.explore.Finding;
import io.threadline.explore.Goals;
import io.threadline.explore.Strategy;
import io.threadline.export.AtomicFile;
import io.threadline.export.OutputPath;
import io.threadline.export.RunCommand;
import io.threadline.export.TraceFile;
import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamSetting;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.scenario.SearchGoal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code threadline explore ID --find GOAL}: searches the scenario's interleavings for a run that
 * meets the goal and shows the simplest one found as a run, with the choices that make it again
 * and the moment that decided it; or says, with the numbers, that none does. Exit status 0 found,
 * 1 explored and not found, 2 bad arguments (3 an output that cannot be written).
 */
final class ExploreCommand {
    static final int FOUND = 0;
    static final int NOT_FOUND = 1;

    static final String USAGE = String.join("\n",
            "       " + Cli.NAME + " explore ID --find GOAL [options]",
            "                                     search the interleavings for a run that meets GOAL:",
            "                                     deadlock, 'counter < 12', max(NAME) > N, printed TEXT,",
            "                                     not printed TEXT, raised [THREAD], or the scenario's own",
            "                                     (race-condition: lost-update, deadlock: cycle,",
            "                                     semaphore: too-many-holders)",
            "           --set NAME=VALUE, --seed N  the scenario's parameters, as for run",
            "           --bound N                 at most N preemptions (default " + Strategy.DEFAULT_BOUND
                    + "), every schedule",
            "           --limit N                 at most N schedules (default " + Strategy.DEFAULT_LIMIT + ")",
            "           --random [--runs N] [--depth D] [--search-seed S]",
            "                                     random PCT schedules instead (default " + Strategy.DEFAULT_RUNS
                    + " runs, depth " + Strategy.DEFAULT_DEPTH + ")",
            "           --trace FILE              write the run found to FILE",
            "           exit status: 0 found, 1 explored and not found, 2 bad arguments");

    private ExploreCommand() {
    }

    static int run(List<String> args, PrintStream stdout, PrintStream err) throws UsageException, InterruptedException {
        String id = null;
        String find = null;
        Map<String, String> given = new LinkedHashMap<>();
        Integer bound = null;
        Integer limit = null;
        boolean random = false;
        Integer runs = null;
        Integer depth = null;
        long searchSeed = 1;
        Outputs outputs = new Outputs(stdout);
        OutputPath tracePath = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            Cli.Arg arg = Cli.Arg.of(a);
            String option = arg.option();
            String inline = arg.inline();
            switch (option) {
                case "--find" -> find = inline != null ? inline : Cli.value(args, ++i, option);
                case "--set" -> Cli.set(inline != null ? inline : Cli.value(args, ++i, option), given);
                case "--seed" -> given.put(ScenarioSpec.SEED, inline != null ? inline : Cli.value(args, ++i, option));
                case "--bound" -> bound = (int) Cli.number(option, inline != null ? inline : Cli.value(args, ++i, option), 0, 50);
                case "--limit" -> limit = (int) Cli.number(option, inline != null ? inline : Cli.value(args, ++i, option),
                        1, 10_000_000);
                case "--random" -> random = true;
                case "--runs" -> runs = (int) Cli.number(option, inline != null ? inline : Cli.value(args, ++i, option),
                        1, 10_000_000);
                case "--depth" -> depth = (int) Cli.number(option, inline != null ? inline : Cli.value(args, ++i, option),
                        1, 20);
                case "--search-seed" -> searchSeed = Cli.number(option, inline != null ? inline : Cli.value(args, ++i, option), 0, Long.MAX_VALUE);
                case "--trace" -> tracePath = outputs.file(option, inline != null ? inline : Cli.value(args, ++i, option));
                case "--help", "-h" -> {
                    stdout.println(USAGE);
                    return Cli.OK;
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "' for explore (options: --find, --set, --seed,"
                                + " --bound, --limit, --random, --runs, --depth, --search-seed, --trace)");
                    }
                    if (id != null) {
                        throw new UsageException("explore takes one scenario, got '" + id + "' and '" + a + "'");
                    }
                    id = a;
                }
            }
        }
        if (id == null) {
            throw new UsageException("explore: which scenario? (" + Cli.scenarioIds() + ")");
        }
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        if (spec == null) {
            throw new UsageException("unknown scenario '" + id + "' (known: " + Cli.scenarioIds() + ")");
        }
        ParamValues values;
        try {
            values = spec.values(given);
        } catch (ParamException e) {
            throw new UsageException(e.getMessage());
        }
        if (find == null) {
            throw new UsageException("explore: what to find? --find GOAL (" + Goals.syntax(spec, values) + ")");
        }
        if (random && bound != null) {
            throw new UsageException("--bound is for the exhaustive search; --random takes --runs and --depth");
        }
        if (!random && (runs != null || depth != null)) {
            throw new UsageException("--runs and --depth are for --random");
        }
        SearchGoal goal;
        try {
            goal = Goals.parse(find, spec, values);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Strategy strategy = random
                ? new Strategy.Randomized(runs != null ? runs : limit != null ? limit : Strategy.DEFAULT_RUNS,
                        depth != null ? depth : Strategy.DEFAULT_DEPTH, searchSeed)
                : new Strategy.Exhaustive(bound != null ? bound : Strategy.DEFAULT_BOUND,
                        limit != null ? limit : Strategy.DEFAULT_LIMIT);

        PrintStream out = outputs.toStandardOutput() ? err : stdout;
        out.println("explore " + spec.id() + settings(spec, values) + ": looking for " + goal.what() + " ("
                + strategy.describe() + ")");
        Exploration result;
        try {
            result = new Explorer(spec, values, goal, strategy).run();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--find " + find + ": " + e.getMessage());
        }
        out.println(result.summary());
        Finding found = result.found();
        if (found == null) {
            return NOT_FOUND;
        }
        out.println("the simplest: " + found.cost() + (found.minimal() ? "" : " (the simplest found within "
                + "the shrinking's budget; a simpler one may exist)"));
        out.println(found.decidedBy());
        out.println("the run:");
        OutputPrinter printer = new OutputPrinter(found.trace(), out);
        printer.widths(found.trace().endTime());
        printer.printNew();
        out.println(Cli.summary(found.trace()));
        String command = RunCommand.of(found.trace());
        if (command != null) {
            out.println("again: " + command);
        }
        if (tracePath != null) {
            try (AtomicFile.Batch batch = new AtomicFile.Batch()) {
                try {
                    batch.add(tracePath, TraceFile.content(found.trace()));
                } catch (IOException e) {
                    throw Outputs.cannotWrite(e);
                }
                Outputs.commit(batch);
            }
            out.println("trace written " + Outputs.where(tracePath));
        }
        return FOUND;
    }

    /** " (threads=2 rounds=2)": the settings that tell the run apart. */
    private static String settings(ScenarioSpec spec, ParamValues values) {
        StringJoiner j = new StringJoiner(" ", " (", ")").setEmptyValue("");
        for (ParamSetting p : spec.settings(values.asText())) {
            if (!p.param().isDefault(p.value())) {
                j.add(p.assignment());
            }
        }
        return j.toString();
    }
}
