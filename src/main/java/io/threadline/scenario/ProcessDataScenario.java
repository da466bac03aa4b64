package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.ProcessDataProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Passing data between processes: a Queue pipeline with sentinels, a Pipe, Value and Array with their lock, a Manager. */
public final class ProcessDataScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "process-data";
    }

    @Override
    public String title() {
        return "Passing data between processes";
    }

    @Override
    public String summary() {
        return "Queue, Pipe, shared Value and Array, and a Manager's dict between processes.";
    }

    @Override
    public String explanation() {
        return """
                Processes share no memory, so data must travel. Four ways, one after the other:

                1. Queue: the parent puts work items on q1 and one None per worker (the \
                sentinel that tells a worker to stop); two worker processes take items, work \
                and put results on q2. 2. Pipe: two connected ends; the child waits in recv() \
                until the parent sends, then sends its answer back. 3. Value and Array live in \
                shared memory; two processes add to one total, each holding the value's lock \
                across its read and its write. 4. Manager: a server process of its own keeps a \
                dict; every d[key] = value from a worker is a request it answers.

                Notice: every transfer is an arrow from the process that sent to the one it \
                woke (put → get, send → recv, release → lock, request → manager → reply), and \
                every lane sits in a process of its own, each with its own GIL. Turn the lock off: \
                the two processes read the same total and updates are lost.""";
    }

    @Override
    public String icon() {
        return "mdi2s-swap-horizontal";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("items", "Work items", "items the parent puts on the queue", 4, 1, 20),
                ParamSpec.seconds("work", "Work", "seconds of work per item (computation), per message, per dict entry",
                        0.2, 0.01, 5),
                ParamSpec.bool("lock", "Value's lock", "hold the shared Value's lock across its read and its write",
                        true));
    }

    @Override
    public Map<String, String> stressParams(Random random) {
        return Map.of("items", String.valueOf(1 + random.nextInt(8)), "work", "0.01");
    }

    @Override
    protected Program program(ParamValues v) {
        return new ProcessDataProgram(v.integer("items"), v.seconds("work"), v.bool("lock"));
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int main = trace.threadNamed(mainThread());
        int p1 = trace.threadNamed("Process-1");
        int p3 = trace.threadNamed("Process-3");
        int p5 = trace.threadNamed("Process-5");
        int manager = trace.threadNamed("SyncManager-6");
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(m.first(p1, ThreadState.RUNNING, null, 0).time(), p1, "A worker takes an item",
                "The parent has put every item and the sentinels at once; each worker process gets one from q1 "
                        + "(its length is the counter track)."));
        Moment sentinel = m.first(p1, ThreadState.DEAD, Reason.RETURNED, 0);
        steps.add(new TourStep(sentinel.time(), p1, "The sentinel",
                "Process-1 takes None: no more work. It ends, and its end wakes the parent's join."));
        Moment recv = m.first(p3, ThreadState.WAITING, Reason.RECV, 0);
        steps.add(new TourStep(recv.time(), p3, "recv() waits",
                "The child waits at its end of the pipe (recv) until the parent sends."));
        Moment sent = m.firstWokenBy(main, Reason.RECV, Math.max(0, recv.time()));
        steps.add(new TourStep(sent.time(), sent.thread(), "send() wakes it",
                "The parent sends a list; the child receives a copy (it was pickled on the way)."));
        Moment lockWait = m.first(p5, ThreadState.WAITING, Reason.LOCK, 0);
        if (lockWait.found()) {
            steps.add(new TourStep(lockWait.time(), p5, "The Value's lock",
                    "Process-5 waits for the lock Process-4 holds across its read and write: no update is lost."));
        } else {
            Moment total = m.printed("   total:");
            steps.add(new TourStep(total.time(), main, "Updates lost",
                    "Without the lock both processes read the same total, wait, and write: half the additions are lost."));
        }
        if (manager >= 0) {
            Moment request = m.first(manager, ThreadState.RUNNABLE, Reason.WOKEN, 0);
            steps.add(new TourStep(request.time(), manager, "A request to the manager",
                    "results[name] = n * n in a worker is a message to the manager's process, which wakes, stores it "
                            + "and answers: the worker waits (result) for the reply."));
        }
        steps.add(new TourStep(m.printed("   results: {").time(), main, "The manager's dict",
                "The parent reads the whole dict back in one more request: the entries in the order they arrived."));
        return Moments.inTimeOrder(steps);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        return new Prediction("Two processes each add 1 to a shared Value three times"
                + (v.bool("lock") ? ", holding its lock across each read and write" : ", reading, waiting, then writing")
                + ". What total does the parent print?",
                List.of("6", "fewer than 6: updates are lost", "0: each process changed its own copy"),
                trace -> {
                    double total = new Moments(trace).number("   total:", 0);
                    if (Double.isNaN(total)) {
                        return -1;
                    }
                    return total == 6 ? 0 : total == 0 ? 2 : 1;
                });
    }
}
