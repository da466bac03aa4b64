package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.TextRecorder;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wait-for graph's key says what a dashed and a solid line are; its edges write only the
 * words that say more ("join", a role, "holds ×2"). Each plain "waits" and "holds" repeated the
 * key, and in a deadlock's cycle the crossing edges stacked them (a fresh-eyes review of the
 * projector's deadlock picture: two "waits" one over the other, one "holds" of the two).
 */
class WaitForGraphWordsTest {
    @Test
    void aDeadlocksGraphHasItsKeyAndItsJoinButNoPlainWaitsOrHolds() throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("deadlock");
        Trace t = s.execute(s.values(Map.of()));
        for (PictureMetrics m : List.of(PictureMetrics.DESK, PictureMetrics.PROJECTOR)) {
            WaitForGraphPicture graph = WaitForGraphPicture.at(t, t.endTime(), 500, PictureTheme.LIGHT, m);
            TextRecorder g = new TextRecorder();
            graph.paint(g);
            List<String> words = g.written().stream().map(TextRecorder.Written::text).toList();
            assertThat(words).contains("waits for", "is held by", "join", "Alice", "Bob");
            assertThat(words).doesNotContain("waits", "holds");
        }
    }

    /**
     * Every dashed line leaves gaps wider than its width: lines end square, half their width past
     * each dash, and the deadlock cycle's thick "waits for" edges (2.5 px, gaps of 3) were drawn
     * solid in the window, as "is held by" is, against the key.
     */
    @Test
    void everyDashedLineOfTheGraphKeepsGapsWiderThanItsWidth() throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("deadlock");
        Trace t = s.execute(s.values(Map.of()));
        double[] state = {1, 0, 0};   // width, dash, gap
        List<double[]> dashed = new java.util.ArrayList<>();
        TextRecorder inner = new TextRecorder();
        Painter g = (Painter) java.lang.reflect.Proxy.newProxyInstance(Painter.class.getClassLoader(),
                new Class<?>[] {Painter.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setLineWidth" -> state[0] = (double) args[0];
                        case "setLineDashes" -> {
                            state[1] = (double) args[0];
                            state[2] = (double) args[1];
                        }
                        case "strokeLine", "strokePolyline" -> {
                            if (state[1] > 0) {
                                dashed.add(state.clone());
                            }
                        }
                        default -> {
                        }
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        WaitForGraphPicture.at(t, t.endTime(), 500, PictureTheme.LIGHT, PictureMetrics.PROJECTOR).paint(g);
        assertThat(dashed).as("the key's, the join's and the two waits").hasSizeGreaterThanOrEqualTo(4);
        for (double[] d : dashed) {
            assertThat(d[2]).as("gap of a dashed line %.1f px wide", d[0]).isGreaterThanOrEqualTo(d[0] + 2);
        }
    }
}
