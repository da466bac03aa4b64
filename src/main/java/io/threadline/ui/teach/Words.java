package io.threadline.ui.teach;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadInfo;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.ui.timeline.ThreadMoment;

import java.util.List;
import java.util.Locale;

/** The words the teaching panels use for times, transitions and threads, so they read alike. */
final class Words {
    /** Steps of one instant a caption spells out. */
    private static final int TRAIL = 4;

    private Words() {
    }

    /** "3.000 s", as the status bar and the output say it. */
    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    /** "3.000", for a column of times. */
    static String column(long micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1e6);
    }

    /** A thread's name, or "#n" for one the trace does not know (yet). */
    static String name(Trace trace, int thread) {
        return thread >= 0 && thread < trace.threadCount() ? trace.thread(thread).name() : "#" + thread;
    }

    /** What a transition is about: "sleep 0.5 s", "join Olivia", "queue-get (queue)", "returned". */
    static String reason(Reason r, String detail) {
        if (r == null || r == Reason.NONE) {
            return "";
        }
        if (detail == null || detail.isEmpty()) {
            return r.label();
        }
        if (r == Reason.KILLED) {
            return r.label() + ": " + detail;
        }
        return switch (r) {
            case QUEUE_GET, QUEUE_PUT, QUEUE_JOIN, RESULT, LOCK, EVENT, CONDITION, SEMAPHORE ->
                    r.label() + " (" + detail + ")";
            default -> r.label() + " " + detail;
        };
    }

    /** Who caused a step, in words that fit its reason: "by Barron", "woken by Olivia", or "". */
    static String cause(Trace trace, ThreadMoment.Step s) {
        if (s.cause() < 0) {
            return "";
        }
        String who = name(trace, s.cause());
        return switch (s.reason()) {
            case CREATED -> "created by " + who;
            case STARTED -> "started by " + who;
            case WOKEN -> "woken by " + who;
            case PREEMPTED -> "preempted by " + who;
            case KILLED -> "because " + who + " ended";
            default -> "because of " + who;
        };
    }

    /** One step as a clause: "waiting (join Olivia)", "runnable (woken by Olivia)", "running". */
    static String step(Trace trace, ThreadMoment.Step s) {
        String why = s.cause() >= 0 ? (s.reason() == Reason.KILLED ? "killed " : "") + cause(trace, s)
                : s.reason() == Reason.SCHEDULED || s.reason() == Reason.CREATED ? "" : reason(s.reason(), s.detail());
        return why.isEmpty() ? s.to().label() : s.to().label() + " (" + why + ")";
    }

    /** "Barron is waiting: join Olivia". */
    static String headline(Trace trace, ThreadMoment m) {
        String name = name(trace, m.thread());
        ThreadMoment.Step last = m.last();
        if (last == null) {
            return name + " does not exist yet";
        }
        String why = reason(last.reason(), last.detail());
        return switch (last.to()) {
            case WAITING -> name + " is waiting: " + why;
            case DEAD -> name + " is dead: " + last.reason().label();
            case RUNNABLE -> name + " is runnable: ready, but without a core";
            case RUNNING -> name + " is running on a core";
            case NEW -> name + " is new: created, not started";
        };
    }

    /** How the thread got into its state: "since 0.500 s: running → waiting (join Olivia)", or the instant's trail. */
    static String trail(Trace trace, ThreadMoment m) {
        if (m.trail().isEmpty()) {
            return "";
        }
        List<ThreadMoment.Step> steps = m.trail();
        ThreadMoment.Step first = steps.get(0);
        StringBuilder s = new StringBuilder();
        boolean now = first.time() == m.time();
        s.append(now ? "at " : "since ").append(seconds(first.time())).append(": ");
        // a long instant (woken, run, blocked again …) keeps its last few steps
        int from = Math.max(0, steps.size() - TRAIL);
        ThreadMoment.Step lead = steps.get(from);
        s.append(from > 0 ? "… " : "").append(lead.from() == null ? "created" : lead.from().label());
        for (ThreadMoment.Step st : steps.subList(from, steps.size())) {
            s.append(" → ").append(step(trace, st));
        }
        ThreadMoment.Step last = m.last();
        if (last.line() > 0) {
            s.append(" · line ").append(last.line());
        }
        return s.toString();
    }

    /** "main thread · daemon · process MainProcess". */
    static String about(Trace trace, ThreadInfo info) {
        StringBuilder s = new StringBuilder(switch (info.role()) {
            case MAIN -> "main thread";
            case WORKER -> "pool worker";
            case HELPER -> "pool helper";
            case PROCESS -> "child process";
            case TASK -> "asyncio task";
            case THREAD -> "thread";
        });
        s.append(info.daemon() ? " · daemon" : " · not a daemon");
        if (info.process() >= 0 && info.process() < trace.processCount()) {
            s.append(" · process ").append(trace.process(info.process()).name());
        }
        return s.toString();
    }

    /** A state's share as a percentage, "17 %", or "" for none. */
    static String share(long part, long total) {
        if (total <= 0 || part <= 0) {
            return "";
        }
        return Math.round(100.0 * part / total) + " %";
    }

    static String state(ThreadState s) {
        return s.label();
    }
}
