package io.threadline.ui.timeline;

import io.threadline.picture.CauseArrows;
import io.threadline.picture.Ink;
import io.threadline.picture.Java2DPainter;
import io.threadline.picture.TimelineRenderer;
import io.threadline.picture.TrackContext;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.TimelinePicture;
import io.threadline.picture.TimelineRows;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.PictureImages;
import io.threadline.trace.CauseKind;
import io.threadline.trace.CauseLink;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arrows counted as drawn are the ones on screen, and a label names an arrow that is there.
 * Between two adjacent lanes squeezed to their least height, both with a mark at the arrow's
 * instant (daemon-cleaner's end cap over the killed bolt, a thread's new ring under its
 * starter's), the marks leave no room for the arrow: it was still counted among those shown, and
 * could have a pill pointing at nothing (a review of the day's diff).
 */
class ArrowLabelsTest {
    @Test
    void anArrowTheMarksLeaveNoRoomForIsNotShown() throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("daemon-cleaner");
        Trace t = s.execute(s.values(Map.of()));
        PictureMetrics squeezed = LaneHeights.at(PictureMetrics.PROJECTOR, LaneHeights.leastLane(PictureMetrics.PROJECTOR));
        assertThat(kindsShown(t, squeezed)).as("lanes %.0f px", squeezed.laneHeight()).doesNotContain(CauseKind.KILL);
        assertThat(kindsShown(t, PictureMetrics.PROJECTOR)).contains(CauseKind.KILL);
    }

    private static List<CauseKind> kindsShown(Trace t, PictureMetrics m) {
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1280));
        BufferedImage img = new BufferedImage((int) p.width(), (int) Math.ceil(p.height()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            TrackContext base = TrackContext.of(new Java2DPainter(g, 1), t, p.scale(), t.endTime(), m, PictureTheme.LIGHT);
            return TimelineRenderer.paintRows(base, p.rows(), p.rowsTop(), p.rowsTop(),
                    p.rowsTop() + p.rows().contentHeight(), TimelineRenderer.Arrows.ALL).stream().map(CauseLink::kind).toList();
        } finally {
            g.dispose();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon-cleaner", "condition", "executor", "barrier", "chef-soup"})
    void everyLabelsArrowHasInk(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(Map.of()));
        int arrow = PictureTheme.LIGHT.color(Ink.ARROW).value() & 0xffffff;
        int labels = 0;
        for (PictureMetrics base : List.of(PictureMetrics.DESK, PictureMetrics.PROJECTOR)) {
            for (PictureMetrics m : List.of(LaneHeights.at(base, LaneHeights.leastLane(base)), base)) {
                TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1280));
                BufferedImage img = PictureImages.of(p);
                for (CauseArrows.Label l : p.arrowLabels()) {
                    TimelineRows.Row from = p.rows().rowOf(l.link().from());
                    TimelineRows.Row to = p.rows().rowOf(l.link().to());
                    double a = p.rowsTop() + from.y() + from.height() / 2;
                    double b = p.rowsTop() + to.y() + to.height() / 2;
                    int x = (int) Math.round(m.gutterWidth() + p.scale().x(l.link().time()));
                    int ink = 0;
                    for (int y = (int) Math.min(a, b); y <= Math.max(a, b); y++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            boolean inPill = x + dx >= l.x() && x + dx < l.x() + l.width() && y >= l.y()
                                    && y < l.y() + l.height();
                            if (!inPill && (img.getRGB(x + dx, y) & 0xffffff) == arrow) {
                                ink++;
                            }
                        }
                    }
                    assertThat(ink).as("%s, lanes %.0f px: the arrow of label %s at x %d, y %.0f..%.0f", id,
                            m.laneHeight(), l.link(), x, a, b).isGreaterThanOrEqualTo(2);
                    labels++;
                }
            }
        }
        assertThat(labels).as("labels checked").isPositive();
    }
}
