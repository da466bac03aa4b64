package io.threadline.python;

/**
 * How a user's program is run, beyond the runtime's options.
 *
 * @param interpreter   the Python to use (path or command), or null to look for python3, python, py
 * @param lineCostNanos scenario CPU time each executed line costs, in nanoseconds (0: lines take no time)
 * @param maxLines      executed lines after which the run is stopped (0: no limit)
 * @param maxOutput     printed lines after which the run is stopped (0: no limit)
 * @param maxThreads    threads the program may start (0: no limit)
 */
public record PythonSettings(String interpreter, long lineCostNanos, long maxLines, int maxOutput, int maxThreads) {
    /** 50 ns a line: about CPython 3.11's own pace for simple lines on a laptop. */
    public static final long DEFAULT_LINE_COST_NANOS = 50;
    public static final long DEFAULT_MAX_LINES = 30_000_000;
    public static final int DEFAULT_MAX_OUTPUT = 100_000;
    public static final int DEFAULT_MAX_THREADS = 256;

    public PythonSettings {
        if (lineCostNanos < 0 || lineCostNanos > 1_000_000_000L) {
            throw new IllegalArgumentException("line cost must be between 0 and 1 s, got " + lineCostNanos + " ns");
        }
        if (maxLines < 0 || maxOutput < 0 || maxThreads < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    public static PythonSettings defaults() {
        return new PythonSettings(null, DEFAULT_LINE_COST_NANOS, DEFAULT_MAX_LINES, DEFAULT_MAX_OUTPUT,
                DEFAULT_MAX_THREADS);
    }

    public PythonSettings withInterpreter(String exe) {
        return new PythonSettings(exe, lineCostNanos, maxLines, maxOutput, maxThreads);
    }

    public PythonSettings withLineCost(long nanos) {
        return new PythonSettings(interpreter, nanos, maxLines, maxOutput, maxThreads);
    }

    public PythonSettings withMaxLines(long n) {
        return new PythonSettings(interpreter, lineCostNanos, n, maxOutput, maxThreads);
    }

    public PythonSettings withMaxOutput(int n) {
        return new PythonSettings(interpreter, lineCostNanos, maxLines, n, maxThreads);
    }

    public PythonSettings withMaxThreads(int n) {
        return new PythonSettings(interpreter, lineCostNanos, maxLines, maxOutput, n);
    }
}
