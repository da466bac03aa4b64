package io.threadline.runtime;

import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.texts;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** Futures' cancel/done/running/exception and concurrent.futures.wait, as CPython 3.11 has them (names.py). */
class FuturesTest {

    private static <T> List<Boolean> each(List<SimFuture<T>> fs, Function<SimFuture<T>, Boolean> f) {
        List<Boolean> out = new ArrayList<>();
        for (SimFuture<T> x : fs) {
            out.add(f.apply(x));
        }
        return out;
    }

    @Test
    void aProcessPoolExecutorsCallQueueHoldsOneTaskMoreThanItHasWorkersAndThoseCannotBeCancelled() {
        Trace t = Runs.run(new Program() {
            Integer nap(Integer x) {
                sleep(1 + x / 10.0);             // the workers of CPython never finish at the very same instant
                return x;
            }

            @Override
            protected void main() {
                SimProcessPoolExecutor ex = processExecutor(2);
                List<SimFuture<Integer>> fs = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    fs.add(ex.submit(this::nap, i));
                }
                sleep(0.1);
                print(each(fs, SimFuture::cancel), each(fs, SimFuture::running));
                Futures.DoneAndNotDone<Integer> w = wait(fs, 0.5, Futures.ReturnWhen.ALL_COMPLETED);
                print(w.done().size(), w.notDone().size());
                w = wait(fs, -1, Futures.ReturnWhen.FIRST_COMPLETED);
                print(w.done().size(), w.notDone().size(), each(fs, SimFuture::done), each(fs, SimFuture::cancelled));
                w = wait(fs);
                print(w.done().size(), fs.get(2).result(), fs.get(2).exception());
                try {
                    fs.get(4).result();
                } catch (PyError e) {
                    print(e.type());
                }
                ex.shutdown(true);
            }
        }, RunOptions.defaults().withForkCost(2_000));
        // CPython: [False, False, False, True, True] [True, True, True, False, False], then 0 5 at 0.6 s
        // (cancelled, but not yet notified), then 3 2 at 1 s with [True, False, False, True, True]. The
        // manager thread fills the call queue while the main thread sleeps, before the forked workers
        // (2 ms to start, as here) have taken anything: three tasks are running, two can be cancelled.
        assertThat(output(t)).containsExactly(
                "0.100 Main: [False, False, False, True, True] [True, True, True, False, False]",
                "0.600 Main: 0 5",
                "1.002 Main: 3 2 [True, False, False, True, True] [False, False, False, True, True]",
                "2.202 Main: 5 2 None",
                "2.202 Main: concurrent.futures.CancelledError");
        assertThat(t.threadNamed("ForkProcess-1")).isNotNegative();
        assertThat(t.processCount()).isEqualTo(3);
        assertThat(transitions(t, "Main")).contains("0.100 waiting result wait ALL_COMPLETED",
                "0.600 runnable timeout", "0.600 waiting result wait FIRST_COMPLETED");
    }

    @Test
    void tasksSubmittedInOneGoCanAllBeCancelledButTheFirstTheManagerThreadSawAtItsStart() {
        // pool_the_rest.py: cancel right after submitting -> [False, True, True, True, True]; wait()
        // then sees the four cancelled as done once the manager thread has come to them.
        Trace t = Runs.run(new Program() {
            Integer nap(Integer n) {
                sleep(n / 2.0);
                return n;
            }

            @Override
            protected void main() {
                SimProcessPoolExecutor ex = processExecutor(2);
                List<SimFuture<Integer>> fs = new ArrayList<>();
                for (int n : List.of(2, 1, 2, 1, 1)) {
                    fs.add(ex.submit(this::nap, n));
                }
                print(each(fs, SimFuture::cancel));
                Futures.DoneAndNotDone<Integer> w = wait(fs, -1, Futures.ReturnWhen.FIRST_COMPLETED);
                print(w.done().size(), "done,", w.notDone().size(), "not done");
                ex.shutdown(true);
            }
        });
        assertThat(output(t)).containsExactly("0.000 Main: [False, True, True, True, True]",
                "0.000 Main: 4 done, 1 not done");
        assertThat(transitions(t, "Main")).contains("0.000 waiting start-handshake ExecutorManagerThread");
        // The result comes to the waiting thread through the manager thread.
        assertThat(transitions(t, "ExecutorManagerThread")).anyMatch(s -> s.endsWith("runnable woken by ForkProcess-1"));
    }

    @Test
    void aThreadPoolExecutorsTaskCanBeCancelledUntilAWorkerTakesIt() {
        Trace t = Runs.run(new Program() {
            Integer nap(Integer x) {
                sleep(1);
                if (x == 1) {
                    throw new PyError("ValueError", "one");
                }
                return x;
            }

            @Override
            protected void main() {
                SimThreadPoolExecutor ex = executor(2);
                List<SimFuture<Integer>> fs = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    fs.add(ex.submit(this::nap, i));
                }
                sleep(0.1);
                print(each(fs, SimFuture::cancel), each(fs, SimFuture::running));
                print(fs.get(1).exception(), fs.get(0).exception());
                Futures.DoneAndNotDone<Integer> w = wait(fs, -1, Futures.ReturnWhen.FIRST_EXCEPTION);
                print(w.done().size(), w.notDone().size());
                ex.shutdown(true);
            }
        });
        assertThat(texts(t)).containsExactly(
                "[False, False, True, True, True] [True, True, False, False, False]",
                "ValueError: one None",
                "5 0");
        // Both finished at 1 s; the workers then came to the cancelled tasks (so wait() counts them)
        // before the main thread, woken by the first error, got the GIL back.
        assertThat(output(t).get(2)).startsWith("1.000 Main:");
    }
}
