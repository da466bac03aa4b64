package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Thread start, join, sleep, is_alive, exceptions and daemons: every transition, reason and cause. */
class ThreadLifecycleTest {

    @Test
    void startReturnsOnlyOnceTheNewThreadHasBegun() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread a = thread("A", () -> print("A runs"));
                print("before start");
                a.start();
                print("after start");
            }
        });
        assertThat(transitions(t, "A")).containsExactly(
                "0.000 new created by Main",
                "0.000 runnable started by Main",
                "0.000 running scheduled",
                "0.000 dead returned");
        assertThat(transitions(t, "Main")).containsExactly(
                "0.000 new created",
                "0.000 runnable started",
                "0.000 running scheduled",
                "0.000 waiting start-handshake A",
                "0.000 runnable woken by A",
                "0.000 running scheduled",
                "0.000 dead returned");
        // With the GIL, the new thread runs until it blocks before the starter gets it back.
        assertThat(output(t)).containsExactly(
                "0.000 Main: before start", "0.000 A: A runs", "0.000 Main: after start");
    }

    @Test
    void sleepWaitsExactlyItsDurationThenWaitsForTheCore() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                sleep(1.25);
                print("woke");
            }
        });
        assertThat(transitions(t, "Main")).containsSubsequence(
                "0.000 waiting sleep 1.25 s", "1.250 runnable timer", "1.250 running scheduled", "1.250 dead returned");
        assertThat(output(t)).containsExactly("1.250 Main: woke");
        assertThat(t.endTime()).isEqualTo(1_250_000);
    }

    @Test
    void joinWaitsUntilTheJoinedThreadDiesAndNamesItAsCause() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread w = thread("Worker", () -> sleep(2));
                w.start();
                w.join();
                print("joined");
            }
        });
        assertThat(transitions(t, "Main")).containsSubsequence(
                "0.000 waiting join Worker", "2.000 runnable woken by Worker", "2.000 running scheduled");
        assertThat(transitions(t, "Worker")).endsWith("2.000 dead returned");
        assertThat(output(t)).containsExactly("2.000 Main: joined");
    }

    @Test
    void joinWithTimeoutEndsAtTheTimeout() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread w = thread("Worker", () -> sleep(5));
                w.start();
                w.join(1.5);
                print("alive after timeout: " + w.isAlive());
                w.join();
            }
        });
        assertThat(transitions(t, "Main")).containsSubsequence(
                "0.000 waiting join Worker", "1.500 runnable timeout", "1.500 running scheduled",
                "1.500 waiting join Worker", "5.000 runnable woken by Worker");
        assertThat(output(t)).containsExactly("1.500 Main: alive after timeout: true");
    }

    @Test
    void joiningADeadThreadDoesNotWait() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread w = thread("Quick", () -> { });
                w.start();
                sleep(1);
                w.join();
                print("done");
            }
        });
        assertThat(transitions(t, "Main")).noneMatch(s -> s.contains("join"));
        assertThat(output(t)).containsExactly("1.000 Main: done");
    }

    @Test
    void isAliveFollowsStartAndDeath() {
        List<Boolean> seen = new ArrayList<>();
        Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread w = thread("W", () -> sleep(1));
                seen.add(w.isAlive());
                w.start();
                seen.add(w.isAlive());
                w.join();
                seen.add(w.isAlive());
            }
        });
        assertThat(seen).containsExactly(false, true, false);
    }

    @Test
    void anExceptionKillsOnlyItsThreadAndIsReported() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread bad = thread("Bad", () -> {
                    sleep(1);
                    throw new PyError("ValueError", "bad sausage");
                });
                bad.start();
                sleep(2);
                print("main goes on");
            }
        });
        assertThat(transitions(t, "Bad")).endsWith("1.000 dead raised ValueError: bad sausage");
        assertThat(output(t)).containsExactly(
                "1.000 Bad: Exception in thread Bad:",
                "1.000 Bad: Traceback (most recent call last):",
                "1.000 Bad:   File \"ThreadLifecycleTest.java\", line 139, in <lambda>",
                "1.000 Bad: ValueError: bad sausage",
                "2.000 Main: main goes on");
        assertThat(t.output().get(0).error()).isTrue();
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void pythonErrorsForMisuseOfThreads() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread w = thread("W", () -> { });
                try {
                    w.join();
                } catch (PyError e) {
                    print(e.toString());
                }
                w.start();
                try {
                    w.start();
                } catch (PyError e) {
                    print(e.toString());
                }
                try {
                    w.setDaemon(true);
                } catch (PyError e) {
                    print(e.toString());
                }
                try {
                    currentThread().join();
                } catch (PyError e) {
                    print(e.toString());
                }
                try {
                    sleep(-1);
                } catch (PyError e) {
                    print(e.type());
                }
            }
        });
        assertThat(t.output()).extracting(o -> o.text()).containsExactly(
                "RuntimeError: cannot join thread before it is started",
                "RuntimeError: threads can only be started once",
                "RuntimeError: cannot set daemon status of active thread",
                "RuntimeError: cannot join current thread",
                "ValueError");
    }

    @Test
    void daemonsAreKilledWhenTheLastNonDaemonEndsWithThatThreadAsCause() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                thread("Daemon", () -> {
                    while (true) {
                        sleep(1);
                    }
                }, true).start();
                SimThread other = thread("Other", () -> sleep(2.5));
                other.start();
                sleep(0.5);
            }
        });
        assertThat(transitions(t, "Main")).endsWith("0.500 dead returned");
        assertThat(transitions(t, "Daemon")).endsWith(
                "2.000 waiting sleep 1 s",
                "2.500 dead killed cut off at exit: the last non-daemon thread ended by Other");
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(t.endTime()).isEqualTo(2_500_000);
    }

    @Test
    void daemonFlagIsInheritedFromTheCreatorAsInPython() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                thread("D", () -> {
                    new SimThread("Child", () -> sleep(10)).start();
                    sleep(10);
                }, true).start();
                sleep(1);
            }
        });
        assertThat(t.thread(t.threadNamed("Child")).daemon()).isTrue();
        assertThat(transitions(t, "Child")).last().asString().startsWith("1.000 dead killed");
    }

    @Test
    void aProgramThatNeverEndsIsStoppedAtTheTimeLimitNamingTheThreadsAlive() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                thread("Forever", () -> {
                    while (true) {
                        sleep(1);
                    }
                }).start();
            }
        }, RunOptions.defaults().withTimeLimit(5_000_000));
        assertThat(t.outcome()).isEqualTo(RunOutcome.TIME_LIMIT);
        assertThat(t.outcomeMessage()).isEqualTo(
                "stopped at the time limit of 5 s: non-daemon threads still alive: Forever");
        assertThat(t.endTime()).isEqualTo(5_000_000);
        assertThat(transitions(t, "Forever")).last().asString().isEqualTo("5.000 dead killed time limit");
    }

    @Test
    void aDeadlockIsDetectedAndNamedInsteadOfHanging() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread[] pair = new SimThread[2];
                pair[0] = thread("A", () -> {
                    sleep(0.1);
                    pair[1].join();
                });
                pair[1] = thread("B", () -> {
                    sleep(0.2);
                    pair[0].join();
                });
                pair[0].start();
                pair[1].start();
                pair[0].join();
            }
        });
        assertThat(t.outcome()).isEqualTo(RunOutcome.DEADLOCK);
        assertThat(t.outcomeMessage()).isEqualTo("deadlock at 0.2 s: A waits for B to end (join), "
                + "B waits for A to end (join); a real program would hang from there (Threadline stopped it at 0.7 s)");
        // Detected at 0.2 s, shown for 0.5 s, then stopped; nobody is killed.
        assertThat(t.endTime()).isEqualTo(700_000);
        assertThat(t.lastChange()).isEqualTo(200_000);
        assertThat(transitions(t, "Main")).last().asString().isEqualTo("0.000 waiting join A");
        assertThat(transitions(t, "A")).last().asString().isEqualTo("0.100 waiting join B");
        assertThat(transitions(t, "B")).last().asString().isEqualTo("0.200 waiting join A");
    }

    @Test
    void sleepZeroYieldsTheGilToAReadyThread() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread other = thread("Other", () -> {
                    print("other 1");
                    sleep(0);
                    print("other 2");
                });
                other.start();
                print("main 1");
                sleep(0);
                print("main 2");
            }
        });
        assertThat(transitions(t, "Other")).contains("0.000 runnable yielded");
        assertThat(transitions(t, "Main")).contains("0.000 runnable yielded");
        assertThat(t.output()).extracting(o -> o.text()).containsExactly("other 1", "main 1", "other 2", "main 2");
    }

    @Test
    void callsFromOutsideAScenarioThreadAreRefused() {
        assertThatThrownBy(() -> new SimThread("x", () -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scenario thread");
    }

    @Test
    void everyThreadIsCoveredFromCreationToDeathWithStatesInOrder() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread w = thread("W", () -> sleep(1));
                sleep(0.5);
                w.start();
                w.join();
            }
        });
        int w = t.threadNamed("W");
        assertThat(t.stateAt(w, 0)).isEqualTo(ThreadState.NEW);
        assertThat(t.stateAt(w, 400_000)).isEqualTo(ThreadState.NEW);
        assertThat(t.stateAt(w, 700_000)).isEqualTo(ThreadState.WAITING);
        assertThat(t.stateAt(w, 1_500_000)).isEqualTo(ThreadState.DEAD);
        assertThat(t.lane(w).reason(t.lane(w).size() - 1)).isEqualTo(Reason.RETURNED);
    }

    @Test
    void anExceptionInTheMainThreadPrintsItsTracebackAndTheProgramStillWaitsForItsThreadsThenExitsWithOne() {
        // CPython (mainraise.py): the traceback at 0 s, "worker done" at 1 s, exit status 1.
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                thread("Worker", () -> {
                    sleep(1);
                    print("worker done");
                }).start();
                throw new PyError("ValueError", "boom");
            }
        });
        assertThat(output(t)).containsExactly(
                "0.000 Main: Traceback (most recent call last):",
                "0.000 Main:   File \"ThreadLifecycleTest.java\", line 344, in main",
                "0.000 Main: ValueError: boom",
                "1.000 Worker: worker done");
        assertThat(t.output().get(0).error()).isTrue();
        assertThat(t.outcome()).isEqualTo(RunOutcome.RAISED);
        assertThat(t.exitStatus()).isEqualTo(1);
        assertThat(t.endTime()).isEqualTo(1_000_000);
        assertThat(transitions(t, "Main")).last().asString().isEqualTo("0.000 dead raised ValueError: boom");
    }

    @Test
    void sysExitEndsTheMainThreadWithoutATracebackAndItsCodeIsTheExitStatus() {
        Trace three = Runs.run(new Program() {
            @Override
            protected void main() {
                print("leaving");
                exit(3);
            }
        });
        assertThat(output(three)).containsExactly("0.000 Main: leaving");
        assertThat(three.outcome()).isEqualTo(RunOutcome.RAISED);
        assertThat(three.exitStatus()).isEqualTo(3);
        assertThat(three.outcomeMessage()).isEqualTo("Main called sys.exit(3); the program exited with status 3");

        Trace zero = Runs.run(new Program() {
            @Override
            protected void main() {
                exit(0);
            }
        });
        assertThat(zero.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(zero.exitStatus()).isZero();
    }

    /** A, B and C sleep 1 s, started in that order, and print their names. */
    private static Program threeWakers() {
        return new Program() {
            @Override
            protected void main() {
                for (String name : List.of("A", "B", "C")) {
                    thread(name, () -> {
                        sleep(1);
                        print(currentThread().getName());
                    }).start();
                }
            }
        };
    }

    @Test
    void threadsWakingTogetherUnderOneGilAreOrderedBySeedNotByWhenTheirTimersWereSet() {
        java.util.Set<String> firsts = new java.util.HashSet<>();
        for (long seed = 0; seed < 8; seed++) {
            Trace t = Runs.run(threeWakers(), RunOptions.defaults().withOrder(SchedulingOrder.RANDOM).withSeed(seed));
            firsts.add(t.output().get(0).text());
        }
        assertThat(firsts).hasSizeGreaterThan(1);
        // FIFO keeps timer order.
        assertThat(output(Runs.run(threeWakers()))).containsExactly("1.000 A: A", "1.000 B: B", "1.000 C: C");
    }
}
