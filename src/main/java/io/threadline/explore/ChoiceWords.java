package io.threadline.explore;

import io.threadline.scenario.ScenarioSpec;
import io.threadline.scenario.SearchGoal;
import io.threadline.trace.Choice;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Trace;

import java.util.Locale;

/**
 * What one of a run's choices did, in a sentence: in the scenario's words where its goal has them
 * ("Thread-2 was preempted between its read and its write"), else in the scheduler's, with the
 * line of code the thread that gave way was at.
 */
public final class ChoiceWords {
    private static final int CODE_WIDTH = 60;

    private ChoiceWords() {
    }

    /** The choice in words; {@code spec} and {@code goal} may be null (a trace of no known scenario). */
    public static String describe(Trace trace, Choice c, ScenarioSpec spec, SearchGoal goal) {
        if (goal != null && goal.moment() != null) {
            String words = goal.moment().describe(trace, c);
            if (words != null) {
                return words + " (" + at(c.time()) + ")";
            }
        }
        String chosen = name(trace, c.chosen());
        String calm = name(trace, c.candidate(c.calmPick()));
        String when = at(c.time());
        boolean changed = c.pick() != c.calmPick();
        return switch (c.kind()) {
            case PREEMPT -> c.preemption()
                    ? calm + " was preempted " + when + where(trace, c.candidate(c.calmPick()), c.time(), spec)
                            + ", and " + chosen + " ran instead"
                    : calm + " kept the GIL " + when + " at its switch interval";
            case CORE -> chosen + " got the free core " + when + (changed ? ", before " + calm : "");
            case RUN -> chosen + " went first " + when + (changed ? ", before " + calm : "");
            case WAKE -> "the release " + when + " woke " + chosen + (changed ? " instead of " + calm : "");
        };
    }

    private static String name(Trace trace, int thread) {
        return trace.thread(thread).name();
    }

    private static String at(long micros) {
        return String.format(Locale.ROOT, "at %.3f s", micros / 1e6);
    }

    /** " at line 30 (cpu(...))": the line {@code thread} was at, with its code. */
    private static String where(Trace trace, int thread, long time, ScenarioSpec spec) {
        LaneColumns lane = trace.lane(thread);
        int i = lane.indexAt(time);
        int line = i < 0 ? 0 : lane.line(i);
        if (line <= 0) {
            return "";
        }
        String code = codeAt(spec, line);
        return " at line " + line + (code.isEmpty() ? "" : " (" + code + ")");
    }

    private static String codeAt(ScenarioSpec spec, int line) {
        if (spec == null) {
            return "";
        }
        String[] lines = spec.javaSource().split("\n", -1);
        if (line > lines.length) {
            return "";
        }
        String code = lines[line - 1].strip();
        int comment = code.indexOf("//");
        if (comment > 0) {
            code = code.substring(0, comment).strip();
        }
        return code.length() > CODE_WIDTH ? code.substring(0, CODE_WIDTH - 1) + "…" : code;
    }
}
