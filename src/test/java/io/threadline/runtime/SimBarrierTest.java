package io.threadline.runtime;

import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** threading.Barrier, checked against CPython 3.11 (barrier.py, run with python3 here). */
class SimBarrierTest {

    @Test
    void everyoneWaitsForTheLastWhoRunsTheActionAndIsFirstThrough() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimBarrier b = barrier("start line", 3, () -> print("action on", currentThread().getName()), -1);
                List<SimThread> runners = new ArrayList<>();
                for (int k = 1; k <= 3; k++) {
                    String name = "R" + k;
                    double delay = k;
                    runners.add(thread(name, () -> {
                        sleep(delay);
                        print(name, "arrives");
                        int i = b.await();
                        print(name, "passes with index", i);
                    }));
                }
                runners.forEach(SimThread::start);
                runners.forEach(SimThread::join);
                print("parties", b.parties(), "waiting", b.nWaiting(), "broken", b.broken());
            }
        });
        assertThat(output(t)).containsExactly(
                "1.000 R1: R1 arrives",
                "2.000 R2: R2 arrives",
                "3.000 R3: R3 arrives",
                "3.000 R3: action on R3",
                "3.000 R3: R3 passes with index 2",
                "3.000 R1: R1 passes with index 0",
                "3.000 R2: R2 passes with index 1",
                "3.000 Main: parties 3 waiting 0 broken False");
        assertThat(transitions(t, "R1")).containsSubsequence("1.000 waiting barrier start line",
                "3.000 runnable woken by R3");
        assertThat(transitions(t, "R2")).containsSubsequence("2.000 waiting barrier start line",
                "3.000 runnable woken by R3");
        assertThat(transitions(t, "R3")).noneMatch(s -> s.contains("waiting barrier"));
    }

    @Test
    void theBarrierIsReadyForTheNextRound() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimBarrier b = barrier("rounds", 2);
                SimThread other = thread("Other", () -> {
                    for (int round = 1; round <= 2; round++) {
                        sleep(1);
                        b.await();
                    }
                });
                other.start();
                for (int round = 1; round <= 2; round++) {
                    b.await();
                    print("round", round, "done");
                }
                other.join();
            }
        });
        assertThat(output(t)).containsExactly("1.000 Main: round 1 done", "2.000 Main: round 2 done");
    }

    @Test
    void aTimeoutBreaksTheBarrierForEveryoneUntilReset() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimBarrier b = barrier("pair", 2, null, 0.5);
                SimThread lonely = thread("Lonely", () -> {
                    try {
                        b.await();
                    } catch (PyError e) {
                        print("broken", e.type());
                    }
                });
                lonely.start();
                lonely.join();
                try {
                    b.await();
                } catch (PyError e) {
                    print("still broken", b.broken());
                }
                b.reset();
                print(b.broken(), b.nWaiting(), b.parties());
            }
        });
        assertThat(output(t)).containsExactly(
                "0.500 Lonely: broken threading.BrokenBarrierError",
                "0.500 Main: still broken True",
                "0.500 Main: False 0 2");
        assertThat(transitions(t, "Lonely")).contains("0.000 waiting barrier pair", "0.500 runnable timeout");
    }

    @Test
    void abortAndResetWakeTheWaitersWithBrokenBarrierError() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimBarrier b = barrier("gate", 3);
                List<SimThread> waiting = new ArrayList<>();
                for (String name : List.of("A", "B")) {
                    waiting.add(thread(name, () -> {
                        try {
                            b.await();
                            print(name, "passed");
                        } catch (PyError e) {
                            print(name, e.type());
                        }
                    }));
                }
                waiting.forEach(SimThread::start);
                sleep(1);
                b.reset();
                waiting.forEach(SimThread::join);
            }
        });
        assertThat(output(t)).containsExactly("1.000 A: A threading.BrokenBarrierError",
                "1.000 B: B threading.BrokenBarrierError");
        assertThat(transitions(t, "A")).contains("1.000 runnable woken by Main");
    }
}
