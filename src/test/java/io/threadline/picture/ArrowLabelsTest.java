package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.Scenarios;
import io.threadline.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cause arrow's label sits in free space by its arrow: never on a span's label, never in a
 * lane the arrow does not join ("task_done" in Producer-2's lane, "set" in Car-2's), on every
 * scenario, at the desk's and the projector's sizes, on both axes.
 */
class ArrowLabelsTest {

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void arrowLabelsStayOffSpanLabelsAndOutOfUnrelatedLanes(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(Map.of()));
        int labels = 0;
        for (PictureMetrics m : List.of(PictureMetrics.DESK, PictureMetrics.PROJECTOR)) {
            for (boolean steps : new boolean[] {false, true}) {
                PictureOptions o = PictureOptions.defaults().withMetrics(m).withWidth(1280).withSteps(steps);
                TimelinePicture p = TimelinePicture.of(t, o);
                BufferedImage img = Java2DPainter.render(p, 1);
                assertThat(img.getWidth()).isEqualTo(1280);
                List<double[]> spans = spanLabels(p, m);
                for (CauseArrows.Label l : p.arrowLabels()) {
                    labels++;
                    String what = id + " " + (steps ? "steps " : "") + l.link().kind().label() + " at "
                            + l.link().time() + " into " + t.thread(l.link().to()).name();
                    for (double[] r : spans) {
                        assertThat(l.x() < r[0] + r[2] && l.x() + l.width() > r[0] && l.y() < r[1] + r[3]
                                && l.y() + l.height() > r[1]).as(what + " overlaps a span's label").isFalse();
                    }
                    TimelineRows.Row from = p.rows().rowOf(l.link().from());
                    TimelineRows.Row to = p.rows().rowOf(l.link().to());
                    double top = p.rowsTop();
                    double lo = top + Math.min(from.y(), to.y());
                    double hi = top + Math.max(from.bottom(), to.bottom());
                    boolean adjacent = from.bottom() == to.y() || to.bottom() == from.y();
                    boolean inFrom = l.y() >= top + from.y() && l.y() + l.height() <= top + from.bottom();
                    boolean inTo = l.y() >= top + to.y() && l.y() + l.height() <= top + to.bottom();
                    boolean across = adjacent && l.y() >= lo && l.y() + l.height() <= hi;
                    assertThat(inFrom || inTo || across).as(what + " lies in a lane it does not join").isTrue();
                    assertThat(l.x()).as(what).isGreaterThanOrEqualTo(m.gutterWidth());
                    assertThat(l.x() + l.width()).as(what).isLessThanOrEqualTo(1280);
                }
            }
        }
        if (id.equals("chef-soup") || id.equals("producer-consumer")) {
            assertThat(labels).as("labels are placed, not all dropped").isGreaterThan(4);
        }
    }

    /** Every span label drawn, in the picture's coordinates. */
    private static List<double[]> spanLabels(TimelinePicture p, PictureMetrics m) {
        List<double[]> out = new ArrayList<>();
        for (TimelineRows.Row r : p.rows().rows()) {
            if (r.track() instanceof ThreadTrack lane) {
                for (double[] b : lane.spanLabels()) {
                    out.add(new double[] {m.gutterWidth() + b[0], p.rowsTop() + r.y() + b[1], b[2], b[3]});
                }
            }
        }
        return out;
    }
}
