package io.threadline.ui.timeline;

import io.threadline.picture.Painter;
import io.threadline.picture.Rgb;
import io.threadline.picture.TextStyle;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.Map;

/**
 * The picture's {@link Painter} on a JavaFX canvas: the third backend besides Java2D and SVG, so
 * an exported picture can be previewed in the window exactly as it will be drawn (and the view's
 * tracks can move onto the same painter). JavaFX thread only.
 */
public final class CanvasPainter implements Painter {
    private static final int TILE = 8;

    private final GraphicsContext gc;
    private final Text probe = new Text();
    private final Map<TextStyle, Font> fonts = new HashMap<>();
    private final Map<String, ImagePattern> hatches = new HashMap<>();

    public CanvasPainter(GraphicsContext gc) {
        this.gc = gc;
        gc.setTextBaseline(VPos.CENTER);
    }

    private static Color color(Rgb c) {
        return Color.rgb(c.red(), c.green(), c.blue());
    }

    private Font font(TextStyle s) {
        return fonts.computeIfAbsent(s, k -> Font.font(k.mono() ? "JetBrains Mono" : "Inter",
                k.bold() ? FontWeight.SEMI_BOLD : FontWeight.NORMAL, k.size()));
    }

    @Override
    public void save() {
        gc.save();
    }

    @Override
    public void restore() {
        gc.restore();
    }

    @Override
    public void translate(double dx, double dy) {
        gc.translate(dx, dy);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.closePath();
        gc.clip();
    }

    @Override
    public void setAlpha(double alpha) {
        gc.setGlobalAlpha(alpha);
    }

    @Override
    public void setFill(Rgb c) {
        gc.setFill(color(c));
    }

    @Override
    public void setHatch(Rgb stripe, Rgb ground) {
        gc.setFill(hatches.computeIfAbsent(stripe.hex() + ground.hex(), k -> {
            WritableImage img = new WritableImage(TILE, TILE);
            PixelWriter w = img.getPixelWriter();
            for (int y = 0; y < TILE; y++) {
                for (int x = 0; x < TILE; x++) {
                    double cover = 0;
                    for (int s = 0; s < 4; s++) {
                        double d = ((x + (s % 2) * 0.5 + 0.25) + (y + (s / 2) * 0.5 + 0.25)) % TILE;
                        cover += d < 3.0 ? 0.25 : 0;
                    }
                    w.setColor(x, y, color(ground).interpolate(color(stripe), cover));
                }
            }
            return new ImagePattern(img, 0, 0, TILE, TILE, false);
        }));
    }

    @Override
    public void setStroke(Rgb c) {
        gc.setStroke(color(c));
    }

    @Override
    public void setLineWidth(double width) {
        gc.setLineWidth(width);
    }

    @Override
    public void setLineDashes(double dash, double gap) {
        if (dash > 0) {
            gc.setLineDashes(dash, gap);
        } else {
            gc.setLineDashes((double[]) null);
        }
    }

    @Override
    public void setRoundCaps(boolean round) {
        gc.setLineCap(round ? StrokeLineCap.ROUND : StrokeLineCap.SQUARE);
    }

    @Override
    public void setFont(TextStyle style) {
        gc.setFont(font(style));
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        gc.strokeRect(x, y, w, h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        gc.fillRoundRect(x, y, w, h, arc, arc);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        gc.strokeRoundRect(x, y, w, h, arc, arc);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        gc.fillOval(x, y, w, h);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        gc.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        gc.fillPolygon(xs, ys, n);
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int n) {
        gc.strokePolygon(xs, ys, n);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        gc.strokePolyline(xs, ys, n);
    }

    @Override
    public void fillText(String text, double x, double y, Align align) {
        gc.setTextAlign(align == Align.LEFT ? TextAlignment.LEFT
                : align == Align.CENTER ? TextAlignment.CENTER : TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(text, x, y);
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        probe.setFont(font(style));
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }
}
