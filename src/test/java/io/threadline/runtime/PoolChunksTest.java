package io.threadline.runtime;

import io.threadline.trace.ResultMark;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.texts;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chunks and the rest of the Pool API, each timed as CPython 3.11 times it (chunk.py and
 * applyto.py, run with python3 here).
 */
class PoolChunksTest {
    private static final List<Integer> ONE_TO_TEN = IntStream.rangeClosed(1, 10).boxed().toList();

    private abstract static class Slow extends Program {
        int computeX(int x) {
            print("start", x);
            sleep(0.8);
            return x;
        }
    }

    private static List<String> starts(Trace t) {
        List<String> out = new ArrayList<>();
        for (String line : output(t)) {
            if (line.contains(": start ")) {
                out.add(line.substring(0, line.indexOf(' ')) + " " + line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return out;
    }

    @Test
    void mapCutsTenInputsForTwoWorkersIntoChunksOfTwoAndTakesFourPointEightSeconds() {
        // CPython: chunksize = ceil(10 / (4 * 2)) = 2; worker A takes [1, 2], B [3, 4], then [5, 6]
        // and [7, 8] at 1.6 s, and A [9, 10] at 3.2 s: done at 4.8 s, not 4.0 s.
        Trace t = Runs.run(new Slow() {
            @Override
            protected void main() {
                ProcessPool pool = pool(2);
                print(pool.map(this::computeX, ONE_TO_TEN));
                pool.close();
                pool.join();
            }
        });
        assertThat(starts(t)).containsExactly("0.000 1", "0.000 3", "0.800 2", "0.800 4", "1.600 5", "1.600 7",
                "2.400 6", "2.400 8", "3.200 9", "4.000 10");
        assertThat(texts(t)).last().isEqualTo("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]");
        assertThat(t.output().get(t.outputCount() - 1).time()).isEqualTo(4_800_000);
        // The marks carry the chunk: inputs 1 and 2 were task 0, 9 and 10 task 4.
        assertThat(t.results()).extracting(ResultMark::input, ResultMark::chunk).startsWith(
                org.assertj.core.groups.Tuple.tuple("1", 0), org.assertj.core.groups.Tuple.tuple("2", 0),
                org.assertj.core.groups.Tuple.tuple("3", 1));
        assertThat(t.results()).extracting(ResultMark::chunk).endsWith(4, 4);
    }

    @Test
    void aGivenChunksizeAndImapsDefaultOfOne() {
        Trace chunk3 = Runs.run(new Slow() {
            @Override
            protected void main() {
                ProcessPool pool = pool(2);
                pool.map(this::computeX, ONE_TO_TEN, 3);
                print("done");
                pool.close();
                pool.join();
            }
        });
        // [1, 2, 3] and [4, 5, 6], then [7, 8, 9] and [10]: 4.8 s as well (CPython: 4.83 s).
        assertThat(starts(chunk3)).startsWith("0.000 1", "0.000 4", "0.800 2", "0.800 5");
        assertThat(starts(chunk3)).contains("2.400 7", "2.400 10");
        assertThat(output(chunk3)).last().asString().startsWith("4.800 ");

        Trace imap = Runs.run(new Slow() {
            @Override
            protected void main() {
                ProcessPool pool = pool(2);
                List<Integer> got = new ArrayList<>();
                for (int r : pool.imap(this::computeX, ONE_TO_TEN)) {
                    got.add(r);
                }
                print("imap done");
                pool.close();
                pool.join();
            }
        });
        // One input per task: two at a time, 5 rounds of 0.8 s (CPython: 4.09 s).
        assertThat(output(imap)).last().asString().isEqualTo("4.000 Main: imap done");
        assertThat(imap.results()).extracting(ResultMark::chunk).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void imapWithChunksDeliversAChunkAtATimeAndABadChunksizeIsAValueError() {
        Trace t = Runs.run(new Slow() {
            @Override
            protected void main() {
                ProcessPool pool = pool(2);
                for (int r : pool.imapUnordered(this::computeX, List.of(1, 2, 3, 4), 2)) {
                    print("got", r);
                }
                try {
                    pool.imap(this::computeX, List.of(1), 0);
                } catch (PyError e) {
                    print(e.toString());
                }
                pool.close();
                pool.join();
            }
        });
        assertThat(output(t)).contains("1.600 Main: got 1", "1.600 Main: got 2", "1.600 Main: got 3",
                "1.600 Main: got 4", "1.600 Main: ValueError: Chunksize must be 1+, not 0");
    }

    @Test
    void applyBlocksMapAsyncDoesNotAndGetWithATimeoutCanExpire() {
        // applyto.py: get(timeout=1) on a 2 s task raises TimeoutError at 1 s; get(timeout=5) then
        // returns at 2 s; apply(3) at 4 s; map_async over 3 inputs on 2 workers at 8 s.
        Trace t = Runs.run(new Program() {
            int worker(int x) {
                print("In worker: ", x);
                sleep(2);
                return x * x;
            }

            @Override
            protected void main() {
                ProcessPool pool = pool(2);
                AsyncResult<Integer> res = pool.applyAsync(this::worker, 2);
                try {
                    print("Blocking result: ", res.get(1));
                } catch (PyError e) {
                    print("timeout", e.type());
                }
                print(res.ready());
                print("Blocking result: ", res.get(5));
                print(pool.apply(this::worker, 3));
                AsyncResult<List<Integer>> r = pool.mapAsync(this::worker, List.of(1, 2, 3));
                print(r.ready());
                print(r.get());
                print(r.successful());
                pool.close();
                pool.join();
            }
        });
        assertThat(output(t)).containsExactly(
                "0.000 ForkPoolWorker-1: In worker:  2",
                "1.000 Main: timeout multiprocessing.context.TimeoutError",
                "1.000 Main: False",
                "2.000 Main: Blocking result:  4",
                "2.000 ForkPoolWorker-2: In worker:  3",
                "4.000 Main: 9",
                "4.000 Main: False",
                "4.000 ForkPoolWorker-1: In worker:  1",
                "4.000 ForkPoolWorker-2: In worker:  2",
                "6.000 ForkPoolWorker-1: In worker:  3",
                "8.000 Main: [1, 4, 9]",
                "8.000 Main: True");
        assertThat(transitions(t, "Main")).contains("0.000 waiting result apply_async", "1.000 runnable timeout",
                "2.000 waiting result apply", "4.000 waiting result map_async");
    }

    @Test
    void mapAsyncCallsItsCallbackWithTheWholeListAndStarmapUnpacksPairs() {
        Trace t = Runs.run(new Program() {
            int power(int base, int exp) {
                sleep(0.5);
                return (int) Math.pow(base, exp);
            }

            int half(int x) {
                sleep(0.5);
                if (x == 3) {
                    throw new PyError("ValueError", "odd " + x);
                }
                return x / 2;
            }

            @Override
            protected void main() {
                ProcessPool pool = pool(2);
                print(pool.starmap(this::power, List.of(Map.entry(2, 3), Map.entry(3, 2), Map.entry(10, 1))));
                pool.mapAsync(this::half, List.of(2, 4), 1, r -> print("callback", r), e -> print("error", e));
                pool.mapAsync(this::half, List.of(3, 4), 1, r -> print("callback", r), e -> print("error", e));
                pool.close();
                pool.join();
            }
        });
        assertThat(output(t)).containsExactly(
                "1.000 Main: [8, 9, 10]",
                "1.500 Pool-result-handler: callback [1, 2]",
                "2.000 Pool-result-handler: error ValueError: odd 3");
    }

    /**
     * map_async with a callback: the callback receives the list on the pool's result thread, then
     * the caller's get() the same list again. The call delivered three results, not six (its row
     * said "9, 16, 25, 9, 16, 25" and "6 results" in pool-the-rest; a review of the projector's pictures).
     */
    @Test
    void aResultReceivedTwiceCountsOnceWhereItFirstArrived() {
        Trace t = Runs.run(new Program() {
            int square(int x) {
                sleep(1);
                return x * x;
            }

            @Override
            protected void main() {
                ProcessPool pool = pool(2);
                AsyncResult<List<Integer>> r = pool.mapAsync(this::square, List.of(3, 4, 5), 1, v -> print("callback", v), null);
                print(r.get());
                print(r.get());
                pool.close();
                pool.join();
            }
        });
        assertThat(output(t)).containsExactly("2.000 Pool-result-handler: callback [9, 16, 25]",
                "2.000 Main: [9, 16, 25]", "2.000 Main: [9, 16, 25]");
        assertThat(t.results()).extracting(io.threadline.trace.ResultMark::value).containsExactly("9", "16", "25");
        assertThat(t.results()).extracting(m -> t.thread(m.thread()).name()).containsOnly("Pool-result-handler");
    }

    @Test
    void aThreadPoolRunsTheSameCallsOnThreadsOfTheCallersProcessUnderItsGil() {
        Trace t = Runs.run(new Program() {
            int crunch(int x) {
                cpu(0.1);
                return x + 1;
            }

            @Override
            protected void main() {
                ThreadPool pool = threadPool(2);
                print(pool.map(this::crunch, List.of(1, 2, 3, 4)));
                pool.close();
                pool.join();
            }
        }, RunOptions.defaults().withSwitchCost(0));
        assertThat(texts(t)).containsExactly("[2, 3, 4, 5]");
        assertThat(t.processCount()).isEqualTo(1);
        int w = t.threadNamed("Thread-1 (worker)");
        assertThat(w).isNotNegative();
        assertThat(t.thread(w).role()).isEqualTo(ThreadRole.WORKER);
        assertThat(t.threadNamed("Thread-2 (worker)")).isNotNegative();
        // One GIL: 0.4 s of CPU work takes 0.4 s on two threads (map's chunks: 4 / (4 * 2) -> 1).
        assertThat(t.endTime()).isEqualTo(400_000);
        // Starting a thread waits for it to begin, unlike forking a worker process.
        assertThat(transitions(t, "Main")).contains("0.000 waiting start-handshake Thread-1 (worker)");
    }

    @Test
    void terminateKillsTheWorkerProcessesWhereTheyAre() {
        Trace t = Runs.run(new Slow() {
            @Override
            protected void main() {
                ProcessPool pool = pool(2);
                pool.applyAsync(this::computeX, 1);
                sleep(0.5);
                pool.terminate();
                print("terminated");
            }
        });
        assertThat(transitions(t, "ForkPoolWorker-1")).last().asString()
                .isEqualTo("0.500 dead killed pool.terminate(): the pool's worker processes are killed with it by Main");
        assertThat(transitions(t, "ForkPoolWorker-2")).last().asString()
                .isEqualTo("0.500 dead killed pool.terminate(): the pool's worker processes are killed with it by Main");
        assertThat(output(t)).last().asString().isEqualTo("0.500 Main: terminated");
    }
}
