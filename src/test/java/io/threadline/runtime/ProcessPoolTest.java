package io.threadline.runtime;

import io.threadline.trace.ResultMark;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** multiprocessing.Pool semantics: map, imap, imap_unordered, apply_async with get and callback. */
class ProcessPoolTest {
    private static final double[] DURATIONS = {3, 1, 2};

    private abstract static class PoolProgram extends Program {
        int square(int x) {
            sleep(DURATIONS[x]);
            return x * x;
        }
    }

    @Test
    void mapReturnsEverythingAtOnceInInputOrderWokenByTheLastWorker() {
        Trace t = Runs.run(new PoolProgram() {
            @Override
            protected void main() {
                ProcessPool pool = pool(3);
                print(pool.map(this::square, List.of(0, 1, 2)));
                pool.close();
                pool.join();
            }
        });
        assertThat(output(t)).containsExactly("3.000 Main: [0, 1, 4]");
        assertThat(t.results()).extracting(ResultMark::variant, ResultMark::input, ResultMark::time)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("map", "0", 3_000_000L),
                        org.assertj.core.groups.Tuple.tuple("map", "1", 3_000_000L),
                        org.assertj.core.groups.Tuple.tuple("map", "2", 3_000_000L));
        // The worker that squared 0 (3 s) delivered last and woke the main thread.
        String lastWorker = t.thread(t.results().get(0).from()).name();
        assertThat(transitions(t, "Main")).contains("0.000 waiting result map", "3.000 runnable woken by " + lastWorker);
    }

    @Test
    void imapUnorderedDeliversInCompletionOrder() {
        Trace t = Runs.run(new PoolProgram() {
            @Override
            protected void main() {
                ProcessPool pool = pool(3);
                for (int r : pool.imapUnordered(this::square, List.of(0, 1, 2))) {
                    print(r);
                }
                pool.close();
                pool.join();
            }
        });
        assertThat(output(t)).containsExactly("1.000 Main: 1", "2.000 Main: 4", "3.000 Main: 0");
        assertThat(t.results()).extracting(ResultMark::variant).containsOnly("imap_unordered");
    }

    @Test
    void imapDeliversInInputOrderEachAsSoonAsItAndThoseBeforeAreDone() {
        Trace t = Runs.run(new PoolProgram() {
            @Override
            protected void main() {
                ProcessPool pool = pool(3);
                for (int r : pool.imap(this::square, List.of(1, 2, 0))) {
                    print(r);
                }
                pool.close();
                pool.join();
            }
        });
        assertThat(output(t)).containsExactly("1.000 Main: 1", "2.000 Main: 4", "3.000 Main: 0");
    }

    @Test
    void moreTasksThanWorkersWait() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                ProcessPool pool = pool(2);
                print(pool.map(x -> {
                    sleep(1);
                    return x;
                }, List.of(1, 2, 3)));
                pool.close();
                pool.join();
            }
        });
        assertThat(output(t)).containsExactly("2.000 Main: [1, 2, 3]");
    }

    @Test
    void applyAsyncGetWaitsForTheResult() {
        Trace t = Runs.run(new PoolProgram() {
            @Override
            protected void main() {
                ProcessPool pool = pool(2);
                AsyncResult<Integer> r = pool.applyAsync(this::square, 2);
                print("ready: " + r.ready());
                print("result: " + r.get());
                pool.close();
                pool.join();
            }
        });
        assertThat(output(t)).containsExactly("0.000 Main: ready: false", "2.000 Main: result: 4");
        assertThat(transitions(t, "Main")).contains("0.000 waiting result apply_async");
    }

    @Test
    void applyAsyncGetWithTimeoutRaisesTimeoutError() {
        List<String> seen = new ArrayList<>();
        Runs.run(new PoolProgram() {
            @Override
            protected void main() {
                ProcessPool pool = pool(1);
                try {
                    pool.applyAsync(this::square, 0).get(1);
                } catch (PyError e) {
                    seen.add(e.type() + " at " + now());
                }
                pool.close();
                pool.join();
            }
        });
        assertThat(seen).containsExactly("multiprocessing.context.TimeoutError at 1.0");
    }

    @Test
    void callbacksRunOnTheResultHandlerThreadOfTheMainProcess() {
        Trace t = Runs.run(new PoolProgram() {
            @Override
            protected void main() {
                ProcessPool pool = pool(2);
                pool.applyAsync(this::square, 1, r -> print("callback " + r));
                pool.applyAsync(this::square, 2, r -> print("callback " + r));
                pool.close();
                pool.join();
            }
        });
        assertThat(output(t)).containsExactly(
                "1.000 Pool-result-handler: callback 1", "2.000 Pool-result-handler: callback 4");
        int handler = t.threadNamed("Pool-result-handler");
        assertThat(t.thread(handler).role()).isEqualTo(ThreadRole.HELPER);
        assertThat(t.thread(handler).process()).isEqualTo(t.thread(t.threadNamed("Main")).process());
        assertThat(transitions(t, "Pool-result-handler")).last().asString().endsWith("dead returned");
    }

    @Test
    void aWorkerErrorIsRaisedInTheCallerAndTheWorkerGoesOn() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                ProcessPool pool = pool(1);
                try {
                    pool.map(x -> {
                        if (x == 2) {
                            throw new PyError("ZeroDivisionError", "division by zero");
                        }
                        return x;
                    }, List.of(1, 2, 3));
                } catch (PyError e) {
                    print("caught " + e);
                }
                print(pool.map(x -> x * 10, List.of(1)));
                pool.close();
                pool.join();
            }
        });
        assertThat(output(t)).containsExactly("0.000 Main: caught ZeroDivisionError: division by zero", "0.000 Main: [10]");
    }

    @Test
    void workersAreDaemonProcessesEachInItsOwnProcessAndEndAfterClose() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                ProcessPool pool = pool(3);
                pool.close();
                pool.join();
                try {
                    pool.map(x -> x, List.of(1));
                } catch (PyError e) {
                    print(e.toString());
                }
            }
        });
        assertThat(t.processCount()).isEqualTo(4);
        for (int i = 1; i <= 3; i++) {
            int w = t.threadNamed("ForkPoolWorker-" + i);
            assertThat(t.thread(w).role()).isEqualTo(ThreadRole.WORKER);
            assertThat(t.thread(w).daemon()).isTrue();
            assertThat(t.process(t.thread(w).process()).name()).isEqualTo("ForkPoolWorker-" + i);
            // Closed before the workers first ran: each finds its sentinel at once.
            assertThat(transitions(t, "ForkPoolWorker-" + i)).last().asString().isEqualTo("0.000 dead returned");
        }
        assertThat(output(t)).containsExactly("0.000 Main: ValueError: Pool not running");
    }

    @Test
    void joinBeforeCloseIsAnError() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                pool(1).join();
            }
        });
        assertThat(transitions(t, "Main")).last().asString().isEqualTo("0.000 dead raised ValueError: Pool is still running");
        // The worker, a daemon, is cut off when the main thread ends.
        assertThat(transitions(t, "ForkPoolWorker-1")).last().asString().startsWith("0.000 dead killed");
    }
}
