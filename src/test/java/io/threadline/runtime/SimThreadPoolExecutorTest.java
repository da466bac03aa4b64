package io.threadline.runtime;

import io.threadline.trace.ThreadRole;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** concurrent.futures semantics: submit, result, as_completed, map, shutdown; and io waits. */
class SimThreadPoolExecutorTest {
    private static final double[] DURATIONS = {3, 1, 2};

    private abstract static class Downloads extends Program {
        String fetch(int x) {
            io(DURATIONS[x], "site " + x);
            return "page " + x;
        }
    }

    @Test
    void submitReturnsAFutureWhoseResultWaitsForTheWorker() {
        Trace t = Runs.run(new Downloads() {
            @Override
            protected void main() {
                SimThreadPoolExecutor ex = executor(2);
                SimFuture<String> f = ex.submit(this::fetch, 1);
                print("done yet: " + f.done());
                print(f.result());
                ex.shutdown(true);
            }
        });
        assertThat(output(t)).containsExactly("0.000 Main: done yet: false", "1.000 Main: page 1");
        assertThat(transitions(t, "Main")).contains("0.000 waiting result future 1", "1.000 runnable woken by ThreadPoolExecutor-0_0");
        assertThat(transitions(t, "ThreadPoolExecutor-0_0")).contains("0.000 waiting io site 1");
        int w = t.threadNamed("ThreadPoolExecutor-0_0");
        assertThat(t.thread(w).role()).isEqualTo(ThreadRole.WORKER);
        assertThat(t.thread(w).process()).isZero();
        assertThat(t.results()).extracting(r -> r.variant() + " " + r.value()).containsExactly("future page 1");
    }

    @Test
    void asCompletedYieldsFuturesInCompletionOrder() {
        Trace t = Runs.run(new Downloads() {
            @Override
            protected void main() {
                SimThreadPoolExecutor ex = executor(3);
                for (SimFuture<String> f : ex.submitAll(this::fetch, List.of(0, 1, 2))) {
                    print(f.result());
                }
                ex.shutdown(true);
            }
        });
        assertThat(output(t)).containsExactly("1.000 Main: page 1", "2.000 Main: page 2", "3.000 Main: page 0");
        assertThat(transitions(t, "Main")).contains("0.000 waiting result as_completed");
    }

    @Test
    void mapKeepsInputOrderAndIoOverlapsEvenUnderTheGil() {
        Trace t = Runs.run(new Downloads() {
            @Override
            protected void main() {
                SimThreadPoolExecutor ex = executor(3);
                print(ex.map(this::fetch, List.of(0, 1, 2)));
                ex.shutdown(true);
            }
        });
        // Three downloads of 3, 1 and 2 s side by side take 3 s, not 6.
        assertThat(output(t)).containsExactly("3.000 Main: ['page 0', 'page 1', 'page 2']");
    }

    @Test
    void workersAreCreatedPerSubmitUpToTheMaximumAndReusedWhenIdle() {
        Trace t = Runs.run(new Downloads() {
            @Override
            protected void main() {
                SimThreadPoolExecutor ex = executor(2);
                List<SimFuture<String>> fs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    fs.add(ex.submit(this::fetch, i));
                }
                fs.forEach(SimFuture::result);
                sleep(1);
                ex.submit(this::fetch, 1).result();
                ex.shutdown(true);
                try {
                    ex.submit(this::fetch, 1);
                } catch (PyError e) {
                    print(e.toString());
                }
            }
        });
        assertThat(t.threadCount()).isEqualTo(3);
        assertThat(output(t)).containsExactly("5.000 Main: RuntimeError: cannot schedule new futures after shutdown");
        for (String w : List.of("ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_1")) {
            assertThat(transitions(t, w)).last().asString().endsWith("dead returned");
        }
    }

    @Test
    void aTaskErrorIsRaisedByResult() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThreadPoolExecutor ex = executor(1);
                SimFuture<Integer> f = ex.submit(x -> {
                    throw new PyError("ValueError", "no " + x);
                }, 7);
                try {
                    f.result();
                } catch (PyError e) {
                    print("raised " + e);
                }
                ex.shutdown(true);
            }
        });
        assertThat(output(t)).containsExactly("0.000 Main: raised ValueError: no 7");
    }
}
