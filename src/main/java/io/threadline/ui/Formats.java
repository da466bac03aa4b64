package io.threadline.ui;

import io.threadline.scenario.ParamKind;
import io.threadline.scenario.ParamSpec;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.RunOutcome;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** The words and numbers the window shows, in one place so they read the same everywhere. */
final class Formats {
    /** Runtime switches every scenario has; the title names them only when they differ from the default. */
    private static final Set<String> COMMON = Set.of(ScenarioSpec.CORES, ScenarioSpec.GIL, ScenarioSpec.SEED);

    private Formats() {
    }

    /** Scenario time as seconds with millisecond precision, e.g. "3.000 s". */
    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    /** Scenario time for the output column, e.g. "3.000". */
    static String secondsColumn(long micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1e6);
    }

    /** A speed factor as the toolbar shows it, e.g. "0.25x", "2x". */
    static String speed(double factor) {
        if (factor == Math.rint(factor)) {
            return (long) factor + "x";
        }
        return String.valueOf(factor).replaceAll("0+$", "") + "x";
    }

    /** The parameters worth a window title: the scenario's own, plus runtime ones changed from the default. */
    static String keyParams(ScenarioSpec spec, Map<String, String> values) {
        StringJoiner j = new StringJoiner(", ");
        for (ParamSpec p : spec.params()) {
            String v = values.get(p.name());
            if (v == null) {
                continue;
            }
            if (COMMON.contains(p.name()) && sameValue(p, v, p.defaultValue())) {
                continue;
            }
            j.add(p.name() + " " + valueText(p, v));
        }
        return j.toString();
    }

    /** A value with its unit, e.g. "3 s", "on", "4". */
    static String valueText(ParamSpec p, String v) {
        String t = v.trim();
        if (p.problem(t) != null) {
            return t;
        }
        if (p.kind() == ParamKind.BOOLEAN) {
            Boolean b = parseBoolean(t);
            return b == null ? t : (b ? "on" : "off");
        }
        if (p.kind() == ParamKind.SECONDS || (p.kind() == ParamKind.DURATIONS && !t.equalsIgnoreCase("varied"))) {
            return t + " s";
        }
        return t;
    }

    private static boolean sameValue(ParamSpec p, String a, String b) {
        try {
            return p.check(a).equals(p.check(b));
        } catch (Exception e) {
            return false;
        }
    }

    private static Boolean parseBoolean(String t) {
        String b = t.toLowerCase(Locale.ROOT);
        if (b.equals("true") || b.equals("on") || b.equals("yes") || b.equals("1")) {
            return Boolean.TRUE;
        }
        if (b.equals("false") || b.equals("off") || b.equals("no") || b.equals("0")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** The outcome as a short status word. */
    static String outcome(RunOutcome o) {
        if (o == null) {
            return "No run yet";
        }
        switch (o) {
            case RUNNING:
                return "Running";
            case COMPLETED:
                return "Completed";
            case RAISED:
                return "Raised";
            case STOPPED:
                return "Stopped";
            case TIME_LIMIT:
                return "Time limit";
            case DEADLOCK:
                return "Deadlock";
            case FAILED:
                return "Failed";
            default:
                return o.label();
        }
    }

    /** A parameter problem without its leading "name: ", as the field it sits under names it already. */
    static String fieldProblem(ParamSpec p, String problem) {
        if (problem == null) {
            return null;
        }
        String prefix = p.name() + ": ";
        String s = problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem;
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
