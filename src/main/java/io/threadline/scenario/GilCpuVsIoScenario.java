package io.threadline.scenario;

import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Program;
import io.threadline.runtime.RunOptions;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.GilCpuVsIoProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Under the GIL, threads do not speed up CPU-bound work but do speed up waiting for I/O. */
public final class GilCpuVsIoScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "gil-cpu-vs-io";
    }

    @Override
    public String title() {
        return "GIL: CPU-bound vs I/O-bound";
    }

    @Override
    public String summary() {
        return "Prime checks get no faster on threads; downloads do. The GIL is the difference.";
    }

    @Override
    public String explanation() {
        return """
                The same jobs run twice, first on the main thread alone, then split over several \
                threads. First CPU-bound jobs: checking big numbers for primes, pure computation. \
                Then I/O-bound jobs: downloads, which mostly wait for the network.

                A thread must hold its process's GIL to run Python code. Computing threads take \
                turns: one runs, the others are runnable, and every 5 ms the GIL passes on. So \
                the prime checks take as long on four threads as on one (in CPython a little \
                longer, for the switching). A thread waiting for I/O gives the GIL up, so the \
                downloads wait side by side. The program prints both times for each phase; \
                compare them, then turn the GIL off.

                Notice: in the CPU phase only one Checker lane is running at any moment, while in \
                the download phase all Downloader lanes wait (io) at once.""";
    }

    @Override
    public String icon() {
        return "mdi2s-speedometer";
    }

    @Override
    public String mainThread() {
        return "MainThread";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("threads", "Threads", "threads in the second run of each phase", 4, 2, 16),
                ParamSpec.integer("numbers", "Numbers", "numbers to check for primes", 8, 1, 16),
                ParamSpec.seconds("check", "Check time", "CPU seconds to check one number", 0.05, 0.001, 5),
                ParamSpec.integer("downloads", "Downloads", "pages to download", 4, 1, 32),
                ParamSpec.seconds("download", "Download time", "seconds waiting for one page", 0.5, 0, 30),
                SwitchCost.PARAM);
    }

    @Override
    public RunOptions options(ParamValues v, ClockMode clock, double speed) {
        return SwitchCost.apply(super.options(v, clock, speed), v);
    }

    @Override
    protected Program program(ParamValues v) {
        return new GilCpuVsIoProgram(v.integer("threads"), v.integer("numbers"), v.seconds("check"),
                v.integer("downloads"), v.seconds("download"));
    }

    /** The CPU phase's threaded run, where one Checker at a time runs: its two reports bracket it. */
    @Override
    public LessonWindow lessonWindow(Trace trace) {
        long serialDone = -1;
        for (OutputLine o : trace.output()) {
            if (serialDone < 0 && o.text().startsWith("  1 thread:")) {
                serialDone = o.time();
            } else if (serialDone >= 0 && o.text().startsWith("  ")) {
                return o.time() > serialDone ? new LessonWindow(serialDone, o.time()) : null;
            }
        }
        return null;
    }

    @Override
    public boolean namesLessonWindow() {
        return true;
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int main = trace.threadNamed(mainThread());
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(m.printed("CPU-bound: checking").time(), main, "One thread computes",
                "The main thread checks every number itself, one after another: running all the time."));
        double one = m.number("CPU-bound: 1 thread", 0);
        double many = m.number("CPU-bound: 1 thread", 2);
        boolean parallel = many < one * 0.67;
        Moment turns = m.first(ThreadState.RUNNABLE, Reason.PREEMPTED, 0);
        int second = trace.threadNamed("Checker-2");
        if (parallel && second >= 0) {
            steps.add(new TourStep(m.first(second, ThreadState.RUNNING, null, 0).time(), second, "Threads side by side",
                    "No GIL to share: the Checkers compute at the same time, each on a core of its own."));
        } else if (turns.found() && m.name(turns.thread()).startsWith("Checker")) {
            steps.add(new TourStep(turns.time(), turns.thread(), "Threads take turns",
                    m.name(turns.thread()) + " has run for the 5 ms switch interval and hands the GIL on. "
                            + "Only one Checker is running at a time; the others are runnable, waiting for the GIL."));
        }
        Moment cpuDone = m.printedContaining("threads:", 0);
        steps.add(new TourStep(cpuDone.time(), main, parallel ? "CPU-bound: faster" : "CPU-bound: no faster",
                String.format(Locale.ROOT, "One thread took %.3f s, the threads %.3f s for the same checks. ", one, many)
                        + (parallel ? "Without a shared GIL they really ran in parallel."
                        : "They share one GIL, so only one of them computes at a time.")));
        Moment ioOne = m.first(main, ThreadState.WAITING, Reason.IO, 0);
        steps.add(new TourStep(ioOne.time(), main, "One download at a time",
                "The main thread downloads the pages one after another, waiting (io) for each."));
        int downloader = trace.threadNamed("Downloader-1");
        Moment ioMany = m.first(downloader, ThreadState.WAITING, Reason.IO, 0);
        steps.add(new TourStep(ioMany.time(), downloader, "Downloads wait together",
                "A thread waiting for I/O releases the GIL, so every Downloader can wait (io) at the same time."));
        Moment summary = m.printed("CPU-bound: 1 thread");
        steps.add(new TourStep(summary.time(), main, "The scores",
                "The last two lines compare both phases. Under the GIL threads speed up waiting, not computing: "
                        + "for CPU-bound work in CPython, use processes."));
        return Moments.inTimeOrder(steps);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        int n = v.integer("threads");
        return new Prediction("The prime checks run on " + n + " threads instead of one"
                + (v.bool(GIL) ? "" : ", with the GIL off") + ". How long do they take?",
                List.of("about " + n + " times less", "about the same", "clearly longer"),
                trace -> {
                    Moments m = new Moments(trace);
                    double one = m.number("CPU-bound: 1 thread", 0);
                    double many = m.number("CPU-bound: 1 thread", 2);
                    if (Double.isNaN(one) || Double.isNaN(many) || many <= 0) {
                        return -1;
                    }
                    double speedUp = one / many;
                    return speedUp > 1.5 ? 0 : speedUp >= 0.8 ? 1 : 2;
                });
    }

    @Override
    public List<String> lessonResources() {
        return List.of("GIL");
    }
}
