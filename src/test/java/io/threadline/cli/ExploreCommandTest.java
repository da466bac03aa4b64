package io.threadline.cli;

import io.threadline.cli.CliRun.Result;
import io.threadline.export.TraceFile;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.threadline.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code explore ID --find GOAL}: exit 0 found (shown as a run with its choices), 1 not found (with numbers), 2 bad arguments. */
class ExploreCommandTest {

    @Test
    void aFoundScheduleIsShownAsARunWhoseCommandMakesItAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("found.json");
        Result r = cli("explore", "race-condition", "--set", "threads=2", "--set", "rounds=2", "--find", "lost-update",
                "--trace", file.toString());
        assertThat(r.status()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).isEqualTo("explore race-condition (threads=2 rounds=2): looking for a lost update"
                + " (exhaustive, at most 2 preemptions)");
        assertThat(lines.get(1)).startsWith("found a lost update in schedule ");
        assertThat(lines.get(2)).isEqualTo("the simplest: 1 preemption, 2 choices changed from the calm order");
        assertThat(lines.get(3)).startsWith("decided by 2 choices: Thread-1 was preempted between its read and its write");
        assertThat(lines).contains("the run:").anyMatch(l -> l.contains("an update is lost"));
        String again = lines.stream().filter(l -> l.startsWith("again: ")).findFirst().orElseThrow();
        assertThat(again).contains(" run race-condition ").contains(" --choices ");

        // the command it gives makes the same trace
        List<String> args = new ArrayList<>(List.of(again.substring(again.indexOf(" run ") + 1).split(" ")));
        Path replayed = dir.resolve("again.json");
        args.addAll(List.of("--trace", replayed.toString()));
        assertThat(cli(args.toArray(String[]::new)).status()).isZero();
        assertThat(Files.readAllBytes(replayed)).isEqualTo(Files.readAllBytes(file));
        Trace t = TraceFile.load(file);
        assertThat(t.choices()).anyMatch(c -> c.preemption());
    }

    @Test
    void aGoalNotFoundSaysSoWithTheNumbersAndExits1() {
        Result r = cli("explore", "race-condition", "--set", "threads=2", "--set", "rounds=2", "--set", "lock=true",
                "--find", "lost-update");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.outLines()).hasSize(2);
        assertThat(r.outLines().get(1)).matches("no lost update in all [0-9,]+ schedules with at most 2 preemptions \\(.*\\)");

        Result random = cli("explore", "deadlock", "--set", "ordered=true", "--find", "deadlock", "--random", "--runs", "20");
        assertThat(random.status()).isEqualTo(1);
        assertThat(random.outLines().get(1)).startsWith("no deadlock in 20 random schedules (PCT, depth 3, seed 1)");
    }

    @Test
    void badArgumentsGetOneLineAndExit2() {
        assertThat(cli("explore", "race-condition").errLines()).singleElement().asString()
                .startsWith("threadline: explore: what to find? --find GOAL (lost-update (a lost update); deadlock;");
        assertBad(List.of("explore", "--find", "deadlock"), "threadline: explore: which scenario? (");
        assertBad(List.of("explore", "race-condition", "--find", "luck"), "threadline: unknown goal 'luck' for race-condition");
        assertBad(List.of("explore", "race-condition", "--find", "score < 3"),
                "threadline: --find score < 3: no counter named 'score' in this run (counters: counter)");
        assertBad(List.of("explore", "race-condition", "--find", "deadlock", "--bound", "x"),
                "threadline: --bound must be a whole number, got 'x'");
        assertBad(List.of("explore", "race-condition", "--find", "deadlock", "--random", "--bound", "1"),
                "threadline: --bound is for the exhaustive search; --random takes --runs and --depth");
        assertBad(List.of("explore", "race-condition", "--find", "deadlock", "--runs", "3"),
                "threadline: --runs and --depth are for --random");
        assertBad(List.of("explore", "race-condition", "--find", "deadlock", "--fast"),
                "threadline: unknown option '--fast' for explore (options: --find, --set, --seed, --bound, --limit,");
        assertBad(List.of("explore", "nowhere", "--find", "deadlock"), "threadline: unknown scenario 'nowhere'");
    }

    private static void assertBad(List<String> args, String start) {
        Result r = cli(args.toArray(String[]::new));
        assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith(start);
    }
}
