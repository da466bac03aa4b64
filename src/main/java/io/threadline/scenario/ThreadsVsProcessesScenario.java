package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.ThreadsVsProcessesProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The same CPU-bound tasks on threads (one GIL: no speed-up) and on processes (a GIL each: speed-up). */
public final class ThreadsVsProcessesScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "threads-vs-processes";
    }

    @Override
    public String title() {
        return "Threads vs processes";
    }

    @Override
    public String summary() {
        return "Four CPU-bound tasks on four threads, then on four processes: only the processes run in parallel.";
    }

    @Override
    public String explanation() {
        return """
                The same four tasks of pure computation run twice: first on a pool of four \
                threads (a ThreadPoolExecutor), then on a pool of four worker processes \
                (multiprocessing.Pool).

                Threads share their process, its memory and its one GIL: only one of them \
                computes at a time, so four tasks take four times as long as one. Each worker \
                process has its own interpreter and its own GIL, so the four compute side by \
                side, as many at once as there are cores (try 2 cores, or the GIL off). The \
                price, not shown here: starting processes and sending them the inputs and \
                results takes time and memory.

                Notice: in the thread phase one lane at a time is running while the others are \
                runnable; in the process phase the ForkPoolWorker lanes, each in its own process \
                group, run together.""";
    }

    @Override
    public String icon() {
        return "mdi2c-chip";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("tasks", "Tasks", "CPU-bound tasks", 4, 1, 32),
                ParamSpec.integer("workers", "Workers", "threads in the first pool, processes in the second", 4, 1, 16)
                        .contrasting("2", "8"),
                ParamSpec.seconds("work", "Work", "CPU seconds per task", 0.2, 0.001, 10));
    }

    @Override
    protected Program program(ParamValues v) {
        return new ThreadsVsProcessesProgram(v.integer("tasks"), v.integer("workers"), v.seconds("work"));
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int main = trace.threadNamed(mainThread());
        List<TourStep> steps = new ArrayList<>();
        int firstThread = trace.threadNamed("ThreadPoolExecutor-0_0");
        steps.add(new TourStep(m.first(firstThread, ThreadState.RUNNING, null, 0).time(), firstThread,
                "A thread computes",
                "The first pool thread takes a task and computes (running), holding the process's GIL."));
        Moment preempted = m.first(ThreadState.RUNNABLE, Reason.PREEMPTED, 0);
        long processesAt = m.printed("Processes:").time();
        if (preempted.found() && preempted.time() < processesAt) {
            steps.add(new TourStep(preempted.time(), preempted.thread(), "One GIL, one at a time",
                    m.name(preempted.thread()) + " hands the GIL on after the 5 ms switch interval. The threads "
                            + "take turns: one running, the others runnable."));
        }
        double onThreads = m.number("Threads ", 0);
        double onProcesses = m.number("Threads ", 1);
        steps.add(new TourStep(processesAt, main, "Threads done",
                onThreads > onProcesses * 1.25
                        ? String.format(Locale.ROOT, "The threads needed %.3f s: the tasks' CPU time one after "
                                + "another, as if there were a single core.", onThreads)
                        : String.format(Locale.ROOT, "The threads needed %.3f s: with no GIL to share (or one task "
                                + "per core anyway) they ran in parallel.", onThreads)));
        int worker = -1;
        for (int t = 0; t < trace.threadCount(); t++) {
            if (trace.thread(t).role() == ThreadRole.WORKER && trace.thread(t).name().startsWith("ForkPoolWorker")) {
                worker = t;
                break;
            }
        }
        Moment computes = m.first(worker, ThreadState.RUNNING, null, Math.max(0, processesAt));
        steps.add(new TourStep(computes.time(), worker, "Processes side by side",
                "Each worker process has its own GIL: the workers compute at the same time, one per core."));
        Moment summary = m.printed("Threads ");
        steps.add(new TourStep(summary.time(), main, "The difference",
                String.format(Locale.ROOT, "Processes: %.3f s against %.3f s on threads. ", onProcesses, onThreads)
                        + "For CPU-bound Python code, processes give parallelism; threads do not."));
        return Moments.inTimeOrder(steps);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        return new Prediction(v.integer("tasks") + " tasks of " + ParamSpec.format(v.seconds("work"))
                + " s of computation each, on " + v.integer("workers") + " threads, then on " + v.integer("workers")
                + " processes. Which finishes sooner?",
                List.of("the threads", "the processes", "both take about as long"),
                trace -> {
                    Moments m = new Moments(trace);
                    double onThreads = m.number("Threads ", 0);
                    double onProcesses = m.number("Threads ", 1);
                    if (Double.isNaN(onThreads) || Double.isNaN(onProcesses)) {
                        return -1;
                    }
                    return onProcesses < onThreads * 0.8 ? 1 : onThreads < onProcesses * 0.8 ? 0 : 2;
                });
    }

    @Override
    public List<String> lessonResources() {
        return List.of("GIL");
    }
}
