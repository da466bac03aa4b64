package io.threadline.runtime;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** CPU work is modelled time on a core; the GIL lets one thread per process run; the switch interval. */
class CpuAndGilTest {
    /** The scheduling alone, without the cost of a hand-over (tested on its own below). */
    private static final RunOptions FREE_SWITCHES = RunOptions.defaults().withSwitchCost(0);

    /** Main starts two threads that each compute 20 ms, and joins them. */
    private static Program twoCruncher() {
        return new Program() {
            @Override
            protected void main() {
                SimThread a = thread("A", () -> cpu(0.020));
                SimThread b = thread("B", () -> cpu(0.020));
                a.start();
                b.start();
                a.join();
                b.join();
            }
        };
    }

    @Test
    void withTheGilTwoComputingThreadsTakeTurnsAndTakeTwiceAsLong() {
        Trace t = Runs.run(twoCruncher(), FREE_SWITCHES);
        assertThat(t.endTime()).isEqualTo(40_000);
        assertThat(maxRunningAtOnce(t)).isEqualTo(1);
        assertThat(count(t, "A", "runnable preempted") + count(t, "B", "runnable preempted")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void preemptionHappensAfterTheSwitchInterval() {
        Trace t = Runs.run(twoCruncher(), FREE_SWITCHES);
        // A computes from 0 and is asked to give up the GIL once 5 ms have passed.
        assertThat(transitions(t, "A")).contains("0.005 runnable preempted");
        Trace slow = Runs.run(twoCruncher(), FREE_SWITCHES.withSwitchInterval(10_000));
        assertThat(transitions(slow, "A")).contains("0.010 runnable preempted").doesNotContain("0.005 runnable preempted");
        assertThat(slow.endTime()).isEqualTo(40_000);
    }

    @Test
    void withoutTheGilTheyRunInParallelOnTwoCores() {
        Trace t = Runs.run(twoCruncher(), RunOptions.defaults().withGil(false));
        assertThat(t.endTime()).isEqualTo(20_000);
        assertThat(maxRunningAtOnce(t)).isEqualTo(2);
        assertThat(count(t, "A", "preempted") + count(t, "B", "preempted")).isZero();
    }

    @Test
    void withoutTheGilOnOneCoreTheyShareTheCore() {
        Trace t = Runs.run(twoCruncher(), RunOptions.defaults().withGil(false).withCores(1));
        assertThat(t.endTime()).isEqualTo(40_000);
        assertThat(maxRunningAtOnce(t)).isEqualTo(1);
    }

    @Test
    void aLoneComputingThreadIsNeverPreempted() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                cpu(0.1);
                print("done");
            }
        });
        assertThat(transitions(t, "Main")).containsExactly(
                "0.000 new created", "0.000 runnable started", "0.000 running scheduled", "0.100 dead returned");
        assertThat(t.output().get(0).time()).isEqualTo(100_000);
    }

    @Test
    void processesEachHaveTheirOwnGil() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                ProcessPool pool = pool(4);
                List<Integer> r = pool.map(x -> {
                    cpu(1);
                    return x;
                }, List.of(1, 2, 3, 4));
                print(r);
                pool.close();
                pool.join();
            }
        });
        // Four processes on four cores compute side by side, GIL or not.
        assertThat(t.output().get(0).time()).isEqualTo(1_000_000);
        assertThat(t.output().get(0).text()).isEqualTo("[1, 2, 3, 4]");
        assertThat(maxRunningAtOnce(t)).isEqualTo(4);
    }

    @Test
    void moreComputingProcessesThanCoresQueueForCores() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                ProcessPool pool = pool(4);
                pool.map(x -> {
                    cpu(1);
                    return x;
                }, List.of(1, 2, 3, 4));
                pool.close();
                pool.join();
            }
        }, RunOptions.defaults().withCores(2));
        assertThat(t.endTime()).isEqualTo(2_000_000);
        assertThat(maxRunningAtOnce(t)).isEqualTo(2);
    }

    @Test
    void shortCpuCallsShareOneSwitchIntervalSoAWaitingThreadGetsTheGilAfterFiveMs() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread a = thread("A", () -> {
                    for (int i = 0; i < 10; i++) {
                        cpu(0.004);
                    }
                });
                a.start();
                print("main got the GIL");
                a.join();
            }
        }, FREE_SWITCHES);
        // A began computing at 0; Main has waited for the GIL since then and gets it at 5 ms.
        assertThat(t.output().get(0).time()).isEqualTo(5_000);
        assertThat(transitions(t, "A")).contains("0.005 runnable preempted");
    }

    @Test
    void aPreemptedThreadDoesNotTakeTheGilStraightBackWhateverTheOrder() {
        for (long seed = 0; seed < 6; seed++) {
            Trace t = Runs.run(twoCruncher(), FREE_SWITCHES.withOrder(SchedulingOrder.RANDOM).withSeed(seed));
            for (String name : List.of("A", "B")) {
                for (String step : transitions(t, name)) {
                    if (step.endsWith("runnable preempted")) {
                        // Giving way means another thread gets the GIL at that instant.
                        String time = step.substring(0, 5);
                        boolean someoneElse = List.of("Main", "A", "B").stream()
                                .filter(other -> !other.equals(name))
                                .anyMatch(other -> transitions(t, other).contains(time + " running scheduled"));
                        assertThat(someoneElse).as("seed %d: someone else runs when %s gives way at %s", seed, name, time)
                                .isTrue();
                    }
                }
            }
            assertThat(t.endTime()).isEqualTo(40_000);
        }
    }

    @Test
    void eachForcedHandOverOfTheGilCostsTheSwitchCostSoComputingThreadsAreSlowerThanSerial() {
        // 40 ms of work in 5 ms intervals, six of them ending in a forced switch to a thread that
        // waits for the GIL (Main once, then A and B in turn): six hand-overs of 20 µs each.
        Trace t = Runs.run(twoCruncher(), RunOptions.defaults().withSwitchCost(20));
        assertThat(t.endTime()).isEqualTo(40_000 + 6 * 20);
        // A gives way at 5 ms; Main, waiting for the GIL, stays runnable while it is handed over.
        assertThat(transitions(t, "A")).contains("0.005 runnable preempted");
        LaneColumns main = t.lane(t.threadNamed("Main"));
        assertThat(main.state(5)).isEqualTo(ThreadState.RUNNING);
        assertThat(main.time(5)).isEqualTo(5_020);
        assertThat(t.stateAt(t.threadNamed("Main"), 5_010)).isEqualTo(ThreadState.RUNNABLE);
        assertThat(maxRunningAtOnce(t)).isEqualTo(1);

        Trace costly = Runs.run(twoCruncher(), RunOptions.defaults().withSwitchCost(1_000));
        assertThat(costly.endTime()).isEqualTo(40_000 + 6 * 1_000);
    }

    @Test
    void aThreadThatBlocksHandsTheGilOverForFreeAndSoDoesAThreadWithoutContention() {
        // Giving the GIL up by blocking (sleep, I/O) is not a forced switch: no cost.
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread a = thread("A", () -> {
                    cpu(0.003);
                    sleep(0.001);
                    cpu(0.003);
                });
                SimThread b = thread("B", () -> cpu(0.003));
                a.start();
                b.start();
                a.join();
                b.join();
            }
        }, RunOptions.defaults().withSwitchCost(1_000));
        assertThat(t.endTime()).isEqualTo(9_000);
        Trace alone = Runs.run(new Program() {
            @Override
            protected void main() {
                cpu(0.040);
            }
        }, RunOptions.defaults().withSwitchCost(1_000));
        assertThat(alone.endTime()).isEqualTo(40_000);
        // Without the GIL there is no GIL to hand over.
        Trace noGil = Runs.run(twoCruncher(), RunOptions.defaults().withGil(false).withCores(1).withSwitchCost(1_000));
        assertThat(noGil.endTime()).isEqualTo(40_000);
    }

    /** The largest number of threads RUNNING at the same instant (zero-length spans ignored). */
    static int maxRunningAtOnce(Trace t) {
        TreeSet<Long> times = new TreeSet<>();
        for (int th = 0; th < t.threadCount(); th++) {
            LaneColumns l = t.lane(th);
            for (int i = 0; i < l.size(); i++) {
                times.add(l.time(i));
            }
        }
        int max = 0;
        Long prev = null;
        for (long time : times) {
            if (prev != null) {
                long mid = (prev + time) / 2;
                int n = 0;
                for (int th = 0; th < t.threadCount(); th++) {
                    if (t.stateAt(th, mid) == ThreadState.RUNNING) {
                        n++;
                    }
                }
                max = Math.max(max, n);
            }
            prev = time;
        }
        return max;
    }

    private static long count(Trace t, String thread, String fragment) {
        return transitions(t, thread).stream().filter(s -> s.contains(fragment)).count();
    }
}
