package io.threadline.python;

import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The bridge's figures, in a JVM of its own: a runtime call's round trip from CPython through
 * the bridge and back, next to bare round trips over a pipe and over the bridge's kind of
 * socket measured in the same run; user programs from Run to their last event; the start of a
 * user program. Prints {@code RESULT name value unit} lines (medians).
 *
 * <pre>
 * python CALLS REPS
 * </pre>
 */
public final class PythonBench {
    private PythonBench() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        PythonInterpreter python = PythonInterpreter.find(null);
        result("python.version." + python.version(), 1, "");
        result("python.pipeRoundTrip.us", median(reps, () -> pipeRoundTrip(python, calls)), "us");
        result("python.socketRoundTrip.us", median(reps, () -> socketRoundTrip(python, calls)), "us");
        result("python.bridgeCall.us", median(reps, () -> bridgeCall(calls)), "us");
        result("python.start.ms", median(reps, PythonBench::start), "ms");
        result("python.bareStart.ms", median(reps, () -> bareStart(python)), "ms");
        // the scenario's own form stops at 50 rounds: the program text takes any number
        int rounds = calls >= 1000 ? 1000 : 10;
        result("python.race.ms", median(reps, () -> scenario("race-condition", Map.of("threads", "4"),
                "ROUNDS = 3 ", "ROUNDS = " + rounds + " ")), "ms");
        result("python.chefSoup.ms", median(reps, () -> scenario("chef-soup", Map.of(), "", "")), "ms");
        System.out.flush();
        System.exit(0);
    }

    interface Measure {
        double run() throws Exception;
    }

    static double median(int reps, Measure m) throws Exception {
        m.run(); // warm-up: JIT, the interpreter's files in the page cache
        double[] v = new double[reps];
        for (int i = 0; i < reps; i++) {
            v[i] = m.run();
        }
        Arrays.sort(v);
        return v[reps / 2];
    }

    static void result(String name, double value, String unit) {
        System.out.println("RESULT " + name + " " + String.format(Locale.ROOT, "%.2f", value) + " " + unit);
    }

    private static final String ECHO = "import sys\nr = sys.stdin.buffer\nw = sys.stdout.buffer\n"
            + "for line in iter(r.readline, b''):\n    w.write(line)\n    w.flush()\n";

    /** µs per line sent to a Python echo loop over stdin/stdout and read back. */
    static double pipeRoundTrip(PythonInterpreter python, int calls) throws Exception {
        Process p = new ProcessBuilder(python.executable().toString(), "-u", "-c", ECHO).start();
        try (OutputStream out = p.getOutputStream();
             BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            byte[] line = "0\t0\t5000\t\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100; i++) {
                out.write(line);
                out.flush();
                in.readLine();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                out.write(line);
                out.flush();
                in.readLine();
            }
            return (System.nanoTime() - t0) / 1e3 / calls;
        } finally {
            p.destroyForcibly();
        }
    }

    /** µs per line over the bridge's kind of socket, Python echoing as the bridge's reader reads. */
    static double socketRoundTrip(PythonInterpreter python, int calls) throws Exception {
        Path dir = Files.createTempDirectory("threadline-bench-");
        try (BridgeServer server = BridgeServer.listen(dir)) {
            String echo = "import socket, sys\na = sys.argv[1]\n"
                    + "if a.startswith('tcp:'):\n    h, p = a[4:].rsplit(':', 1)\n"
                    + "    s = socket.create_connection((h, int(p)))\n"
                    + "else:\n    s = socket.socket(socket.AF_UNIX)\n    s.connect(a)\n"
                    + "import io\nf = io.open(s.fileno(), 'rb', buffering=65536, closefd=False)\n"
                    + "for line in iter(f.readline, b''):\n    s.sendall(line)\n";
            Process p = new ProcessBuilder(python.executable().toString(), "-c", echo, server.address()).start();
            try (BridgeChannel c = server.accept(System.nanoTime() + 10_000_000_000L, p::isAlive, () -> "")) {
                for (int i = 0; i < 100; i++) {
                    c.write("0", "0", "5000", "");
                    c.read();
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    c.write("0", "0", "5000", "");
                    c.read();
                }
                return (System.nanoTime() - t0) / 1e3 / calls;
            } finally {
                p.destroyForcibly();
            }
        } finally {
            BridgeFiles.remove(dir);
        }
    }

    /**
     * µs per time.sleep(0) through the bridge (a runtime call each, and a yield in the
     * scheduler): the wall time of a program making {@code calls} of them, less that of one
     * making none; the loop's own lines are in it.
     */
    static double bridgeCall(int calls) throws Exception {
        String loop = "import time\nfor i in range(N):\n    time.sleep(0)\n";
        double none = wall(UserProgram.of("calls.py", loop.replace("N", "0")));
        double many = wall(UserProgram.of("calls.py", loop.replace("N", Integer.toString(calls))));
        return Math.max(0, many - none) * 1e3 / calls;
    }

    /** ms from start() to the end of the run (interpreter start included). */
    private static double wall(UserProgram p) throws Exception {
        long t0 = System.nanoTime();
        Run run = p.start(RunOptions.defaults(), PythonSettings.defaults().withLineCost(0));
        run.awaitEnd();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** ms for start() of an empty program to return: interpreter start, bridge import, compile, hello. */
    static double start() throws Exception {
        long t0 = System.nanoTime();
        Run run = UserProgram.of("empty.py", "pass\n").start(RunOptions.defaults(), PythonSettings.defaults());
        double ms = (System.nanoTime() - t0) / 1e6;
        run.awaitEnd();
        return ms;
    }

    /** ms for the interpreter alone: python3 -c pass. */
    static double bareStart(PythonInterpreter python) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(python.executable().toString(), "-c", "pass").start();
        p.waitFor();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** ms from Run (start()) to the last event of a built-in scenario's Python program. */
    static double scenario(String id, Map<String, String> params, String line, String instead) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        ParamValues values = spec.values(params);
        String source = ScenarioSource.render(spec, values);
        if (!line.isEmpty() && !source.contains(line)) {
            throw new IllegalStateException(id + "'s program has no line '" + line + "'");
        }
        UserProgram p = UserProgram.of(ScenarioSource.fileName(spec), line.isEmpty() ? source : source.replace(line, instead));
        long t0 = System.nanoTime();
        Run run = p.start(spec.options(values, ClockMode.VIRTUAL, 1), PythonSettings.defaults());
        run.awaitEnd();
        if (!run.trace().outcome().label().equals("completed")) {
            throw new IllegalStateException(id + " ended " + run.trace().outcome() + ": " + run.trace().outcomeMessage());
        }
        return (System.nanoTime() - t0) / 1e6;
    }
}
