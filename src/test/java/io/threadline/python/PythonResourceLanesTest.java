package io.threadline.python;

import io.threadline.picture.ResourceLanes;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.testing.Instants;
import io.threadline.testing.TraceText;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ResourceInfo;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.ResourceSpans;
import io.threadline.trace.ResourceState;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.SpanSet;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.trace.WaitForGraph;
import io.threadline.runtime.ClockMode;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.ResourceColumns;
import io.threadline.trace.ResourceOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's own Python program gets resource lanes as the built-in scenarios do: its locks and
 * queues, named after the variables they are made into, with the holders, waiters and items the
 * runtime saw, and the wait-for graph finds the cycle of its deadlock when it closes (and none
 * in a program that does not deadlock).
 */
class PythonResourceLanesTest {
    /** Two threads take two locks in opposite orders, with a sleep between. */
    static final String DEADLOCK = program("two_locks.py");

    /** The same locks taken in one order: contended, never stuck. */
    static final String ORDERED = DEADLOCK.replace("    with lock_b:\n        time.sleep(0.1)\n        with lock_a:",
            "    with lock_a:\n        time.sleep(0.1)\n        with lock_b:");

    static final String QUEUE = """
            import queue
            import threading
            import time

            jobs = queue.Queue()


            def producer():
                for n in range(3):
                    jobs.put(f"job {n}")
                    time.sleep(0.1)
                jobs.put(None)


            def consumer():
                while True:
                    job = jobs.get()
                    if job is None:
                        break
                    print("did", job)


            threading.Thread(target=consumer, name="Consumer").start()
            threading.Thread(target=producer, name="Producer").start()
            """;

