package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.RLockProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/** A thread takes a lock it already holds: fine with an RLock, a deadlock with itself with a Lock. */
public final class RLockScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "rlock";
    }

    @Override
    public String title() {
        return "RLock: taking a lock twice";
    }

    @Override
    public String summary() {
        return "A thread holding a lock calls code that takes it again: RLock allows it, Lock deadlocks.";
    }

    @Override
    public String explanation() {
        return """
                Alice and Bob each record a transfer in a shared ledger. transfer() holds the \
                ledger's lock so that both entries go in or neither, checks the balance, and \
                calls record() twice, which takes the same lock again (record() is also called \
                on its own elsewhere, so it must lock too).

                An RLock (reentrant lock) knows its owner and counts: the owner may acquire it \
                again, and it is free only once she has released it as often. Bob waits (lock) \
                until Alice's last release. A plain Lock does not know who holds it: Alice waits \
                for the lock she holds herself, and nothing can ever release it.

                Turn "reentrant" off: Alice waits for herself as soon as record() asks again, \
                Bob waits for Alice, and the run ends as a deadlock (CPython just hangs).

                Notice: Bob is woken only by Alice's last, outer release, not by the inner ones.""";
    }

    @Override
    public String icon() {
        return "mdi2l-lock-reset";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.bool("reentrant", "Reentrant (RLock)", "an RLock; off: a plain Lock", true),
                ParamSpec.seconds("step", "Step time", "seconds to check a balance or write a ledger entry", 0.5, 0, 30));
    }

    @Override
    protected Program program(ParamValues v) {
        return new RLockProgram(v.bool("reentrant"), v.seconds("step"));
    }

    @Override
    public String lesson(Trace trace) {
        if (trace.outcome() != RunOutcome.DEADLOCK) {
            return lesson();
        }
        Moment selfWait = new Moments(trace).first(trace.threadNamed("Alice"), ThreadState.WAITING, Reason.LOCK, 0);
        return "Notice: with a plain Lock, Alice waits (lock) at " + TraceFinder.seconds(selfWait.time())
                + " for the lock she holds herself, and Bob waits for her: nobody can ever release it. CPython would "
                + "hang here; Threadline stops the run and names the cycle. Turn \"reentrant\" on: an RLock counts "
                + "her second acquisition.";
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int alice = trace.threadNamed("Alice");
        int bob = trace.threadNamed("Bob");
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(m.printed("Alice holds the lock").time(), alice, "Alice takes the lock",
                "transfer() acquires the ledger's lock: nobody else holds it, so she goes straight on "
                        + "to check the balance (waiting: sleep)."));
        Moment again = m.printed("Alice takes the lock again");
        Moment selfWait = m.first(alice, ThreadState.WAITING, Reason.LOCK, 0);
        if (selfWait.found()) {
            steps.add(new TourStep(selfWait.time(), alice, "Alice waits for herself",
                    "record() asks for the lock again. A plain Lock does not know its owner: Alice waits (lock) "
                            + "for a lock only she could release."));
        } else {
            steps.add(new TourStep(again.time(), alice, "Alice takes it again",
                    "record() acquires the lock Alice already holds. An RLock knows she owns it: it counts a "
                            + "second level and she goes on at once."));
        }
        Moment bobWaits = m.first(bob, ThreadState.WAITING, Reason.LOCK, 0);
        steps.add(new TourStep(bobWaits.time(), bob, "Bob waits for Alice",
                "Bob asks for the same lock and waits (lock): Alice holds it."));
        if (trace.outcome() == RunOutcome.DEADLOCK) {
            String why = trace.outcomeMessage();
            steps.add(new TourStep(trace.lastChange(), -1, "Deadlock",
                    "Every thread waits and no timer is pending. "
                            + (why.isEmpty() ? why : Character.toUpperCase(why.charAt(0)) + why.substring(1))
                            + ". Threadline names the cycle."));
        } else {
            Moment second = m.printed("Alice takes the lock again to write: Bob");
            steps.add(new TourStep(second.time(), alice, "An inner release keeps the lock",
                    "The first record() has released once, but Alice still holds the outer level: Bob keeps waiting."));
            Moment woken = m.first(bob, ThreadState.RUNNABLE, Reason.WOKEN, Math.max(0, bobWaits.time()));
            steps.add(new TourStep(woken.time(), bob, "The last release wakes Bob",
                    "Alice leaves transfer(): the RLock's count drops to zero, it is free, and her release wakes Bob."));
            steps.add(new TourStep(trace.endTime(), trace.threadNamed(mainThread()), "Both transfers recorded",
                    "Each transfer's two entries are next to each other in the ledger."));
        }
        return Moments.inTimeOrder(steps);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        String kind = v.bool("reentrant") ? "an RLock" : "a plain Lock";
        return new Prediction("The ledger's lock is " + kind + ". Alice holds it and calls record(), which "
                + "acquires it again. What happens?",
                List.of("she goes on: the lock counts her two acquisitions",
                        "she waits for herself forever: a deadlock",
                        "Python raises an error"),
                trace -> switch (trace.outcome()) {
                    case COMPLETED -> 0;
                    case DEADLOCK -> 1;
                    default -> -1;
                });
    }

    @Override
    public List<String> lessonResources() {
        return List.of("ledger");
    }
}
