package io.threadline.ui.teach;

import io.threadline.scenario.ParamKind;
import io.threadline.scenario.ParamSpec;
import io.threadline.scenario.ScenarioSpec;

import java.util.Locale;
import java.util.Map;

/**
 * What a comparison changes first, per scenario, and a telling pair of values for any parameter:
 * GIL on vs off, a bounded vs an unbounded queue, 2 vs 8 workers, one duration for all vs varied ones.
 */
final class ComparePresets {
    /** The parameter worth comparing first, where it is not the scenario's first switch or the GIL. */
    private static final Map<String, String> FIRST = Map.of(
            "chef-soup", "olivia",
            "producer-consumer", "capacity",
            "pool-map-vs-imap", "workers",
            "executor", "workers",
            "semaphore", "permits",
            "event", "cars",
            "condition", "customers");

    private ComparePresets() {
    }

    /** The parameter a comparison of {@code s} starts with. */
    static ParamSpec firstParam(ScenarioSpec s) {
        String name = FIRST.get(s.id());
        if (name != null && s.param(name) != null) {
            return s.param(name);
        }
        for (ParamSpec p : s.params()) {
            if (p.kind() == ParamKind.BOOLEAN && !p.name().equals(ScenarioSpec.GIL)) {
                return p;
            }
        }
        return s.param(ScenarioSpec.GIL);
    }

    /** Two values of {@code p} worth seeing side by side; {@code current} is the form's value. */
    static String[] pair(ParamSpec p, String current) {
        String now = current == null || p.problem(current) != null ? p.defaultValue() : current.trim();
        switch (p.kind()) {
            case BOOLEAN: {
                boolean on = isOn(now);
                return new String[] {on ? "true" : "false", on ? "false" : "true"};
            }
            case INTEGER: {
                long v = Long.parseLong(now);
                long lo = (long) p.min();
                long hi = (long) p.max();
                switch (p.name()) {
                    case "workers":
                        return new String[] {Long.toString(clamp(2, lo, hi)), Long.toString(clamp(8, lo, hi))};
                    case "capacity":
                        if (lo == 0) {
                            return new String[] {v == 0 ? "3" : now, "0"};
                        }
                        break;
                    case ScenarioSpec.CORES:
                        return new String[] {"1", Long.toString(v == 1 ? clamp(4, lo, hi) : v)};
                    default:
                        break;
                }
                long other = clamp(v * 2, lo, hi);
                if (other == v) {
                    other = clamp(v / 2, lo, hi);
                }
                return new String[] {now, Long.toString(other)};
            }
            case SECONDS: {
                double v = Double.parseDouble(now);
                double other = Math.min(p.max(), v == 0 ? 1 : v * 2);
                if (other == v) {
                    other = Math.max(p.min(), v / 2);
                }
                return new String[] {now, number(other)};
            }
            default:
                return new String[] {now, now.equalsIgnoreCase("varied") ? p.defaultValue() : "varied"};
        }
    }

    /** A value as a caption says it: "on", "3 s", "0 (unbounded)". */
    static String valueText(ParamSpec p, String v) {
        String t = v.trim();
        if (p.kind() == ParamKind.BOOLEAN) {
            return isOn(t) ? "on" : "off";
        }
        if (p.kind() == ParamKind.SECONDS) {
            return t + " s";
        }
        if (p.name().equals("capacity") && t.equals("0")) {
            return "0 (unbounded)";
        }
        return t;
    }

    private static boolean isOn(String t) {
        String b = t.toLowerCase(Locale.ROOT);
        return b.equals("true") || b.equals("on") || b.equals("yes") || b.equals("1");
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
    }
}
