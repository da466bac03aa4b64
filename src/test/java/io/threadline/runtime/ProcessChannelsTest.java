package io.threadline.runtime;

import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.texts;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** Passing data between processes: Queue, Pipe, Value, Array and a Manager's dict. */
class ProcessChannelsTest {

    public static final class Pipeline extends Program {
        void worker(SimQueue<Integer> q1, SimQueue<Integer> q2) {
            for (;;) {
                Integer item = q1.get();
                if (item == null) {
                    break;
                }
                print("Processing", item);
                sleep(0.1);                  // the work on one item
                q2.put(item + 10);
            }
        }

        @Override
        protected void main() {
            SimQueue<Integer> q1 = processQueue("q1", 0);
            SimQueue<Integer> q2 = processQueue("q2", 0);
            SimProcess p1 = process(Pipeline::worker, q1, q2);
            SimProcess p2 = process(Pipeline::worker, q1, q2);
            p1.start();
            p2.start();
            for (int i = 0; i < 4; i++) {
                q1.put(i);
            }
            q1.put(null);
            q1.put(null);
            p1.join();
            p2.join();
            while (!q2.isEmpty()) {
                print(q2.get());
            }
        }
    }

    @Test
    void aQueueCarriesItemsToWorkerProcessesAndResultsBackWithASentinelEach() {
        Trace t = Runs.run(new Pipeline());
        assertThat(output(t)).containsExactly(
                "0.000 Process-1: Processing 0",
                "0.000 Process-2: Processing 1",
                "0.100 Process-1: Processing 2",
                "0.100 Process-2: Processing 3",
                "0.200 Main: 10",
                "0.200 Main: 11",
                "0.200 Main: 12",
                "0.200 Main: 13");
        // Main put everything at once and waited for the workers; each worker ended at its None.
        assertThat(transitions(t, "Main")).contains("0.000 waiting join Process-1");
        assertThat(transitions(t, "Process-1")).last().asString().isEqualTo("0.200 dead returned");
        assertThat(t.counters()).extracting(c -> c.name()).contains("q1 length", "q2 length");
    }

    @Test
    void aPipeSendsCopiesBothWaysAndRecvWaitsForTheSender() {
        Trace t = Runs.run(new Program() {
            void child(SimConnection conn) {
                List<Object> got = (List<Object>) conn.recv();
                got.add("changed in the child");
                sleep(1);
                conn.send(List.of(42, "hello", got.size()));
                conn.close();
            }

            @Override
            protected void main() {
                SimPipe pipe = pipe("pipe");
                SimConnection parent = pipe.first();
                SimProcess p = process((Program me) -> child(pipe.second()));
                p.start();
                List<Object> mine = new ArrayList<>(List.of("a"));
                parent.send(mine);
                print("sent", mine);
                print("received", parent.recv());
                try {
                    parent.recv();
                } catch (PyError e) {
                    print(e.type());
                }
                p.join();
                print("mine is still", mine);
            }
        });
        assertThat(output(t)).containsExactly(
                "0.000 Main: sent ['a']",
                "1.000 Main: received [42, 'hello', 2]",
                "1.000 Main: EOFError",
                "1.000 Main: mine is still ['a']");
        assertThat(transitions(t, "Main")).contains("0.000 waiting recv pipe end 1", "1.000 runnable woken by Process-1");
        assertThat(transitions(t, "Process-1")).doesNotContain("0.000 waiting recv pipe end 2");
    }

    @Test
    void aOneWayPipeRefusesTheWrongDirection() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimPipe pipe = pipe("oneway", false);
                pipe.second().send(1);
                print(pipe.first().recv());
                try {
                    pipe.first().send(2);
                } catch (PyError e) {
                    print(e.toString());
                }
            }
        });
        assertThat(texts(t)).containsExactly("1", "OSError: connection is read-only");
    }

    public static final class Counting extends Program {
        final boolean locked;

        Counting(boolean locked) {
            this.locked = locked;
        }

        void add(SimValue<Integer> total, SimArray<Integer> slots) {
            int me = getpid() - 1001;
            for (int i = 0; i < 3; i++) {
                if (locked) {
                    total.withLock(() -> addOne(total));
                } else {
                    addOne(total);
                }
            }
            slots.set(me, me * 10);
        }

        private void addOne(SimValue<Integer> total) {
            int seen = total.get();
            cpu(0.01);                   // between the read and the write another process may write
            total.set(seen + 1);
        }

        @Override
        protected void main() {
            SimValue<Integer> total = sharedValue("total", "i", 0);
            SimArray<Integer> slots = sharedArray("slots", "i", List.of(0, 0));
            SimProcess a = process(Counting::add, total, slots);
            SimProcess b = process(Counting::add, total, slots);
            a.start();
            b.start();
            a.join();
            b.join();
            print("total", total.get(), "slots", slots.toList());
        }
    }

    @Test
    void aSharedValueLosesUpdatesWithoutItsLockAndKeepsThemWithIt() {
        Trace racy = Runs.run(new Counting(false));
        // Two processes read 0 at once, both write 1: three of six updates are lost.
        assertThat(texts(racy)).containsExactly("total 3 slots [0, 10]");
        Trace safe = Runs.run(new Counting(true));
        assertThat(texts(safe)).containsExactly("total 6 slots [0, 10]");
        assertThat(transitions(safe, "Process-2")).anyMatch(s -> s.contains("waiting lock total lock"));
        assertThat(safe.counters()).extracting(c -> c.name()).contains("total");
    }

    @Test
    void aManagersDictLivesInItsOwnProcessAndEveryOperationIsARoundTrip() {
        Trace t = Runs.run(new Program() {
            void work(SimDict<String, Integer> results, Integer n) {
                sleep(n);
                results.put("worker " + n, n * n);
            }

            @Override
            protected void main() {
                SimManager manager = manager();
                SimDict<String, Integer> results = manager.dict();
                List<SimProcess> all = new ArrayList<>();
                for (int n : List.of(2, 1)) {
                    all.add(process((Program me) -> work(results, n)));
                }
                all.forEach(SimProcess::start);
                all.forEach(SimProcess::join);
                Map<String, Integer> copy = results.toMap();
                print(copy, results.size());
                manager.shutdown();
            }
        });
        assertThat(texts(t)).containsExactly("{'worker 1': 1, 'worker 2': 4} 2");
        assertThat(t.process(t.thread(t.threadNamed("SyncManager-1")).process()).name()).isEqualTo("SyncManager-1");
        // The request wakes the server; the server's reply, 100 µs of its CPU later, wakes the caller.
        assertThat(transitions(t, "SyncManager-1")).contains("1.000 runnable woken by Process-3");
        int caller = t.threadNamed("Process-3");
        assertThat(transitions(t, "Process-3")).anyMatch(s -> s.contains("waiting result SyncManager-1 d['worker 1'] = ..."));
        assertThat(t.lane(caller).time(t.lane(caller).size() - 1)).isEqualTo(1_000_100);
        assertThat(transitions(t, "SyncManager-1")).last().asString().endsWith("dead returned");
    }
}
