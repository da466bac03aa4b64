package io.threadline.runtime;

import io.threadline.trace.ResourceKind;
import io.threadline.trace.ResourceState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.threadline.testing.TraceText.resource;
import static io.threadline.testing.TraceText.resourceNamed;
import static io.threadline.testing.TraceText.resources;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the runtime records of each resource: acquire, release, the wait list joined and left
 * (woken by whom, timed out, gone), items put and taken, flags, and each process's GIL.
 */
class ResourceRecordsTest {

    @Test
    void aLocksLaneHasItsHolderItsWaitersInOrderAndWhoWokeWhom() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimLock l = lock("L");
                List<SimThread> all = new ArrayList<>();
                for (String n : List.of("A", "B")) {
                    all.add(thread(n, () -> l.with(() -> sleep(1))));
                }
                l.acquire();
                all.forEach(SimThread::start);
                sleep(0.5);
                l.release();
                all.forEach(SimThread::join);
            }
        });
        assertThat(resource(t, "L")).containsExactly(
                "0.000 acquire Main",
                "0.000 wait A",
                "0.000 wait B",
                "0.500 release Main",
                "0.500 woken A by Main",
                "0.500 acquire A",
                "1.500 release A",
                "1.500 woken B by A",
                "1.500 acquire B",
                "2.500 release B");
        ResourceState at1 = t.resourceLane(resourceNamed(t, "L")).stateAt(1_000_000);
        assertThat(t.thread(at1.holder(0)).name()).isEqualTo("A");
        assertThat(at1.heldSince(0)).isEqualTo(500_000);
        assertThat(t.thread(at1.waiter(0)).name()).isEqualTo("B");
        assertThat(at1.waitingSince(0)).isZero();
    }

    @Test
    void theRecordedHolderAndWaitersAreThePrimitivesOwnAtEveryStep() {
        List<String> problems = new ArrayList<>();
        Runs.run(new Program() {
            private SimLock l;

            private void check(String where) {
                // runs while this thread has the baton: nothing moves meanwhile
                Scheduler s = Scheduler.current();
                s.lock.lock();
                try {
                    Trace tr = s.trace;
                    int id = l.resourceId();
                    ResourceState st = id < 0 ? null : tr.resourceLane(id).stateAfter(tr.resourceLane(id).size() - 1);
                    SimThread owner = l.owner();
                    List<SimThread> waiting = l.waiting();
                    boolean same = st == null ? owner == null && waiting.isEmpty()
                            : (owner == null ? st.holderCount() == 0 : st.holderCount() == 1 && st.holder(0) == owner.id)
                            && st.waiterCount() == waiting.size();
                    for (int i = 0; same && i < waiting.size(); i++) {
                        same = st.waiter(i) == waiting.get(i).id;
                    }
                    if (!same) {
                        problems.add(where + " at " + s.now);
                    }
                } finally {
                    s.lock.unlock();
                }
            }

            @Override
            protected void main() {
                l = lock("L");
                List<SimThread> all = new ArrayList<>();
                for (int k = 0; k < 5; k++) {
                    int id = k;
                    all.add(thread("T" + k, () -> {
                        for (int round = 0; round < 3; round++) {
                            check("T" + id + " before");
                            if (l.acquire(0.25 * (id + 1))) {
                                check("T" + id + " holding");
                                cpu(0.004 * (id + 1));
                                sleep(0.1);
                                l.release();
                            }
                            check("T" + id + " after");
                            sleep(0.05 * id);
                        }
                    }));
                }
                all.forEach(SimThread::start);
                all.forEach(SimThread::join);
                check("end");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void anRLocksDepthAndAConditionsLockGivenBackWhileItWaits() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimCondition c = condition("c");
                SimThread w = thread("W", () -> c.with(() -> c.with(() -> c.await())));
                w.start();
                sleep(1);
                c.with(c::notifyOne);
                w.join();
            }
        });
        assertThat(resources(t)).containsExactly("gil GIL of MainProcess", "rlock c lock", "condition c");
        assertThat(resource(t, "c lock")).containsExactly(
                "0.000 acquire W depth 1",
                "0.000 acquire W depth 2",
                "0.000 release W depth 0",
                "1.000 acquire Main depth 1",
                "1.000 release Main depth 0",
                "1.000 acquire W depth 2",
                "1.000 release W depth 1",
                "1.000 release W depth 0");
        assertThat(resource(t, "c")).containsExactly("0.000 wait W", "1.000 notify Main 1", "1.000 woken W by Main");
    }

    @Test
    void aSemaphoresHoldersAreItsPermitsInUseAndATimeoutLeavesTheWaitList() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimSemaphore s = boundedSemaphore("pool", 2);
                List<SimThread> all = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    all.add(thread("T" + i, () -> {
                        if (s.acquire(0.5)) {
                            sleep(1);
                            s.release();
                        }
                    }));
                }
                all.forEach(SimThread::start);
                all.forEach(SimThread::join);
            }
        });
        assertThat(resource(t, "pool")).containsExactly(
                "0.000 acquire T1", "0.000 acquire T2", "0.000 wait T3", "0.500 timeout T3",
                "1.000 release T1", "1.000 release T2");
        assertThat(t.resource(resourceNamed(t, "pool")).kind()).isEqualTo(ResourceKind.BOUNDED_SEMAPHORE);
        assertThat(t.resource(resourceNamed(t, "pool")).capacity()).isEqualTo(2);
        assertThat(t.resourceLane(resourceNamed(t, "pool")).stateAt(700_000).holderCount()).isEqualTo(2);
    }

    @Test
    void aQueuesItemsArePutAndTakenByNameAndItsWaitersSayWhatTheyWaitFor() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimQueue<String> q = queue("q", 1);
                SimThread taker = thread("Taker", () -> {
                    sleep(1);
                    q.get();
                    q.taskDone();
                    q.get();
                    q.taskDone();
                });
                taker.start();
                q.put("first");
                q.put(null);
                q.join();
                taker.join();
            }
        });
        assertThat(resource(t, "q")).containsExactly(
                "0.000 put Main 'first'",
                "0.000 wait Main to put",
                "1.000 get Taker #0",
                "1.000 woken Main by Taker",
                "1.000 wait Taker to get",
                "1.000 put Main 'None'",
                "1.000 woken Taker by Main",
                "1.000 wait Main to join",
                "1.000 get Taker #1",
                "1.000 woken Main by Taker");
        ResourceState at05 = t.resourceLane(resourceNamed(t, "q")).stateAt(500_000);
        assertThat(at05.itemCount()).isEqualTo(1);
        assertThat(t.string(at05.itemText(0))).isEqualTo("first");
        assertThat(t.thread(at05.itemPutter(0)).name()).isEqualTo("Main");
    }

    @Test
    void anEventsSetAndClear() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimEvent e = event("go");
                SimThread w = thread("W", e::await);
                w.start();
                sleep(1);
                e.set();
                w.join();
                e.clear();
            }
        });
        assertThat(resource(t, "go")).containsExactly(
                "0.000 wait W", "1.000 set Main", "1.000 woken W by Main", "1.000 clear Main");
    }

    @Test
    void theGilsLaneHasItsHolderWhoAsksAndEachForcedSwitch() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread a = thread("A", () -> cpu(0.008));
                SimThread b = thread("B", () -> cpu(0.004));
                a.start();
                b.start();
                a.join();
                b.join();
            }
        });
        List<String> gil = resource(t, "GIL of MainProcess");
        // A gets the GIL once Main waits for the start handshake; Main, woken by A's start, asks for
        // it and forces A to drop it at 5 ms; Main starts B and joins A: A, first in line, goes on
        assertThat(gil).containsExactly(
                "0.000 wait Main",
                "0.000 acquire Main",
                "0.000 wait A",
                "0.000 release Main",
                "0.000 acquire A",
                "0.000 wait Main",
                "0.005 forced A by Main",
                "0.005 release A",
                // the GIL is in transit to Main for the hand-over's cost: A asks for it first
                "0.005 wait A",
                "0.005 acquire Main",
                "0.005 wait B",
                "0.005 release Main",
                "0.005 acquire A",
                "0.008 release A",
                "0.008 acquire B",
                "0.008 wait Main",
                "0.012 release B",
                "0.012 acquire Main",
                "0.012 release Main");
        assertThat(t.resource(t.gilOf(0)).gilOff()).isFalse();
    }

    @Test
    void withTheGilOffItsLaneSaysSoAndHasNoEvents() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                cpu(0.01);
            }
        }, RunOptions.defaults().withGil(false));
        int gil = t.gilOf(0);
        assertThat(gil).isZero();
        assertThat(t.resource(gil).gilOff()).isTrue();
        assertThat(t.resourceLane(gil).size()).isZero();
    }

    @Test
    void aResourceWithoutANameIsNamedAfterItsKindAndANumberAndOneNeverUsedHasNoLane() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                lock(null);
                SimLock a = lock(null);
                SimLock b = lock("");
                b.acquire();
                a.acquire();
                b.release();
            }
        });
        assertThat(resources(t)).containsExactly("gil GIL of MainProcess", "lock Lock 1", "lock Lock 2");
        assertThat(resource(t, "Lock 2")).containsExactly("0.000 acquire Main");
    }

    @Test
    void aDeadlocksStuckWaitersStayOnTheirListsToTheEnd() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimLock a = lock("A");
                SimLock b = lock("B");
                SimThread one = thread("One", () -> a.with(() -> {
                    sleep(0.1);
                    b.with(() -> { });
                }));
                one.start();
                b.with(() -> {
                    sleep(0.1);
                    a.with(() -> { });
                });
            }
        });
        assertThat(resource(t, "A")).containsExactly("0.000 acquire One", "0.100 wait Main");
        assertThat(resource(t, "B")).containsExactly("0.000 acquire Main", "0.100 wait One");
        // as on their thread lanes, the run ends with them still waiting
        assertThat(t.resourceLane(resourceNamed(t, "A")).stateAt(t.endTime()).waiterCount()).isEqualTo(1);
    }
}
