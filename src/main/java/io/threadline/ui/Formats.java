package io.threadline.ui;

import io.threadline.scenario.ParamSpec;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.RunOutcome;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The words and numbers the window shows, in one place so they read the same everywhere. */
final class Formats {
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

    /** "olivia 3 s, cook 0.5 s": the settings that tell the run apart (see {@link ScenarioSpec#settings}). */
    static String keyParams(ScenarioSpec spec, Map<String, String> values) {
        StringJoiner j = new StringJoiner(", ");
        spec.settings(values).forEach(p -> j.add(p.words()));
        return j.toString();
    }

    /**
     * The same for the heading over the timeline, where the parameters wrap when the row is
     * short: each setting's words are joined by no-break spaces, so a line ends only between
     * settings (a projector's heading read "download 0.5" over "s, map" over "on").
     */
    static String headingParams(ScenarioSpec spec, Map<String, String> values) {
        StringJoiner j = new StringJoiner(", ");
        spec.settings(values).forEach(p -> j.add(p.words().replace(' ', '\u00A0')));
        return j.toString();
    }

    /**
     * News headed by what happened, "Time limit — main is still alive", without saying it twice:
     * a report that starts with the heading's words is the news on its own ("Deadlock at 0.5 s:
     * Alice waits for lock_b...", where the status bar read "Deadlock — deadlock at 0.5 s: ...").
     */
    static String headed(String heading, String report) {
        if (report == null || report.isEmpty()) {
            return heading;
        }
        if (report.regionMatches(true, 0, heading, 0, heading.length())) {
            return Character.toUpperCase(report.charAt(0)) + report.substring(1);
        }
        return heading + " — " + report;
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
