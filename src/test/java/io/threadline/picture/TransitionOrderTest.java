package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.Scenarios;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The steps axis: one order of every transition, positions on it, and pictures drawn on it. */
class TransitionOrderTest {

    private static Trace run(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        return s.execute(s.values(Map.of()));
    }

    private static String name(Trace t, TransitionOrder o, int k) {
        LaneColumns lane = t.lane(o.thread(k));
        return t.thread(o.thread(k)).name() + " " + lane.state(o.event(k)).label();
    }

    @Test
    void chefSoupsFirstInstantIsInterleavedAsTheBatonPassed() throws Exception {
        Trace t = run("chef-soup");
        TransitionOrder o = TransitionOrder.of(t);
        List<String> first = new ArrayList<>();
        for (int k = 0; k < o.countUpTo(0); k++) {
            first.add(name(t, o, k));
        }
        assertThat(first).containsExactly("Barron new", "Barron runnable", "Barron running", "Barron waiting",
                "Olivia new", "Olivia runnable", "Olivia running", "Olivia waiting",
                "Barron runnable", "Barron running", "Barron waiting");
        // at 3 s Olivia's death comes before the wake-up it causes
        int three = o.countUpTo(2_999_999);
        assertThat(name(t, o, three)).isEqualTo("Olivia runnable");
        assertThat(name(t, o, three + 2)).isEqualTo("Olivia dead");
        assertThat(name(t, o, three + 3)).isEqualTo("Barron runnable");
    }

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void everyTransitionHasOneStepInTimeAndLaneOrder(String id) throws Exception {
        Trace t = run(id);
        TransitionOrder o = TransitionOrder.of(t);
        assertThat((long) o.count()).isEqualTo(t.eventCount());
        assertThat(o.current(t)).isTrue();
        for (int k = 1; k < o.count(); k++) {
            assertThat(o.time(k)).isGreaterThanOrEqualTo(o.time(k - 1));
        }
        for (int th = 0; th < t.threadCount(); th++) {
            LaneColumns lane = t.lane(th);
            for (int e = 0; e < lane.size(); e++) {
                int k = o.step(th, e);
                assertThat(o.thread(k)).isEqualTo(th);
                assertThat(o.event(k)).isEqualTo(e);
                assertThat(o.time(k)).isEqualTo(lane.time(e));
                if (e > 0) {
                    assertThat(k).isGreaterThan(o.step(th, e - 1));
                }
                assertThat(o.lastEventShown(th, k + 1)).isEqualTo(e);
                assertThat(o.lastEventShown(th, k)).isEqualTo(e - 1);
            }
        }
        // prints come out in order, all of them once every transition happened
        int before = 0;
        for (int k = 0; k <= o.count(); k++) {
            int n = o.outputShown(k);
            assertThat(n).isGreaterThanOrEqualTo(before);
            before = n;
        }
        assertThat(before).isEqualTo(t.outputCount());
    }

    @Test
    void positionsPutEachStepInItsColumnAndTimesBetweenStepsInProportion() throws Exception {
        Trace t = run("chef-soup");
        TransitionOrder o = TransitionOrder.of(t);
        int at0 = o.countUpTo(0);
        assertThat(o.position(0)).as("just after the instant's last transition").isEqualTo(at0 - 0.5);
        // Barron sleeps 0 .. 0.5 s: 0.25 s lies half way between the two instants' moments
        assertThat(o.position(250_000)).isCloseTo(at0 - 0.5 + 0.5, within(1e-9));
        assertThat(o.timeAt(o.position(250_000))).isCloseTo(250_000, within(1e-6));
        assertThat(o.timeAt(3.2)).as("inside the first instant").isZero();

        TimeScale s = TimeScale.steps(o, 0, 20, 400);
        assertThat(s.xOfPosition(1)).isEqualTo(20);
        int olivia = t.threadNamed("Olivia");
        assertThat(s.eventX(t, olivia, 0)).isEqualTo(20 * o.step(olivia, 0));
        assertThat(s.x(250_000)).isCloseTo(20 * at0, within(1e-9));
        assertThat(s.startTime()).isZero();
        assertThat(s.endTime()).isEqualTo(o.timeAt(20));
        assertThat(s.zoom(2, 200).steps()).isSameAs(o);
        assertThat(s.withSteps(null).steps()).isNull();
    }

