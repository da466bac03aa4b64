package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.PictureImages;
import io.threadline.testing.TextRecorder;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playhead's line stops short over the marks it would cross: at the end of daemon-cleaner
 * it stands at the instant Barron returned and Olivia was killed, and its line cut both marks in
 * two (the killed bolt is that scenario's lesson; a fresh-eyes review of the projector's pictures).
 */
class MarkGapsTest {
    @Test
    void atTheEndOfARunNoPixelOfAnEndMarkIsThePlayheads() throws Exception {
        noMarkUnderThePlayheadAtTheEnd("daemon-cleaner", 4);
    }

    /** pool-map-vs-imap's last results arrive at its end: their diamond and the caption under it stay whole. */
    @Test
    void norOfAResultsDiamondOrItsCaption() throws Exception {
        noMarkUnderThePlayheadAtTheEnd("pool-map-vs-imap", -1);
    }

    private static void noMarkUnderThePlayheadAtTheEnd(String id, int threadMarks) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(Map.of()));
        for (PictureMetrics m : List.of(PictureMetrics.DESK, PictureMetrics.PROJECTOR)) {
            TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1280)
                    .withPlayhead(t.endTime()));
            BufferedImage img = PictureImages.of(p);
            int playhead = PictureTheme.LIGHT.color(Ink.PLAYHEAD).value() & 0xffffff;
            int marks = 0;
            int lineBelow = 0;
            int results = 0;
            for (TimelineRows.Row row : p.rows().rows()) {
                for (double[] box : row.track().marks()) {
                    if (row.track() instanceof ResultsTrack) {
                        results++;
                    } else {
                        marks++;
                    }
                    int x0 = (int) Math.floor(m.gutterWidth() + box[0]);
                    int y0 = (int) Math.floor(p.rowsTop() + row.y() + box[1]);
                    for (int y = y0; y < y0 + box[3]; y++) {
                        for (int x = x0; x < x0 + box[2]; x++) {
                            assertThat(img.getRGB(x, y) & 0xffffff).as("%s: a mark of row %s at %d,%d", id,
                                    row.track().getClass().getSimpleName(), x, y).isNotEqualTo(playhead);
                        }
                    }
                }
            }
            // the line itself is still there, above and below the marks
            double cx = m.gutterWidth() + Math.round(p.scale().x(t.endTime())) + 0.5;
            for (int y = (int) p.rowsTop(); y < p.rowsTop() + p.rows().contentHeight(); y++) {
                if ((img.getRGB((int) cx, y) & 0xffffff) == playhead) {
                    lineBelow++;
                }
            }
            if (threadMarks >= 0) {
                assertThat(marks).as("Barron's and Olivia's new rings and end caps").isEqualTo(threadMarks);
            } else {
                assertThat(results).as("the results rows' diamonds and captions").isPositive();
            }
            assertThat(lineBelow).as("pixels of the playhead's line over the lanes").isGreaterThan(50);
        }
    }

    /**
     * processes ends at the instant MainThread terminates Process-3: the playhead's line stood on
     * that arrow and hid it whole, shaft and all, leaving its "terminated" pill beside MainThread's
     * end as if MainThread had been (a review of the projector's pictures). The line now stops
     * short over the arrows drawn at its x.
     */
    @Test
    void norOfTheCauseArrowsAtItsInstant() throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("processes");
        Trace t = s.execute(s.values(Map.of()));
        for (PictureMetrics m : List.of(PictureMetrics.DESK, PictureMetrics.PROJECTOR)) {
            TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1280)
                    .withPlayhead(t.endTime()));
            BufferedImage img = PictureImages.of(p);
            int arrow = PictureTheme.LIGHT.color(Ink.ARROW).value() & 0xffffff;
            int playhead = PictureTheme.LIGHT.color(Ink.PLAYHEAD).value() & 0xffffff;
            int cx = (int) (m.gutterWidth() + Math.round(p.scale().x(t.endTime())));
            int arrowPixels = 0;
            int linePixels = 0;
            for (int y = (int) p.rowsTop(); y < p.rowsTop() + p.rows().contentHeight(); y++) {
                int c = img.getRGB(cx, y) & 0xffffff;
                arrowPixels += c == arrow ? 1 : 0;
                linePixels += c == playhead ? 1 : 0;
            }
            assertThat(arrowPixels).as("lanes %.0f px: pixels of terminate()'s arrow under the playhead", m.laneHeight())
                    .isGreaterThan(50);
            assertThat(linePixels).as("the playhead's line, below the arrow").isGreaterThan(20);
        }
    }

    @Test
    void piecesLieOutsideTheMergedGaps() {
        List<double[]> gaps = List.of(new double[] {10, 20}, new double[] {18, 30}, new double[] {50, 60});
        assertThat(MarkGaps.pieces(gaps, 0, 0, 100)).containsExactly(new double[] {0, 10},
                new double[] {30, 50}, new double[] {60, 100});
        assertThat(MarkGaps.pieces(gaps, 100, 0, 100)).containsExactly(new double[] {0, 100});
        assertThat(MarkGaps.pieces(List.of(), 0, 5, 9)).containsExactly(new double[] {5, 9});
        assertThat(MarkGaps.pieces(List.of(new double[] {0, 200}), 0, 5, 9)).isEmpty();
    }

    /**
     * A results row's values on its diamonds' line are kept whole by the playhead's line, as the
     * diamonds and the words under them were: at the run's end it struck pool-the-rest's "36, 49"
     * through the 4.
     */
    @Test
    void thePlayheadBreaksOverAResultsRowsValues() throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("pool-the-rest");
        Trace t = s.execute(s.values(Map.of()));
        PictureMetrics m = PictureMetrics.PROJECTOR;
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1262)
                .withPlayhead(t.endTime()));
        TextRecorder g = new TextRecorder();
        p.paint(g);
        double x = Math.round(p.scale().x(t.endTime())) + 0.5;
        TextRecorder.Written values = g.written().stream().filter(w -> w.text().equals("36, 49")).findFirst().orElseThrow();
        assertThat(values.left()).as("the playhead stands over the values").isLessThan(m.gutterWidth() + x);
        assertThat(values.right()).isGreaterThan(m.gutterWidth() + x);
        double top = values.top() - p.rowsTop();
        double bottom = values.bottom() - p.rowsTop();
        assertThat(MarkGaps.forPlayhead(p.rows(), x, 3)).as("a gap over %s", values)
                .anySatisfy(gap -> assertThat(gap[0] <= top && gap[1] >= bottom).isTrue());
    }
}
