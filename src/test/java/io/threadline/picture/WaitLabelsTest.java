package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.Scenarios;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits tell their story: a wait with room for a word carries its reason, and a wait on another
 * thread (lock, queue, join ...) has a heavy outline where a sleep has a plain one, so the two
 * read apart without hovering and without colour.
 */
class WaitLabelsTest {
    private static final PictureMetrics M = PictureMetrics.DESK;

    private static Trace run(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        return s.execute(s.values(Map.of()));
    }

    @Test
    void producerTwosQueuePutIsLabelledAndOutlinedUnlikeItsSleeps() throws Exception {
        Trace t = run("producer-consumer");
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withWidth(1280).withLegend(false));
        BufferedImage img = Java2DPainter.render(p, 1);
        int producer = t.threadNamed("Producer-2");
        LaneColumns lane = t.lane(producer);
        int put = -1;
        int sleep = -1;
        for (int e = 0; e < lane.size(); e++) {
            if (lane.reason(e) == Reason.QUEUE_PUT && put < 0) {
                put = e;
            }
            if (lane.reason(e) == Reason.SLEEP && sleep < 0) {
                sleep = e;
            }
        }
        assertThat(put).as("the producer waits for room").isGreaterThanOrEqualTo(0);
        TimelineRows.Row row = p.rows().rowOf(producer);
        ThreadTrack track = (ThreadTrack) row.track();
        double putX0 = p.scale().x(lane.time(put));
        double putX1 = p.scale().x(lane.time(put + 1));
        assertThat(track.spanLabels()).as("a label inside the queue-put box")
                .anySatisfy(b -> assertThat(b[0] >= putX0 && b[0] + b[2] <= putX1 + 1).isTrue());

        StateStyle look = StateStyle.of(ThreadState.WAITING);
        double barTop = M.barPadding();
        double barHeight = M.laneHeight() - 2 * M.barPadding();
        int y = (int) (p.rowsTop() + row.y() + StateMarks.shapeTop(look, barTop, barHeight) + M.line());
        int stroke = PictureTheme.LIGHT.color(Ink.WAITING).value();
        int fill = PictureTheme.LIGHT.color(Ink.WAITING_FILL).value();
        // the row just inside the outline's top edge, a third into each box
        int inPut = img.getRGB((int) (M.gutterWidth() + putX0 + (putX1 - putX0) / 3), y) & 0xffffff;
        // a sleep for comparison: Olivia's, in chef soup
        Trace chef = run("chef-soup");
        TimelinePicture cp = TimelinePicture.of(chef, PictureOptions.defaults().withWidth(1280).withLegend(false));
        BufferedImage chefImg = Java2DPainter.render(cp, 1);
        int olivia = chef.threadNamed("Olivia");
        LaneColumns hers = chef.lane(olivia);
        sleep = -1;
        for (int e = 0; e + 1 < hers.size() && sleep < 0; e++) {
            if (hers.reason(e) == Reason.SLEEP) {
                sleep = e;
            }
        }
        double sleepX0 = cp.scale().x(hers.time(sleep));
        double sleepX1 = cp.scale().x(hers.time(sleep + 1));
        int chefY = (int) (cp.rowsTop() + cp.rows().rowOf(olivia).y() + StateMarks.shapeTop(look, barTop, barHeight)
                + M.line());
        int inSleep = chefImg.getRGB((int) (M.gutterWidth() + sleepX0 + (sleepX1 - sleepX0) / 3), chefY) & 0xffffff;
        assertThat(inPut).as("a heavy outline on the wait for room").isEqualTo(stroke);
        assertThat(inSleep).as("a plain one on the sleep").isEqualTo(fill);
    }

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void everyWaitWideEnoughForAWordGetsOne(String id) throws Exception {
        Trace t = run(id);
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withWidth(1280));
        BufferedImage img = Java2DPainter.render(p, 1);
        assertThat(img).isNotNull();
        for (TimelineRows.Row row : p.rows().rows()) {
            if (!(row.track() instanceof ThreadTrack track)) {
                continue;
            }
            LaneColumns lane = t.lane(track.thread());
            List<double[]> labels = track.spanLabels();
            for (int e = 0; e + 1 < lane.size(); e++) {
                if (lane.state(e) != ThreadState.WAITING) {
                    continue;
                }
                double x0 = p.scale().x(lane.time(e));
                double x1 = p.scale().x(lane.time(e + 1));
                // room for the shortest word ("get", "sleep", "lock") and the tight padding, before
                // the end mark where the wait ends in the thread's death (the words stop short of it)
                double word = PictureFonts.width(SpanText.word(lane.reason(e)), M.small());
                int last = lane.size() - 1;
                boolean dies = lane.state(last) == ThreadState.DEAD
                        && p.scale().x(lane.time(last)) - x1 < 2 * M.capRadius() + 2;
                double mark = dies ? M.capRadius() + 3 : 0;
                if (x1 - mark - x0 < word + 12 || x0 < 0 || x1 > p.scale().width()) {
                    continue;
                }
                assertThat(labels).as(id + ": " + t.thread(track.thread()).name() + "'s " + lane.reason(e).label()
                        + " wait at " + lane.time(e) + " carries a word")
                        .anySatisfy(b -> assertThat(b[0] >= x0 - 1 && b[0] < x1).isTrue());
            }
        }
    }
}