    @Test
    void aStepsPictureShowsEachOfOliviasInstantStatesInItsColumn() throws Exception {
        Trace t = run("chef-soup");
        // no arrows: their labels may sit on a one-column state
        PictureOptions opts = PictureOptions.defaults().withLegend(false).withArrows(false).withSteps(true);
        TimelinePicture p = TimelinePicture.of(t, opts);
        BufferedImage img = Java2DPainter.render(p, 1);
        PictureMetrics m = PictureMetrics.DESK;
        TimeScale s = p.scale();
        assertThat(s.steps()).isNotNull();
        int olivia = t.threadNamed("Olivia");
        int y = (int) (m.rulerHeight() + m.laneHeight() * 1.5);
        PictureTheme th = PictureTheme.LIGHT;
        List<Integer> looks = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            double a = s.eventX(t, olivia, e);
            // a few pixels into the column: inside the outline, before a label's first letter
            looks.add(img.getRGB((int) (m.gutterWidth() + a + 3), y) & 0xffffff);
        }
        // new is a dotted outline on the lane's ground; runnable stripes; running solid; waiting pale
        assertThat(looks.get(0)).isIn(th.color(Ink.LANE_ALT).value(), th.color(Ink.BACKGROUND).value());
        assertThat(looks.get(2)).isEqualTo(th.color(Ink.RUNNING).value());
        assertThat(looks.get(3)).isEqualTo(th.color(Ink.WAITING_FILL).value());
        assertThat(looks).doesNotHaveDuplicates();
        // on the time axis the same instant is one column, where new and running cannot be seen
        TimelinePicture time = TimelinePicture.of(t, opts.withSteps(false));
        assertThat(time.scale().steps()).isNull();
        assertThat(time.scale().x(0)).isEqualTo(time.scale().eventX(t, olivia, 3));
        assertThat(t.lane(olivia).state(3)).isEqualTo(ThreadState.WAITING);
    }

    /** The ledger RLock's holdings in rlock: {holder, from, to} for each. */
    private static List<long[]> holdings(Trace t, String resource) {
        ResourceLanes lanes = new ResourceLanes(t);
        lanes.update();
        int r = -1;
        for (int i = 0; i < t.resourceCount(); i++) {
            if (t.resource(i).name().equals(resource)) {
                r = i;
            }
        }
        assertThat(r).as(resource).isNotNegative();
        io.threadline.trace.SpanSet holds = lanes.spans(r).holds();
        List<long[]> out = new ArrayList<>();
        for (int slot = 0; slot < holds.slots(); slot++) {
            for (int k = 0; k < holds.slotSize(slot); k++) {
                int id = holds.slotSpan(slot, k);
                out.add(new long[] {holds.thread(id), holds.start(id), holds.endOr(id, t.endTime())});
            }
        }
        return out;
    }

    @Test
    void aResourcesMomentsSitInTheirThreadsOwnStepsOnTheStepsAxis() throws Exception {
        Trace t = run("rlock");
        TransitionOrder o = TransitionOrder.of(t);
        List<long[]> held = holdings(t, "ledger");
        assertThat(held).hasSizeGreaterThanOrEqualTo(2);
        for (long[] h : held) {
            int who = (int) h[0];
            // taken and released while the holder runs: the column the take falls in is its own, running
            for (long at : new long[] {h[1], h[2]}) {
                double p = o.actionPosition(who, at);
                int k = (int) Math.floor(p);
                if (p != k) {
                    assertThat(o.thread(k)).as(t.thread(who).name() + " at " + at).isEqualTo(who);
                    assertThat(t.lane(who).state(o.event(k))).isEqualTo(ThreadState.RUNNING);
                } else {
                    // where it stops running: its own next step, and it ran just before
                    assertThat(o.thread(k)).isEqualTo(who);
                    int e = o.event(k);
                    assertThat(e).isPositive();
                    assertThat(t.lane(who).state(e - 1)).isEqualTo(ThreadState.RUNNING);
                }
            }
            assertThat(o.actionPosition(who, h[2])).as("a holding ends after it starts")
                    .isGreaterThanOrEqualTo(o.actionPosition(who, h[1]));
        }
    }

    @Test
    void aStepsPictureDrawsEveryHoldingOfTheLedger() throws Exception {
        Trace t = run("rlock");
        PictureOptions opts = PictureOptions.defaults().withLegend(false).withArrows(false).withSteps(true);
        TimelinePicture p = TimelinePicture.of(t, opts);
        BufferedImage img = Java2DPainter.render(p, 1);
        PictureMetrics m = PictureMetrics.DESK;
        TimelineRows.Row ledger = p.rows().rows().stream()
                .filter(r -> r.track() instanceof ResourceTrack rt && t.resource(rt.resource()).name().equals("ledger"))
                .findFirst().orElseThrow();
        TimeScale s = p.scale();
        for (long[] h : holdings(t, "ledger")) {
            int who = (int) h[0];
            double x0 = s.actionX(who, h[1]);
            double x1 = s.actionX(who, h[2]);
            assertThat(x1 - x0).as(t.thread(who).name() + "'s holding is wide enough to sample").isGreaterThan(6);
            // the holder band's middle, above the waiters' rows, across the holding: most of it in
            // the holder's colour (its name and depth are written on it, in a light ink)
            int y = (int) Math.round(p.rowsTop() + ledger.y() + ledger.height() * 0.35);
            int want = ThreadColors.of(PictureTheme.LIGHT, who).value();
            int from = (int) Math.ceil(m.gutterWidth() + x0 + 2);
            int to = (int) Math.floor(m.gutterWidth() + x1 - 2);
            int near = 0;
            for (int x = from; x < to; x++) {
                int got = img.getRGB(x, y) & 0xffffff;
                boolean close = true;
                // an RLock's depth is a faint layer over the holder's colour: near it, not the lane's ground
                for (int shift = 0; shift <= 16; shift += 8) {
                    close &= Math.abs((got >> shift & 0xff) - (want >> shift & 0xff)) <= 12;
                }
                near += close ? 1 : 0;
            }
            assertThat(near).as(t.thread(who).name() + "'s holding is drawn in its colour %06x, pixels of %d", want,
                    to - from).isGreaterThan((to - from) / 2);
        }
    }
}
