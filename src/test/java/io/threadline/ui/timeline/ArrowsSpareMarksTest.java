package io.threadline.ui.timeline;

import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.ThreadTrack;
import io.threadline.picture.TimelinePicture;
import io.threadline.picture.TimelineRows;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.PictureImages;
import io.threadline.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cause arrows and the GIL's hand-over arrows leave every new ring, end cap and span label
 * whole: their pixels are the same with the arrows drawn as without them. An arrow's head stopped
 * inside the mark of the death it caused and its shaft crossed the marks and words of lanes it
 * passed (pool-the-rest's killed workers at 9.3 s under terminate()'s arrows, semaphore's
 * "semaphore (connections)" struck through; two fresh-eyes reviews of the projector's pictures),
 * on squeezed projector lanes, the projector's and the desk's.
 */
class ArrowsSpareMarksTest {
    @ParameterizedTest
    @ValueSource(strings = {"pool-the-rest", "threads-vs-processes", "chef-soup", "daemon-cleaner", "prime-check"})
    void everyMarkIsTheSameWithArrowsAsWithout(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(Map.of()));
        PictureMetrics squeezed = LaneHeights.at(PictureMetrics.PROJECTOR, LaneHeights.leastLane(PictureMetrics.PROJECTOR));
        for (PictureMetrics m : List.of(squeezed, PictureMetrics.PROJECTOR, PictureMetrics.DESK)) {
            PictureOptions o = PictureOptions.defaults().withMetrics(m).withWidth(1280);
            TimelinePicture with = TimelinePicture.of(t, o.withArrows(true));
            BufferedImage arrows = PictureImages.of(with);
            BufferedImage bare = PictureImages.of(TimelinePicture.of(t, o.withArrows(false)));
            int marks = 0;
            for (TimelineRows.Row row : with.rows().rows()) {
                if (!(row.track() instanceof ThreadTrack lane)) {
                    continue;
                }
                for (double[] box : lane.marks()) {
                    marks++;
                    // the mark's square: its box less the pixel of room the lane keeps around it
                    int x0 = (int) Math.floor(m.gutterWidth() + box[0]) + 1;
                    int y0 = (int) Math.floor(with.rowsTop() + row.y() + box[1]) + 1;
                    for (int y = Math.max(0, y0); y < Math.min(arrows.getHeight(), y0 + box[3] - 2); y++) {
                        for (int x = Math.max(0, x0); x < Math.min(arrows.getWidth(), x0 + box[2] - 2); x++) {
                            assertThat(Integer.toHexString(arrows.getRGB(x, y) & 0xffffff))
                                    .as("%s, lanes %.0f px: %s's mark at %d,%d", id, m.laneHeight(),
                                            t.thread(lane.thread()).name(), x, y)
                                    .isEqualTo(Integer.toHexString(bare.getRGB(x, y) & 0xffffff));
                        }
                    }
                }
            }
            // the words on the lanes: no shaft strikes them through (a head may end at a word's box)
            int words = 0;
            for (TimelineRows.Row row : with.rows().rows()) {
                if (!(row.track() instanceof ThreadTrack lane)) {
                    continue;
                }
                for (double[] box : lane.spanLabels()) {
                    words++;
                    int x0 = (int) Math.floor(m.gutterWidth() + box[0]) + 1;
                    int y0 = (int) Math.floor(with.rowsTop() + row.y() + box[1]) + 1;
                    for (int y = Math.max(0, y0); y < Math.min(arrows.getHeight(), y0 + box[3] - 2); y++) {
                        for (int x = Math.max(0, x0); x < Math.min(arrows.getWidth(), x0 + box[2] - 2); x++) {
                            assertThat(Integer.toHexString(arrows.getRGB(x, y) & 0xffffff))
                                    .as("%s, lanes %.0f px: %s's label at %d,%d", id, m.laneHeight(),
                                            t.thread(lane.thread()).name(), x, y)
                                    .isEqualTo(Integer.toHexString(bare.getRGB(x, y) & 0xffffff));
                        }
                    }
                }
            }
            assertThat(marks).as("marks checked").isPositive();
            assertThat(words).as("labels checked").isPositive();
        }
    }
}
