package io.threadline.explore;

import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.scenario.SearchGoal;
import io.threadline.trace.CounterTrack;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The goals {@code --find} understands: the general ones, for any program, and those the scenario
 * names itself (its bug).
 *
 * <pre>
 * deadlock                     the run ends in a deadlock
 * counter &lt; 12               a counter track's last value compared (&lt; &lt;= &gt; &gt;= == !=)
 * max(connections in use) &gt; 3  its highest value compared
 * printed TEXT                 a printed line contains TEXT ("quotes" optional)
 * not printed TEXT             no printed line contains TEXT
 * raised [THREAD]              a thread (or that one) ends dead (raised)
 * </pre>
 */
public final class Goals {
    private static final Pattern COMPARE = Pattern.compile("(?:(max)\\s*\\(\\s*(.+?)\\s*\\)|(.+?))\\s*(<=|>=|==|!=|<|>|=)\\s*(-?\\d+)");

    private Goals() {
    }

    /** What {@code --find} takes, for help texts. */
    public static String syntax(ScenarioSpec spec, ParamValues values) {
        StringJoiner j = new StringJoiner(", ");
        for (SearchGoal g : spec.searchGoals(values)) {
            j.add(g.name() + " (" + g.what() + ")");
        }
        return (j.length() == 0 ? "" : j + "; ")
                + "deadlock; 'COUNTER < N' (also <=, >, >=, ==, != and max(COUNTER)); printed TEXT; not printed TEXT;"
                + " raised [THREAD]";
    }

    /**
     * The goal {@code text} names for {@code spec} run with {@code values}.
     *
     * @throws IllegalArgumentException in one line, with what it could have been
     */
    public static SearchGoal parse(String text, ScenarioSpec spec, ParamValues values) {
        String t = text.strip();
        for (SearchGoal g : spec.searchGoals(values)) {
            if (g.name().equals(t)) {
                return g;
            }
        }
        if (t.equals("deadlock")) {
            return new SearchGoal("deadlock", "a deadlock", "no deadlock", tr -> tr.outcome() == RunOutcome.DEADLOCK);
        }
        if (t.equals("raised") || t.startsWith("raised ")) {
            return raised(t.substring("raised".length()).strip());
        }
        if (t.startsWith("not printed ")) {
            String line = unquote(t.substring("not printed ".length()));
            return new SearchGoal(t, "no printed line with \"" + line + "\"", "a printed line with \"" + line
                    + "\" every time", tr -> !printed(tr, line));
        }
        if (t.startsWith("printed ")) {
            String line = unquote(t.substring("printed ".length()));
            return new SearchGoal(t, "a printed line with \"" + line + "\"", "no printed line with \"" + line + "\"",
                    tr -> printed(tr, line));
        }
        Matcher m = COMPARE.matcher(t);
        if (m.matches()) {
            return counter(t, m.group(1) != null, m.group(1) != null ? m.group(2) : m.group(3).strip(), m.group(4),
                    Long.parseLong(m.group(5)));
        }
        throw new IllegalArgumentException("unknown goal '" + t + "' for " + spec.id() + " (goals: "
                + syntax(spec, values) + ")");
    }

    private static SearchGoal raised(String thread) {
        String who = thread.isEmpty() ? "a thread" : thread;
        return new SearchGoal(thread.isEmpty() ? "raised" : "raised " + thread, who + " ending dead (raised)",
                (thread.isEmpty() ? "no thread" : thread + " never") + " ending dead (raised)", tr -> {
            for (int id = 0; id < tr.threadCount(); id++) {
                if (!thread.isEmpty() && !tr.thread(id).name().equals(thread)) {
                    continue;
                }
                LaneColumns lane = tr.lane(id);
                int n = lane.size();
                if (n > 0 && lane.state(n - 1) == ThreadState.DEAD && lane.reason(n - 1) == Reason.RAISED) {
                    return true;
                }
            }
            if (!thread.isEmpty() && tr.threadNamed(thread) < 0) {
                throw new IllegalArgumentException("no thread named '" + thread + "' in this run (threads: "
                        + names(tr) + ")");
            }
            return false;
        });
    }

    private static SearchGoal counter(String text, boolean max, String name, String op, long value) {
        LongPredicate test = switch (op) {
            case "<" -> v -> v < value;
            case "<=" -> v -> v <= value;
            case ">" -> v -> v > value;
            case ">=" -> v -> v >= value;
            case "!=" -> v -> v != value;
            default -> v -> v == value;
        };
        String shown = (max ? "max(" + name + ")" : name) + " " + ("=".equals(op) ? "==" : op) + " " + value;
        String subject = max ? "a highest " + name : "a final " + name;
        return new SearchGoal(text, subject + " " + ("=".equals(op) ? "==" : op) + " " + value,
                "no " + (max ? "highest " : "final ") + shown, tr -> {
            CounterTrack c = track(tr, name);
            if (c.size() == 0) {
                return false;
            }
            return test.test(max ? c.max() : c.get(c.size() - 1).value());
        });
    }

    private static CounterTrack track(Trace tr, String name) {
        List<String> names = new ArrayList<>();
        for (CounterTrack c : tr.counters()) {
            if (c.name().equals(name)) {
                return c;
            }
            names.add(c.name());
        }
        throw new IllegalArgumentException("no counter named '" + name + "' in this run (counters: "
                + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
    }

    private static boolean printed(Trace tr, String text) {
        for (OutputLine o : tr.output()) {
            if (o.text().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String names(Trace tr) {
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < tr.threadCount(); i++) {
            j.add(tr.thread(i).name());
        }
        return j.toString();
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
