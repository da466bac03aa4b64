package io.threadline.runtime;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** queue.Queue semantics: get waits while empty, put while full, join until every task is done. */
class SimQueueTest {

    @Test
    void getWaitsUntilAPutAndThePutterIsTheCause() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimQueue<String> q = queue("q", 0);
                SimThread consumer = thread("Consumer", () -> print("got " + q.get()));
                consumer.start();
                sleep(1);
                q.put("x");
                consumer.join();
            }
        });
        assertThat(transitions(t, "Consumer")).containsSubsequence(
                "0.000 waiting queue-get q", "1.000 runnable woken by Main", "1.000 running scheduled");
        assertThat(output(t)).containsExactly("1.000 Consumer: got x");
    }

    @Test
    void putWaitsWhileFullUntilAGetAndTheGetterIsTheCause() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimQueue<Integer> q = queue("q", 1);
                SimThread producer = thread("Producer", () -> {
                    q.put(1);
                    q.put(2);
                    print("put both");
                });
                producer.start();
                sleep(2);
                q.get();
                producer.join();
                print("left: " + q.size());
            }
        });
        assertThat(transitions(t, "Producer")).containsSubsequence(
                "0.000 waiting queue-put q", "2.000 runnable woken by Main");
        assertThat(output(t)).containsExactly("2.000 Producer: put both", "2.000 Main: left: 1");
    }

    @Test
    void joinWaitsUntilTheLastTaskDoneWhoseCallerIsTheCause() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimQueue<Integer> q = queue("q", 0);
                thread("Worker", () -> {
                    for (int i = 0; i < 2; i++) {
                        q.get();
                        sleep(1);
                        q.taskDone();
                    }
                }).start();
                q.put(1);
                q.put(2);
                q.join();
                print("all done");
            }
        });
        assertThat(transitions(t, "Main")).containsSubsequence(
                "0.000 waiting queue-join q", "2.000 runnable woken by Worker");
        assertThat(output(t)).containsExactly("2.000 Main: all done");
    }

    @Test
    void taskDoneMoreOftenThanPutRaisesValueError() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimQueue<Integer> q = queue("q", 0);
                q.put(1);
                q.get();
                q.taskDone();
                q.taskDone();
            }
        });
        assertThat(transitions(t, "Main")).last().asString()
                .isEqualTo("0.000 dead raised ValueError: task_done() called too many times");
    }

    @Test
    void timeoutsRaiseEmptyAndFullAtTheExactTime() {
        List<String> seen = new ArrayList<>();
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimQueue<Integer> q = queue("q", 1);
                try {
                    q.get(0.25);
                } catch (PyError e) {
                    seen.add(e.type() + " at " + now());
                }
                q.put(1);
                try {
                    q.put(2, 0.5);
                } catch (PyError e) {
                    seen.add(e.type() + " at " + now());
                }
            }
        });
        assertThat(seen).containsExactly("queue.Empty at 0.25", "queue.Full at 0.75");
        assertThat(transitions(t, "Main")).containsSubsequence(
                "0.000 waiting queue-get q", "0.250 runnable timeout",
                "0.250 waiting queue-put q", "0.750 runnable timeout");
    }

    @Test
    void noneIsAValidItemAndTheLengthIsACounterTrack() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimQueue<String> q = queue("jobs", 0);
                q.put("a");
                q.put(null);
                sleep(1);
                print(q.get() + " " + q.get());
            }
        });
        assertThat(output(t)).containsExactly("1.000 Main: a null");
        CounterTrack c = t.counters().get(0);
        assertThat(c.name()).isEqualTo("jobs length");
        assertThat(c.valueAt(0)).isEqualTo(2);
        assertThat(c.valueAt(999_999)).isEqualTo(2);
        assertThat(c.valueAt(1_000_000)).isZero();
        assertThat(c.max()).isEqualTo(2);
    }

    @Test
    void aWokenGetterThatFindsTheQueueEmptyAgainWaitsAgain() {
        // Main puts one item and takes it back before the woken consumer runs: the consumer
        // re-checks, as Python's Condition loop does, and waits once more.
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimQueue<Integer> q = queue("q", 0);
                SimThread c = thread("C", () -> print("C got " + q.get()));
                c.start();
                q.put(1);
                q.get();
                sleep(1);
                q.put(2);
                c.join();
            }
        });
        assertThat(transitions(t, "C")).containsSubsequence(
                "0.000 waiting queue-get q", "0.000 runnable woken by Main", "0.000 running scheduled",
                "0.000 waiting queue-get q", "1.000 runnable woken by Main");
        assertThat(output(t)).containsExactly("1.000 C: C got 2");
    }
}
