package io.threadline.scenario;

import io.threadline.testing.Instants;
import io.threadline.testing.Scenarios;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.ResourceInfo;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.ResourceState;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In every scenario, at many instants, the resource lanes and the thread lanes tell the same
 * story: a resource's waiters are waiting for it (reason and name) on their lanes, every thread
 * waiting for a named resource is among its waiters, and a process's GIL is held by its running
 * thread and asked for by its runnable ones.
 */
class ResourceLanesAgreeTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Scenarios.IDS)
    void resourceLanesAgreeWithThreadLanes(String id) throws Exception {
        check(id, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rlock:reentrant=false", "deadlock:ordered=true", "race-condition:lock=true",
        "race-condition:lock=true,gil=false,cores=2", "producer-consumer:capacity=1,producers=3",
        "gil-cpu-vs-io:cores=1", "semaphore:bounded=false", "threads-vs-processes:gil=false"})
    void andInOtherSettings(String run) throws Exception {
        check(run.split(":")[0], Scenarios.params(run));
    }

    private static void check(String id, Map<String, String> given) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        Trace t = spec.execute(spec.values(given));
        assertThat(t.gilOf(0)).as("the main process's GIL").isGreaterThanOrEqualTo(0);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (long at : Instants.of(t)) {
            checked++;
            Map<String, List<ResourceState>> byName = new HashMap<>();
            for (int r = 0; r < t.resourceCount(); r++) {
                ResourceInfo info = t.resource(r);
                ResourceState s = t.resourceLane(r).stateAt(at);
                byName.computeIfAbsent(info.name(), k -> new ArrayList<>()).add(s);
                if (info.kind() == ResourceKind.GIL) {
                    checkGil(t, info, s, at, problems);
                    continue;
                }
                for (int w = 0; w < s.waiterCount(); w++) {
                    int th = s.waiter(w);
                    LaneColumns lane = t.lane(th);
                    int i = lane.indexAt(at);
                    if (i < 0 || lane.state(i) != ThreadState.WAITING
                            || !info.kind().waitsWith(lane.reason(i), s.role(w).ordinal())
                            || !info.name().equals(t.string(lane.detail(i)))) {
                        problems.add(at + ": " + t.thread(th).name() + " waits for " + info.name() + " on its lane as "
                                + (i < 0 ? "nothing" : lane.state(i) + " " + lane.reason(i) + " " + t.string(lane.detail(i))));
                    }
                }
                for (int h = 0; h < s.holderCount(); h++) {
                    ThreadState st = t.stateAt(s.holder(h), at);
                    if (st == null || st == ThreadState.NEW) {
                        problems.add(at + ": " + info.name() + " held by " + t.thread(s.holder(h)).name() + " before it began");
                    }
                }
            }
            // every thread waiting for a resource by name is among its waiters
            for (int th = 0; th < t.threadCount(); th++) {
                LaneColumns lane = t.lane(th);
                int i = lane.indexAt(at);
                if (i < 0 || lane.state(i) != ThreadState.WAITING) {
                    continue;
                }
                List<ResourceState> named = byName.get(t.string(lane.detail(i)));
                if (named == null) {
                    continue;
                }
                int me = th;
                boolean listed = named.stream().anyMatch(s -> s.waitIndex(me) >= 0);
                if (!listed) {
                    problems.add(at + ": " + t.thread(th).name() + " waits " + lane.reason(i) + " "
                            + t.string(lane.detail(i)) + " but is not on its wait list");
                }
            }
        }
        assertThat(checked).isGreaterThan(2);
        assertThat(problems).as(id + " " + given).isEmpty();
    }

    private static void checkGil(Trace t, ResourceInfo gil, ResourceState s, long at, List<String> problems) {
        boolean on = !gil.gilOff();
        List<Integer> running = new ArrayList<>();
        TreeSet<Integer> runnable = new TreeSet<>();
        for (int th = 0; th < t.threadCount(); th++) {
            if (t.thread(th).process() != gil.process()) {
                continue;
            }
            ThreadState st = t.stateAt(th, at);
            if (st == ThreadState.RUNNING) {
                running.add(th);
            } else if (st == ThreadState.RUNNABLE) {
                runnable.add(th);
            }
        }
        if (!on) {
            if (s.holderCount() != 0 || s.waiterCount() != 0) {
                problems.add(at + ": " + gil.name() + " is off but has holders or waiters");
            }
            return;
        }
        List<Integer> holders = new ArrayList<>();
        for (int h = 0; h < s.holderCount(); h++) {
            holders.add(s.holder(h));
        }
        if (!holders.equals(running)) {
            problems.add(at + ": " + gil.name() + " held by " + holders + " while running: " + running);
        }
        TreeSet<Integer> waiting = new TreeSet<>();
        for (int w = 0; w < s.waiterCount(); w++) {
            waiting.add(s.waiter(w));
            if (s.waitingSince(w) != lastRunnableSince(t, s.waiter(w), at)) {
                problems.add(at + ": " + t.thread(s.waiter(w)).name() + " asks for " + gil.name() + " since "
                        + s.waitingSince(w) + ", runnable since " + lastRunnableSince(t, s.waiter(w), at));
            }
        }
        if (!waiting.equals(runnable)) {
            problems.add(at + ": " + gil.name() + " asked for by " + waiting + " while runnable: " + runnable);
        }
    }

    private static long lastRunnableSince(Trace t, int th, long at) {
        LaneColumns lane = t.lane(th);
        int i = lane.indexAt(at);
        while (i > 0 && lane.state(i - 1) == ThreadState.RUNNABLE) {
            i--;
        }
        return i < 0 ? -1 : lane.time(i);
    }

    /** Every time something happens to a resource or a thread, and the middle of every stretch between two. */
}
