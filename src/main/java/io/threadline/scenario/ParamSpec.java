package io.threadline.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parameter a scenario takes: its name (which scripts use with {@code --set name=value}),
 * a label and a hint for the form, its kind, default and allowed range. {@link #check} turns
 * text into a value or a one-line reason why it cannot be one.
 *
 * @param count for DURATIONS, how many inputs a comma list must cover
 * @param contrast the two values a comparison sets side by side ({@link #CURRENT} for the value at
 *                 hand), where doubling or flipping is not the telling contrast; empty otherwise
 * @param meanings words for values that mean more than their number, e.g. a capacity of 0, "unbounded"
 */
public record ParamSpec(String name, String label, String hint, ParamKind kind, String defaultValue,
                        double min, double max, int count, List<String> contrast, Map<String, String> meanings) {
    /** In a {@link #contrast}: the value the form holds (the default if that is the other value). */
    public static final String CURRENT = "*";

    public ParamSpec {
        contrast = List.copyOf(contrast);
        meanings = Map.copyOf(meanings);
        if (!contrast.isEmpty() && contrast.size() != 2) {
            throw new IllegalArgumentException(name + ": a contrast is two values");
        }
    }

    public static ParamSpec seconds(String name, String label, String hint, double def, double min, double max) {
        return new ParamSpec(name, label, hint, ParamKind.SECONDS, format(def), min, max, 0, List.of(), Map.of());
    }

    public static ParamSpec integer(String name, String label, String hint, long def, long min, long max) {
        return new ParamSpec(name, label, hint, ParamKind.INTEGER, Long.toString(def), min, max, 0, List.of(),
                Map.of());
    }

    public static ParamSpec bool(String name, String label, String hint, boolean def) {
        return new ParamSpec(name, label, hint, ParamKind.BOOLEAN, Boolean.toString(def), 0, 1, 0, List.of(),
                Map.of());
    }

    public static ParamSpec durations(String name, String label, String hint, String def, double min, double max,
                                      int count) {
        return new ParamSpec(name, label, hint, ParamKind.DURATIONS, def, min, max, count, List.of(), Map.of());
    }

    /** This parameter, compared as {@code a} against {@code b} (either may be {@link #CURRENT}). */
    public ParamSpec contrasting(String a, String b) {
        return new ParamSpec(name, label, hint, kind, defaultValue, min, max, count, List.of(a, b), meanings);
    }

    /** This parameter, with {@code words} said after {@code value} wherever the value is shown. */
    public ParamSpec meaning(String value, String words) {
        Map<String, String> m = new java.util.HashMap<>(meanings);
        m.put(value, words);
        return new ParamSpec(name, label, hint, kind, defaultValue, min, max, count, contrast, m);
    }

    /** True if {@code text} stands for the default value ("4" and " 4", "True" and "true"). */
    public boolean isDefault(String text) {
        return same(text, defaultValue);
    }

    private boolean same(String a, String b) {
        try {
            return check(a).equals(check(b));
        } catch (ParamException e) {
            return false;
        }
    }

    /** A value as the window and the pictures say it: "3 s", "on", "0 (unbounded)", "varied". */
    public String valueText(String text) {
        String t = text == null ? "" : text.trim();
        Object v;
        try {
            v = check(t);
        } catch (ParamException e) {
            return t;
        }
        switch (kind) {
            case BOOLEAN:
                return (Boolean) v ? "on" : "off";
            case SECONDS:
                return withMeaning(t, t + " s");
            case DURATIONS:
                return "varied".equals(v) ? t : withMeaning(t, t + " s");
            default:
                return withMeaning(t, t);
        }
    }

    private String withMeaning(String value, String said) {
        String words = meanings.get(value);
        return words == null ? said : said + " (" + words + ")";
    }

    /**
     * A setting as a title says it: "olivia 3 s", "timeout 0 s (none)"; a switch with words for
     * its two sides ({@link #meaning} of "true" and "false") says them alone: "terminate()" rather
     * than "kill off".
     */
    public String settingWords(String text) {
        if (kind == ParamKind.BOOLEAN) {
            String words = meanings.get("on".equals(valueText(text)) ? "true" : "false");
            if (words != null) {
                return words;
            }
        }
        return name + " " + valueText(text);
    }

    /**
     * Two values of this parameter worth seeing side by side in a comparison, starting from
     * {@code current} (the form's value; a bad one counts as the default): the declared
     * {@link #contrast}, else on against off, a number against its double (or half, at the
     * limit), one duration for all against varied ones.
     */
    public List<String> comparisonPair(String current) {
        String now = current == null || problem(current) != null ? defaultValue : current.trim();
        if (!contrast.isEmpty()) {
            String a = contrast.get(0);
            String b = contrast.get(1);
            if (a.equals(CURRENT)) {
                a = same(now, b) ? defaultValue : now;
            }
            if (b.equals(CURRENT)) {
                b = same(now, a) ? defaultValue : now;
            }
            return List.of(a, b);
        }
        switch (kind) {
            case BOOLEAN: {
                boolean on = same(now, "true");
                return List.of(on ? "true" : "false", on ? "false" : "true");
            }
            case INTEGER: {
                long v = Long.parseLong(now);
                long other = clamp(v * 2);
                if (other == v) {
                    other = clamp(v / 2);
                }
                if (other == v) {
                    // 0 doubles to 0: the next value (a seed 0 against seed 1)
                    other = clamp(v + 1);
                }
                return List.of(now, Long.toString(other));
            }
            case SECONDS: {
                double v = Double.parseDouble(now);
                double other = Math.min(max, v == 0 ? 1 : v * 2);
                if (other == v) {
                    other = Math.max(min, v / 2);
                }
                return List.of(now, other == Math.rint(other) ? Long.toString((long) other)
                        : String.format(Locale.ROOT, "%.3f", other).replaceAll("0+$", ""));
            }
            default:
                return List.of(now, now.equalsIgnoreCase("varied") ? defaultValue : "varied");
        }
    }

    private long clamp(long v) {
        return Math.max((long) min, Math.min((long) max, v));
    }

    /** The value {@code text} stands for (Double, Long, Boolean or List of Double / "varied"). */
    public Object check(String text) throws ParamException {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new ParamException(name + ": a value is needed (" + rangeText() + ")");
        }
        switch (kind) {
            case SECONDS:
                return secondsValue(t, name);
            case INTEGER:
                long v;
                try {
                    v = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new ParamException(name + ": '" + t + "' is not a whole number (" + rangeText() + ")");
                }
                if (v < min || v > max) {
                    throw new ParamException(name + ": " + v + " is out of range (" + rangeText() + ")");
                }
                return v;
            case BOOLEAN:
                // true or false only (True/FALSE too: letter case is forgiven, and the text is
                // stored as true or false); yes, on and 1 are refused so a command line means one thing.
                String b = t.toLowerCase(Locale.ROOT);
                if (b.equals("true")) {
                    return Boolean.TRUE;
                }
                if (b.equals("false")) {
                    return Boolean.FALSE;
                }
                throw new ParamException(name + ": '" + t + "' is not true or false");
            case DURATIONS:
                if (t.equalsIgnoreCase("varied")) {
                    return "varied";
                }
                String[] parts = t.split(",", -1);
                if (parts.length != 1 && parts.length != count) {
                    throw new ParamException(name + ": give one duration for all, " + count
                            + " comma-separated durations, or 'varied' (got " + parts.length + " values)");
                }
                List<Double> out = new ArrayList<>();
                for (String p : parts) {
                    out.add(secondsValue(p.trim(), name));
                }
                return out;
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /**
     * The text a valid value is stored and shown as: "true"/"false" for a boolean however it was
     * typed, "varied" for durations; other kinds as given (trimmed).
     */
    public String canonical(String text) throws ParamException {
        Object v = check(text);
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if ("varied".equals(v)) {
            return "varied";
        }
        return text.trim();
    }

    /** The reason {@code text} is not valid, or null if it is. */
    public String problem(String text) {
        try {
            check(text);
            return null;
        } catch (ParamException e) {
            return e.getMessage();
        }
    }

    private double secondsValue(String t, String what) throws ParamException {
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new ParamException(what + ": '" + t + "' is not a number of seconds (" + rangeText() + ")");
        }
        if (Double.isNaN(v) || v < min || v > max) {
            throw new ParamException(what + ": " + t + " s is out of range (" + rangeText() + ")");
        }
        return v;
    }

    /** The allowed values in words, e.g. "0 to 30 s". */
    public String rangeText() {
        switch (kind) {
            case SECONDS:
            case DURATIONS:
                return format(min) + " to " + format(max) + " s";
            case INTEGER:
                return (long) min + " to " + (long) max;
            default:
                return "true or false";
        }
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
