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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words in a box stay inside its outline, descenders too, at every lane height the window
 * gives its lanes (desk and projector, from the floor to the tallest): the "p" of "semaphore" and
 * "sleep" and the "g" of "get" crossed a heavy outline's bottom in lanes squeezed to about 25 px
 * on a projector. Read from the pixels: a picture drawn with its words and once without them
 * differ, in a label's columns, only within the ground the label sits on (the box's inside down
 * the label's middle, from the picture without words). Arrows are left out: their shafts may
 * cross a label by design.
 */
class WordsInsideBoxesTest {
    /** A channel's change below this is rounding, not ink. */
    private static final int INK = 24;

    /**
     * A lane writes all its boxes' words at one size: where a heavy outline would leave its words
     * too little room, the box goes without it (pool-the-rest's workers wrote "queue-get (tasks)"
     * at 14 px beside "sleep 2 s" at 18 px in a lane squeezed to 25 px on a projector).
     */
    @ParameterizedTest
    @ValueSource(strings = {"pool-the-rest", "semaphore", "process-data"})
    void aLaneWritesItsBoxesWordsAtOneSize(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(Map.of()));
        int lanes = 0;
        for (PictureMetrics base : List.of(PictureMetrics.PROJECTOR, PictureMetrics.DESK)) {
            int least = (int) LaneHeights.leastLane(base);
            for (int lane = least; lane <= base.laneHeight(); lane++) {
                PictureMetrics m = LaneHeights.at(base, lane);
                TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1280)
                        .withArrows(false).withLegend(false));
                Java2DPainter.render(p, 1);
                for (TimelineRows.Row row : p.rows().rows()) {
                    if (!(row.track() instanceof ThreadTrack track)) {
                        continue;
                    }
                    // a box's words carry their size as the fifth value (words after an end mark do not)
                    List<double[]> boxes = track.spanLabels().stream().filter(b -> b.length == 5).toList();
                    if (boxes.size() < 2) {
                        continue;
                    }
                    lanes++;
                    double first = boxes.get(0)[4];
                    for (double[] b : boxes) {
                        assertThat(b[4]).as(id + " lane " + lane + " px, thread " + row.track().thread()
                                + ": a box's words' size beside the first's").isEqualTo(first);
                    }
                }
            }
        }
        assertThat(lanes).isGreaterThan(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"semaphore", "producer-consumer"})
    void noLetterCrossesItsBoxsOutline(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(Map.of()));
        List<String> crossings = new ArrayList<>();
        int labels = 0;
        for (PictureMetrics base : List.of(PictureMetrics.PROJECTOR, PictureMetrics.DESK)) {
            int least = (int) LaneHeights.leastLane(base);
            int most = (int) Math.floor(base.laneHeight() * LaneHeights.MOST);
            for (int lane = least; lane <= most; lane++) {
                PictureMetrics m = LaneHeights.at(base, lane);
                TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(1280)
                        .withArrows(false).withLegend(false));
                BufferedImage words = draw(p, false);
                BufferedImage bare = draw(p, true);
                for (TimelineRows.Row row : p.rows().rows()) {
                    if (!(row.track() instanceof ThreadTrack track)) {
                        continue;
                    }
                    int rowTop = (int) Math.round(p.rowsTop() + row.y());
                    int rowBottom = (int) Math.round(p.rowsTop() + row.y() + row.height());
                    for (double[] b : track.spanLabels()) {
                        int x0 = (int) Math.floor(m.gutterWidth() + b[0]);
                        int x1 = Math.min(bare.getWidth(), (int) Math.ceil(m.gutterWidth() + b[0] + b[2]));
                        int mid = (int) Math.round(p.rowsTop() + row.y() + b[1] + b[3] / 2);
                        int cx = (x0 + x1) / 2;
                        // the ground: the colour under the label's middle, as far up and down as it goes
                        int ground = bare.getRGB(cx, mid);
                        int top = mid;
                        while (top - 1 >= rowTop && bare.getRGB(cx, top - 1) == ground) {
                            top--;
                        }
                        int bottom = mid;
                        while (bottom + 1 < rowBottom && bare.getRGB(cx, bottom + 1) == ground) {
                            bottom++;
                        }
                        for (int x = x0; x < x1; x++) {
                            for (int y = rowTop; y < rowBottom; y++) {
                                if ((y < top || y > bottom) && ink(words.getRGB(x, y), bare.getRGB(x, y))) {
                                    crossings.add(String.format("%s lanes %d px: %s's label at x %d: ink at y %d,"
                                                    + " its ground %d..%d", base == PictureMetrics.DESK ? "desk" : "projector",
                                            lane, t.thread(track.thread()).name(), x, y, top, bottom));
                                    x = x1;
                                    break;
                                }
                            }
                        }
                        labels++;
                    }
                }
            }
        }
        assertThat(labels).as("labels checked").isPositive();
        assertThat(crossings).as(id + ": letters over their box's outline").isEmpty();
    }

    private static boolean ink(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) >= INK) {
                return true;
            }
        }
        return false;
    }

    private static BufferedImage draw(TimelinePicture p, boolean withoutText) {
        BufferedImage img = new BufferedImage((int) p.width(), (int) Math.ceil(p.height()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            Painter painter = new Java2DPainter(g, 1);
            p.paint(withoutText ? withoutText(painter) : painter);
        } finally {
            g.dispose();
        }
        return img;
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
