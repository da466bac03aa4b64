package io.threadline.cli;

import io.threadline.cli.CliRun.Result;
import io.threadline.export.RunCommand;
import io.threadline.export.TraceFile;
import io.threadline.trace.Choice;
import io.threadline.trace.ChoiceList;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code run ID --choices LIST}: the picks replayed exactly, saved in the trace, in its command line. */
class CliChoicesTest {

    @Test
    void givenChoicesAreFollowedSavedAndMakeTheSameFileAgainFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.json");
        Result r = run("race-condition", "--set", "threads=2", "--set", "rounds=2", "--choices", "1,1,1,1,1",
                "--trace", first.toString());
        assertThat(r.status()).isZero();
        assertThat(r.outLines()).anyMatch(l -> l.matches("choices: all 5 given were followed; \\d+ made in all"))
                .anyMatch(l -> l.contains("Counter: 4 (expected 4): 0 update(s) lost"));
        Trace trace = TraceFile.load(first);
        assertThat(trace.choices()).extracting(Choice::pick).startsWith(1, 1, 1, 1, 1);

        List<String> again = new ArrayList<>(RunCommand.arguments(trace));
        assertThat(again).containsSubsequence("--choices", ChoiceList.format(ChoiceList.needed(trace)));
        Path second = dir.resolve("second.json");
        again.addAll(List.of("--trace", second.toString()));
        assertThat(cli(again.toArray(String[]::new)).status()).isZero();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));

        Result info = cli("info", first.toString());
        assertThat(info.outLines()).anyMatch(l -> l.matches("choices   \\d+, \\d+ not the scheduler's own: --choices [0-9,]+"));
    }

    @Test
    void aRunOfTheOwnOrderHasNoChoicesInItsCommandLine() throws Exception {
        Path file = Files.createTempFile("race", ".json");
        try {
            assertThat(cli("run", "race-condition", "--trace", file.toString()).status()).isZero();
            Trace trace = TraceFile.load(file);
            assertThat(trace.choiceCount()).isPositive();
            assertThat(RunCommand.arguments(trace)).doesNotContain("--choices");
            assertThat(cli("info", file.toString()).outLines())
                    .contains("choices   " + trace.choiceCount() + ", all the scheduler's own");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aListThatStopsFittingSaysAtWhichChoiceWritesNothingAndExits2(@TempDir Path dir) {
        Path file = dir.resolve("t.json");
        Result r = run("race-condition", "--set", "threads=2", "--set", "rounds=2", "--choices", "1,1,9",
                "--trace", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("threadline: --choices: choice 3 of 3 does not fit: it picks 9, but at"
                + " 0.015 s there are only 2 candidates (0: MainThread, 1: Thread-1) (written: nothing)");
        assertThat(file).doesNotExist();

        Result longer = run("chef-soup", "--choices", "0");
        assertThat(longer.status()).isEqualTo(2);
        assertThat(longer.errLines()).containsExactly("threadline: --choices: the run made 0 choices and ended, but"
                + " the list has 1: it does not fit from choice 1 (written: nothing)");
    }

    @Test
    void aListThatIsNotNumbersGetsOneLine() {
        Result r = cli("run", "race-condition", "--choices", "1,,2");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("threadline: --choices needs candidates' numbers separated by commas,"
                + " e.g. 2,0,1: entry 2 is '', not a candidate's number (0, 1, 2 ...)");
        assertThat(r.out()).isEmpty();
        assertThat(cli("run", "race-condition", "--choices", "-1").status()).isEqualTo(2);
        assertThat(cli("run", "race-condition", "--choices").errLines()).containsExactly("threadline: --choices needs a value");
    }

    private static Result run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli(all);
    }

    private static Result cli(String... args) {
        return CliRun.cli(args);
    }
}
