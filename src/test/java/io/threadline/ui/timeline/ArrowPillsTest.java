package io.threadline.ui.timeline;

import io.threadline.picture.CauseArrows;
import io.threadline.picture.Java2DPainter;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.TimeScale;
import io.threadline.picture.TimelinePicture;
import io.threadline.picture.TimelineRows;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An arrow's pill ("start", "join ended", "put") never hides what a lane says: no pill lies over
 * a death mark, or over a span of a lane narrower than the pill (prime-check's Number-2 lives 10 ms
 * and vanished under its "start"), nor past the run's end. Checked from the trace itself (each
 * span's x from the time scale), on 1280 px pictures at the projector's rows as a 1280×720
 * screen squeezes them (pills then give way: a lane's bar would not show beside them), at the
 * projector's and the desk's standard rows, on both axes.
 */
class ArrowPillsTest {

    @ParameterizedTest
    @ValueSource(strings = {"prime-check", "gil-cpu-vs-io", "semaphore", "chef-soup", "producer-consumer"})
    void noPillHidesADeathOrASpanNarrowerThanItself(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(Map.of()));
        PictureMetrics squeezed = LaneHeights.at(PictureMetrics.PROJECTOR, LaneHeights.leastLane(PictureMetrics.PROJECTOR));
        int pills = 0;
        for (PictureMetrics m : List.of(squeezed, PictureMetrics.PROJECTOR, PictureMetrics.DESK)) {
            for (boolean steps : new boolean[] {false, true}) {
                PictureOptions o = PictureOptions.defaults().withMetrics(m).withWidth(1280).withSteps(steps);
                TimelinePicture p = TimelinePicture.of(t, o);
                Java2DPainter.render(p, 1);
                List<String> hidden = new ArrayList<>();
                for (CauseArrows.Label l : p.arrowLabels()) {
                    hidden.addAll(hiddenBy(p, t, m, l));
                }
                String where = id + (m == squeezed ? " squeezed" : m == PictureMetrics.DESK ? " desk" : " projector")
                        + (steps ? " steps" : "");
                assertThat(hidden).as(where).isEmpty();
                if (m == squeezed) {
                    assertThat(p.arrowLabels()).as(where + ": a lane too short to show its bar beside a pill has none")
                            .isEmpty();
                } else {
                    pills += p.arrowLabels().size();
                }
            }
        }
        assertThat(pills).as(id + ": pills are placed where lanes have room").isGreaterThan(0);
    }

    /**
     * A pill tells about the thread the arrow points at ("start": it started; "set": it was woken),
     * so where that thread's lane has room it sits there, not in the causing thread's lane, which
     * read as said of that one (chef-soup's "join ended" lay in Olivia's lane, event's "set" in the
     * light's). Tall lanes, as a projector gives a scenario of few threads.
     */
    @ParameterizedTest
    @ValueSource(strings = {"chef-soup", "event", "pool-the-rest"})
    void aPillSitsByTheThreadItTellsAboutWhereItsLaneHasRoom(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(Map.of()));
        PictureMetrics m = LaneHeights.at(PictureMetrics.PROJECTOR, 100);
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1280));
        Java2DPainter.render(p, 1);
        assertThat(p.arrowLabels()).as(id + ": pills drawn").isNotEmpty();
        for (CauseArrows.Label l : p.arrowLabels()) {
            TimelineRows.Row from = p.rows().rowOf(l.link().from());
            double top = p.rowsTop();
            assertThat(l.y() >= top + from.y() && l.y() + l.height() <= top + from.bottom())
                    .as(id + ": '" + l.link().kind().label() + "' at " + l.link().time() + " lies in "
                            + t.thread(l.link().from()).name() + "'s lane, which caused it").isFalse();
        }
    }

    /** What a pill covers that it must not, each said in a line. */
    private static List<String> hiddenBy(TimelinePicture p, Trace t, PictureMetrics m, CauseArrows.Label l) {
        List<String> out = new ArrayList<>();
        TimeScale scale = p.scale();
        double gutter = m.gutterWidth();
        String pill = "'" + l.link().kind().label() + "' at x " + Math.round(l.x()) + ".." + Math.round(l.x() + l.width());
        double runEnd = gutter + scale.x(t.endTime());
        if (l.x() + l.width() > runEnd + 0.5) {
            out.add(pill + " runs past the run's end at " + Math.round(runEnd));
        }
        for (TimelineRows.Row r : p.rows().rows()) {
            int thread = r.track().thread();
            if (thread < 0) {
                continue;
            }
            double top = p.rowsTop() + r.y();
            double barTop = top + m.barPadding();
            double barBottom = top + r.height() - m.barPadding();
            if (l.y() >= barBottom || l.y() + l.height() <= barTop) {
                continue;
            }
            LaneColumns lane = t.lane(thread);
            String name = t.thread(thread).name();
            for (int e = 0; e < lane.size(); e++) {
                if (lane.state(e) == ThreadState.DEAD) {
                    double cx = gutter + scale.eventX(t, thread, e);
                    double cy = top + r.height() / 2;
                    double rad = m.capRadius();
                    if (l.x() < cx + rad && l.x() + l.width() > cx - rad && l.y() < cy + rad
                            && l.y() + l.height() > cy - rad) {
                        out.add(pill + " covers " + name + "'s death mark");
                    }
                    continue;
                }
                if (e + 1 >= lane.size() || lane.time(e + 1) == lane.time(e)) {
                    continue;   // a living thread's last span goes on; an instant has no width
                }
                double x0 = gutter + scale.eventX(t, thread, e);
                double x1 = gutter + scale.eventX(t, thread, e + 1);
                // a pixel's overlap at either edge is the spans' rounding to columns, nothing hidden
                if (x1 - x0 < l.width() - 1 && l.x() < x1 - 1 && l.x() + l.width() > x0 + 1) {
                    out.add(pill + " hides " + name + "'s " + lane.state(e).name().toLowerCase() + " span at x "
                            + Math.round(x0) + ".." + Math.round(x1));
                }
            }
        }
        return out;
    }
}
