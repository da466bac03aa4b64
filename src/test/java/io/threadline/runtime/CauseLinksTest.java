package io.threadline.runtime;

import io.threadline.trace.CauseKind;
import io.threadline.trace.CauseLink;
import io.threadline.trace.CauseLinks;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of cause arrow, found from the trace: who made whom change state, and how. */
class CauseLinksTest {

    private static List<String> arrows(Trace t) {
        return CauseLinks.in(t, 0, Long.MAX_VALUE, -1, Integer.MAX_VALUE).stream()
                .map(l -> String.format("%.3f %s -%s-> %s", l.time() / 1e6, t.thread(l.from()).name(),
                        l.kind().label(), t.thread(l.to()).name()))
                .collect(Collectors.toList());
    }

    @Test
    void startJoinAndDaemonKill() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimThread w = thread("W", () -> sleep(1));
                thread("D", () -> sleep(10), true).start();
                w.start();
                w.join();
            }
        });
        assertThat(arrows(t)).contains(
                "0.000 Main -created-> W",
                "0.000 Main -start-> W",
                "0.000 W -started-> Main",
                "1.000 W -join ended-> Main",
                "1.000 Main -killed at exit-> D");
    }

    @Test
    void aSignalledProcessAndTheWaitsOfBarriersPipesAndTasksHaveArrowsOfTheirOwn() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimProcess p = process(me -> sleep(10));
                p.start();
                sleep(1);
                p.terminate();
                SimBarrier b = barrier("b", 2);
                thread("B", b::await).start();
                sleep(1);
                b.await();
                SimPipe pipe = pipe("pipe");
                thread("R", () -> pipe.second().recv()).start();
                sleep(1);
                pipe.first().send(1);
                asyncio.run(() -> {
                    SimTask<Object> k = asyncio.createTask("K", () -> {
                        asyncio.sleep(1);
                        return null;
                    });
                    return await(k);
                });
            }
        });
        assertThat(arrows(t)).contains(
                "1.000 Main -terminated-> Process-1",
                "2.000 Main -all arrived-> B",
                "3.000 Main -sent-> R",
                "4.000 K -done-> Task-1");
    }

    @Test
    void queueArrows() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimQueue<Integer> q = queue("q", 1);
                SimThread c = thread("C", () -> {
                    q.get();
                    sleep(1);
                    q.get();
                    q.get();
                    for (int i = 0; i < 3; i++) {
                        q.taskDone();
                    }
                });
                c.start();
                q.put(1);
                q.put(2);
                q.put(3);
                q.join();
            }
        });
        assertThat(arrows(t)).contains(
                "0.000 Main -put-> C",      // the put released C's get
                "1.000 C -get-> Main",      // C's get released Main's put (the queue was full)
                "1.000 C -task_done-> Main");
    }

    @Test
    void resultLockSemaphoreEventAndNotifyArrows() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                ProcessPool pool = pool(1);
                pool.applyAsync(x -> {
                    sleep(1);
                    return x;
                }, 1).get();
                pool.close();
                pool.join();

                SimLock l = lock("L");
                SimSemaphore s = semaphore("S", 0);
                SimEvent e = event("E");
                SimCondition c = condition("C");
                SimThread a = thread("A", () -> {
                    l.with(() -> { });
                    s.acquire();
                    e.await();
                    c.with(c::await);
                });
                l.acquire();
                a.start();
                sleep(1);
                l.release();
                sleep(1);
                s.release();
                sleep(1);
                e.set();
                sleep(1);
                c.with(c::notifyOne);
                a.join();
            }
        });
        assertThat(arrows(t)).contains(
                "1.000 ForkPoolWorker-1 -result-> Main",
                "2.000 Main -release-> A",
                "3.000 Main -release-> A",
                "4.000 Main -set-> A",
                "5.000 Main -notify-> A");
    }

    @Test
    void oneThreadsArrowsAndThinning() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimQueue<Integer> q = queue("q", 0);
                SimThread c = thread("C", () -> {
                    for (int i = 0; i < 5; i++) {
                        q.get();
                    }
                });
                c.start();
                for (int i = 0; i < 5; i++) {
                    sleep(1);
                    q.put(i);
                }
                c.join();
            }
        });
        int c = t.threadNamed("C");
        List<CauseLink> all = CauseLinks.in(t, 0, Long.MAX_VALUE, c, Integer.MAX_VALUE);
        assertThat(all).extracting(CauseLink::kind).filteredOn(k -> k == CauseKind.PUT).hasSize(5);
        assertThat(CauseLinks.in(t, 2_000_000, 3_000_000, c, 100))
                .extracting(CauseLink::time).filteredOn(x -> x > 0).containsOnly(2_000_000L, 3_000_000L);
        assertThat(CauseLinks.in(t, 0, Long.MAX_VALUE, c, 2)).hasSizeLessThanOrEqualTo(2 * t.threadCount());
    }
}
