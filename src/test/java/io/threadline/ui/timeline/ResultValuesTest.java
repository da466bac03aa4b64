package io.threadline.ui.timeline;

import io.threadline.picture.Java2DPainter;
import io.threadline.picture.Painter;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.ResultsTrack;
import io.threadline.picture.TextStyle;
import io.threadline.picture.TimelinePicture;
import io.threadline.picture.TimelineRows;
import io.threadline.picture.TraceExtras;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.ResultMark;
import io.threadline.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every result a call delivered is on its row: its value written out, or counted by a "+n" where
 * no run of diamonds has room for it. A fresh-eyes review of the projector's pictures found
 * threads-vs-processes' "4 results" row showing three values (the first squeezed out to nothing
 * between two diamonds drawn on one another) and executor's showing "pag…" and a diamond with
 * no value at all.
 */
class ResultValuesTest {
    @ParameterizedTest
    @ValueSource(strings = {"threads-vs-processes", "executor", "pool-map-vs-imap", "pool-the-rest", "prime-check"})
    void everyResultIsWrittenOrCounted(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        Trace t = s.execute(s.values(Map.of()));
        TraceExtras extras = new TraceExtras(t);
        extras.update();
        PictureMetrics squeezed = LaneHeights.at(PictureMetrics.PROJECTOR, LaneHeights.leastLane(PictureMetrics.PROJECTOR));
        int rows = 0;
        for (PictureMetrics m : List.of(squeezed, PictureMetrics.PROJECTOR, PictureMetrics.DESK)) {
            for (double width : new double[] {960, 1280, 1920}) {
                TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withMetrics(m).withWidth(width));
                List<double[]> at = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                BufferedImage img = new BufferedImage((int) p.width(), (int) Math.ceil(p.height()), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                try {
                    p.paint(recordingText(new Java2DPainter(g, 1), m.smallBold(), at, texts));
                } finally {
                    g.dispose();
                }
                for (TimelineRows.Row row : p.rows().rows()) {
                    if (!(row.track() instanceof ResultsTrack results)) {
                        continue;
                    }
                    double top = p.rowsTop() + row.y();
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < texts.size(); i++) {
                        double[] xy = at.get(i);
                        if (xy[0] >= m.gutterWidth() && xy[1] >= top && xy[1] < top + row.height()) {
                            mine.add(i);
                        }
                    }
                    mine.sort(Comparator.comparingDouble(i -> at.get(i)[0]));
                    List<String> values = extras.results(results.variant()).stream().map(ResultMark::value).toList();
                    String where = "%s, %s, lanes %.0f px, width %.0f".formatted(id, results.variant(), m.laneHeight(), width);
                    int next = 0;
                    for (int i : mine) {
                        String text = texts.get(i);
                        assertThat(text).as("%s: a label cut short", where).doesNotEndWith("…");
                        for (String token : expanded(text)) {
                            if (token.startsWith("+")) {
                                next += Integer.parseInt(token.substring(1));
                            } else {
                                assertThat(next).as("%s: label \"%s\": more values than results %s", where, text, values)
                                        .isLessThan(values.size());
                                assertThat(token).as("%s: label \"%s\", value %d of %s", where, text, next, values)
                                        .isEqualTo(values.get(next));
                                next++;
                            }
                        }
                    }
                    assertThat(next).as("%s: results written or counted, of %s", where, values).isEqualTo(values.size());
                    rows++;
                }
            }
        }
        assertThat(rows).as("results rows checked").isPositive();
    }

    /** A label's values, a first word written once for all given back to each: "page 2, 3, +1" is page 2, page 3, +1. */
    private static List<String> expanded(String text) {
        List<String> out = new ArrayList<>();
        String prefix = null;
        for (String token : text.split(", ")) {
            if (out.isEmpty()) {
                int sp = token.indexOf(' ');
                prefix = sp > 0 ? token.substring(0, sp + 1) : null;
                out.add(token);
            } else if (prefix != null && !token.startsWith("+") && !token.contains(" ")) {
                out.add(prefix + token);
            } else {
                out.add(token);
            }
        }
        return out;
    }

    /** {@code g}, keeping the text drawn in {@code font} and where (in the picture's coordinates). */
    private static Painter recordingText(Painter g, TextStyle font, List<double[]> at, List<String> texts) {
        Deque<double[]> saved = new ArrayDeque<>();
        double[] shift = {0, 0};
        TextStyle[] current = {null};
        return (Painter) Proxy.newProxyInstance(Painter.class.getClassLoader(), new Class<?>[] {Painter.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "save" -> saved.push(shift.clone());
                        case "restore" -> {
                            double[] s = saved.pop();
                            shift[0] = s[0];
                            shift[1] = s[1];
                        }
                        case "translate" -> {
                            shift[0] += (double) args[0];
                            shift[1] += (double) args[1];
                        }
                        case "setFont" -> current[0] = (TextStyle) args[0];
                        case "fillText" -> {
                            if (font.equals(current[0])) {
                                at.add(new double[] {shift[0] + (double) args[1], shift[1] + (double) args[2]});
                                texts.add((String) args[0]);
                            }
                        }
                        default -> {
                        }
                    }
                    try {
                        return method.invoke(g, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
