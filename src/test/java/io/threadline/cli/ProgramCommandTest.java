package io.threadline.cli;

import io.threadline.cli.CliRun.Result;
import io.threadline.export.RunCommand;
import io.threadline.export.TraceFile;
import io.threadline.python.PythonSettings;
import io.threadline.python.UserProgram;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line the window copies for a user's program runs the program file to the same run. */
class ProgramCommandTest {
    @TempDir
    Path dir;

    private static List<String> printed(Trace t) {
        List<String> out = new ArrayList<>();
        for (OutputLine l : t.output()) {
            out.add(t.thread(l.thread()).name() + ": " + l.text() + " @" + l.time());
        }
        return out;
    }

    @Test
    void theCopiedCommandMakesTheSameRunFromTheFile() throws Exception {
        String text = """
                import random, threading, time
                def work(n):
                    time.sleep(random.random())
                    print(n, "done")
                ts = [threading.Thread(target=work, args=(i,), name=f"W{i}") for i in range(3)]
                for t in ts: t.start()
                for t in ts: t.join()
                """;
        Path file = dir.resolve("my prog.py");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Run run = UserProgram.of("my prog.py", text).start(RunOptions.defaults().withSeed(5).withCores(2),
                PythonSettings.defaults());
        run.awaitEnd();
        Trace window = run.trace();

        String command = RunCommand.ofProgram(window, file);
        assertThat(command).endsWith(" run '" + file + "' --set cores=2 --set gil=true --set seed=5 --set line_cost=0.05");
        List<String> args = new ArrayList<>(Arrays.asList("run", file.toString()));
        String[] sets = command.substring(command.indexOf(" --set ") + 1).split(" ");
        args.addAll(Arrays.asList(sets));
        Path out = dir.resolve("again.json");
        args.add("--trace");
        args.add(out.toString());
        Result r = CliRun.cli(args.toArray(String[]::new));

        assertThat(r.status()).as(r.err()).isZero();
        Trace again = TraceFile.load(out);
        assertThat(again.eventCount()).isEqualTo(window.eventCount());
        assertThat(again.endTime()).isEqualTo(window.endTime());
        assertThat(printed(again)).isEqualTo(printed(window)).hasSize(3);
        assertThat(again.source()).isEqualTo(text);
    }
}
