package io.threadline.testing;

import io.threadline.picture.Java2DPainter;
import io.threadline.picture.Painter;
import io.threadline.picture.Rgb;
import io.threadline.picture.TextStyle;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A painter that keeps every text written, where it lands on the surface (translations applied)
 * and how big its letters are, for checks of what is written where. Shapes are dropped; widths
 * are measured by Java2D, as a PNG's would be.
 */
public final class TextRecorder implements Painter {
    /** A text as written: its box on the surface, from the middle of its letters. */
    public record Written(String text, double left, double right, double top, double bottom) {
        @Override
        public String toString() {
            return "'" + text + "' x " + Math.round(left) + ".." + Math.round(right) + " y " + Math.round(top) + ".."
                    + Math.round(bottom);
        }
    }

    /** The share of the font's size a line's letters take above and below its middle. */
    private static final double HALF_LETTERS = 0.45;

    private final Java2DPainter measure;
    private final List<Written> written = new ArrayList<>();
    private final Deque<double[]> saved = new ArrayDeque<>();
    private double dx;
    private double dy;
    private TextStyle font = TextStyle.of(12);

    public TextRecorder() {
        Graphics2D g = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB).createGraphics();
        measure = new Java2DPainter(g, 1);
    }

    public List<Written> written() {
        return written;
    }

    @Override
    public void save() {
        saved.push(new double[] {dx, dy});
    }

    @Override
    public void restore() {
        double[] s = saved.pop();
        dx = s[0];
        dy = s[1];
    }

    @Override
    public void translate(double x, double y) {
        dx += x;
        dy += y;
    }

    @Override
    public void clip(double x, double y, double w, double h) {
    }

    @Override
    public void setAlpha(double alpha) {
    }

    @Override
    public void setFill(Rgb color) {
    }

    @Override
    public void setHatch(Rgb stripe, Rgb ground) {
    }

    @Override
    public void setStroke(Rgb color) {
    }

    @Override
    public void setLineWidth(double width) {
    }

    @Override
    public void setLineDashes(double dash, double gap) {
    }

    @Override
    public void setRoundCaps(boolean round) {
    }

    @Override
    public void setFont(TextStyle style) {
        font = style;
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int n) {
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
    }

    @Override
    public void fillText(String text, double x, double y, Align align) {
        if (text.isBlank()) {
            return;
        }
        double w = textWidth(text, font);
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        double half = font.size() * HALF_LETTERS;
        written.add(new Written(text, dx + left, dx + left + w, dy + y - half, dy + y + half));
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        return measure.textWidth(text, style);
    }
}
