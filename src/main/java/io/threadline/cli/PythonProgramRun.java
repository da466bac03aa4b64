package io.threadline.cli;

import io.threadline.python.ProgramException;
import io.threadline.python.UserProgram;
import io.threadline.python.UserRunParams;
import io.threadline.runtime.Chooser;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.scenario.ParamException;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** {@code run FILE.py}: a user's Python program, started as the window starts it. */
record PythonProgramRun(Run run, RunOptions options) {

    /** Whether the run command's argument names a Python program rather than a scenario. */
    static boolean isProgram(String arg) {
        return arg.endsWith(".py") || arg.endsWith(".pyw");
    }

    static PythonProgramRun start(String file, Map<String, String> given, String python, double speed,
                                  Chooser chooser) throws UsageException {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new UsageException("run: not a usable file name: '" + file + "'");
        }
        UserProgram program;
        try {
            program = UserProgram.read(path);
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + (Files.isDirectory(path) ? "it is a directory"
                    : String.valueOf(e.getMessage())));
        }
        UserRunParams params;
        try {
            params = UserRunParams.of(given, python);
        } catch (ParamException e) {
            throw new UsageException(e.getMessage());
        }
        RunOptions options = speed > 0 ? params.options().paced(speed) : params.options();
        try {
            return new PythonProgramRun(program.start(options, params.settings(), chooser), options);
        } catch (ProgramException e) {
            throw new UsageException(e.kind() == ProgramException.Kind.START ? Cli.FAILED : Cli.BAD_INPUT,
                    e.getMessage());
        }
    }

    /** As CPython's: 0 when the program completed, 1 when its main thread raised or it did not complete. */
    static int exitStatus(Trace trace) {
        if (trace.outcome() != RunOutcome.COMPLETED) {
            return Cli.FAILED;
        }
        var main = trace.lane(0);
        return main.size() > 0 && main.reason(main.size() - 1) == Reason.RAISED ? Cli.FAILED : Cli.OK;
    }
}
