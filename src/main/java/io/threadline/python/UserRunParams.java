package io.threadline.python;

import io.threadline.runtime.RunOptions;
import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamSpec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The parameters of a user's program, as {@code --set NAME=VALUE} gives them (and the window's
 * form will): the runtime's (cores, gil, seed), the CPU cost of a line, and the limits.
 */
public final class UserRunParams {
    public static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("cores", "Cores", "virtual CPU cores", 4, 1, 64),
            ParamSpec.bool("gil", "GIL", "one global interpreter lock per process, as in CPython", true),
            ParamSpec.integer("seed", "Seed", "same seed, same run", 0, 0, Integer.MAX_VALUE),
            ParamSpec.seconds("line_cost", "Line cost", "scenario CPU microseconds each executed line costs",
                    PythonSettings.DEFAULT_LINE_COST_NANOS / 1000.0, 0, 1_000_000),
            ParamSpec.seconds("time_limit", "Time limit", "scenario seconds after which the run is stopped", 60, 0.001,
                    86_400),
            ParamSpec.integer("max_lines", "Line limit", "executed lines after which the run is stopped (0: none)",
                    PythonSettings.DEFAULT_MAX_LINES, 0, Long.MAX_VALUE / 2),
            ParamSpec.integer("max_output", "Output limit", "printed lines after which the run is stopped (0: none)",
                    PythonSettings.DEFAULT_MAX_OUTPUT, 0, Integer.MAX_VALUE),
            ParamSpec.integer("max_threads", "Thread limit", "threads the program may start (0: none)",
                    PythonSettings.DEFAULT_MAX_THREADS, 0, 100_000));

    private final RunOptions options;
    private final PythonSettings settings;

    private UserRunParams(RunOptions options, PythonSettings settings) {
        this.options = options;
        this.settings = settings;
    }

    /** Checked values of {@code given} over the defaults; unknown names and bad values are errors. */
    public static UserRunParams of(Map<String, String> given, String interpreter) throws ParamException {
        for (String name : given.keySet()) {
            if (spec(name) == null) {
                StringJoiner known = new StringJoiner(", ");
                PARAMS.forEach(p -> known.add(p.name()));
                throw new ParamException("unknown parameter '" + name + "' for a Python program (known: " + known + ")");
            }
        }
        RunOptions o = RunOptions.defaults()
                .withCores(((Number) value(given, "cores")).intValue())
                .withGil((Boolean) value(given, "gil"))
                .withSeed(((Number) value(given, "seed")).longValue())
                .withTimeLimit(Math.round(((Number) value(given, "time_limit")).doubleValue() * 1e6));
        long lineCost = Math.round(((Number) value(given, "line_cost")).doubleValue() * 1000);
        PythonSettings s = new PythonSettings(interpreter, lineCost, ((Number) value(given, "max_lines")).longValue(),
                (int) ((Number) value(given, "max_output")).longValue(),
                (int) ((Number) value(given, "max_threads")).longValue());
        return new UserRunParams(o, s);
    }

    private static ParamSpec spec(String name) {
        for (ParamSpec p : PARAMS) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static Object value(Map<String, String> given, String name) throws ParamException {
        ParamSpec p = spec(name);
        String raw = given.containsKey(name) ? given.get(name).trim() : p.defaultValue();
        return p.check(raw);
    }

    public RunOptions options() {
        return options;
    }

    public PythonSettings settings() {
        return settings;
    }

    /** Nanoseconds as microseconds without trailing zeros, e.g. 50 as "0.05". */
    static String micros(long nanos) {
        return BigDecimal.valueOf(nanos, 3).stripTrailingZeros().toPlainString();
    }
}
