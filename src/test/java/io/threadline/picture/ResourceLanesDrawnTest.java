package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.Instants;
import io.threadline.testing.Scenarios;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.ResourceInfo;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.ResourceSpans;
import io.threadline.trace.ResourceState;
import io.threadline.trace.SpanSet;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the resource lanes draw is what the runtime recorded: in every scenario, at every instant
 * something happens (and between), the holders drawn for each resource are its holders in the
 * runtime's records, every waiter drawn is one of its waiters and waits on its own lane with that
 * resource as its reason (a GIL's: runnable), the items drawn are the ones in it; and on a
 * picture's pixels, the thread under a holding's span is its holder.
 */
class ResourceLanesDrawnTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource(Scenarios.IDS)
    void everyScenariosResourceLanesDrawWhatTheRuntimeRecorded(String id) throws Exception {
        check(id, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rlock:reentrant=false", "race-condition:lock=true", "producer-consumer:capacity=1,producers=3",
        "semaphore:bounded=false", "threads-vs-processes:gil=false", "gil-cpu-vs-io:cores=1"})
    void andInOtherSettings(String run) throws Exception {
        check(run.split(":")[0], Scenarios.params(run));
    }

    private static void check(String id, Map<String, String> given) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        Trace t = spec.execute(spec.values(given));
        ResourceLanes lanes = new ResourceLanes(t);
        lanes.update();
        List<String> problems = new ArrayList<>();
        int drawnHolders = 0;
        for (long at : Instants.of(t)) {
            for (int r = 0; r < t.resourceCount(); r++) {
                ResourceInfo info = t.resource(r);
                ResourceSpans s = lanes.spans(r);
                ResourceState rec = t.resourceLane(r).stateAt(at);
                List<Integer> holders = sorted(drawnAt(s.holds(), at));
                List<Integer> recorded = new ArrayList<>();
                for (int h = 0; h < rec.holderCount(); h++) {
                    recorded.add(rec.holder(h));
                }
                if (!holders.equals(sorted(recorded))) {
                    problems.add(at + " " + info.name() + ": drawn held by " + holders + ", recorded " + recorded);
                }
                drawnHolders += holders.size();
                for (int h : holders) {
                    if (info.kind() == ResourceKind.GIL && t.stateAt(h, at) != ThreadState.RUNNING) {
                        problems.add(at + " " + info.name() + ": drawn held by " + t.thread(h).name()
                                + ", whose lane says " + t.stateAt(h, at));
                    }
                }
                List<Integer> waiters = drawnAt(s.waits(), at);
                List<Integer> recordedWaiters = new ArrayList<>();
                for (int w = 0; w < rec.waiterCount(); w++) {
                    recordedWaiters.add(rec.waiter(w));
                }
                if (!sorted(waiters).equals(sorted(recordedWaiters))) {
                    problems.add(at + " " + info.name() + ": drawn waiters " + waiters + ", recorded " + recordedWaiters);
                }
                for (int w = 0; w < rec.waiterCount(); w++) {
                    int th = rec.waiter(w);
                    LaneColumns lane = t.lane(th);
                    int i = lane.indexAt(at);
                    boolean ok = i >= 0 && (info.kind() == ResourceKind.GIL
                            ? lane.state(i) == ThreadState.RUNNABLE
                            : lane.state(i) == ThreadState.WAITING
                            && info.kind().waitsWith(lane.reason(i), rec.role(w).ordinal())
                            && info.name().equals(t.string(lane.detail(i))));
                    if (!ok) {
                        problems.add(at + " " + t.thread(th).name() + " drawn waiting for " + info.name()
                                + ", its lane says " + (i < 0 ? "nothing" : lane.state(i) + " " + lane.reason(i)));
                    }
                }
                if (info.kind().carriesItems()) {
                    List<Integer> items = new ArrayList<>();
                    SpanSet set = s.items();
                    for (int slot = 0; slot < set.slots(); slot++) {
                        int idAt = set.at(slot, at);
                        if (idAt >= 0) {
                            items.add(idAt);
                        }
                    }
                    List<Integer> recordedItems = new ArrayList<>();
                    for (int k = 0; k < rec.itemCount(); k++) {
                        recordedItems.add(rec.itemNumber(k));
                    }
                    if (!sorted(items).equals(recordedItems)) {
                        problems.add(at + " " + info.name() + ": drawn items " + items + ", recorded " + recordedItems);
                    }
                }
            }
        }
        assertThat(problems).as(id + " " + given).isEmpty();
        boolean heldAWhile = false;
        for (int r = 0; r < t.resourceCount(); r++) {
            SpanSet h = lanes.spans(r).holds();
            for (int k = 0; k < h.size(); k++) {
                heldAWhile |= h.endOr(k, t.endTime()) > h.start(k);
            }
        }
        // a check that saw no holder where some resource is held for a while would prove nothing
        assertThat(drawnHolders > 0).as("holders seen in " + id).isEqualTo(heldAWhile);
        onThePixels(t, lanes, problems);
        assertThat(problems).as(id + " " + given + " on a picture's pixels").isEmpty();
    }

    /** Under the middle of each holding wide enough to see, the lane names its holder. */
    private static void onThePixels(Trace t, ResourceLanes lanes, List<String> problems) {
        long end = Math.max(1, t.endTime());
        TimeScale scale = new TimeScale(0, end, 1200);
        TrackContext base = TrackContext.of(null, t, scale, end, PictureMetrics.DESK, PictureTheme.LIGHT);
        for (int r = 0; r < t.resourceCount(); r++) {
            ResourceTrack track = new ResourceTrack(r, lanes);
            TrackContext ctx = base.with(null, 1200, track.height(PictureMetrics.DESK));
            SpanSet holds = lanes.spans(r).holds();
            if (lanes.spans(r).kind().carriesItems() || holds.slots() != 1) {
                continue;
            }
            for (int id = 0; id < holds.size(); id++) {
                long from = holds.start(id);
                long to = holds.endOr(id, end);
                if (scale.x(to) - scale.x(from) < 4) {
                    continue;
                }
                double x = Math.floor(scale.x((from + to) / 2.0)) + 0.5;
                long mid = Math.round(scale.time(x));
                int drawn = track.threadAt(ctx, x, ctx.height() * 0.3);
                ResourceState rec = t.resourceLane(r).stateAt(mid);
                int recorded = rec.holderCount() > 0 ? rec.holder(0) : -1;
                if (drawn != recorded) {
                    problems.add(t.resource(r).name() + " at x " + x + ": drawn " + drawn + ", recorded " + recorded);
                }
            }
        }
    }

    @Test
    void aLessonsResourcesAreOpenAndTheRestFoldedIntoOneRow() throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId("race-condition");
        Trace t = spec.execute(spec.values(Map.of("lock", "true")));
        TimelineRows rows = new TimelineRows();
        TraceExtras extras = new TraceExtras(t);
        extras.update();
        rows.update(t, extras, PictureMetrics.DESK);
        List<String> open = new ArrayList<>();
        ResourceFoldTrack fold = null;
        for (TimelineRows.Row row : rows.rows()) {
            if (row.track() instanceof ResourceTrack lane) {
                open.add(t.resource(lane.resource()).name());
            } else if (row.track() instanceof ResourceFoldTrack f) {
                fold = f;
            }
        }
        assertThat(open).containsExactly("counter lock");
        assertThat(fold).isNotNull();
        assertThat(fold.folded()).extracting(r -> t.resource(r).name()).containsExactly("GIL of MainProcess");
        rows.toggleResources();
        rows.update(t, extras, PictureMetrics.DESK);
        assertThat(rows.rowOfResource(t.gilOf(0))).as("the GIL's lane, opened").isNotNull();
        rows.toggleResources();
        rows.update(t, extras, PictureMetrics.DESK);
        assertThat(rows.rowOfResource(t.gilOf(0))).as("folded again").isNull();
    }

    @Test
    void withoutALessonTheContendedResourcesAreOpen() throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId("race-condition");
        Trace t = spec.execute(spec.values(Map.of("lock", "true")));
        t.setResourceFocus(List.of());
        ResourceLanes lanes = new ResourceLanes(t);
        lanes.update();
        int lock = -1;
        for (int r = 0; r < t.resourceCount(); r++) {
            if (t.resource(r).name().equals("counter lock")) {
                lock = r;
            }
        }
        assertThat(lanes.inFocus(lock)).isTrue();
        assertThat(lanes.inFocus(t.gilOf(0))).as("a GIL, when a lock is contended").isFalse();
    }

    private static List<Integer> drawnAt(SpanSet set, long at) {
        List<Integer> out = new ArrayList<>();
        for (int slot = 0; slot < set.slots(); slot++) {
            int id = set.at(slot, at);
            if (id >= 0) {
                out.add(set.thread(id));
            }
        }
        return out;
    }

    private static List<Integer> sorted(List<Integer> l) {
        List<Integer> c = new ArrayList<>(l);
        c.sort(null);
        return c;
    }
}
