package io.threadline.ui.timeline;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/**
 * Draws states and end caps as {@link StateLook} says; used by the lanes and by the legend, so
 * both always look the same. Outlines sit on half pixels (odd widths) for crisp edges.
 */
final class StatePainter {
    private StatePainter() {
    }

    /** Top of a state's shape in a bar area starting at {@code barTop}, {@code barHeight} tall. */
    static double shapeTop(StateLook look, double barTop, double barHeight) {
        return barTop + Math.floor((barHeight - shapeHeight(look, barHeight)) / 2);
    }

    static double shapeHeight(StateLook look, double barHeight) {
        return Math.max(2, Math.round(barHeight * look.height()));
    }

    /** Paints a stretch of one state over [x0, x1) (whole pixels). */
    static void span(GraphicsContext gc, TimelinePalette p, TimelineMetrics m, ThreadState state,
                     double x0, double x1, double barTop, double barHeight) {
        StateLook look = StateLook.of(state);
        double w = x1 - x0;
        if (w <= 0 || look.shape() == StateLook.Shape.END_CAP) {
            return;
        }
        double y = shapeTop(look, barTop, barHeight);
        double h = shapeHeight(look, barHeight);
        Color stroke = p.color(look.stroke());
        double lw = m.line();
        boolean thin = w < 2 * lw + 2;
        switch (look.shape()) {
            case SOLID -> {
                gc.setFill(stroke);
                gc.fillRect(x0, y, w, h);
            }
            case HATCHED -> {
                if (thin) {
                    gc.setFill(stroke);
                    gc.fillRect(x0, y, w, h);
                } else {
                    gc.setFill(p.hatch());
                    gc.fillRect(x0, y, w, h);
                    outline(gc, stroke, lw, x0, y, w, h);
                }
            }
            case OUTLINED -> {
                if (thin) {
                    gc.setFill(stroke);
                    gc.fillRect(x0, y, w, h);
                } else {
                    gc.setFill(p.color(look.fill()));
                    gc.fillRect(x0, y, w, h);
                    outline(gc, stroke, lw, x0, y, w, h);
                }
            }
            case DOTTED -> {
                if (thin) {
                    gc.setFill(stroke);
                    gc.fillRect(x0, y, w, h);
                } else {
                    gc.setLineDashes(lw * 2, lw * 2);
                    outline(gc, stroke, lw, x0, y, w, h);
                    gc.setLineDashes((double[]) null);
                }
            }
            default -> {
            }
        }
    }

    /** A fill without outline, for columns where several short spans merge. */
    static void mergedSpan(GraphicsContext gc, TimelinePalette p, ThreadState state, double x0, double x1,
                           double barTop, double barHeight) {
        StateLook look = StateLook.of(state);
        if (look.shape() == StateLook.Shape.END_CAP) {
            return;
        }
        double y = shapeTop(look, barTop, barHeight);
        double h = shapeHeight(look, barHeight);
        gc.setFill(look.shape() == StateLook.Shape.HATCHED ? p.hatch()
                : look.shape() == StateLook.Shape.OUTLINED ? p.color(look.fill()) : p.color(look.stroke()));
        gc.fillRect(x0, y, x1 - x0, h);
        if (look.shape() == StateLook.Shape.OUTLINED) {
            // keep the top and bottom edges of the neighbouring outlined boxes continuous
            gc.setFill(p.color(look.stroke()));
            gc.fillRect(x0, y, x1 - x0, 1);
            gc.fillRect(x0, y + h - 1, x1 - x0, 1);
        }
    }

    private static void outline(GraphicsContext gc, Color c, double lw, double x, double y, double w, double h) {
        if (gc.getLineDashes() == null && lw == Math.rint(lw) && x == Math.rint(x) && y == Math.rint(y)
                && w == Math.rint(w) && h == Math.rint(h)) {
            // on whole pixels a stroked box is four filled ones, which the software pipeline
            // paints many times faster than a stroke (a path through the rasterizer)
            gc.setFill(c);
            gc.fillRect(x, y, w, lw);
            gc.fillRect(x, y + h - lw, w, lw);
            gc.fillRect(x, y + lw, lw, h - 2 * lw);
            gc.fillRect(x + w - lw, y + lw, lw, h - 2 * lw);
            return;
        }
        double inset = lw / 2;
        gc.setStroke(c);
        gc.setLineWidth(lw);
        gc.strokeRect(x + inset, y + inset, w - lw, h - lw);
    }

    /**
     * The mark at a thread's death, different in shape for each ending: a filled dot (returned),
     * a cross (raised), a lightning bolt (killed), so it reads without colour.
     */
    static void cap(GraphicsContext gc, TimelinePalette p, Reason how, double cx, double cy, double r) {
        Color halo = p.color(PaletteKey.BACKGROUND);
        switch (how) {
            case RAISED -> {
                double a = r * 0.95;
                gc.setLineCap(StrokeLineCap.ROUND);
                gc.setStroke(halo);
                gc.setLineWidth(r * 0.55 + 3);
                cross(gc, cx, cy, a);
                gc.setStroke(p.color(PaletteKey.FAILED));
                gc.setLineWidth(r * 0.55);
                cross(gc, cx, cy, a);
                gc.setLineCap(StrokeLineCap.SQUARE);
            }
            case KILLED -> {
                double[] xs = {0.30, -0.62, -0.06, -0.34, 0.62, 0.06};
                double[] ys = {-1.35, 0.18, 0.18, 1.35, -0.22, -0.22};
                double[] px = new double[xs.length];
                double[] py = new double[ys.length];
                for (int i = 0; i < xs.length; i++) {
                    px[i] = cx + xs[i] * r * 1.3;
                    py[i] = cy + ys[i] * r * 1.3;
                }
                gc.setStroke(halo);
                gc.setLineWidth(3);
                gc.strokePolygon(px, py, px.length);
                gc.setFill(p.color(PaletteKey.FAILED));
                gc.fillPolygon(px, py, px.length);
            }
            default -> {
                gc.setFill(halo);
                gc.fillOval(cx - r - 2, cy - r - 2, 2 * r + 4, 2 * r + 4);
                gc.setFill(p.color(PaletteKey.RETURNED));
                gc.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            }
        }
    }

    /**
     * The mark of a thread that was new for no visible time: a dotted ring in the colour of "new"
     * (the dotted outline that the state has on a lane), on a halo so it reads over a bar.
     */
    static void newMark(GraphicsContext gc, TimelinePalette p, TimelineMetrics m, double cx, double cy, double r) {
        gc.setFill(p.color(PaletteKey.BACKGROUND));
        gc.fillOval(cx - r - 2, cy - r - 2, 2 * r + 4, 2 * r + 4);
        double lw = Math.max(1.5, m.line() + 0.5);
        gc.setStroke(p.color(PaletteKey.NEW));
        gc.setLineWidth(lw);
        gc.setLineDashes(lw * 1.4, lw * 1.2);
        gc.strokeOval(cx - r + lw / 2, cy - r + lw / 2, 2 * r - lw, 2 * r - lw);
        gc.setLineDashes((double[]) null);
    }

    private static void cross(GraphicsContext gc, double cx, double cy, double a) {
        gc.strokeLine(cx - a, cy - a, cx + a, cy + a);
        gc.strokeLine(cx - a, cy + a, cx + a, cy - a);
    }

    /** Snaps a coordinate to the pixel centre, where a 1-px line is crisp. */
    static double half(double v) {
        return Math.floor(v) + 0.5;
    }
}
