package io.threadline.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One parameter a scenario takes: its name (which scripts use with {@code --set name=value}),
 * a label and a hint for the form, its kind, default and allowed range. {@link #check} turns
 * text into a value or a one-line reason why it cannot be one.
 *
 * @param count for DURATIONS, how many inputs a comma list must cover
 */
public record ParamSpec(String name, String label, String hint, ParamKind kind, String defaultValue,
                        double min, double max, int count) {

    public static ParamSpec seconds(String name, String label, String hint, double def, double min, double max) {
        return new ParamSpec(name, label, hint, ParamKind.SECONDS, format(def), min, max, 0);
    }

    public static ParamSpec integer(String name, String label, String hint, long def, long min, long max) {
        return new ParamSpec(name, label, hint, ParamKind.INTEGER, Long.toString(def), min, max, 0);
    }

    public static ParamSpec bool(String name, String label, String hint, boolean def) {
        return new ParamSpec(name, label, hint, ParamKind.BOOLEAN, Boolean.toString(def), 0, 1, 0);
    }

    public static ParamSpec durations(String name, String label, String hint, String def, double min, double max,
                                      int count) {
        return new ParamSpec(name, label, hint, ParamKind.DURATIONS, def, min, max, count);
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
