package io.threadline.python;

import io.threadline.scenario.ParamSpec;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioSpec;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A built-in scenario's Python program with the values of a run written into it: each of its
 * lines {@code NAME = value   # parameter "name"} gets that parameter's value, as Python writes
 * it. So the text the Python tab shows, run as a user's program, is the run the scenario makes.
 */
public final class ScenarioSource {
    private static final Pattern PARAMETER = Pattern.compile(
            "^(\\s*[A-Z_][A-Z0-9_]*\\s*=\\s*)(.*?)(\\s+# parameter \"([a-z_]+)\".*)$", Pattern.MULTILINE);

    private ScenarioSource() {
    }

    /** The scenario's Python program with {@code values} in place of its defaults. */
    public static String render(ScenarioSpec spec, ParamValues values) {
        String source = spec.pythonSource();
        Matcher m = PARAMETER.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            ParamSpec p = spec.param(m.group(4));
            String value = p == null ? m.group(2) : literal(p, values);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + value + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The Python file name of the scenario, e.g. chef_soup.py. */
    public static String fileName(ScenarioSpec spec) {
        return spec.id().replace('-', '_') + ".py";
    }

    static String literal(ParamSpec p, ParamValues values) {
        String name = p.name();
        return switch (p.kind()) {
            case SECONDS -> floatLiteral(values.seconds(name));
            case INTEGER -> Long.toString(values.longValue(name));
            case BOOLEAN -> values.bool(name) ? "True" : "False";
            case DURATIONS -> {
                List<Double> d = values.durations(name);
                if (d == null) {
                    yield "\"varied\"";
                }
                if (d.size() == 1 && p.count() > 1) {
                    yield "[" + floatLiteral(d.get(0)) + "] * " + p.count();
                }
                StringBuilder b = new StringBuilder("[");
                for (int i = 0; i < d.size(); i++) {
                    b.append(i > 0 ? ", " : "").append(floatLiteral(d.get(i)));
                }
                yield b.append(']').toString();
            }
        };
    }

    /** A double as Python's repr writes it for the values parameters take (3.0, 0.008, 1e-05). */
    static String floatLiteral(double v) {
        String s = Double.toString(v);
        if (s.contains("E")) {
            s = s.toLowerCase(Locale.ROOT);
        }
        return s;
    }
}
