package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.CounterTrack;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A race's counter is drawn with the total it should have reached, so the lost updates are a visible gap. */
class CounterExpectedTest {

    private static Trace race(String lock) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId("race-condition");
        return s.execute(s.values(Map.of("threads", "4", "rounds", "3", "lock", lock)));
    }

    @Test
    void theExpectedTotalIsALineAboveAShortCounter() throws Exception {
        Trace t = race("false");
        CounterTrack counter = t.counters().get(0);
        assertThat(counter.expected()).isEqualTo(12L);
        long reached = counter.get(counter.size() - 1).value();
        assertThat(reached).as("updates are lost without the lock").isLessThan(12);

        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withWidth(1280).withLegend(false)
                .withArrows(false));
        String svg = SvgPainter.render(p, "race");
        assertThat(svg).contains("max " + reached + " · expected 12", "expected 12");

        BufferedImage img = Java2DPainter.render(p, 1);
        TimelineRows.Row row = p.rows().rows().stream().filter(r -> r.track() instanceof CounterChartTrack)
                .findFirst().orElseThrow();
        PictureMetrics m = PictureMetrics.DESK;
        // the chart's scale reaches the expected total, above the value reached: the line is at its top
        int top = (int) Math.round(p.rowsTop() + row.y() + m.barPadding() + 4);
        Rgb accent = PictureTheme.LIGHT.color(Ink.ACCENT);
        int hits = 0;
        for (int x = (int) m.gutterWidth() + 40; x < m.gutterWidth() + 400; x++) {
            for (int y = top - 1; y <= top + 1; y++) {
                int c = img.getRGB(x, y);
                // the line is antialiased across two rows: near the accent colour, not exactly it
                if (Math.abs((c >> 16 & 0xff) - accent.red()) < 40 && Math.abs((c >> 8 & 0xff) - accent.green()) < 40
                        && Math.abs((c & 0xff) - accent.blue()) < 40) {
                    hits++;
                    break;
                }
            }
        }
        assertThat(hits).as("a dashed line in the accent colour at the expected total").isGreaterThan(100);
    }

    @Test
    void withTheLockEveryUpdateCountsAndTheCounterMeetsTheLine() throws Exception {
        CounterTrack counter = race("true").counters().get(0);
        assertThat(counter.get(counter.size() - 1).value()).isEqualTo(counter.expected());
    }
}
