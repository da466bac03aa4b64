package io.threadline.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checked parameter values of one scenario, every parameter present (defaults filled in),
 * in the order the scenario declares them. Build with {@link ScenarioSpec#values(Map)}.
 */
public final class ParamValues {
    private final Map<String, String> text;
    private final Map<String, Object> typed;

    ParamValues(Map<String, String> text, Map<String, Object> typed) {
        this.text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
        this.typed = Collections.unmodifiableMap(new LinkedHashMap<>(typed));
    }

    /** The values as text, as written into the trace header and onto a command line. */
    public Map<String, String> asText() {
        return text;
    }

    public double seconds(String name) {
        return (Double) get(name);
    }

    public int integer(String name) {
        return Math.toIntExact((Long) get(name));
    }

    public long longValue(String name) {
        return (Long) get(name);
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    /** A DURATIONS value: the list given, or null when it is "varied". */
    @SuppressWarnings("unchecked")
    public List<Double> durations(String name) {
        Object v = get(name);
        return v instanceof List ? (List<Double>) v : null;
    }

    private Object get(String name) {
        Object v = typed.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return v;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
