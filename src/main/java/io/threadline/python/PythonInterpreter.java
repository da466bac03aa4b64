package io.threadline.python;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A CPython interpreter to run programs with: the one the user named, or the first of
 * {@code python3}, {@code python}, {@code py} on the PATH that is CPython 3.9 or newer. The
 * probe asks it for its real executable (a pyenv shim or a launcher costs tens of
 * milliseconds per start) and its version; answers are kept for the life of the JVM.
 */
public record PythonInterpreter(Path executable, String version) {
    static final int MIN_MINOR = 9;
    private static final Map<String, PythonInterpreter> PROBED = new ConcurrentHashMap<>();
    private static final String PROBE = "import sys, platform; print(sys.executable); "
            + "print('%d.%d.%d' % sys.version_info[:3]); print(platform.python_implementation())";

    /** The interpreter {@code name} (a path or a command on the PATH), or the first found if null. */
    public static PythonInterpreter find(String name) throws ProgramException {
        if (name != null && !name.isBlank()) {
            PythonInterpreter p = probe(name.trim());
            if (p == null) {
                throw ProgramException.interpreter("cannot run the Python interpreter '" + name.trim()
                        + "' (give the path of a CPython 3." + MIN_MINOR + " or newer)");
            }
            return check(p, name.trim());
        }
        List<String> tried = new ArrayList<>();
        for (String candidate : List.of("python3", "python", "py")) {
            PythonInterpreter p = probe(candidate);
            if (p != null && p.minor() >= MIN_MINOR && p.major() == 3) {
                return p;
            }
            if (p != null) {
                tried.add(candidate + " is Python " + p.version);
            }
        }
        throw ProgramException.interpreter("no Python interpreter found: install CPython 3." + MIN_MINOR
                + " or newer as python3, or give one with --python EXE"
                + (tried.isEmpty() ? "" : " (" + String.join(", ", tried) + ")"));
    }

    private static PythonInterpreter check(PythonInterpreter p, String name) throws ProgramException {
        if (p.major() != 3 || p.minor() < MIN_MINOR) {
            throw ProgramException.interpreter("'" + name + "' is Python " + p.version + "; Threadline needs CPython 3."
                    + MIN_MINOR + " or newer");
        }
        return p;
    }

    int major() {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    int minor() {
        return Integer.parseInt(version.split("\\.")[1]);
    }

    private static PythonInterpreter probe(String command) {
        PythonInterpreter known = PROBED.get(command);
        if (known != null) {
            return known;
        }
        Process p = null;
        try {
            p = new ProcessBuilder(command, "-c", PROBE).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String text;
            try (InputStream in = p.getInputStream()) {
                text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            String[] lines = text.strip().split("\\R");
            if (lines.length < 3 || !lines[2].strip().equals("CPython") || !lines[1].matches("\\d+\\.\\d+\\.\\d+")) {
                return null;
            }
            Path exe = Path.of(lines[0].strip());
            if (!Files.isExecutable(exe)) {
                exe = Path.of(command);
            }
            PythonInterpreter found = new PythonInterpreter(exe, lines[1].strip());
            PROBED.put(command, found);
            return found;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
