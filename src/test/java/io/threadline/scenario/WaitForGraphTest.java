package io.threadline.scenario;

import io.threadline.testing.Scenarios;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.ResourceColumns;
import io.threadline.trace.Trace;
import io.threadline.trace.WaitForGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The wait-for graph finds a deadlock's cycle at the moment it closes, names it, and finds none where there is none. */
class WaitForGraphTest {

    @Test
    void theDeadlockScenariosCycleClosesWhenBobWaitsForTheAccountAliceHolds() throws Exception {
        Trace t = run("deadlock", Map.of());
        WaitForGraph before = WaitForGraph.at(t, 499_999);
        assertThat(before.hasDeadlock()).isFalse();
        WaitForGraph closed = WaitForGraph.at(t, 500_000);
        assertThat(closed.hasDeadlock()).isTrue();
        assertThat(closed.describeCycle(t))
                .isEqualTo("Alice waits for account B, held by Bob; Bob waits for account A, held by Alice");
        assertThat(closed.closedAt(t)).isEqualTo(500_000);
        assertThat(closed.cycle()).extracting(n -> WaitForGraph.name(t, n))
                .containsExactly("Alice", "account B", "Bob", "account A");
        // the main thread joins Alice: stuck behind the cycle, not in it
        int main = t.threadNamed("MainThread");
        assertThat(closed.isStuck(main)).isTrue();
        assertThat(closed.edges()).anySatisfy(e -> {
            assertThat(e.from()).isEqualTo(WaitForGraph.Node.ofThread(main));
            assertThat(e.label()).isEqualTo("join");
            assertThat(e.inCycle()).isFalse();
        });
        assertThat(closed.edges().stream().filter(WaitForGraph.Edge::inCycle)).hasSize(4);
        // the stuck waits are left as they are at the end: the cycle is still there
        assertThat(WaitForGraph.at(t, t.endTime()).hasDeadlock()).isTrue();
        assertThat(WaitForGraph.shownAt(t, t.endTime()).describeCycle(t)).isEqualTo(closed.describeCycle(t));
    }

    @Test
    void aPlainLockTakenAgainByItsHolderIsACycleOfOne() throws Exception {
        Trace t = run("rlock", Map.of("reentrant", "false"));
        WaitForGraph g = WaitForGraph.shownAt(t, t.endTime());
        assertThat(g.describeCycle(t)).isEqualTo("Alice waits for ledger, held by itself");
        long closed = g.closedAt(t);
        assertThat(WaitForGraph.at(t, closed).hasDeadlock()).isTrue();
        assertThat(WaitForGraph.at(t, closed - 1).hasDeadlock()).isFalse();
        // Bob waits for the ledger too: stuck behind Alice, not part of the cycle
        assertThat(g.isStuck(t.threadNamed("Bob"))).isTrue();
        assertThat(g.cycle()).extracting(n -> WaitForGraph.name(t, n)).containsExactly("Alice", "ledger");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Scenarios.IDS)
    void noCycleAtAnyInstantOfARunWithoutADeadlock(String id) throws Exception {
        if (id.equals("deadlock")) {
            return;
        }
        assertNoCycle(run(id, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"deadlock:ordered=true", "race-condition:lock=true", "rlock:reentrant=true",
        "producer-consumer:capacity=1,consumers=1"})
    void norInOtherSettingsWithoutOne(String run) throws Exception {
        String[] parts = run.split(":");
        Map<String, String> given = new HashMap<>();
        for (String kv : parts[1].split(",")) {
            given.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        assertNoCycle(run(parts[0], given));
    }

    @Test
    void aThreadWaitingForAHeldLockHasAnEdgeToItAndTheLockOneToItsHolder() throws Exception {
        Trace t = run("race-condition", Map.of("lock", "true"));
        boolean seen = false;
        for (long at : instants(t)) {
            WaitForGraph g = WaitForGraph.at(t, at);
            for (WaitForGraph.Edge e : g.edges()) {
                if (!e.from().thread() && WaitForGraph.name(t, e.from()).equals("counter lock")) {
                    assertThat(e.label()).isEqualTo("holds");
                    assertThat(g.nodes()).contains(e.to());
                    seen = true;
                }
            }
        }
        assertThat(seen).isTrue();
    }

    private static void assertNoCycle(Trace t) {
        for (long at : instants(t)) {
            assertThat(WaitForGraph.at(t, at).hasDeadlock()).as("at " + at).isFalse();
        }
        assertThat(WaitForGraph.shownAt(t, t.endTime()).hasDeadlock()).isFalse();
    }

    private static Trace run(String id, Map<String, String> given) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        return spec.execute(spec.values(given));
    }

    private static TreeSet<Long> instants(Trace t) {
        TreeSet<Long> times = new TreeSet<>();
        for (int th = 0; th < t.threadCount(); th++) {
            LaneColumns lane = t.lane(th);
            for (int i = 0; i < lane.size(); i++) {
                times.add(lane.time(i));
            }
        }
        for (int r = 0; r < t.resourceCount(); r++) {
            ResourceColumns lane = t.resourceLane(r);
            for (int i = 0; i < lane.size(); i++) {
                times.add(lane.time(i));
            }
        }
        return times;
    }
}
