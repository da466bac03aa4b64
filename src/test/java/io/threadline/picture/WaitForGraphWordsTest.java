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
}
