package io.threadline.ui;

import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Program;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.runtime.SimThread;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.scenario.ParamValues;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Big runs followed live: the window keeps answering (every JavaFX round trip, measured from
 * another thread all along the run, stays short) and shows the whole run at the end. The
 * event count defaults to a size every build can afford; the README's load command sets
 * {@code -Dthreadline.load.events=1000000}.
 */
class LoadWindowTest extends FxTestBase {
    static final int EVENTS = Integer.getInteger("threadline.load.events", 200_000);
    /**
     * A window this slow to answer feels frozen. Generous: the round trip includes the OS
     * scheduling the pinging thread while the run's threads keep both cores of a shared 2-core
     * machine busy (sampling showed the JavaFX thread itself idle most of the time).
     */
    static final long SLOWEST_ALLOWED_MILLIS = 1_000;

    /** {@code n} threads started together, each sleeping, computing and printing once. */
    static final class ManyThreads extends Program {
        private final int n;

        ManyThreads(int n) {
            this.n = n;
        }

        @Override
        protected void main() {
            List<SimThread> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                SimThread t = thread("Worker-" + id, () -> {
                    sleep(0.001 * (id % 50));
                    cpu(0.002);
                    print("worker " + id + " done");
                });
                all.add(t);
                t.start();
            }
            for (SimThread t : all) {
                t.join();
            }
            print("all " + n + " done");
        }
    }

    /** Pings the JavaFX thread from outside until stopped; the slowest answer is what a user feels. */
    private final class Pinger implements AutoCloseable {
        private final AtomicBoolean on = new AtomicBoolean(true);
        private final AtomicLong slowest = new AtomicLong();
        private final Thread thread = new Thread(() -> {
            while (on.get()) {
                long t0 = System.nanoTime();
                fx(() -> null);
                slowest.accumulateAndGet(System.nanoTime() - t0, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-pinger");

        Pinger() {
            thread.start();
        }

        long slowestMillis() {
            return slowest.get() / 1_000_000;
        }

        @Override
        public void close() throws InterruptedException {
            on.set(false);
            thread.join();
        }
    }

    private Trace followToEnd(Run r, String what) throws Exception {
        long start = System.nanoTime();
        long slowest;
        try (Pinger pinger = new Pinger()) {
            fx(() -> c.follow(r));
            waitUntil(what + " ended", () -> r.isFinished() && !c.playback().isRunning(), 120);
            slowest = pinger.slowestMillis();
        }
        Trace t = r.trace();
        System.out.printf("load: %s: %d threads, %d events, %d output lines, %.1f s wall, slowest JavaFX round trip"
                        + " %d ms, heap after GC %d MB%n", what, t.threadCount(), t.eventCount(), t.outputCount(),
                (System.nanoTime() - start) / 1e9, slowest, heapAfterGcMb());
        assertThat(slowest).as("slowest JavaFX round trip during %s, ms", what).isLessThan(SLOWEST_ALLOWED_MILLIS);
        return t;
    }

    @Test
    void aThousandThreadsRunToTheEndAndTheWindowKeepsAnswering() throws Exception {
        Run r = Run.start(new ManyThreads(1_000), "Main", RunOptions.defaults(), "many-threads", Map.of());

        Trace t = followToEnd(r, "1,000 threads");

        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(t.threadCount()).isEqualTo(1_001);
        waitUntil("every line shown", () -> c.output().lines().size() == 1_001);
        assertThat(fx(() -> c.playback().getPlayhead())).isEqualTo(t.endTime());
    }

    @Test
    void aRunOfManyEventsRunsToTheEndAndTheWindowKeepsAnswering() throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId("producer-consumer");
        // Six state changes an item: a microsecond of computation each to make and to consume it, a queue of
        // one, and the GIL: producer and consumer hand it over every item (waiting, woken, running).
        ParamValues values = spec.values(Map.of("items", Integer.toString(EVENTS / 6 + 1), "make", "0.000001",
                "consume", "0.000001", "capacity", "1", "producers", "1", "consumers", "1"));
        Run r = spec.start(values, spec.options(values, ClockMode.VIRTUAL, 1));

        Trace t = followToEnd(r, EVENTS + " events");

        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(t.eventCount()).isGreaterThanOrEqualTo(EVENTS);
        waitUntil("every line shown", () -> c.output().lines().size() == t.outputCount());
        long t0 = System.nanoTime();
        fx(() -> {
            c.stepBack();
            c.stepBack();
            c.replay();
            c.stepForward();
        });
        // A guard against work that grows with the trace (a rescan per step takes seconds here), not a
        // speed figure: the tests run in two JVMs at once and a loaded machine took 567 ms.
        assertThat((System.nanoTime() - t0) / 1_000_000).as("stepping through the big trace, ms").isLessThan(2_000);
    }

    private void waitUntil(String what, java.util.function.BooleanSupplier condition, long seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static long heapAfterGcMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