    /** A program of the tests' resources, as a user would paste it. */
    static String program(String name) {
        try (var in = PythonResourceLanesTest.class.getResourceAsStream("/io/threadline/python/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Trace run(String source) throws Exception {
        return run(RunOptions.defaults(), source);
    }

    static Trace run(RunOptions options, String source) throws Exception {
        Run run = UserProgram.of("mine.py", source).start(options, TestPython.settings());
        assertThat(run.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
        return run.trace();
    }

    @Test
    void theWaitForGraphFindsTheDeadlocksCycleWhenItClosesNamingBothThreadsAndBothLocks() throws Exception {
        Trace t = run(DEADLOCK);
        assertThat(t.outcome()).isEqualTo(RunOutcome.DEADLOCK);
        assertThat(TraceText.resources(t)).contains("lock lock_a", "lock lock_b");
        assertThat(TraceText.resource(t, "lock_a")).containsExactly("0.000 acquire One", "0.100 wait Two");
        assertThat(TraceText.resource(t, "lock_b")).containsExactly("0.000 acquire Two", "0.100 wait One");

        // the second wait closes it: 0.1 s of sleep and the lines since (a few µs of line cost)
        int a = TraceText.resourceNamed(t, "lock_a");
        int b = TraceText.resourceNamed(t, "lock_b");
        long closes = Math.max(t.resourceLane(a).time(1), t.resourceLane(b).time(1));
        assertThat(closes).isBetween(100_000L, 100_100L);
        assertThat(WaitForGraph.at(t, closes - 1).hasDeadlock()).as("before the second wait").isFalse();
        WaitForGraph g = WaitForGraph.at(t, closes);
        assertThat(g.hasDeadlock()).isTrue();
        assertThat(g.closedAt(t)).isEqualTo(closes);
        assertThat(g.cycle()).extracting(n -> WaitForGraph.name(t, n))
                .containsExactlyInAnyOrder("One", "Two", "lock_a", "lock_b");
        assertThat(g.describeCycle(t)).contains("One waits for lock_b, held by Two",
                "Two waits for lock_a, held by One");
        assertThat(WaitForGraph.shownAt(t, t.endTime()).hasDeadlock()).as("to the run's end").isTrue();
    }

    @Test
    void theLockLanesHoldersAndWaitersAreWhatTheThreadLanesSay() throws Exception {
        Trace t = run(DEADLOCK);
        int a = TraceText.resourceNamed(t, "lock_a");
        assertThat(holders(t, a, 50_000)).containsExactly(t.threadNamed("One"));
        assertThat(holders(t, TraceText.resourceNamed(t, "lock_b"), 50_000)).containsExactly(t.threadNamed("Two"));
        assertThat(t.resourceLane(a).stateAt(150_000).waiter(0)).isEqualTo(t.threadNamed("Two"));
        assertThat(agreement(t)).isEmpty();
        assertThat(agreement(run(ORDERED))).isEmpty();
    }

    @Test
    void aProgramWhoseLocksAreTakenInOneOrderNeverHasACycle() throws Exception {
        Trace t = run(ORDERED);
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        int b = TraceText.resourceNamed(t, "lock_a");
        assertThat(t.resourceLane(b).stateAt(50_000).waiterCount()).as("contended").isEqualTo(1);
        for (long at : Instants.of(t)) {
            assertThat(WaitForGraph.at(t, at).hasDeadlock()).as("at " + at).isFalse();
        }
    }

    @Test
    void aQueuesLaneShowsItsItemsPutAndTakenByTheRightThreads() throws Exception {
        Trace t = run(QUEUE);
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(TraceText.resources(t)).contains("queue jobs");
        assertThat(TraceText.resource(t, "jobs")).containsExactly(
                "0.000 wait Consumer to get",
                "0.000 put Producer 'job 0'",
                "0.000 woken Consumer by Producer",
                "0.000 get Consumer #0",
                "0.000 wait Consumer to get",
                "0.100 put Producer 'job 1'",
                "0.100 woken Consumer by Producer",
                "0.100 get Consumer #1",
                "0.100 wait Consumer to get",
                "0.200 put Producer 'job 2'",
                "0.200 woken Consumer by Producer",
                "0.200 get Consumer #2",
                "0.200 wait Consumer to get",
                "0.300 put Producer 'None'",
                "0.300 woken Consumer by Producer",
                "0.300 get Consumer #3");
        assertThat(agreement(t)).isEmpty();
    }

    @Test
    void aLockWithoutAVariableIsNumberedAndTwoOfOneNameAreToldApart() throws Exception {
        Trace t = run("""
                import threading

                class Account:
                    def __init__(self):
                        self.lock = threading.Lock()

                a, b = Account(), Account()
                spare = [threading.Lock()]
                either = threading.RLock() if a else threading.Lock()
                for lock in (a.lock, b.lock, spare[0], either):
                    with lock:
                        pass
                """);
        assertThat(TraceText.resources(t)).containsExactly("gil GIL of MainProcess", "lock self.lock",
                "lock self.lock 2", "lock Lock 3", "rlock either");
    }

    @Test
    void aLockTakenInABusyLoopIsHeldOnItsLaneWheneverSomeoneStartsWaitingForIt() throws Exception {
        // without the GIL, on two cores, with the cost of lines, the threads meet at the lock all
        // the time: a report that let another thread run before the lane knew the holder would
        // show a wait for a free lock
        Trace t = run(RunOptions.defaults().withGil(false).withCores(2), """
                import threading

                counter = 0
                counter_lock = threading.Lock()

                def bump(value):
                    return value + 1

                def work():
                    global counter
                    for _ in range(3000):
                        with counter_lock:
                            counter = bump(counter)   # a call: where CPython may switch

                threads = [threading.Thread(target=work) for _ in range(2)]
                for th in threads:
                    th.start()
                for th in threads:
                    th.join()
                print(counter)
                """);
        assertThat(TraceText.texts(t)).containsExactly("6000");
        int r = TraceText.resourceNamed(t, "counter_lock");
        ResourceColumns lane = t.resourceLane(r);
        int waits = 0;
        for (int i = 0; i < lane.size(); i++) {
            if (lane.op(i) == ResourceOp.WAIT) {
                waits++;
                ResourceState s = lane.stateAfter(i);
                assertThat(s.holderCount()).as("held when " + t.thread(lane.thread(i)).name() + " waits at " + lane.time(i))
                        .isEqualTo(1);
                assertThat(s.holder(0)).isNotEqualTo(lane.thread(i));
            }
        }
        assertThat(waits).as("contended").isGreaterThan(10);
        assertThat(agreement(t)).isEmpty();
    }

    @Test
    void aChildProcesssCopyOfALockIsALaneOfItsOwnProcess() throws Exception {
        Trace t = run("""
                import multiprocessing
                import threading

                guard = threading.Lock()

                def child():
                    with guard:
                        print("child has it")

                if __name__ == "__main__":
                    with guard:
                        print("parent has it")
                    p = multiprocessing.Process(target=child, name="Kid")
                    p.start()
                    p.join()
                """);
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        List<String> locks = new ArrayList<>();
        for (int r = 0; r < t.resourceCount(); r++) {
            ResourceInfo info = t.resource(r);
            if (info.kind() == ResourceKind.LOCK) {
                ResourceColumns lane = t.resourceLane(r);
                locks.add(info.name() + " in " + t.process(info.process()).name() + ": " + lane.op(0).label() + " "
                        + t.thread(lane.thread(0)).name() + ", " + lane.op(1).label() + " " + t.thread(lane.thread(1)).name());
            }
        }
        assertThat(locks).containsExactly("guard in MainProcess: acquire MainThread, release MainThread",
                "guard in Kid: acquire Kid, release Kid");
    }

    /** The built-in scenarios' Python programs, run as the user's: their lanes agree with their threads' too. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"condition", "semaphore", "rlock", "barrier", "event", "producer-consumer", "deadlock"})
    void aTwinsLanesAgreeWithItsThreadLanes(String id) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        Run run = UserProgram.of(ScenarioSource.fileName(spec), ScenarioSource.render(spec, spec.defaults()))
                .start(spec.options(spec.defaults(), ClockMode.VIRTUAL, 1), TestPython.settings().withLineCost(0));
        assertThat(run.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
        Trace t = run.trace();
        assertThat(t.resourceCount()).as("lanes besides the GIL").isGreaterThan(1);
        assertThat(agreement(t)).isEmpty();
    }

    private static List<Integer> holders(Trace t, int r, long at) {
        ResourceState s = t.resourceLane(r).stateAt(at);
        List<Integer> out = new ArrayList<>();
        for (int h = 0; h < s.holderCount(); h++) {
            out.add(s.holder(h));
        }
        return out;
    }

    /**
     * At every instant something happens (and between): the holders a lane draws are the ones
     * recorded, every waiter drawn waits on its own lane for that resource by name, every thread
     * whose lane waits for a lock is among its waiters, and the items drawn are the ones in it.
     */
    private static List<String> agreement(Trace t) {
        ResourceLanes lanes = new ResourceLanes(t);
        lanes.update();
        List<String> problems = new ArrayList<>();
        for (long at : Instants.of(t)) {
            for (int r = 0; r < t.resourceCount(); r++) {
                ResourceInfo info = t.resource(r);
                if (info.kind() == ResourceKind.GIL) {
                    continue;
                }
                ResourceSpans drawn = lanes.spans(r);
                ResourceState rec = t.resourceLane(r).stateAt(at);
                if (!sorted(drawnAt(drawn.holds(), at)).equals(sorted(holders(t, r, at)))) {
                    problems.add(at + " " + info.name() + ": drawn held by " + drawnAt(drawn.holds(), at)
                            + ", recorded " + holders(t, r, at));
                }
                List<Integer> waiters = new ArrayList<>();
                for (int w = 0; w < rec.waiterCount(); w++) {
                    int th = rec.waiter(w);
                    waiters.add(th);
                    LaneColumns lane = t.lane(th);
                    int i = lane.indexAt(at);
                    if (i < 0 || lane.state(i) != ThreadState.WAITING
                            || !info.kind().waitsWith(lane.reason(i), rec.role(w).ordinal())
                            || !info.name().equals(t.string(lane.detail(i)))) {
                        problems.add(at + " " + t.thread(th).name() + " waits for " + info.name() + ", its lane says "
                                + (i < 0 ? "nothing" : lane.state(i) + " " + lane.reason(i) + " " + t.string(lane.detail(i))));
                    }
                }
                if (!sorted(drawnAt(drawn.waits(), at)).equals(sorted(waiters))) {
                    problems.add(at + " " + info.name() + ": drawn waiters " + drawnAt(drawn.waits(), at) + ", recorded " + waiters);
                }
                if (info.kind().carriesItems()) {
                    List<Integer> items = new ArrayList<>();
                    for (int k = 0; k < rec.itemCount(); k++) {
                        items.add(rec.itemNumber(k));
                    }
                    if (!sorted(spansAt(drawn.items(), at)).equals(items)) {
                        problems.add(at + " " + info.name() + ": drawn items " + spansAt(drawn.items(), at) + ", recorded " + items);
                    }
                }
            }
            for (int th = 0; th < t.threadCount(); th++) {
                LaneColumns lane = t.lane(th);
                int i = lane.indexAt(at);
                if (i >= 0 && lane.state(i) == ThreadState.WAITING && lane.reason(i) == Reason.LOCK) {
                    int r = TraceText.resourceNamed(t, t.string(lane.detail(i)));
                    if (t.resourceLane(r).stateAt(at).waitIndex(th) < 0) {
                        problems.add(at + " " + t.thread(th).name() + " waits for " + t.resource(r).name()
                                + " but is not on its wait list");
                    }
                }
            }
        }
        return problems;
    }

    private static List<Integer> sorted(List<Integer> l) {
        return l.stream().sorted().toList();
    }

    /** The threads a span set draws at {@code at}, slot by slot. */
    private static List<Integer> drawnAt(SpanSet set, long at) {
        return spansAt(set, at).stream().map(set::thread).toList();
    }

    /** The spans (a queue's: its items' numbers) a span set draws at {@code at}, slot by slot. */
    private static List<Integer> spansAt(SpanSet set, long at) {
        List<Integer> out = new ArrayList<>();
        for (int slot = 0; slot < set.slots(); slot++) {
            int id = set.at(slot, at);
            if (id >= 0) {
                out.add(id);
            }
        }
        return out;
    }
}
