package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.AsyncioTasksProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** asyncio: tasks take turns on one thread's event loop; a blocking call inside a coroutine freezes them all. */
public final class AsyncioTasksScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "asyncio-tasks";
    }

    @Override
    public String title() {
        return "asyncio: tasks on one thread";
    }

    @Override
    public String summary() {
        return "One event loop, three brewing tasks and a clock: await lets the others run, time.sleep freezes all.";
    }

    @Override
    public String explanation() {
        return """
                asyncio runs many tasks on one thread. asyncio.run starts an event loop on the \
                main thread; each task is a coroutine the loop runs a step at a time, from one \
                await to the next. Only one task runs at any moment, and none is ever preempted: \
                a task gives the thread back only where it awaits.

                main() starts a clock task that ticks every 0.8 s, then gathers three tasks \
                that brew tea for 1, 2 and 3 s. Each task has a lane of its own under the \
                thread: new (pending), runnable (ready, in the loop's queue), running, waiting \
                (await-sleep, or await), dead (done, or cancelled). While no task is ready the \
                thread waits in select for the next timer.

                Notice: with await asyncio.sleep the brews overlap and all are done in 3 s, the \
                clock ticking in between. Switch "blocking" on: time.sleep blocks the thread \
                itself, so the brews run one after another (6 s), the teas not begun stay ready \
                all the while, and the clock never ticks: its timer falls due at 0.8 s, but the \
                blocked loop cannot look at it.""";
    }

    @Override
    public String icon() {
        return "mdi2t-timer-sand";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("tasks", "Tea tasks", "tasks gathered; task k brews for k times the delay", 3, 1, 12),
                ParamSpec.seconds("delay", "Delay", "seconds the first task brews", 1, 0.1, 10),
                ParamSpec.seconds("tick", "Clock tick", "seconds between the clock task's ticks", 0.8, 0.1, 10),
                ParamSpec.bool("blocking", "Blocking sleep",
                        "the coroutines call time.sleep instead of await asyncio.sleep", false));
    }

    @Override
    public Map<String, String> stressParams(Random random) {
        return Map.of("tasks", String.valueOf(1 + random.nextInt(8)), "delay", "0.1", "tick", "0.1");
    }

    @Override
    protected Program program(ParamValues v) {
        return new AsyncioTasksProgram(v.integer("tasks"), v.seconds("delay"), v.seconds("tick"), v.bool("blocking"));
    }

    @Override
    public String lesson(Trace trace) {
        OutputLine all = null;
        OutputLine ticks = null;
        for (OutputLine o : trace.output()) {
            if (o.text().startsWith("all done in ")) {
                all = o;
            } else if (o.text().startsWith("clock: cancelled after ")) {
                ticks = o;
            }
        }
        if (all == null) {
            return lesson();
        }
        String done = TraceFinder.roughly(all.time());
        boolean blocking = "true".equals(trace.params().get("blocking"));
        if (!blocking) {
            return "Notice: with await asyncio.sleep the brews overlap and all are done in " + done + ", the clock "
                    + "ticking in between" + (ticks == null ? "" : " (" + ticks.text().substring("clock: ".length())
                    + ")") + ". Switch \"blocking\" on: time.sleep blocks the thread itself, and the brews run one "
                    + "after another.";
        }
        boolean never = ticks == null || ticks.text().contains("after 0 ticks");
        return "Notice: time.sleep blocks the thread itself, so the brews run one after another (all done in " + done
                + "), the teas not begun stay ready all the while, and "
                + (never ? "the clock never ticks: its timer falls due, but the blocked loop cannot look at it"
                        : "the clock ticks only between brews (" + ticks.text().substring("clock: ".length()) + ")")
                + ". Switch \"blocking\" off and they overlap.";
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int main = trace.threadNamed(mainThread());
        int first = trace.threadNamed("Task-1");
        int tea = trace.threadNamed("Task-2");
        int clock = trace.threadNamed("clock");
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(m.first(first, ThreadState.RUNNING, null, 0).time(), first, "The loop runs main()",
                "asyncio.run makes main() the first task (Task-1) on the main thread's event loop. It creates the "
                        + "clock and the tea tasks: pending, and at once ready in the loop's queue."));
        Moment waits = m.first(first, ThreadState.WAITING, Reason.AWAIT, 0);
        steps.add(new TourStep(waits.time(), first, "main() awaits gather",
                "main() suspends at await: the loop goes on with the next ready task, in the order they were created."));
        Moment blocked = m.first(tea, ThreadState.WAITING, Reason.SLEEP, 0);
        if (blocked.found()) {
            steps.add(new TourStep(blocked.time(), tea, "time.sleep blocks the thread",
                    "tea-1 calls time.sleep: not an await. The thread itself waits (sleep); the loop cannot run "
                            + "anything else: the other teas stay ready, and the clock's timer goes unseen."));
        } else {
            Moment suspended = m.first(tea, ThreadState.WAITING, Reason.AWAIT_SLEEP, 0);
            steps.add(new TourStep(suspended.time(), tea, "await asyncio.sleep",
                    "tea-1 suspends (await-sleep) and gives the thread back: the next task starts brewing at once."));
            Moment idle = m.first(main, ThreadState.WAITING, Reason.SELECT, 0);
            steps.add(new TourStep(idle.time(), main, "Nothing ready: select",
                    "Every task awaits a timer. The thread waits in the selector for the earliest one."));
        }
        Moment tick = m.printed("clock: tick 1");
        if (tick.found()) {
            steps.add(new TourStep(tick.time(), clock, "The clock ticks in between",
                    "Its timer is due: the loop steps the clock task between the brews."));
        }
        Moment done = m.printed("all done in");
        steps.add(new TourStep(done.time(), first, "All done",
                blocked.found() ? "One after another: the sum of the delays." : "Side by side: the longest delay, not the sum."));
        int cancelled = m.first(clock, ThreadState.DEAD, Reason.CANCELLED, 0).time() >= 0 ? clock : -1;
        if (cancelled >= 0) {
            steps.add(new TourStep(m.first(clock, ThreadState.DEAD, Reason.CANCELLED, 0).time(), clock, "The clock is cancelled",
                    "main() cancels it: CancelledError is raised in the clock at its await; it prints and ends cancelled."));
        }
        return Moments.inTimeOrder(steps);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        int n = v.integer("tasks");
        double d = v.seconds("delay");
        double longest = d * n;
        double sum = d * n * (n + 1) / 2;
        return new Prediction("Tasks brewing for " + ParamSpec.format(d) + " to " + ParamSpec.format(longest) + " s "
                + (v.bool("blocking") ? "with time.sleep" : "with await asyncio.sleep")
                + ", gathered on one thread. How long until all are done?",
                List.of("about " + ParamSpec.format(longest) + " s, the longest", "about " + ParamSpec.format(sum)
                        + " s, the sum", "about " + ParamSpec.format(d) + " s, the shortest"),
                trace -> {
                    double took = new Moments(trace).number("all done in", 0);
                    if (Double.isNaN(took)) {
                        return -1;
                    }
                    if (Math.abs(took - longest) < 0.05) {
                        return 0;
                    }
                    return Math.abs(took - sum) < 0.05 ? 1 : 2;
                });
    }
}
