package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.DeadlockProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/** Two threads take two locks in opposite order: each waits for the other forever, unless ordered. */
public final class DeadlockScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "deadlock";
    }

    @Override
    public String title() {
        return "Deadlock: two locks";
    }

    @Override
    public String summary() {
        return "Alice and Bob pay each other; each locks her own account first, then the other's.";
    }

    @Override
    public String explanation() {
        return """
                A transfer locks both accounts it touches, so no one sees money in between. \
                Alice pays Bob: she locks account A, then B. At the same moment Bob pays Alice: \
                he locks B, then A.

                Each now holds one lock and waits (lock) for the one the other holds. Neither \
                can go on, so neither ever releases: a deadlock. CPython just hangs; Threadline \
                sees that every thread waits with no timer pending, stops the run, and names \
                the cycle.

                The cure is one global order: every thread locks A before B. Turn on "ordered": \
                Bob then waits for A, which Alice releases when she is done.

                Notice: the two lock waits start at the same moment and never end; the outcome \
                line names who waits for what, held by whom.""";
    }

    @Override
    public String icon() {
        return "mdi2l-lock-alert";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.bool("ordered", "Ordered", "everyone locks account A before account B", false),
                ParamSpec.seconds("step", "Step", "seconds between taking the first lock and asking for the second",
                        0.5, 0, 30));
    }

    @Override
    protected Program program(ParamValues v) {
        return new DeadlockProgram(v.bool("ordered"), v.seconds("step"));
    }

    /** The bug: a cycle of threads each waiting for a lock the next one holds. */
    @Override
    public List<SearchGoal> searchGoals(ParamValues v) {
        return List.of(new SearchGoal("cycle", "a deadlock cycle", "no deadlock cycle",
                trace -> trace.outcome() == RunOutcome.DEADLOCK && trace.outcomeMessage().contains(" held by ")));
    }

    @Override
    public String lesson(Trace trace) {
        if (trace.outcome() == RunOutcome.DEADLOCK) {
            return lesson();
        }
        return "Notice: in one global order there is no cycle. Bob waits (lock) for account A while holding nothing, "
                + "Alice finishes and releases both, and her release wakes him. Turn \"ordered\" off to see the "
                + "deadlock.";
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int alice = trace.threadNamed("Alice");
        int bob = trace.threadNamed("Bob");
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(m.printed("Alice wants to lock account A").time(), alice, "Alice locks A",
                "Alice's transfer takes the lock of account A, the one she pays from, and checks the balance."));
        Moment bobFirst = m.printed("Bob wants to lock account");
        Moment bobWaits = m.first(bob, ThreadState.WAITING, Reason.LOCK, 0);
        if (trace.outcome() == RunOutcome.DEADLOCK) {
            steps.add(new TourStep(bobFirst.time(), bob, "Bob locks B",
                    "Bob's transfer takes the lock of account B, the one he pays from. Each holds one lock now."));
            Moment aliceWaits = m.first(alice, ThreadState.WAITING, Reason.LOCK, 0);
            steps.add(new TourStep(aliceWaits.time(), alice, "Alice waits for B",
                    "Alice asks for account B: Bob holds it. She waits (lock)."));
            steps.add(new TourStep(bobWaits.time(), bob, "Bob waits for A",
                    "Bob asks for account A: Alice holds it. He waits (lock), and nobody is left to release anything."));
            steps.add(new TourStep(trace.lastChange(), -1, "Deadlock detected",
                    "Every thread waits and no timer is pending: nothing can ever wake them. "
                            + capitalised(trace.outcomeMessage()) + "."));
        } else {
            if (bobWaits.found()) {
                steps.add(new TourStep(bobWaits.time(), bob, "Bob waits for A first",
                        "In the fixed order Bob also starts with account A. Alice holds it: he waits (lock), "
                                + "holding nothing, so he blocks nobody."));
            }
            Moment moved = m.printed("Alice moved");
            steps.add(new TourStep(moved.time(), alice, "Alice finishes",
                    "Alice gets account B too, moves the money and releases both locks."));
            Moment woken = m.first(bob, ThreadState.RUNNABLE, Reason.WOKEN, Math.max(0, bobWaits.time()));
            if (bobWaits.found() && woken.found()) {
                steps.add(new TourStep(woken.time(), bob, "Her release wakes Bob",
                        "Alice's release of account A wakes Bob (follow the arrow). He takes A, then B."));
            }
            steps.add(new TourStep(m.printed("Accounts:").time(), trace.threadNamed(mainThread()), "Both transfers done",
                    "One lock order for everyone means no cycle of waits can form."));
        }
        List<TourStep> ordered = new ArrayList<>(Moments.inTimeOrder(steps));
        ordered.add(new TourStep(trace.endTime(), trace.threadNamed(mainThread()), "Find it yourself",
                "Be the scheduler: set step to 0, press P and pick who runs at every choice until the cycle "
                        + "closes. Or press X: the search finds the simplest schedule that deadlocks; with ordered "
                        + "locks it shows that none does."));
        return ordered;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        return new Prediction("Alice and Bob start their transfers at the same moment"
                + (v.bool("ordered") ? ", both locking account A first" : ", each locking their own account first")
                + ". What happens?",
                List.of("both transfers finish", "each waits for the other forever: a deadlock",
                        "one transfer is lost"),
                trace -> {
                    if (trace.outcome() == RunOutcome.DEADLOCK) {
                        return 1;
                    }
                    if (trace.outcome() != RunOutcome.COMPLETED) {
                        return -1;
                    }
                    return new Moments(trace).printed("Accounts: {'A': 90, 'B': 110}").found() ? 0 : 2;
                });
    }

    @Override
    public List<String> lessonResources() {
        return List.of("account A", "account B");
    }
}
