package io.threadline.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The CPython processes of runs: started here, their stray output (what the bridge or
 * CPython itself writes to the real stdout and stderr, never the program's prints) kept for a
 * failure's message, and every one of them ended with its run, or when the JVM exits.
 */
final class PythonProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private PythonProcesses() {
    }

    /** A started process and the last lines it wrote outside the bridge. */
    static final class Started {
        final Process process;
        private final Deque<String> tail = new ArrayDeque<>();

        Started(Process process) {
            this.process = process;
        }

        synchronized void add(String line) {
            if (tail.size() == 20) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }

        /** What the process wrote to its real streams, last lines first kept; empty if nothing. */
        synchronized List<String> strayOutput() {
            return new ArrayList<>(tail);
        }

        /** Ends the process and every process it started (multiprocessing children). */
        void end() {
            PythonProcesses.end(process);
        }
    }

    /** Starts {@code command}; {@code seed} fixes str hashes (set order) so that runs repeat. */
    static Started start(List<String> command, java.nio.file.Path workDir, long seed) throws IOException {
        hook();
        ProcessBuilder b = new ProcessBuilder(command);
        if (workDir != null) {
            b.directory(workDir.toFile());
        }
        b.environment().put("PYTHONIOENCODING", "utf-8");
        b.environment().put("PYTHONHASHSEED", Long.toString(Math.floorMod(seed, 4_294_967_296L)));
        b.environment().remove("PYTHONSTARTUP");
        Process p = b.start();
        LIVE.add(p);
        p.getOutputStream().close();
        Started s = new Started(p);
        drain(p.getInputStream(), s);
        drain(p.getErrorStream(), s);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return s;
    }

    private static void drain(InputStream in, Started s) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    s.add(line);
                }
            } catch (IOException e) {
                // the process has gone
            }
        }, "threadline-python-output");
        t.setDaemon(true);
        t.start();
    }

    static void end(Process p) {
        List<ProcessHandle> children = new ArrayList<>();
        try {
            p.toHandle().descendants().forEach(children::add);
        } catch (UnsupportedOperationException | SecurityException e) {
            // cannot see them: the process itself still goes
        }
        for (ProcessHandle c : children) {
            c.destroyForcibly();
        }
        p.destroyForcibly();
        try {
            p.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(p);
    }

    /** Processes of runs still alive in this JVM (none once every run has ended). */
    static List<ProcessHandle> live() {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process p : LIVE) {
            if (p.isAlive()) {
                out.add(p.toHandle());
                p.toHandle().descendants().filter(ProcessHandle::isAlive).forEach(out::add);
            }
        }
        return out;
    }

    private static void hook() {
        if (hooked) {
            return;
        }
        synchronized (PythonProcesses.class) {
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    for (Process p : List.copyOf(LIVE)) {
                        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                    }
                }, "threadline-python-exit"));
                hooked = true;
            }
        }
    }
}
