package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.program.ProducerConsumerProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Producers and consumers around a queue, shut down with one sentinel per consumer. */
public final class ProducerConsumerScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "producer-consumer";
    }

    @Override
    public String title() {
        return "Producer and consumer";
    }

    @Override
    public String summary() {
        return "Threads hand items over through a queue; put waits when full, get when empty.";
    }

    @Override
    public String explanation() {
        return """
                Producers make items and put them on a queue; consumers get them, work on each \
                and call task_done(). The main thread waits for the producers, then joins the \
                queue until every item is done, then sends each consumer a None to stop it.

                A consumer that finds the queue empty waits (queue-get) until a producer puts \
                something. With a capacity, a producer that finds it full waits (queue-put) \
                until a consumer takes something. The counter track shows the queue's length.

                Making an item and working on one are computation: with the GIL only one \
                thread of the program runs at a time, and the others that have work are \
                runnable, taking turns every 5 ms.

                Notice: who wakes whom. Each put releases one waiting get, and each get one \
                waiting put. Set capacity to 0 (unbounded) and the producers never wait.""";
    }

    @Override
    public String icon() {
        return "mdi2t-tray-full";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("producers", "Producers", "threads that put items", 2, 1, 32),
                ParamSpec.integer("consumers", "Consumers", "threads that get items", 2, 1, 32),
                ParamSpec.integer("items", "Items", "items made in all, shared among the producers", 10, 0, 1_000_000),
                ParamSpec.integer("capacity", "Capacity", "queue size limit; 0 = unbounded", 3, 0, 1_000_000)
                        .contrasting(ParamSpec.CURRENT, "0").meaning("0", "unbounded"),
                ParamSpec.seconds("make", "Time to make", "seconds of computation a producer spends on each item",
                        0.2, 0, 60),
                ParamSpec.seconds("consume", "Time to consume",
                        "seconds of computation a consumer spends on each item", 0.4, 0, 60));
    }

    @Override
    public ParamSpec comparedParam() {
        return param("capacity");
    }

    @Override
    public Map<String, String> stressParams(Random random) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("producers", Integer.toString(1 + random.nextInt(8)));
        p.put("consumers", Integer.toString(1 + random.nextInt(8)));
        p.put("items", Integer.toString(random.nextInt(400)));
        p.put("capacity", Integer.toString(random.nextInt(5)));
        p.put("make", random.nextBoolean() ? "0" : "0.01");
        p.put("consume", random.nextBoolean() ? "0" : "0.02");
        return p;
    }

    @Override
    protected Program program(ParamValues v) {
        return new ProducerConsumerProgram(v.integer("producers"), v.integer("consumers"), v.integer("items"),
                v.integer("capacity"), v.seconds("make"), v.seconds("consume"));
    }

    @Override
    public String lesson(Trace trace) {
        if (new TraceFinder(trace).firstThreadWith(ThreadState.WAITING, Reason.QUEUE_PUT) >= 0) {
            return lesson();
        }
        return "Notice: who wakes whom: each put releases one waiting get. The producers never wait here (no "
                + "queue-put): the queue never filled up. Give it a small capacity and watch them wait for room.";
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        TraceFinder f = new TraceFinder(trace);
        List<TourStep> steps = new ArrayList<>();
        int firstGetter = f.firstThreadWith(ThreadState.WAITING, Reason.QUEUE_GET);
        if (firstGetter >= 0) {
            long at = f.first(firstGetter, ThreadState.WAITING, Reason.QUEUE_GET);
            steps.add(new TourStep(at, firstGetter, "The queue is empty",
                    trace.thread(firstGetter).name() + " calls get() on an empty queue and waits (queue-get)."));
            long woken = f.first(firstGetter, ThreadState.RUNNABLE, Reason.WOKEN, at);
            if (woken >= 0) {
                steps.add(new TourStep(woken, firstGetter, "A put releases a get",
                        "A producer puts an item: the waiting consumer wakes. The arrow shows who woke it."));
            }
        }
        int firstPutter = f.firstThreadWith(ThreadState.WAITING, Reason.QUEUE_PUT);
        if (firstPutter >= 0) {
            steps.add(new TourStep(f.first(firstPutter, ThreadState.WAITING, Reason.QUEUE_PUT), firstPutter,
                    "The queue is full",
                    trace.thread(firstPutter).name() + " finds no room and waits (queue-put) until a consumer takes an item."));
        }
        int main = f.thread(mainThread());
        long joinAt = f.first(main, ThreadState.WAITING, Reason.QUEUE_JOIN);
        if (joinAt >= 0) {
            steps.add(new TourStep(joinAt, main, "Waiting for every item",
                    "The producers are done; the main thread joins the queue: it waits (queue-join) until task_done() "
                            + "has been called for every item."));
        }
        long done = f.printed("All ");
        steps.add(new TourStep(done, main, "Stopping the consumers",
                "Every item is done. The main thread puts one None per consumer; each consumer stops when it gets one."));
        steps.add(new TourStep(trace.endTime(), main, "Everyone returned",
                "All threads ended normally (dead, returned) at " + TraceFinder.seconds(trace.endTime()) + "."));
        return steps;
    }

    @Override
    public Prediction prediction(ParamValues v) {
        return new Prediction("Will a producer ever have to wait for room in the queue (queue-put)?",
                List.of("Yes", "No"),
                trace -> new TraceFinder(trace).firstThreadWith(ThreadState.WAITING, Reason.QUEUE_PUT) >= 0 ? 0 : 1);
    }

    @Override
    public List<String> lessonResources() {
        return List.of("queue");
    }
}
