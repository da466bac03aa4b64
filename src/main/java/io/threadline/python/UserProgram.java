package io.threadline.python;

import io.threadline.runtime.Chooser;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A user's own Python program: its text and the name it goes by (a file's name, or the name
 * the window gives an edited program). {@link #start} runs it in a real CPython whose threads,
 * locks, sleeps and clocks are carried out by the runtime, and returns the {@link Run}, to be
 * followed, stopped and saved like any scenario's. Every CPython process of the run ends with
 * it, however it ends.
 */
public final class UserProgram {
    /** The trace's scenario id of a user's program: this prefix and the program's name. */
    public static final String SCENARIO_PREFIX = "python:";
    private static final long CONNECT_MILLIS = 20_000;

    private final String name;
    private final String source;
    private final Path path;

    private UserProgram(String name, String source, Path path) {
        this.name = Objects.requireNonNull(name);
        this.source = Objects.requireNonNull(source);
        this.path = path;
    }

    /** The program in {@code file}, named as given (tracebacks name it so). */
    public static UserProgram read(Path file) throws IOException {
        return new UserProgram(file.toString(), Files.readString(file, StandardCharsets.UTF_8), file);
    }

    /** A program that is only text (the window's editor), named {@code name}, e.g. "race.py". */
    public static UserProgram of(String name, String source) {
        return new UserProgram(name, source, null);
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    /** The file it was read from, or null. */
    public Path path() {
        return path;
    }

    /**
     * Starts the program: finds the interpreter, starts CPython with the bridge, has it compile
     * the program, and runs it. Blocks for the interpreter's start (tens of milliseconds; call it
     * off the JavaFX thread). The run's trace is filled as the program goes on.
     *
     * @throws ProgramException for a SyntaxError (nothing runs), no usable interpreter, or a
     *                          bridge that does not come up
     */
    public Run start(RunOptions options, PythonSettings settings) throws ProgramException {
        return start(options, settings, null);
    }

    /** As {@link #start(RunOptions, PythonSettings)}, {@code chooser} making the scheduler's real choices (null: its own order). */
    public Run start(RunOptions options, PythonSettings settings, Chooser chooser) throws ProgramException {
        PythonInterpreter python = PythonInterpreter.find(settings.interpreter());
        Path dir = null;
        BridgeServer server = null;
        BridgeChannel channel = null;
        PythonProcesses.Started process = null;
        boolean started = false;
        try {
            dir = BridgeFiles.unpack();
            Path sourceFile = dir.resolve("program.py");
            Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
            server = BridgeServer.listen(dir);
            List<String> command = new ArrayList<>(List.of(python.executable().toString(), "-X", "utf8", "-u", "-B",
                    dir.resolve(BridgeFiles.PACKAGE).toString(),
                    "--channel", server.address(),
                    "--cores", Integer.toString(options.cores()),
                    "--seed", Long.toString(options.seed()),
                    "--program", name,
                    "--source", sourceFile.toString(),
                    "--stacks", dir.resolve("stacks.txt").toString(),
                    "--line-cost", Long.toString(settings.lineCostNanos()),
                    "--max-lines", Long.toString(settings.maxLines()),
                    "--max-output", Integer.toString(settings.maxOutput()),
                    "--max-threads", Integer.toString(settings.maxThreads())));
            if (path != null) {
                command.add("--path");
                command.add(path.toAbsolutePath().toString());
            }
            Path workDir = path != null && path.toAbsolutePath().getParent() != null
                    ? path.toAbsolutePath().getParent() : null;
            process = PythonProcesses.start(command, workDir, options.seed());
            PythonProcesses.Started p = process;
            channel = server.accept(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_MILLIS),
                    () -> p.process.isAlive(), () -> String.join(" / ", p.strayOutput()));
            String[] hello = channel.read();
            if (hello[0].equals("x")) {
                throw ProgramException.syntax(BridgeChannel.unescape(hello[1]), Integer.parseInt(hello[2]),
                        Integer.parseInt(hello[3]), BridgeChannel.unescape(hello[4]));
            }
            if (!hello[0].equals("h")) {
                throw ProgramException.start("the Python bridge did not start: " + String.join(" ", hello));
            }
            BridgeProgram program = new BridgeProgram(server, channel, name, process, dir.resolve("stacks.txt"));
            Run run = Run.start(program, "MainThread", options, SCENARIO_PREFIX + name, params(options, settings,
                    hello[1]), chooser);
            run.trace().setSource(source);
            started = true;
            endWithRun(run, program, process, dir);
            return run;
        } catch (IOException e) {
            List<String> stray = process == null ? List.of() : process.strayOutput();
            throw ProgramException.start("the Python bridge did not start: " + e.getMessage()
                    + (stray.isEmpty() ? "" : " (" + stray.get(stray.size() - 1) + ")"));
        } finally {
            if (!started) {
                if (channel != null) {
                    channel.close();
                }
                if (server != null) {
                    server.close();
                }
                if (process != null) {
                    process.end();
                }
                BridgeFiles.remove(dir);
            }
        }
    }

    private static Map<String, String> params(RunOptions o, PythonSettings s, String version) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("cores", Integer.toString(o.cores()));
        p.put("gil", Boolean.toString(o.gil()));
        p.put("seed", Long.toString(o.seed()));
        p.put("line_cost", UserRunParams.micros(s.lineCostNanos()));
        p.put("python", version);
        return p;
    }

    /** Ends the run's processes, channel and files once the run has ended, however it ends. */
    private static void endWithRun(Run run, BridgeProgram program, PythonProcesses.Started process, Path dir) {
        Thread janitor = new Thread(() -> {
            try {
                while (!run.isFinished()) {
                    run.awaitEnd(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                List<Long> pids = program.realPids();
                program.closeAll();
                try {
                    process.process.waitFor(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process.end();
                for (long pid : pids) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
                BridgeFiles.remove(dir);
            }
        }, "threadline-python-janitor");
        janitor.setDaemon(true);
        janitor.start();
    }
}
