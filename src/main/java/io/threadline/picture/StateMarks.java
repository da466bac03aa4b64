package io.threadline.picture;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;

/**
 * Draws states and end caps as {@link StateStyle} says, on any {@link Painter}: the lanes, the
 * legend, the swatches beside the timeline; so each state looks the same wherever it is drawn.
 * Outlines on whole pixels are filled boxes (in the software pipeline a stroke goes through the
 * rasterizer, a fill does not; the pixels are the same).
 */
public final class StateMarks {
    private StateMarks() {
    }

    /** Top of a state's shape in a bar area starting at {@code barTop}, {@code barHeight} tall. */
    public static double shapeTop(StateStyle look, double barTop, double barHeight) {
        return shapeTop(look, barTop, barHeight, 0);
    }

    public static double shapeHeight(StateStyle look, double barHeight) {
        return shapeHeight(look, barHeight, 0);
    }

    /**
     * The least height of a shape in a lane: its label's and its outline's. A lane squeezed to fit many on a
     * projector made the waits, two thirds of the bar, lower than their words; the words' ground
     * then covered the box's top and bottom edges, which stopped at each word and went on after
     * it, as if broken (a review of the projector's pictures). The legend keeps the proportions.
     */
    public static double laneLeast(PictureMetrics m) {
        return Math.round(m.smallSize() + 4) + 2 * Math.ceil(m.line());
    }

    /** As {@link #shapeTop(StateStyle, double, double)}, the shape at least {@code least} tall (within the bar). */
    public static double shapeTop(StateStyle look, double barTop, double barHeight, double least) {
        return barTop + Math.floor((barHeight - shapeHeight(look, barHeight, least)) / 2);
    }

    /** A state's shape height in a bar {@code barHeight} tall, at least {@code least} (within the bar). */
    public static double shapeHeight(StateStyle look, double barHeight, double least) {
        double h = Math.max(2, Math.round(barHeight * look.height()));
        return h >= least ? h : Math.max(h, Math.min(barHeight, least));
    }

    /** A stretch of one state over [x0, x1). */
    public static void span(Painter g, PictureTheme p, PictureMetrics m, ThreadState state, double x0, double x1,
                     double barTop, double barHeight) {
        span(g, p, m, state, x0, x1, barTop, barHeight, 0);
    }

    /** As above, in a lane: shapes at least {@link #laneLeast} tall. */
    public static void laneSpan(Painter g, PictureTheme p, PictureMetrics m, ThreadState state, double x0, double x1,
                     double barTop, double barHeight) {
        span(g, p, m, state, x0, x1, barTop, barHeight, laneLeast(m));
    }

    private static void span(Painter g, PictureTheme p, PictureMetrics m, ThreadState state, double x0, double x1,
                     double barTop, double barHeight, double least) {
        StateStyle look = StateStyle.of(state);
        double w = x1 - x0;
        if (w <= 0 || look.shape() == StateStyle.Shape.END_CAP) {
            return;
        }
        double y = shapeTop(look, barTop, barHeight, least);
        double h = shapeHeight(look, barHeight, least);
        Rgb stroke = p.color(look.stroke());
        double lw = m.line();
        boolean thin = w < 2 * lw + 2;
        switch (look.shape()) {
            case SOLID -> {
                g.setFill(stroke);
                g.fillRect(x0, y, w, h);
            }
            case HATCHED, OUTLINED -> {
                if (thin) {
                    g.setFill(stroke);
                    g.fillRect(x0, y, w, h);
                } else {
                    if (look.shape() == StateStyle.Shape.HATCHED) {
                        g.setHatch(p.color(Ink.RUNNABLE), p.color(Ink.RUNNABLE_FILL));
                    } else {
                        g.setFill(p.color(look.fill()));
                    }
                    g.fillRect(x0, y, w, h);
                    outline(g, stroke, lw, x0, y, w, h);
                }
            }
            case DOTTED -> {
                if (thin) {
                    g.setFill(stroke);
                    g.fillRect(x0, y, w, h);
                } else if (whole(lw) && whole(x0) && whole(y) && whole(w) && whole(h)) {
                    dottedOutline(g, stroke, lw, x0, y, w, h);
                } else {
                    g.setLineDashes(lw * 2, lw * 2);
                    g.setStroke(stroke);
                    g.setLineWidth(lw);
                    g.strokeRect(x0 + lw / 2, y + lw / 2, w - lw, h - lw);
                    g.setLineDashes(0, 0);
                }
            }
            default -> {
            }
        }
    }

    /** A fill without outline, for columns of a lane where several short spans merge; at least {@code least} tall. */
    public static void mergedSpan(Painter g, PictureTheme p, ThreadState state, double x0, double x1, double barTop,
                           double barHeight, double least) {
        StateStyle look = StateStyle.of(state);
        if (look.shape() == StateStyle.Shape.END_CAP) {
            return;
        }
        double y = shapeTop(look, barTop, barHeight, least);
        double h = shapeHeight(look, barHeight, least);
        switch (look.shape()) {
            case HATCHED -> g.setHatch(p.color(Ink.RUNNABLE), p.color(Ink.RUNNABLE_FILL));
            case OUTLINED -> g.setFill(p.color(look.fill()));
            default -> g.setFill(p.color(look.stroke()));
        }
        g.fillRect(x0, y, x1 - x0, h);
        if (look.shape() == StateStyle.Shape.OUTLINED) {
            // keep the top and bottom edges of the neighbouring outlined boxes continuous
            g.setFill(p.color(look.stroke()));
            g.fillRect(x0, y, x1 - x0, 1);
            g.fillRect(x0, y + h - 1, x1 - x0, 1);
        }
    }

