package io.threadline.scenario.program;

import io.threadline.runtime.AsyncResult;
import io.threadline.runtime.Futures;
import io.threadline.runtime.ProcessPool;
import io.threadline.runtime.Program;
import io.threadline.runtime.PyError;
import io.threadline.runtime.SimFuture;
import io.threadline.runtime.SimProcessPoolExecutor;
import io.threadline.runtime.ThreadPool;

import java.util.ArrayList;
import java.util.List;

/** The rest of the pool API: apply, apply_async with get(timeout), map_async, imap, ThreadPool, ProcessPoolExecutor. */
public final class PoolTheRestProgram extends Program {
    private final double work;
    private final double timeout;

    public PoolTheRestProgram(double work, double timeout) {
        this.work = work;
        this.timeout = timeout;
    }

    private int worker(int x) {
        print("In worker: ", x);              // the seed's spacing: two spaces before the number
        sleep(work);
        return x * x;
    }

    private int nap(int n) {
        sleep(n * work / 4);
        return n;
    }

    private void collect(List<Integer> results) {   // map_async's callback, on the pool's result thread
        print("  callback got", results);
    }

    @Override
    protected void main() {
        ProcessPool pool = pool(2);
        print("apply: blocks until the result is back");
        print("  result:", pool.apply(this::worker, 1));

        print("apply_async: get() with a timeout");
        AsyncResult<Integer> res = pool.applyAsync(this::worker, 2);
        try {
            print("  result:", res.get(timeout));
        } catch (PyError e) {                 // multiprocessing.TimeoutError
            print("  TimeoutError after " + str(timeout) + " s; ready: " + str(res.ready()));
            print("  result:", res.get());
        }

        print("map_async: the main thread goes on");
        AsyncResult<List<Integer>> r = pool.mapAsync(this::worker, List.of(3, 4, 5), 1, this::collect, null);
        print("  ready:", r.ready());
        r.await();                            // r.wait()
        print("  result:", r.get());

        print("imap: in input order, each once it and those before it are done");
        for (int n : pool.imap(this::nap, List.of(3, 1, 2))) {
            print("  got", n);
        }
        pool.terminate();                     // leaving "with Pool(...) as pool:"

        ThreadPool threads = threadPool(2);
        print("ThreadPool: the same calls on threads of this process");
        print("  result:", threads.map(this::worker, List.of(6, 7)));
        threads.terminate();

        print("ProcessPoolExecutor: submit, cancel, wait");
        SimProcessPoolExecutor executor = processExecutor(2);
        List<SimFuture<Integer>> futures = new ArrayList<>();
        for (int n : List.of(2, 1, 2, 1, 1)) {
            futures.add(executor.submit(this::nap, n));
        }
        List<Boolean> cancelled = new ArrayList<>();
        for (SimFuture<Integer> f : futures) {
            cancelled.add(f.cancel());
        }
        print("  cancel:", cancelled);
        Futures.DoneAndNotDone<Integer> first = wait(futures, -1, Futures.ReturnWhen.FIRST_COMPLETED);
        print("  first completed: " + first.done().size() + " done, " + first.notDone().size() + " not done");
        wait(futures);
        List<Object> results = new ArrayList<>();
        for (SimFuture<Integer> f : futures) {
            results.add(f.cancelled() ? "cancelled" : f.result());
        }
        print("  results:", results);
        print("  exception():", futures.get(0).exception());
        executor.shutdown(true);              // leaving "with ProcessPoolExecutor(...) as executor:"
    }
}
