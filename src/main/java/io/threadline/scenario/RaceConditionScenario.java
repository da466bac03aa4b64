package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.RaceConditionProgram;
import io.threadline.trace.CounterTrack;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/** A shared counter updated by read, work, write: lost updates without a lock, none with one. */
public final class RaceConditionScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "race-condition";
    }

    @Override
    public String title() {
        return "Race condition and lock";
    }

    @Override
    public String summary() {
        return "Threads add to a shared counter; without a lock some additions are lost.";
    }

    @Override
    public String explanation() {
        return """
                Four threads each add 1 to a shared counter three times. Adding takes three \
                steps: read the counter, work with the value, write value + 1 back. The work \
                is CPU work longer than the 5 ms switch interval, so the GIL may pass to \
                another thread between a read and its write.

                That thread then reads the same old value. Both write the same number: one \
                addition is lost. The GIL does not prevent this: it protects the interpreter, \
                not your read-modify-write. The same seed loses the same updates every time; \
                another seed, others. Turn on "lock": the three steps run under a Lock, and a \
                thread that finds it held waits (lock) until the holder releases it.

                Notice: a thread preempted between its read and its write (runnable, preempted) \
                later prints "wrote ... over ...": it writes its stale value over another \
                thread's addition, which is lost.""";
    }

    @Override
    public String icon() {
        return "mdi2c-counter";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.bool("lock", "Lock", "take a lock around read, work, write", false),
                ParamSpec.integer("threads", "Threads", "threads adding to the counter", 4, 1, 16),
                ParamSpec.integer("rounds", "Additions", "how many times each thread adds 1", 3, 1, 50),
                ParamSpec.seconds("work", "Work", "CPU seconds between the read and the write", 0.008, 0, 1));
    }

    @Override
    protected Program program(ParamValues v) {
        return new RaceConditionProgram(v.integer("threads"), v.integer("rounds"), v.seconds("work"), v.bool("lock"));
    }

    /** The bug: a final counter short of threads x rounds. A preemption can only fall in the work between a read and its write. */
    @Override
    public List<SearchGoal> searchGoals(ParamValues v) {
        long expected = (long) v.integer("threads") * v.integer("rounds");
        return List.of(new SearchGoal("lost-update", "a lost update", "no lost update", trace -> {
            for (CounterTrack c : trace.counters()) {
                if (c.name().equals("counter") && c.size() > 0) {
                    return c.get(c.size() - 1).value() < expected;
                }
            }
            return false;
        }, (trace, choice) -> choice.preemption()
                ? trace.thread(choice.candidate(choice.calmPick())).name() + " was preempted between its read and its"
                        + " write, and " + trace.thread(choice.chosen()).name() + " ran"
                : null));
    }

    /** The whole run: a lost update happens within a tenth of a second. */
    @Override
    public LessonWindow lessonWindow(Trace trace) {
        return trace.endTime() > 0 ? new LessonWindow(0, trace.endTime()) : null;
    }

    @Override
    public boolean namesLessonWindow() {
        return true;
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int first = trace.threadNamed("Thread-1");
        List<TourStep> steps = new ArrayList<>();
        Moment reads = m.first(first, ThreadState.RUNNING, null, 0);
        steps.add(new TourStep(reads.time(), first, "Thread-1 reads the counter",
                "It reads the counter and starts working on the value (running): the write comes only after the work."));
        Moment lockWait = m.first(ThreadState.WAITING, Reason.LOCK, 0);
        if (lockWait.found()) {
            steps.add(new TourStep(lockWait.time(), lockWait.thread(), "The lock is held",
                    m.name(lockWait.thread()) + " wants to add too, but another thread holds the lock between its "
                            + "read and its write. It waits (lock)."));
            Moment woken = m.first(lockWait.thread(), ThreadState.RUNNABLE, Reason.WOKEN, lockWait.time());
            if (woken.found()) {
                steps.add(new TourStep(woken.time(), woken.thread(), "The release wakes a waiter",
                        "The holder has written and releases the lock: the arrow shows who woke "
                                + m.name(woken.thread()) + ". It must still win the lock: the releaser may take it again first."));
            }
        }
        Moment preempted = m.first(ThreadState.RUNNABLE, Reason.PREEMPTED, 0);
        if (preempted.found()) {
            steps.add(new TourStep(preempted.time(), preempted.thread(), "Preempted mid-update",
                    m.name(preempted.thread()) + " has computed for the 5 ms switch interval and must hand the GIL "
                            + "to a waiting thread" + (lockWait.found() ? ", still holding the lock."
                            : ", between its read and its write.")));
        }
        Moment stale = m.printedContaining(" over ", 0);
        if (stale.found()) {
            steps.add(new TourStep(stale.time(), stale.thread(), "A lost update",
                    m.name(stale.thread()) + " writes the value it read before it was preempted, over a newer one "
                            + "another thread wrote meanwhile. That thread's addition is gone."));
        }
        Moment done = m.printed("Counter:");
        steps.add(new TourStep(done.found() ? done.time() : trace.endTime(), trace.threadNamed(mainThread()),
                "The final count", stale.found()
                        ? "The counter is short of the expected total by the updates lost. Run again with the same seed: "
                                + "the same ones are lost."
                        : "Every addition counted: the counter is exactly the expected total."));
        List<TourStep> ordered = new ArrayList<>(Moments.inTimeOrder(steps));
        ordered.add(new TourStep(trace.endTime(), trace.threadNamed(mainThread()), "Find it yourself",
                "Be the scheduler: press P and pick who runs at every choice, and try to lose an update (with the "
                        + "lock on, try not to). Or press X: the search finds the simplest schedule that loses one; "
                        + "with the lock it shows that none does."));
        return ordered;
    }

    @Override
    public Prediction prediction(ParamValues v) {
        int expected = v.integer("threads") * v.integer("rounds");
        return new Prediction(v.integer("threads") + " threads each add 1 to the counter " + v.integer("rounds")
                + " times" + (v.bool("lock") ? ", under a lock" : "") + ". What does it say at the end?",
                List.of("exactly " + expected, "less than " + expected, "more than " + expected),
                trace -> {
                    double count = new Moments(trace).number("Counter:", 0);
                    if (Double.isNaN(count)) {
                        return -1;
                    }
                    return count == expected ? 0 : count < expected ? 1 : 2;
                });
    }

    @Override
    public List<String> lessonResources() {
        return List.of("counter lock");
    }
}