    /**
     * The heavy outline of a wait on another thread ({@link StateStyle#waitsOnAnother}): a second
     * outline as wide as the plain one, just inside it, over the box from {@code x0} to
     * {@code x1} (the shape's top {@code y}, {@code h} tall); its sides only where {@code left}
     * and {@code right} say the span starts and ends (a span cut by the view's edge goes on). The
     * lanes and the legend's swatch draw it alike.
     */
    public static void heavyOutline(Painter g, Rgb c, double lw, double x0, double x1, double y, double h,
                                    boolean left, boolean right) {
        double a = left ? x0 + lw : x0;
        double b = right ? x1 - lw : x1;
        g.setFill(c);
        g.fillRect(a, y + lw, b - a, lw);
        g.fillRect(a, y + h - 2 * lw, b - a, lw);
        if (left) {
            g.fillRect(x0 + lw, y + 2 * lw, lw, h - 4 * lw);
        }
        if (right) {
            g.fillRect(x1 - 2 * lw, y + 2 * lw, lw, h - 4 * lw);
        }
    }

    static void outline(Painter g, Rgb c, double lw, double x, double y, double w, double h) {
        if (whole(lw) && whole(x) && whole(y) && whole(w) && whole(h)) {
            g.setFill(c);
            g.fillRect(x, y, w, lw);
            g.fillRect(x, y + h - lw, w, lw);
            g.fillRect(x, y + lw, lw, h - 2 * lw);
            g.fillRect(x + w - lw, y + lw, lw, h - 2 * lw);
            return;
        }
        double inset = lw / 2;
        g.setStroke(c);
        g.setLineWidth(lw);
        g.strokeRect(x + inset, y + inset, w - lw, h - lw);
    }

    /**
     * The mark at a thread's death, different in shape for each ending: a filled dot (returned),
     * a cross (raised), a lightning bolt (killed), so it reads without colour.
     */
    public static void cap(Painter g, PictureTheme p, Reason how, double cx, double cy, double r) {
        Rgb halo = p.color(Ink.BACKGROUND);
        switch (how) {
            case RAISED -> {
                double a = r * 0.95;
                g.setRoundCaps(true);
                g.setStroke(halo);
                g.setLineWidth(r * 0.55 + 3);
                cross(g, cx, cy, a);
                g.setStroke(p.color(Ink.FAILED));
                g.setLineWidth(r * 0.55);
                cross(g, cx, cy, a);
                g.setRoundCaps(false);
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
                g.setStroke(halo);
                g.setLineWidth(3);
                g.strokePolygon(px, py, px.length);
                g.setFill(p.color(Ink.FAILED));
                g.fillPolygon(px, py, px.length);
            }
            default -> {
                g.setFill(halo);
                g.fillOval(cx - r - 2, cy - r - 2, 2 * r + 4, 2 * r + 4);
                g.setFill(p.color(Ink.RETURNED));
                g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            }
        }
    }

    /**
     * The mark of a thread that was new for no visible time: a dotted ring in the colour of "new"
     * (the dotted outline the state has on a lane), on a halo so it reads over a bar.
     */
    public static void newMark(Painter g, PictureTheme p, PictureMetrics m, double cx, double cy, double r) {
        g.setFill(p.color(Ink.BACKGROUND));
        g.fillOval(cx - r - 2, cy - r - 2, 2 * r + 4, 2 * r + 4);
        double lw = Math.max(1.5, m.line() + 0.5);
        g.setStroke(p.color(Ink.NEW));
        g.setLineWidth(lw);
        g.setLineDashes(lw * 1.4, lw * 1.2);
        g.strokeOval(cx - r + lw / 2, cy - r + lw / 2, 2 * r - lw, 2 * r - lw);
        g.setLineDashes(0, 0);
    }

    /**
     * A dotted box on whole pixels as filled dashes, {@code 2 lw} on and off: every surface then
     * draws the same pixels (rasterizers start a dashed stroke's pattern each their own way),
     * and the dashes along x line up with those of a busy lane's pixels (anchored at x = 0).
     */
    private static void dottedOutline(Painter g, Rgb c, double lw, double x, double y, double w, double h) {
        double period = 4 * lw;
        g.setFill(c);
        for (double d = Math.floor(x / period) * period; d < x + w; d += period) {
            double a = Math.max(d, x);
            double b = Math.min(d + 2 * lw, x + w);
            if (b > a) {
                g.fillRect(a, y, b - a, lw);
                g.fillRect(a, y + h - lw, b - a, lw);
            }
        }
        for (double d = y + lw; d < y + h - lw; d += period) {
            double b = Math.min(d + 2 * lw, y + h - lw);
            g.fillRect(x, d, lw, b - d);
            g.fillRect(x + w - lw, d, lw, b - d);
        }
    }

    private static boolean whole(double v) {
        return v == Math.rint(v);
    }

    private static void cross(Painter g, double cx, double cy, double a) {
        g.strokeLine(cx - a, cy - a, cx + a, cy + a);
        g.strokeLine(cx - a, cy + a, cx + a, cy - a);
    }
}
