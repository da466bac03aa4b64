package io.threadline.scenario.program;

import io.threadline.runtime.ProcessPool;
import io.threadline.runtime.Program;
import io.threadline.runtime.SimThreadPoolExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The same CPU-bound tasks on a pool of threads (one GIL) and on a pool of processes (a GIL each). */
public final class ThreadsVsProcessesProgram extends Program {
    private final int tasks;
    private final int workers;
    private final double work;

    public ThreadsVsProcessesProgram(int tasks, int workers, double work) {
        this.tasks = tasks;
        this.workers = workers;
        this.work = work;
    }

    private int crunch(int x) {
        cpu(work);                       // pure computation: holds its process's GIL
        return x * x;
    }

    @Override
    protected void main() {
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            inputs.add(i);
        }

        print("Threads: " + tasks + " tasks on " + workers + " threads of one process");
        double start = now();
        SimThreadPoolExecutor executor = executor(workers);
        List<Integer> results = executor.map(this::crunch, inputs);
        executor.shutdown(true);
        double onThreads = now() - start;
        print("  " + results + " in " + seconds(onThreads));

        print("Processes: " + tasks + " tasks on " + workers + " worker processes");
        start = now();
        ProcessPool pool = pool(workers);
        results = pool.map(this::crunch, inputs);
        pool.close();
        pool.join();
        double onProcesses = now() - start;
        print("  " + results + " in " + seconds(onProcesses));

        print("Threads " + seconds(onThreads) + ", processes " + seconds(onProcesses)
                + String.format(Locale.ROOT, ": processes %.1fx as fast", onThreads / onProcesses));
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }
}
