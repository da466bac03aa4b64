package io.threadline.scenario;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's Python program, its Java program's twin: its text with a run's values written in,
 * and where each line of the Java program that makes a transition is in it.
 *
 * <p>The values: each line {@code NAME = value   # parameter "name"} gets that parameter's value,
 * as Python writes it, so the text shown, run as a user's program, is the run the scenario makes.
 * The lines: {@code python/NAME.lines} pairs the Java line of each transition (but deaths, whose
 * lines differ: a Java lambda ends at its call, a Python block at its last line) with the Python
 * line of the same transition when the twin runs in CPython ({@code ScenarioFidelityTest} checks it and
 * writes it anew with {@code FIDELITY_LINES=write}); values only ever change within a line.
 */
public final class PythonTwin {
    private static final Pattern PARAMETER = Pattern.compile(
            "^(\\s*[A-Z_][A-Z0-9_]*\\s*=\\s*)(.*?)(\\s+# parameter \"([a-z_]+)\".*)$", Pattern.MULTILINE);

    private PythonTwin() {
    }

    /** The program's resource, e.g. {@code /io/threadline/scenario/python/chef_soup.py}. */
    static String resource(ScenarioSpec spec, String extension) {
        return "/io/threadline/scenario/python/" + spec.id().replace('-', '_') + extension;
    }

    /** {@code source} (the scenario's Python program) with {@code values} in place of its defaults. */
    static String render(ScenarioSpec spec, String source, ParamValues values) {
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

    /**
     * The twins' line map of {@code spec}: keys "java" (any transition at that Java line) and
     * "java reason" (only those of {@link #keyReason}); empty if it has none.
     */
    static Map<String, Integer> lines(ScenarioSpec spec) {
        try (InputStream in = PythonTwin.class.getResourceAsStream(resource(spec, ".lines"))) {
            if (in == null) {
                return Map.of();
            }
            return Collections.unmodifiableMap(parseLines(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Python line of a transition at {@code javaLine} whose key reason is {@code reason}; 0 if unknown. */
    static int line(Map<String, Integer> map, int javaLine, Reason reason) {
        Integer exact = map.get(javaLine + " " + reason.label());
        return exact != null ? exact : map.getOrDefault(Integer.toString(javaLine), 0);
    }

    /**
     * What a transition did at its line: its reason, or for a thread that is runnable or running
     * again at the line of the call it came back from, the reason of that call's transition. One
     * Java line may hold two calls that are two lines in Python (submit, then as_completed).
     */
    public static Reason keyReason(LaneColumns lane, int i) {
        while (i > 0 && (lane.state(i) == ThreadState.RUNNABLE || lane.state(i) == ThreadState.RUNNING)
                && lane.line(i - 1) == lane.line(i)) {
            i--;
        }
        return lane.reason(i);
    }

    /** Reads a line map: "java python" or "java reason python" a line; '#' starts a comment. */
    public static TreeMap<String, Integer> parseLines(String text) {
        TreeMap<String, Integer> map = new TreeMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            String key = parts.length > 2 ? parts[0] + " " + parts[1] : parts[0];
            map.put(key, Integer.parseInt(parts[parts.length - 1]));
        }
        return map;
    }

    /**
     * The map for transitions seen in both twins: {@code seen} holds, by Java line and key reason,
     * the Python lines found. A Java line's usual Python line is the one most of its reasons have;
     * the others are written with their reason.
     */
    public static String formatLines(Map<Integer, Map<Reason, Integer>> seen) {
        StringBuilder b = new StringBuilder("# Java line [key reason] -> Python line of the same transitions: written"
                + " by ScenarioFidelityTest (FIDELITY_LINES=write)\n");
        new TreeMap<>(seen).forEach((javaLine, byReason) -> {
            Map<Integer, Integer> votes = new TreeMap<>();
            byReason.values().forEach(p -> votes.merge(p, 1, Integer::sum));
            int usual = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            b.append(javaLine).append(' ').append(usual).append('\n');
            new TreeMap<>(byReason).forEach((reason, p) -> {
                if (p != usual) {
                    b.append(javaLine).append(' ').append(reason.label()).append(' ').append(p).append('\n');
                }
            });
        });
        return b.toString();
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
