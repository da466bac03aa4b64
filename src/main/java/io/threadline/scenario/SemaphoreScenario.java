package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.SemaphoreProgram;
import io.threadline.trace.CounterTrack;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/** A semaphore with a few permits in front of many threads; a bounded one catches an extra release. */
public final class SemaphoreScenario extends ScenarioSpec {
    static final String COUNTER = "connections in use";

    @Override
    public String id() {
        return "semaphore";
    }

    @Override
    public String title() {
        return "Semaphore: limited connections";
    }

    @Override
    public String summary() {
        return "Eight clients share three connections; a semaphore lets at most three in at once.";
    }

    @Override
    public String explanation() {
        return """
                Eight client threads need a database connection, and there are only three. A \
                semaphore holds three permits: acquire() takes one, or waits (semaphore) while \
                none is left; release() gives it back and wakes one waiting client.

                A lock is a semaphore with one permit. Here three clients work side by side, \
                and the rest queue up: each one that finishes wakes the next one.

                At the end a cleanup bug releases a permit nobody acquired. A BoundedSemaphore \
                knows how many permits it started with and raises ValueError. A plain Semaphore \
                silently grows to four permits for three connections: turn "bounded" off.

                Notice: the "connections in use" track never goes above three.""";
    }

    @Override
    public String icon() {
        return "mdi2t-traffic-light";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("permits", "Connections", "the semaphore's permits", 3, 1, 16),
                ParamSpec.integer("clients", "Clients", "threads that want a connection", 8, 1, 32),
                ParamSpec.seconds("work", "Work", "seconds a client uses its connection (0.5 to 1.5 times this)",
                        1, 0, 30),
                ParamSpec.bool("bounded", "Bounded", "a BoundedSemaphore: releasing too often raises ValueError",
                        true));
    }

    @Override
    public ParamSpec comparedParam() {
        return param("permits");
    }

    @Override
    protected Program program(ParamValues v) {
        return new SemaphoreProgram(v.integer("permits"), v.integer("clients"), v.seconds("work"), v.bool("bounded"));
    }

    /** What a semaphore promises: never more holders than permits. A search shows it holds. */
    @Override
    public List<SearchGoal> searchGoals(ParamValues v) {
        int permits = v.integer("permits");
        return List.of(new SearchGoal("too-many-holders", "more than " + permits + " clients holding a connection at once",
                "never more than " + permits + " clients holding a connection at once", trace -> {
                    CounterTrack c = counter(trace);
                    return c != null && c.max() > permits;
                }));
    }

    @Override
    public String lesson(Trace trace) {
        CounterTrack inUse = counter(trace);
        if (inUse == null) {
            return lesson();
        }
        String clients = TraceFinder.number(trace.threadCount() - 1);
        return "Notice: the \"connections in use\" track never goes above " + TraceFinder.number((int) inUse.max())
                + ", the semaphore's permits, however many of the " + clients + " clients want one.";
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        List<TourStep> steps = new ArrayList<>();
        CounterTrack inUse = counter(trace);
        long most = inUse == null ? 0 : inUse.max();
        Moment first = m.printed("Client-1 connected");
        steps.add(new TourStep(first.time(), first.thread(), "A client takes a permit",
                "Client-1 acquires the semaphore: a permit is free, so it goes straight in. The track below "
                        + "counts the permits in use."));
        Moment waits = m.first(ThreadState.WAITING, Reason.SEMAPHORE, 0);
        if (waits.found()) {
            steps.add(new TourStep(waits.time(), waits.thread(), "No permit left",
                    "All " + most + " connections are in use (see the track): " + m.name(waits.thread())
                            + " waits (semaphore). So do the clients after it."));
            Moment woken = m.first(waits.thread(), ThreadState.RUNNABLE, Reason.WOKEN, waits.time());
            if (woken.found()) {
                int by = m.causeOf(woken.thread(), ThreadState.RUNNABLE, Reason.WOKEN, waits.time());
                steps.add(new TourStep(woken.time(), woken.thread(), "A release lets one in",
                        m.name(by) + " is done and releases its permit: that wakes " + m.name(woken.thread())
                                + " (follow the arrow), which takes the permit."));
            }
        }
        Moment allDone = m.printed("All clients are done");
        int main = trace.threadNamed(mainThread());
        steps.add(new TourStep(allDone.time(), main, "Everyone has been served",
                "Clients came in one by one as permits were released; the track never went above " + most + "."));
        Moment raised = m.first(main, ThreadState.DEAD, Reason.RAISED, 0);
        if (raised.found()) {
            steps.add(new TourStep(raised.time(), main, "ValueError",
                    "The extra release() finds all permits already back: a BoundedSemaphore raises "
                            + "\"Semaphore released too many times\", and the main thread ends with it."));
        } else {
            Moment noError = m.printed("No error");
            steps.add(new TourStep(noError.time(), main, "A silent extra permit",
                    "A plain Semaphore accepts the extra release(): it now lets one more client in than there "
                            + "are connections. A BoundedSemaphore would have raised ValueError."));
        }
        return Moments.inTimeOrder(steps);
    }

    static CounterTrack counter(Trace trace) {
        for (CounterTrack c : trace.counters()) {
            if (c.name().equals(COUNTER)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public Prediction prediction(ParamValues v) {
        int permits = v.integer("permits");
        int clients = v.integer("clients");
        return new Prediction(clients + " clients, " + permits + " connections. How many clients use a connection "
                + "at the same time, at most?",
                List.of(Integer.toString(Math.min(permits, clients)), Integer.toString(clients), "1"),
                trace -> {
                    CounterTrack c = counter(trace);
                    if (c == null) {
                        return -1;
                    }
                    long max = c.max();
                    return max == Math.min(permits, clients) ? 0 : max == clients ? 1 : max == 1 ? 2 : -1;
                });
    }

    @Override
    public List<String> lessonResources() {
        return List.of("connections");
    }
}
