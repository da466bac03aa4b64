package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.runtime.PyRandom;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.ExecutorProgram;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ResultMark;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/** Futures: ThreadPoolExecutor submit + as_completed, executor.map, and apply_async with a callback. */
public final class ExecutorScenario extends ScenarioSpec {
    public static final int INPUTS = 5;

    @Override
    public String id() {
        return "executor";
    }

    @Override
    public String title() {
        return "Executor, futures and callbacks";
    }

    @Override
    public String summary() {
        return "A thread pool downloads five pages: as_completed hands them over as they finish, map in order.";
    }

    @Override
    public String explanation() {
        return """
                A ThreadPoolExecutor keeps a few worker threads. submit(fetch, page) queues a \
                task and returns at once with a future: a promise of the result. \
                as_completed() hands the main thread each future as soon as its task is done, \
                so the fastest page comes first, whatever order they were submitted in.

                executor.map(fetch, pages) gives the results in input order: the main thread \
                waits (result) for page 0, the slowest, while the others are long done.

                Last, a process pool runs apply_async(square, x, callback): the main thread does \
                not wait at all. Each result is passed to the callback on the pool's \
                result-handler thread, in the order the workers finish.

                Notice: with as_completed the first result reaches the main thread after the \
                shortest download; with map nothing arrives until page 0 (by default the slowest) is in.""";
    }

    @Override
    public String icon() {
        return "mdi2c-clipboard-flow";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("workers", "Worker threads", "the ThreadPoolExecutor's max_workers", 3, 1, 16)
                        .contrasting("2", "8"),
                ParamSpec.integer("processes", "Worker processes", "processes in the pool for apply_async", 2, 1, 16),
                ParamSpec.durations("durations", "Task durations",
                        "seconds per page / input: one for all, five comma-separated, or 'varied'",
                        "3,1,2,1.5,0.5", 0, 60, INPUTS));
    }

    @Override
    public ParamSpec comparedParam() {
        return param("workers");
    }

    @Override
    protected Program program(ParamValues v) {
        return new ExecutorProgram(v.integer("workers"), v.integer("processes"), delays(v));
    }

    /** The durations given, one per input; "varied" picks 0.5 to 3 s from the seed. */
    static List<Double> delays(ParamValues v) {
        List<Double> given = v.durations("durations");
        List<Double> out = new ArrayList<>();
        // As the Python twin draws them: random.seed(SEED), then randint(5, 30) / 10 per input.
        PyRandom r = new PyRandom(v.longValue(SEED));
        for (int i = 0; i < INPUTS; i++) {
            out.add(given == null ? r.randint(5, 30) / 10.0 : given.size() == 1 ? given.get(0) : given.get(i));
        }
        return out;
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int main = trace.threadNamed(mainThread());
        List<TourStep> steps = new ArrayList<>();
        Moment download = m.first(ThreadState.WAITING, Reason.IO, 0);
        steps.add(new TourStep(download.time(), download.thread(), "Submitted: the workers start",
                "submit() returns a future at once; worker threads are created as tasks come, up to max_workers, "
                        + "and start downloading (waiting: io)."));
        long mapStart = m.printed("map:").time();
        List<ResultMark> completed = asCompleted(trace);
        if (!completed.isEmpty()) {
            ResultMark first = completed.get(0);
            steps.add(new TourStep(first.time(), main, "as_completed: the first to finish",
                    "Page " + first.input() + " finishes first, so as_completed hands over its future first"
                            + (first.input().equals("0") ? "." : ", although page 0 was submitted first.")));
        }
        Moment waitsForFirst = m.first(main, ThreadState.WAITING, Reason.RESULT, Math.max(0, mapStart));
        if (waitsForFirst.found()) {
            steps.add(new TourStep(waitsForFirst.time(), main, "map waits for page 0",
                    "executor.map gives results in input order: the main thread waits (result) for page 0 first, "
                            + "even when later pages finish sooner."));
        }
        List<ResultMark> futures = marks(trace, "future");
        List<ResultMark> mapped = futures.subList(Math.min(INPUTS, futures.size()), futures.size());
        if (!mapped.isEmpty()) {
            boolean together = mapped.get(mapped.size() - 1).time() == mapped.get(0).time();
            steps.add(new TourStep(mapped.get(0).time(), main, "map's results, in order",
                    together ? "Page 0 is in; the others were already done, so they follow at once, in input order."
                            : "Page 0 is in. The others follow in input order, each once it and all before it are done."));
        }
        List<ResultMark> callbacks = marks(trace, "apply_async");
        if (!callbacks.isEmpty()) {
            ResultMark first = callbacks.get(0);
            steps.add(new TourStep(first.time(), first.thread(), "A callback",
                    "A worker process finished square(" + first.input() + "). The callback gets " + first.value()
                            + " on " + m.name(first.thread()) + ", a thread of the main process; the main thread "
                            + "itself is only waiting to join the pool."));
        }
        steps.add(new TourStep(trace.endTime(), main, "Collected",
                "The callbacks collected the results in the order the workers finished them."));
        return Moments.inTimeOrder(steps);
    }

    /** Result marks of one variant, in the order they were received. */
    static List<ResultMark> marks(Trace trace, String variant) {
        List<ResultMark> out = new ArrayList<>();
        for (ResultMark r : trace.results()) {
            if (r.variant().equals(variant)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The futures as_completed handed over: the first five futures' results (map's come after). */
    static List<ResultMark> asCompleted(Trace trace) {
        List<ResultMark> futures = marks(trace, "future");
        return futures.subList(0, Math.min(INPUTS, futures.size()));
    }

    /** When the download of page {@code page} ended, in [from, to), or -1. */
    static long downloadEnd(Trace trace, String page, long from, long to) {
        for (int t = 0; t < trace.threadCount(); t++) {
            LaneColumns lane = trace.lane(t);
            for (int i = 0; i < lane.size(); i++) {
                if (lane.reason(i) == Reason.IO && ("page " + page).equals(trace.string(lane.detail(i)))
                        && lane.time(i) >= from && lane.time(i) < to) {
                    return trace.spanEnd(t, i);
                }
            }
        }
        return -1;
    }

    @Override
    public Prediction prediction(ParamValues v) {
        return new Prediction("Five pages are submitted in order 0 to 4, with different download times. In what order "
                + "does as_completed hand them to the main thread?",
                List.of("in the order they were submitted", "in the order they finish", "in no particular order"),
                trace -> {
                    long mapStart = new Moments(trace).printed("map:").time();
                    List<ResultMark> got = asCompleted(trace);
                    if (got.size() != INPUTS) {
                        return -1;
                    }
                    boolean byFinish = true;
                    boolean bySubmit = true;
                    long prevEnd = -1;
                    for (int i = 0; i < got.size(); i++) {
                        long end = downloadEnd(trace, got.get(i).input(), 0, mapStart < 0 ? Long.MAX_VALUE : mapStart);
                        byFinish &= end >= prevEnd;
                        prevEnd = end;
                        bySubmit &= got.get(i).input().equals(Integer.toString(i));
                    }
                    return byFinish ? 1 : bySubmit ? 0 : 2;
                });
    }

    /** Open at first: the executor's work queue and the callbacks' queue; each future's lane is folded (its results row has it). */
    @Override
    public List<String> lessonResources() {
        return List.of("work", "callbacks");
    }
}
