package io.threadline.scenario;

import io.threadline.trace.Choice;
import io.threadline.trace.Trace;

import java.util.function.Predicate;

/**
 * What a search of the interleavings looks for in a finished run, and the words for it: "a lost
 * update" when found, "no lost update" when not. A scenario may name its own goals (its bug), and
 * may say what a decisive choice meant in its program ("Thread-2 was preempted between its read and
 * its write"), which the search otherwise says in the scheduler's terms.
 *
 * @param name   what scripts type after {@code --find}, e.g. "lost-update"
 * @param what   the goal in words with its article, e.g. "a lost update"
 * @param none   its absence, e.g. "no lost update"
 * @param met    whether a finished run meets it
 * @param moment the meaning of one of the run's choices in the program's terms, or null to have it
 *               said in the scheduler's
 */
public record SearchGoal(String name, String what, String none, Predicate<Trace> met, MomentWords moment) {

    /** Says what a decisive choice of a run meant in the program's terms; null where it has no better words. */
    @FunctionalInterface
    public interface MomentWords {
        String describe(Trace trace, Choice choice);
    }

    public SearchGoal(String name, String what, String none, Predicate<Trace> met) {
        this(name, what, none, met, null);
    }

    public boolean metBy(Trace trace) {
        return met.test(trace);
    }
}
