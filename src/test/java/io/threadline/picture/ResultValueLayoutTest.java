package io.threadline.picture;

import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's values share their first word once: more of them find room (executor's "page 2, page 3, +2"). */
class ResultValueLayoutTest {
    @Test
    void aFirstWordAllShareIsWrittenOnce() {
        assertThat(ResultValueLayout.join(List.of("page 2", "page 3", "page 0"))).isEqualTo("page 2, 3, 0");
        assertThat(ResultValueLayout.join(List.of("page 2"))).isEqualTo("page 2");
        assertThat(ResultValueLayout.join(List.of("1", "4", "9"))).isEqualTo("1, 4, 9");
        assertThat(ResultValueLayout.join(List.of("page 2", "item 3"))).isEqualTo("page 2, item 3");
        assertThat(ResultValueLayout.join(List.of("page 2", "page"))).as("nothing after the word").isEqualTo("page 2, page");
        assertThat(ResultValueLayout.join(List.of("a b c", "a d"))).as("more than one word after it").isEqualTo("a b c, a d");
        assertThat(ResultValueLayout.join(List.of("(1, 2)", "(3, 4)"))).isEqualTo("(1, 2), (3, 4)");
    }

    /**
     * A burst of results near the picture's right edge, with the line before it empty: the last
     * diamonds have no room of their own, so the burst's values are written whole before its first
     * diamond, not as "True, False … True, +5" (prime-check at 1280 px).
     */
    @Test
    void aBurstNearTheEdgeWritesAllItsValuesBeforeItsFirstDiamond() {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = img.createGraphics();
        try {
            Painter g = new Java2DPainter(g2, 1);
            TextStyle font = TextStyle.bold(16);
            List<List<String>> values = List.of(List.of("True", "False"), List.of("True", "True", "False"),
                    List.of("True", "False", "True"));
            double[] gx = {740, 790, 825};
            List<ResultValueLayout.Label> labels = new ResultValueLayout(g, font, gx, values, 7, 10, 30, 950, false,
                    List.of()).labels();
            assertThat(labels).hasSize(1);
            ResultValueLayout.Label l = labels.get(0);
            assertThat(l.text()).isEqualTo("True, False, True, True, False, True, False, True");
            assertThat(l.first()).isZero();
            assertThat(l.last()).isEqualTo(2);
            assertThat(l.x() + g.textWidth(l.text(), font)).as("ends before the first diamond").isLessThan(740 - 7);
            assertThat(l.x()).isGreaterThanOrEqualTo(0);

            // with no room before the burst either, the last run is shortened as before
            List<ResultValueLayout.Label> tight = new ResultValueLayout(g, font, new double[] {40, 90, 125}, values, 7,
                    10, 30, 250, false, List.of()).labels();
            assertThat(tight.get(tight.size() - 1).text()).contains("+");
        } finally {
            g2.dispose();
        }
    }

    /**
     * A diamond with no room after it but room before: its values go after a later diamond of
     * the run, never before it, where they sat nearer it than the diamond they followed but read
     * as that one's (executor's apply_async "1   0, 4 ◆ 16 ◆ 9" on the projector).
     */
    @Test
    void valuesFollowTheirDiamondsWhereAnyRunHasRoomAfterIt() {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = img.createGraphics();
        try {
            Painter g = new Java2DPainter(g2, 1);
            TextStyle font = TextStyle.bold(18);
            List<List<String>> values = List.of(List.of("1"), List.of("0", "4"), List.of("16"), List.of("9"));
            double[] gx = {100, 260, 300, 420};
            List<ResultValueLayout.Label> labels = new ResultValueLayout(g, font, gx, values, 10, 12, 40, 700, false,
                    List.of()).labels();
            for (ResultValueLayout.Label l : labels) {
                assertThat(l.x()).as("'%s' starts after its last diamond", l.text()).isGreaterThan(gx[l.last()]);
            }
            assertThat(labels).extracting(ResultValueLayout.Label::text).containsExactly("1", "0, 4, 16", "9");
        } finally {
            g2.dispose();
        }
    }
}
