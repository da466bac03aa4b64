package io.threadline.picture;

import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The busy-lane fast path paints the pixels the shapes would: a picture of busy lanes drawn
 * through pixel blocks ({@link LaneStrip}) and the same picture drawn shape by shape are alike,
 * in both themes and both sizes, with lanes faded by a highlight too.
 */
class LaneStripTest {

    @Test
    void aBusyLaneFromPixelsIsTheBusyLaneFromShapes() {
        Random random = new Random(48);
        Trace trace = busyTrace(random);
        for (PictureTheme theme : new PictureTheme[] {PictureTheme.LIGHT, PictureTheme.DARK}) {
            for (PictureMetrics m : new PictureMetrics[] {PictureMetrics.DESK, PictureMetrics.PROJECTOR}) {
                PictureOptions o = PictureOptions.defaults().withWidth(1400).withTheme(theme).withMetrics(m)
                        .withArrows(false).withLegend(false);
                TimelinePicture p = TimelinePicture.of(trace, o);
                BufferedImage fast = draw(p, false);
                BufferedImage shapes = draw(p, true);
                int differ = 0;
                int pixels = 0;
                for (int y = (int) m.rulerHeight(); y < fast.getHeight() - 1; y++) {
                    for (int x = (int) m.gutterWidth(); x < fast.getWidth() - 1; x++) {
                        pixels++;
                        if (fast.getRGB(x, y) != shapes.getRGB(x, y)) {
                            differ++;
                        }
                    }
                }
                assertThat((double) differ / pixels).as("%s %s: share of pixels unlike", theme.name(),
                        m == PictureMetrics.DESK ? "desk" : "projector").isLessThan(0.002);
            }
        }
    }

    private static BufferedImage draw(TimelinePicture p, boolean shapesOnly) {
        BufferedImage img = new BufferedImage((int) Math.ceil(p.width()), (int) Math.ceil(p.height()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            Java2DPainter painter = new Java2DPainter(g, 1);
            p.paint(shapesOnly ? new ShapesOnly(painter) : painter);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Lanes of a few thousand spans each, some of them zero-length, from new to dead. */
    private static Trace busyTrace(Random random) {
        Trace trace = new Trace();
        trace.describe("busy", Map.of(), 48, "virtual");
        int p = trace.addProcess("MainProcess");
        ThreadState[] states = {ThreadState.RUNNING, ThreadState.RUNNABLE, ThreadState.WAITING};
        long end = 0;
        for (int i = 0; i < 6; i++) {
            trace.addThread("T" + i, p, false, ThreadRole.THREAD);
            long time = i * 3000L;
            trace.transition(i, time, ThreadState.NEW, Reason.CREATED, -1, null, 1);
            time += 5000;
            ThreadState last = ThreadState.NEW;
            for (int k = 0; k < 1500; k++) {
                ThreadState s = states[random.nextInt(3)];
                if (s == last) {
                    continue;
                }
                trace.transition(i, time, s, s == ThreadState.WAITING ? Reason.SLEEP : Reason.SCHEDULED, -1, null, 2);
                last = s;
                time += random.nextInt(4) == 0 ? 0 : (long) Math.pow(10, 1 + random.nextDouble() * 2.5);
            }
            if (i % 2 == 0) {
                trace.transition(i, time, ThreadState.DEAD, Reason.RETURNED, -1, null, 3);
            }
            end = Math.max(end, time);
        }
        trace.finish(end + 1000, RunOutcome.COMPLETED, "");
        return trace;
    }

    /** A painter that lends no pixel blocks, so every lane is drawn shape by shape. */
    private record ShapesOnly(Painter g) implements Painter {
        @Override
        public void save() {
            g.save();
        }

        @Override
        public void restore() {
            g.restore();
        }

        @Override
        public void translate(double dx, double dy) {
            g.translate(dx, dy);
        }

        @Override
        public void clip(double x, double y, double w, double h) {
            g.clip(x, y, w, h);
        }

        @Override
        public void setAlpha(double alpha) {
            g.setAlpha(alpha);
        }

        @Override
        public void setFill(Rgb color) {
            g.setFill(color);
        }

        @Override
        public void setHatch(Rgb stripe, Rgb ground) {
            g.setHatch(stripe, ground);
        }

        @Override
        public void setStroke(Rgb color) {
            g.setStroke(color);
        }

        @Override
        public void setLineWidth(double width) {
            g.setLineWidth(width);
        }

        @Override
        public void setLineDashes(double dash, double gap) {
            g.setLineDashes(dash, gap);
        }

        @Override
        public void setRoundCaps(boolean round) {
            g.setRoundCaps(round);
        }

        @Override
        public void setFont(TextStyle style) {
            g.setFont(style);
        }

        @Override
        public void fillRect(double x, double y, double w, double h) {
            g.fillRect(x, y, w, h);
        }

        @Override
        public void strokeRect(double x, double y, double w, double h) {
            g.strokeRect(x, y, w, h);
        }

        @Override
        public void fillRoundRect(double x, double y, double w, double h, double arc) {
            g.fillRoundRect(x, y, w, h, arc);
        }

        @Override
        public void strokeRoundRect(double x, double y, double w, double h, double arc) {
            g.strokeRoundRect(x, y, w, h, arc);
        }

        @Override
        public void fillOval(double x, double y, double w, double h) {
            g.fillOval(x, y, w, h);
        }

        @Override
        public void strokeOval(double x, double y, double w, double h) {
            g.strokeOval(x, y, w, h);
        }

        @Override
        public void strokeLine(double x1, double y1, double x2, double y2) {
            g.strokeLine(x1, y1, x2, y2);
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, int n) {
            g.fillPolygon(xs, ys, n);
        }

        @Override
        public void strokePolygon(double[] xs, double[] ys, int n) {
            g.strokePolygon(xs, ys, n);
        }

        @Override
        public void strokePolyline(double[] xs, double[] ys, int n) {
            g.strokePolyline(xs, ys, n);
        }

        @Override
        public void fillText(String text, double x, double y, Align align) {
            g.fillText(text, x, y, align);
        }

        @Override
        public double textWidth(String text, TextStyle style) {
            return g.textWidth(text, style);
        }
    }
}
