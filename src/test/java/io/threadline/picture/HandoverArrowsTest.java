package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.TextRecorder;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lane whose hand-overs in view are too many to draw apart shows none, and zooming in brings
 * them: threads-vs-processes' GIL, switching every 5 ms among four threads, drew some thirty
 * arrows across every lane between its lane and its threads' (a review of the projector's pictures).
 */
class HandoverArrowsTest {
    @Test
    void tooManyInViewShowNoneAndAZoomBringsThem() throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("threads-vs-processes");
        Trace t = s.execute(s.values(Map.of()));
        assertThat(drawn(t, PictureOptions.defaults().withWidth(1280))).as("the whole run").isZero();
        assertThat(drawn(t, PictureOptions.defaults().withWidth(1280).withWindow(300_000, 330_000)))
                .as("30 ms of it").isPositive();
    }

    private static int drawn(Trace t, PictureOptions o) {
        TimelinePicture p = TimelinePicture.of(t, o);
        TextRecorder g = new TextRecorder();
        p.paint(g);
        TrackContext ctx = TrackContext.of(g, t, p.scale(), t.endTime(), o.metrics(), o.theme());
        return HandoverArrows.paint(ctx, p.rows(), p.rowsTop(), p.rowsTop(), p.rowsTop() + p.rows().contentHeight());
    }
}
