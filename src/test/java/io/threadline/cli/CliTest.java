package io.threadline.cli;

import io.threadline.cli.CliRun.Result;
import io.threadline.export.TraceFile;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CliTest {
    /** What CPython 3.11 prints for the chef soup program (docs/scenarios.md), in its order. */
    private static final List<String> CPYTHON_CHEF_SOUP = List.of(
            "Barron started & requesting Olivia's help.",
            "  Olivia alive?: False",
            "Barron tells Olivia to start.",
            "Olivia started & waiting for sausage to thaw...",
            "  Olivia alive?: True",
            "Barron continues cooking soup.",
            "  Olivia alive?: True",
            "Barron patiently waits for Olivia to finish and join...",
            "Olivia is done cutting sausage.",
            "  Olivia alive?: False",
            "Barron and Olivia are both done!");

    private static final Pattern OUTPUT_LINE = Pattern.compile("^  +(\\d+\\.\\d{3}) s  (\\S+) *  (.*)$");

    private static final List<Path> opened = new ArrayList<>();

    private static Result cli(String... args) {
        return CliRun.cli(opened::add, args);
    }

    /**
     * The printed program lines of a run: time, thread, text. The text column is where the
     * columns say, so a text's own leading blanks are kept.
     */
    private static List<String[]> outputLines(Result r) {
        List<String> rows = r.outLines().stream().filter(l -> OUTPUT_LINE.matcher(l).matches()).toList();
        int textColumn = Integer.MAX_VALUE;
        for (String row : rows) {
            Matcher m = OUTPUT_LINE.matcher(row);
            m.matches();
            textColumn = Math.min(textColumn, m.start(3));
        }
        List<String[]> lines = new ArrayList<>();
        for (String row : rows) {
            Matcher m = OUTPUT_LINE.matcher(row);
            m.matches();
            lines.add(new String[] {m.group(1), m.group(2), row.substring(textColumn)});
        }
        return lines;
    }

    @Test
    void listShowsEachScenarioWithItsParametersDefaultsAndRanges() {
        Result r = cli("list");

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.outLines()).contains(
                "chef-soup  Chef soup",
                "    Barron starts Olivia, keeps cooking, then joins her.",
                "daemon-cleaner  Daemon kitchen cleaner",
                "producer-consumer  Producer and consumer",
                "pool-map-vs-imap  Pool: map vs imap_unordered");
        assertThat(r.out()).containsPattern("\n    olivia +3 +0 to 30 s +how long the sausage takes to thaw\n")
                .containsPattern("\n    cook +0\\.5 +0 to 30 s ")
                .containsPattern("\n    capacity +3 +0 to 1000000 +queue size limit; 0 = unbounded\n")
                .containsPattern("\n    durations +2 +0 to 60 s ")
                .containsPattern("\n    gil +true +true or false ");
    }

    @Test
    void runPrintsChefSoupsOutputInCPythonsOrderWithTimeAndThread() {
        Result r = cli("run", "chef-soup");

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        List<String[]> lines = outputLines(r);
        // Python prints booleans as True/False; the order and the words are what is compared here.
        assertThat(lines).extracting(l -> l[2]).usingElementComparator(String.CASE_INSENSITIVE_ORDER)
                .containsExactlyElementsOf(CPYTHON_CHEF_SOUP);
        assertThat(r.outLines()).contains(
                "  0.000 s  Olivia  Olivia started & waiting for sausage to thaw...",
                "  0.000 s  Barron  Barron continues cooking soup.",
                "  3.000 s  Olivia  Olivia is done cutting sausage.",
                "  3.000 s  Barron  Barron and Olivia are both done!");
        assertThat(lines.get(7)).containsExactly("0.500", "Barron",
                "Barron patiently waits for Olivia to finish and join...");
        assertThat(r.outLines().get(r.outLines().size() - 1))
                .matches("completed at 3\\.000 s, 2 threads, \\d+ state changes");
    }

    @Test
    void parametersChangeTheRun() {
        Result r = cli("run", "chef-soup", "--set", "olivia=1.5", "--set=cook=0.25");

        assertThat(r.status()).isZero();
        assertThat(outputLines(r)).extracting(l -> l[0] + " " + l[2])
                .contains("0.250 Barron patiently waits for Olivia to finish and join...",
                        "1.500 Barron and Olivia are both done!");
    }

    @Test
    void aBadParameterValueGetsTheParametersOwnMessageAndExit2() {
        Result r = cli("run", "chef-soup", "--set", "olivia=abc");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("threadline: olivia: 'abc' is not a number of seconds (0 to 30 s)\n");
    }

    /** Every scenario id, in catalog order, as the messages list them. */
    private static final String ALL_IDS = ScenarioCatalog.all().stream().map(ScenarioSpec::id)
            .collect(Collectors.joining(", "));

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                arguments(List.of("run", "soup"), "threadline: unknown scenario 'soup' (known: " + ALL_IDS + ")"),
                arguments(List.of("run", "chef-soup", "--fast"), "threadline: unknown option '--fast' for run (options:"
                        + " --set, --seed, --choices, --speed, --trace, --png, --svg, --gif, --frames, --scale, --width, --window,"
                        + " --theme, --large, --fps, --play-speed, --graph)"),
                arguments(List.of("run"), "threadline: run: which scenario? (" + ALL_IDS + ")"),
                arguments(List.of("run", "chef-soup", "--seed"), "threadline: --seed needs a value"),
                arguments(List.of("run", "chef-soup", "--seed", "-3"),
                        "threadline: seed: -3 is out of range (0 to 2147483647)"),
                arguments(List.of("run", "chef-soup", "--set", "olivia"), "threadline: --set needs NAME=VALUE, got 'olivia'"),
                arguments(List.of("run", "chef-soup", "--set", "pepper=2"), "threadline: unknown parameter 'pepper' for"
                        + " chef-soup (known: olivia, cook, cores, gil, seed)"),
                arguments(List.of("run", "chef-soup", "--speed", "fast"),
                        "threadline: --speed must be a positive number (times real time), got 'fast'"),
                arguments(List.of("run", "chef-soup", "daemon-cleaner"),
                        "threadline: run takes one scenario, got 'chef-soup' and 'daemon-cleaner'"),
                arguments(List.of("cook"), "threadline: unknown command 'cook' (commands: list, run, explore, show, info, draw,"
                        + " stress, help)"),
                arguments(List.of("--verbose"), "threadline: unknown option '--verbose' (commands: list, run, explore, show,"
                        + " info, draw, stress, help)"),
                arguments(List.of("list", "all"), "threadline: list: unexpected argument 'all'"),
                arguments(List.of("info"), "threadline: info: which trace file?"),
                arguments(List.of("show", "a.json", "b.json"), "threadline: show: unexpected argument 'b.json'"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void aBadCommandLineGetsOneLineOnStderrAndExit2(List<String> args, String message) {
        Result r = cli(args.toArray(String[]::new));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void runWritesATraceThatInfoReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("soup.json");

        Result run = cli("run", "chef-soup", "--trace", file.toString());
        Result info = cli("info", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.outLines().get(run.outLines().size() - 1))
                .isEqualTo("trace written to " + file + " (" + Files.size(file) + " bytes)");
        assertThat(info.status()).isZero();
        assertThat(info.err()).isEmpty();
        Trace trace = TraceFile.load(file);
        assertThat(info.outLines()).containsExactly(
                "file      " + file + " (" + Files.size(file) + " bytes)",
                "scenario  chef-soup",
                "params    olivia=3 cook=0.5 cores=4 gil=true seed=0",
                "seed      0",
                "clock     virtual",
                "threads   2: Barron, Olivia (1 process)",
                "events    " + trace.eventCount() + " state changes, 11 printed lines, 0 results, 0 counter samples",
                "choices   none",
                "duration  3.000 s",
                "outcome   completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "show"})
    void aFileThatIsNotATraceGetsOneLineAndExit2(String command, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"traceEvents\":[]}");
        opened.clear();

        Result r = cli(command, file.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("threadline: " + file + ": the trace has no events");
        assertThat(r.out()).isEmpty();
        assertThat(opened).isEmpty();
    }

    @Test
    void aTraceFileGivenAsTheCommandPointsToShow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        Files.writeString(file, "{}");

        Result r = cli(file.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("threadline: unknown command '" + file + "' (to open a trace:"
                + " threadline show " + file + ")");
    }

    @Test
    void aMissingFileGetsOneLineAndExit2(@TempDir Path dir) {
        Path file = dir.resolve("nothing.json");

        Result r = cli("info", file.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("threadline: cannot read " + file + ": no such file");
    }

    @Test
    void showChecksTheFileThenOpensTheWindowOnIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        cli("run", "daemon-cleaner", "--trace", file.toString());
        List<Path> seen = new ArrayList<>();

        Result r = CliRun.cli(seen::add, "show", file.toString());

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(seen).containsExactly(file);
    }

    @Test
    void aWindowThatCannotOpenIsOneLineAndExit1(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        cli("run", "chef-soup", "--trace", file.toString());

        Result r = CliRun.cli(p -> {
            throw new UnsupportedOperationException("no pixel format");
        }, "show", file.toString());
        Result none = CliRun.cli(p -> {
            throw new WindowOpener.NoDesktop("no display: DISPLAY is not set");
        }, "show", file.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("threadline: cannot open the window: no pixel format");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.errLines()).containsExactly("threadline: the window needs a desktop session (no display:"
                + " DISPLAY is not set); the command line works without one (threadline help)");
    }

    @Test
    void aRunStoppedAtItsTimeLimitExits0AndSaysWhy() {
        Result r = cli("run", "daemon-cleaner", "--set", "daemon=false");

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.outLines().get(r.outLines().size() - 1))
                .startsWith("time-limit at 60.000 s, 2 threads, ")
                .endsWith(": stopped at the time limit of 60 s: non-daemon threads still alive: Olivia");
    }

    @Test
    void seedOptionIsTheSameAsSettingTheSeed(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.json");

        cli("run", "pool-map-vs-imap", "--set", "durations=varied", "--seed", "5", "--trace", a.toString());
        cli("run", "pool-map-vs-imap", "--set", "durations=varied", "--set", "seed=5", "--trace", b.toString());
        cli("run", "pool-map-vs-imap", "--set", "durations=varied", "--seed", "6", "--trace", c.toString());

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b)).isNotEqualTo(Files.readAllBytes(c));
        assertThat(TraceFile.load(a).seed()).isEqualTo(5);
    }

    @Test
    void speedRunsOnThePacedClockWithTheSameOutput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("paced.json");

        Result paced = cli("run", "chef-soup", "--speed", "40", "--trace", file.toString());
        Result virtual = cli("run", "chef-soup");

        assertThat(paced.status()).isZero();
        assertThat(outputLines(paced)).extracting(l -> l[0] + " " + l[1] + " " + l[2])
                .containsExactlyElementsOf(outputLines(virtual).stream().map(l -> l[0] + " " + l[1] + " " + l[2]).toList());
        assertThat(TraceFile.load(file).clock()).isEqualTo("paced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h"})
    void helpPrintsUsage(String arg) {
        Result r = cli(arg);

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("usage: threadline ").contains("run ID [options]").contains("--seed N")
                .contains("show FILE").contains("info FILE").contains("exit status");
    }
}
