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
 * In a run of several processes, a lane under a process's header is one of its threads, and a
 * lane after them (a process of one thread, which has no header) says it is a process: the
 * pool's ForkPoolWorker lanes read as MainProcess's threads before (a fresh-eyes review of the
 * projector's pictures of threads-vs-processes).
 */
class ProcessLanesTest {
    private static Trace threadsVsProcesses() throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("threads-vs-processes");
        return s.execute(s.values(Map.of()));
    }

    private static TimelinePicture picture(Trace t, PictureMetrics m) {
        return TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withLegend(false).withWidth(1280));
    }

    /** At the projector's sizes (a desk picture's narrower gutter has no room for the badge after the name). */
    @Test
    void aLaneOfAProcessOfItsOwnSaysProcessRightAfterItsNameAndTheHeadedOnesDoNot() throws Exception {
        Trace t = threadsVsProcesses();
        {
            TimelinePicture p = picture(t, PictureMetrics.PROJECTOR);
            TextRecorder g = new TextRecorder();
            p.paint(g);
            List<TextRecorder.Written> texts = g.written();
            int workers = 0;
            for (int i = 0; i + 1 < texts.size(); i++) {
                String name = texts.get(i).text();
                if (name.matches("ForkPoolWorker-\\d")) {
                    workers++;
                    assertThat(texts.get(i + 1).text()).as(name).isEqualTo("process");
                }
                if (name.startsWith("ThreadPoolExecutor-") || name.equals("MainThread")) {
                    assertThat(texts.get(i + 1).text()).as(name).isNotEqualTo("process");
                }
            }
            assertThat(workers).as("the four worker processes' lanes").isEqualTo(4);
        }
    }

    @Test
    void theHeaderBandsColourRunsDownTheGutterOfItsProcessesLanesOnly() throws Exception {
        Trace t = threadsVsProcesses();
        for (PictureMetrics m : List.of(PictureMetrics.DESK, PictureMetrics.PROJECTOR)) {
            gutterRail(t, picture(t, m));
        }
    }

    private static void gutterRail(Trace t, TimelinePicture p) {
        BufferedImage img = PictureImages.of(p);
        int band = PictureTheme.LIGHT.color(Ink.PROCESS_HEADER).value() & 0xffffff;
        int headed = 0;
        int own = 0;
        for (TimelineRows.Row row : p.rows().rows()) {
            if (!(row.track() instanceof ThreadTrack lane)) {
                continue;
            }
            int y = (int) Math.round(p.rowsTop() + row.y() + row.height() / 2);
            int gutter = img.getRGB(3, y) & 0xffffff;
            String name = t.thread(lane.thread()).name();
            if (t.thread(lane.thread()).process() == 0) {
                headed++;
                assertThat(Integer.toHexString(gutter)).as(name).isEqualTo(Integer.toHexString(band));
            } else {
                own++;
                assertThat(Integer.toHexString(gutter)).as(name).isNotEqualTo(Integer.toHexString(band));
            }
        }
        assertThat(headed).isEqualTo(5);
        assertThat(own).isEqualTo(4);
    }
}
