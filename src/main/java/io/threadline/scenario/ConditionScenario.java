package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.ConditionProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/** A bounded shelf guarded by a lock and two conditions: wait, notify and notify_all. */
public final class ConditionScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "condition";
    }

    @Override
    public String title() {
        return "Condition: the baker's shelf";
    }

    @Override
    public String summary() {
        return "A baker and customers share a small shelf: wait() for bread or room, notify() when there is.";
    }

    @Override
    public String explanation() {
        return """
                A baker puts loaves on a shelf that holds only a few; customers take them. One \
                lock guards the shelf, and two conditions share it: "not empty" for customers, \
                "not full" for the baker.

                A customer holding the lock who finds the shelf empty calls wait(): that releases \
                the lock and waits (condition) until someone calls notify(). When woken it takes \
                the lock back and checks again, in a while loop, because another thread may have \
                been quicker. The baker waits the same way on a full shelf, and the customer who \
                takes a loaf wakes him. notify() wakes one waiter; notify_all() wakes every one, \
                which is what closing the shop needs.

                Notice: each loaf the baker puts wakes exactly one waiting customer (one arrow), \
                while the notify_all() at closing wakes every waiting customer at once.""";
    }

    @Override
    public String icon() {
        return "mdi2b-bell-ring";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("customers", "Customers", "threads taking loaves", 2, 1, 16),
                ParamSpec.integer("loaves", "Loaves", "loaves the baker bakes", 6, 0, 1000),
                ParamSpec.integer("capacity", "Shelf size", "loaves the shelf holds", 2, 1, 100),
                ParamSpec.seconds("bake", "Bake time", "seconds to bake one loaf", 0.4, 0, 30),
                ParamSpec.seconds("eat", "Eat time", "seconds a customer takes to eat a loaf", 2, 0, 30),
                ParamSpec.seconds("clean", "Clean-up", "seconds the baker cleans up before closing", 5, 0, 30));
    }

    @Override
    public ParamSpec comparedParam() {
        return param("customers");
    }

    @Override
    protected Program program(ParamValues v) {
        return new ConditionProgram(v.integer("customers"), v.integer("loaves"), v.integer("capacity"),
                v.seconds("bake"), v.seconds("eat"), v.seconds("clean"));
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int baker = trace.threadNamed("Baker");
        List<TourStep> steps = new ArrayList<>();
        Moment empty = m.first(ThreadState.WAITING, Reason.CONDITION, 0);
        if (empty.found() && empty.thread() != baker) {
            steps.add(new TourStep(empty.time(), empty.thread(), "An empty shelf",
                    m.name(empty.thread()) + " holds the lock, finds no bread and calls wait(): the lock is "
                            + "released and it waits (condition)."));
        }
        Moment fed = m.firstWokenBy(baker, Reason.CONDITION, 0);
        if (fed.found()) {
            int woken = m.wokenAt(fed.time(), baker, Reason.CONDITION).size();
            steps.add(new TourStep(fed.time(), fed.thread(), "notify() wakes one",
                    "The baker puts a loaf and calls notify(): " + (woken == 1 ? "one customer, "
                            + m.name(fed.thread()) + ", is woken" : woken + " customers are woken")
                            + ". The customer takes the lock back, checks the shelf again, and takes the loaf."));
        }
        Moment full = m.first(baker, ThreadState.WAITING, Reason.CONDITION, 0);
        if (full.found()) {
            steps.add(new TourStep(full.time(), baker, "A full shelf",
                    "The shelf is full: the baker waits (condition \"not full\") for room."));
            Moment room = m.first(baker, ThreadState.RUNNABLE, Reason.WOKEN, full.time());
            int by = m.causeOf(baker, ThreadState.RUNNABLE, Reason.WOKEN, full.time());
            if (room.found()) {
                steps.add(new TourStep(room.time(), baker, "Room again",
                        m.name(by) + " takes a loaf and calls notify() on \"not full\": the baker wakes."));
            }
        }
        Moment close = m.printed("Baker closes the shop");
        if (close.found()) {
            int woken = m.wokenAt(close.time(), baker, Reason.CONDITION).size();
            steps.add(new TourStep(close.time(), baker, "notify_all() at closing",
                    woken > 1 ? "The baker closes and calls notify_all(): all " + woken
                            + " waiting customers wake at once, see the shop closed and go home."
                            : woken == 1 ? "The baker closes and calls notify_all(): the one waiting customer wakes "
                            + "and goes home." : "The baker closes and calls notify_all(); nobody waits right now, and "
                            + "customers who come back see the shop closed."));
        }
        Moment shut = m.printed("Shop closed");
        steps.add(new TourStep(shut.time(), trace.threadNamed(mainThread()), "Everyone has gone home",
                "The main thread has joined the baker and every customer. Each loaf went to exactly one customer."));
        return Moments.inTimeOrder(steps);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        return new Prediction("Customers wait at the empty shelf. The baker puts one loaf and calls notify(). "
                + "How many customers wake up?",
                List.of("one", "all of them"),
                trace -> {
                    Moments m = new Moments(trace);
                    int baker = trace.threadNamed("Baker");
                    Moment fed = m.firstWokenBy(baker, Reason.CONDITION, 0);
                    if (!fed.found()) {
                        return -1;
                    }
                    int woken = m.wokenAt(fed.time(), baker, Reason.CONDITION).size();
                    return woken == 1 ? 0 : woken > 1 ? 1 : -1;
                });
    }

    @Override
    public List<String> lessonResources() {
        return List.of("shelf lock", "not empty", "not full");
    }
}
