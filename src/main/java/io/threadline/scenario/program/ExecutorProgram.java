package io.threadline.scenario.program;

import io.threadline.runtime.ProcessPool;
import io.threadline.runtime.Program;
import io.threadline.runtime.SimFuture;
import io.threadline.runtime.SimThreadPoolExecutor;

import java.util.ArrayList;
import java.util.List;

/** Futures from a thread pool (as_completed, then map), and apply_async with a callback on a process pool. */
public final class ExecutorProgram extends Program {
    private static final List<Integer> PAGES = List.of(0, 1, 2, 3, 4);

    private final int workers;
    private final int processes;
    private final List<Double> delays;

    private final List<Integer> collected = new ArrayList<>();

    public ExecutorProgram(int workers, int processes, List<Double> delays) {
        this.workers = workers;
        this.processes = processes;
        this.delays = delays;
    }

    private String fetch(int page) {
        io(delays.get(page), "page " + page);       // downloading
        return "page " + page;
    }

    private int square(int x) {
        sleep(delays.get(x));                        // a slow computation
        return x * x;
    }

    private void collectResult(int result) {         // runs on the pool's result-handler thread
        collected.add(result);
        print("  callback got " + result);
    }

    @Override
    protected void main() {
        SimThreadPoolExecutor executor = executor(workers);

        print("submit + as_completed:");
        // as_completed([executor.submit(fetch, p) for p in PAGES]): futures as they finish
        for (SimFuture<String> future : executor.submitAll(this::fetch, PAGES)) {
            print("  got " + future.result());
        }

        print("map:");
        List<String> pages = executor.map(this::fetch, PAGES);   // results in input order
        print("  got", pages);
        executor.shutdown(true);

        print("apply_async with a callback:");
        ProcessPool pool = pool(processes);
        for (int x : PAGES) {
            pool.applyAsync(this::square, x, this::collectResult);
        }
        print("  the main thread goes on while the pool works");
        pool.close();
        pool.join();
        print("  collected " + collected);
    }
}
