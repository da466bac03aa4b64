package io.threadline.runtime;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** Lock, RLock, Semaphore, BoundedSemaphore, Event and Condition, with Python's semantics. */
class SyncPrimitivesTest {

    @Test
    void aHeldLockMakesOthersWaitUntilTheHolderReleasesIt() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimLock l = lock("L");
                SimThread other = thread("Other", () -> l.with(() -> print("Other has it")));
                l.acquire();
                other.start();
                sleep(1);
                l.release();
                other.join();
            }
        });
        assertThat(transitions(t, "Other")).containsSubsequence(
                "0.000 waiting lock L", "1.000 runnable woken by Main");
        assertThat(output(t)).containsExactly("1.000 Other: Other has it");
    }

    @Test
    void lockMisuseRaisesAsInPython() {
        List<String> seen = new ArrayList<>();
        Runs.run(new Program() {
            @Override
            protected void main() {
                SimLock l = lock("L");
                try {
                    l.release();
                } catch (PyError e) {
                    seen.add(e.toString());
                }
                l.acquire();
                seen.add("try again: " + l.tryAcquire());
                seen.add("timed: " + l.acquire(0.5) + " at " + now());
                SimLock r = rlock("R");
                try {
                    r.release();
                } catch (PyError e) {
                    seen.add(e.toString());
                }
            }
        });
        assertThat(seen).containsExactly("RuntimeError: release unlocked lock", "try again: false",
                "timed: false at 0.5", "RuntimeError: cannot release un-acquired lock");
    }

    @Test
    void anRLockCanBeTakenAgainByItsOwnerButAPlainLockDeadlocks() {
        Trace ok = Runs.run(new Program() {
            @Override
            protected void main() {
                SimLock r = rlock("R");
                r.acquire();
                r.acquire();
                r.release();
                print("still locked: " + r.locked());
                r.release();
                print("still locked: " + r.locked());
            }
        });
        assertThat(ok.output()).extracting(o -> o.text()).containsExactly("still locked: true", "still locked: false");

        Trace stuck = Runs.run(new Program() {
            @Override
            protected void main() {
                SimLock l = lock("L");
                l.acquire();
                l.acquire();
            }
        });
        assertThat(stuck.outcome()).isEqualTo(RunOutcome.DEADLOCK);
        assertThat(stuck.outcomeMessage()).isEqualTo("deadlock at 0 s: Main waits for lock L held by Main; "
                + "a real program would hang from there (Threadline stopped it at 0.5 s)");
    }

    @Test
    void twoLocksTakenInOppositeOrderDeadlockAndTheCycleIsNamed() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimLock a = lock("A");
                SimLock b = lock("B");
                SimThread one = thread("One", () -> a.with(() -> {
                    sleep(0.1);
                    b.with(() -> { });
                }));
                SimThread two = thread("Two", () -> b.with(() -> {
                    sleep(0.1);
                    a.with(() -> { });
                }));
                one.start();
                two.start();
                one.join();
                two.join();
            }
        });
        assertThat(t.outcome()).isEqualTo(RunOutcome.DEADLOCK);
        assertThat(t.outcomeMessage()).isEqualTo(
                "deadlock at 0.1 s: One waits for lock B held by Two, Two waits for lock A held by One; "
                        + "a real program would hang from there (Threadline stopped it at 0.6 s)");
        // Detected at 0.1 s; the stuck waits stay on screen for 0.5 s before the run is stopped.
        assertThat(t.endTime()).isEqualTo(600_000);
        assertThat(t.lastChange()).isEqualTo(100_000);
        // Nobody is killed: the threads are still waiting when the run is stopped, as a hung program's are.
        assertThat(transitions(t, "One")).last().asString().isEqualTo("0.100 waiting lock B");
        assertThat(transitions(t, "Two")).last().asString().isEqualTo("0.100 waiting lock A");
        assertThat(t.exitStatus()).isEqualTo(-1);
    }

    @Test
    void aSemaphoreLetsAtMostItsPermitsIn() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimSemaphore sem = boundedSemaphore("pool", 3);
                List<SimThread> all = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    all.add(thread("T" + i, () -> sem.with(() -> sleep(1))));
                }
                all.forEach(SimThread::start);
                all.forEach(SimThread::join);
            }
        });
        CounterTrack inUse = t.counters().get(0);
        assertThat(inUse.name()).isEqualTo("pool in use");
        assertThat(inUse.max()).isEqualTo(3);
        assertThat(t.endTime()).isEqualTo(3_000_000);
        assertThat(transitions(t, "T4")).containsSubsequence("0.000 waiting semaphore pool", "1.000 runnable woken by T1");
    }

    @Test
    void releasingABoundedSemaphoreTooOftenRaises() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimSemaphore plain = semaphore("plain", 1);
                plain.release();
                print("plain now " + plain.value());
                boundedSemaphore("bounded", 1).release();
            }
        });
        // As CPython prints it: the main thread's traceback has no "Exception in thread" header.
        assertThat(output(t)).containsExactly("0.000 Main: plain now 2",
                "0.000 Main: Traceback (most recent call last):",
                "0.000 Main:   File \"SyncPrimitivesTest.java\", line 156, in main",
                "0.000 Main: ValueError: Semaphore released too many times");
        assertThat(transitions(t, "Main")).last().asString()
                .isEqualTo("0.000 dead raised ValueError: Semaphore released too many times");
        assertThat(t.outcome()).isEqualTo(RunOutcome.RAISED);
        assertThat(t.exitStatus()).isEqualTo(1);
        assertThat(t.outcomeMessage())
                .isEqualTo("Main raised ValueError: Semaphore released too many times; the program exited with status 1");
    }

    @Test
    void anEventReleasesAllWaitersAndClearMakesThemWaitAgain() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimEvent go = event("go");
                List<SimThread> all = new ArrayList<>();
                for (int i = 1; i <= 2; i++) {
                    int id = i;
                    all.add(thread("W" + i, () -> {
                        go.await();
                        print("W" + id + " goes");
                    }));
                }
                all.forEach(SimThread::start);
                sleep(1);
                go.set();
                all.forEach(SimThread::join);
                go.clear();
                print("timed out wait returns " + go.await(0.5) + " at " + now());
            }
        });
        assertThat(output(t)).containsExactly("1.000 W1: W1 goes", "1.000 W2: W2 goes",
                "1.500 Main: timed out wait returns false at 1.5");
        assertThat(transitions(t, "W2")).containsSubsequence("0.000 waiting event go", "1.000 runnable woken by Main");
    }

    @Test
    void aConditionWaitReleasesTheLockAndTakesItBackAfterTheNotifier() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimCondition ready = condition("ready");
                List<Integer> box = new ArrayList<>();
                SimThread consumer = thread("Consumer", () -> ready.with(() -> {
                    ready.awaitFor(() -> !box.isEmpty());
                    print("got " + box.get(0));
                }));
                consumer.start();
                sleep(1);
                ready.with(() -> {
                    box.add(42);
                    ready.notifyOne();
                    sleep(0.5);   // still holding the lock: the consumer must wait for it
                });
                consumer.join();
            }
        });
        assertThat(transitions(t, "Consumer")).containsSubsequence(
                "0.000 waiting condition ready", "1.000 runnable woken by Main", "1.000 running scheduled",
                "1.000 waiting lock ready lock", "1.500 runnable woken by Main");
        assertThat(output(t)).containsExactly("1.500 Consumer: got 42");
    }

    @Test
    void waitingOnAConditionWithoutItsLockRaises() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                condition("c").await();
            }
        });
        assertThat(transitions(t, "Main")).last().asString()
                .isEqualTo("0.000 dead raised RuntimeError: cannot wait on un-acquired lock");
    }
}
