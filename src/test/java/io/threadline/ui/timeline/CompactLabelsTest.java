package io.threadline.ui.timeline;

import io.threadline.picture.Java2DPainter;
import io.threadline.picture.Painter;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.ThreadTrack;
import io.threadline.picture.TimelinePicture;
import io.threadline.picture.TimelineRows;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A span's label on a lane squeezed to its least height (a projector showing many lanes) is not
 * struck through by its bar's outline: a bar lower than the letters gives the label a ground of
 * the state's own fill. Read from the pixels down the middle of each label's box, drawn without
 * its text: one colour inside its outline (the bar's outline crossed there before, a line at its
 * top and one at its bottom, in threads-vs-processes' MainThread "result (future 0)"). Arrows are
 * left out: their shafts may cross a label by design (their own labels keep off).
 */
class CompactLabelsTest {
    @ParameterizedTest
    @ValueSource(strings = {"threads-vs-processes", "pool-the-rest", "producer-consumer", "chef-soup"})
    void noLabelIsCrossedByItsBarsOutline(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(Map.of()));
        PictureMetrics squeezed = LaneHeights.at(PictureMetrics.PROJECTOR, LaneHeights.leastLane(PictureMetrics.PROJECTOR));
        int labels = 0;
        for (PictureMetrics m : List.of(squeezed, PictureMetrics.PROJECTOR, PictureMetrics.DESK)) {
            TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1280)
                    .withArrows(false));
            BufferedImage img = new BufferedImage((int) p.width(), (int) Math.ceil(p.height()), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                p.paint(withoutText(new Java2DPainter(g, 1)));
            } finally {
                g.dispose();
            }
            int lw = (int) Math.ceil(m.line());
            for (TimelineRows.Row row : p.rows().rows()) {
                if (!(row.track() instanceof ThreadTrack lane)) {
                    continue;
                }
                for (double[] b : lane.spanLabels()) {
                    int x = (int) Math.round(m.gutterWidth() + b[0] + b[2] / 2);
                    int top = (int) Math.round(p.rowsTop() + row.y() + b[1]) + lw;
                    int bottom = (int) Math.round(p.rowsTop() + row.y() + b[1] + b[3]) - lw;
                    Set<Integer> colours = new HashSet<>();
                    for (int y = top; y < bottom; y++) {
                        colours.add(img.getRGB(x, y) & 0xffffff);
                    }
                    assertThat(colours).as("%s, lanes %.0f px, %s's label at x %d, y %d..%d: colours down its middle %s",
                            id, m.laneHeight(), t.thread(lane.thread()).name(), x, top, bottom,
                            colours.stream().map(Integer::toHexString).toList()).hasSize(1);
                    if (m == squeezed) {
                        // nor does the ground have an outline of its own: boxed, the word read as a
                        // span of its own, as if the wait ended where the word did
                        int edge = img.getRGB(x, (int) Math.round(p.rowsTop() + row.y() + b[1])) & 0xffffff;
                        assertThat(colours).as("%s, %s's label: its top edge %s", id, t.thread(lane.thread()).name(),
                                Integer.toHexString(edge)).contains(edge);
                    }
                    labels++;
                }
            }
        }
        assertThat(labels).as("labels checked").isPositive();
    }

    /** {@code g} drawing everything but text: a label's box is then its ground alone. */
    private static Painter withoutText(Painter g) {
        return (Painter) Proxy.newProxyInstance(Painter.class.getClassLoader(), new Class<?>[] {Painter.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fillText")) {
                        return null;
                    }
                    try {
                        return method.invoke(g, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
