package io.threadline.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the command line in the test's JVM and keeps what it printed on each stream. */
final class CliRun {
    /** The exit status and the text of standard output and of the error stream. */
    record Result(int status, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    private CliRun() {
    }

    /** Runs {@code args}; a command that tries to open the window fails the test. */
    static Result cli(String... args) {
        return cli(file -> {
            throw new AssertionError("no window");
        }, args);
    }

    /** Runs {@code args} with {@code window} for {@code show}. */
    static Result cli(WindowOpener window, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new Cli(window).run(args, o, e);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
