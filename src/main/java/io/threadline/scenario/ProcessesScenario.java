package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.ProcessesProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** multiprocessing.Process: start, join, is_alive, pid, exit codes, terminate; each child's globals are its own. */
public final class ProcessesScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "processes";
    }

    @Override
    public String title() {
        return "Processes";
    }

    @Override
    public String summary() {
        return "Child processes: their own globals, exit codes, sys.exit, terminate.";
    }

    @Override
    public String explanation() {
        return """
                The parent starts a child process with multiprocessing.Process. start() forks: \
                the child is a process of its own, with its own interpreter, its own GIL and a \
                copy of the parent's memory, and start() returns at once (a thread's start() \
                waits for it to begin; a fork does not). pid is None until then, exitcode None \
                until the child has exited.

                The child adds 10 to the global counter. Then a second child gives up with \
                sys.exit(3), and a third would work forever: the parent terminates it.

                Notice: the child prints 10, yet the parent's counter is still 0 after join(): \
                the child changed its own copy. Exit codes: 0 for a normal end, the code given \
                to sys.exit, and minus the signal for a terminated process (-15, or -9 with \
                kill); its lane ends where the signal struck, mid-sleep.""";
    }

    @Override
    public String icon() {
        return "mdi2s-source-fork";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.seconds("work", "Work", "seconds of computation the first child does", 1, 0.1, 30),
                ParamSpec.integer("code", "Exit code", "what the second child passes to sys.exit", 3, 0, 255),
                ParamSpec.bool("kill", "kill()", "end the third child with kill() (SIGKILL) instead of terminate() (SIGTERM)",
                        false).meaning("true", "kill()").meaning("false", "terminate()"));
    }

    @Override
    public Map<String, String> stressParams(Random random) {
        return Map.of("work", String.valueOf(0.1 + random.nextInt(5) / 10.0), "code", String.valueOf(random.nextInt(4)));
    }

    @Override
    protected Program program(ParamValues v) {
        return new ProcessesProgram(v.seconds("work"), v.integer("code"), v.bool("kill"));
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int main = trace.threadNamed(mainThread());
        int first = trace.threadNamed("Process-1");
        int endless = trace.threadNamed("Process-3");
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(m.printed("Process-1 alive: False").time(), main, "A process object, not started",
                "The Process exists in the parent only: not alive, no pid, no exit code yet."));
        steps.add(new TourStep(m.first(first, ThreadState.RUNNABLE, Reason.STARTED, 0).time(), first, "start() forks",
                "A new process with its own GIL (its lane sits in a process of its own). The parent goes on at once: "
                        + "it prints before the child does."));
        steps.add(new TourStep(m.printed("Process-1: my counter is").time(), first, "The child's copy",
                "The child adds 10 to the global counter: its own copy says 10."));
        Moment joined = m.first(main, ThreadState.RUNNABLE, Reason.WOKEN, Math.max(0, m.printed("Process-1 alive: True").time()));
        steps.add(new TourStep(joined.time(), main, "join() returns",
                "The child has exited with exitcode 0; its end wakes the parent's join (follow the arrow)."));
        steps.add(new TourStep(m.printed("Parent: my counter is still").time(), main, "The parent's counter",
                "Still 0: processes share no memory. To pass data back, use a Queue, a Pipe or shared memory "
                        + "(the next scenario)."));
        steps.add(new TourStep(m.printed("Process-2 exitcode:").time(), main, "sys.exit",
                "The second child called sys.exit: its code is the process's exit code."));
        if (endless >= 0) {
            steps.add(new TourStep(new TraceFinder(trace).lastTime(endless), endless, "Terminated",
                    "The signal ends every thread of the process where it is, mid-sleep: no finally, no cleanup. "
                            + "Its exit code is minus the signal's number."));
        }
        return Moments.inTimeOrder(steps);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        return new Prediction("The child process adds 10 to the global counter, which was 0. After join(), what "
                + "does the parent's counter say?",
                List.of("10: the child changed it", "0: the child changed its own copy", "it depends on timing"),
                trace -> {
                    Moments m = new Moments(trace);
                    double parent = m.number("Parent: my counter is still", 0);
                    if (Double.isNaN(parent)) {
                        return -1;
                    }
                    return parent == 0 ? 1 : 0;
                });
    }
}
