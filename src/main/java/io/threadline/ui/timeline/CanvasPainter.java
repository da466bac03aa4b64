package io.threadline.ui.timeline;

import io.threadline.picture.Hatch;
import io.threadline.picture.Painter;
import io.threadline.picture.PixelBlock;
import io.threadline.picture.Rgb;
import io.threadline.picture.TextStyle;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Painter} on a JavaFX canvas: the window's timeline, its legend and swatches, and the
 * export preview draw through it, as PNG, SVG and GIF draw through theirs. JavaFX thread only.
 *
 * <p>A canvas cannot measure text, so widths are measured once per string with a {@code Text}
 * node and kept. Pixel blocks (a busy lane's bars) are images over buffers shared with the
 * caller, from a pool of this painter's own: one renderer, one pool. The pool is used every
 * other frame ({@link #nextFrame()}): the frame before may still be on its way to the screen
 * while this one is drawn, so its images stay untouched.
 */
public final class CanvasPainter implements Painter {
    private static final int WIDTH_CACHE_LIMIT = 4096;
    private static final Map<Long, ImagePattern> HATCHES = new HashMap<>();
    private static final String FONT_DIR = "/io/threadline/ui/fonts/";
    private static final String[] FACES = {
        "Inter-Regular.otf", "Inter-Bold.otf", "JetBrainsMono-Regular.ttf", "JetBrainsMono-Bold.ttf",
    };
    private static boolean facesChecked;

    private final GraphicsContext gc;
    private final Text probe = new Text();
    private final Map<TextStyle, Font> fonts = new HashMap<>();
    private final Map<TextStyle, Map<String, Double>> widths = new HashMap<>();
    private final List<List<Slot>> pools = List.of(new ArrayList<>(), new ArrayList<>());
    private int frame;
    private int next;

    /** An image over a buffer of premultiplied ARGB ints it shares with us: no copy, no conversion. */
    private final class Slot implements PixelBlock {
        private final int[] ints;
        private final PixelBuffer<IntBuffer> buffer;
        private final WritableImage image;

        Slot(int width, int height) {
            ints = new int[width * height];
            buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(ints), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }

        @Override
        public int width() {
            return buffer.getWidth();
        }

        @Override
        public int height() {
            return buffer.getHeight();
        }

        @Override
        public int[] pixels() {
            return ints;
        }

        @Override
        public void draw(double x, double y) {
            buffer.updateBuffer(b -> null);
            gc.drawImage(image, x, y);
        }
    }

    public CanvasPainter(GraphicsContext gc) {
        this.gc = gc;
        gc.setTextBaseline(VPos.CENTER);
    }

    /** The JavaFX colour of an {@link Rgb}. */
    public static Color color(Rgb c) {
        return Color.rgb(c.red(), c.green(), c.blue());
    }

    /**
     * The JavaFX font the painter draws a style with: the bundled faces the pictures use (Inter
     * and JetBrains Mono, regular and bold), so the window measures and draws text as an export does.
     */
    public Font font(TextStyle s) {
        return fonts.computeIfAbsent(s, k -> {
            loadFaces();
            return Font.font(k.mono() ? "JetBrains Mono" : "Inter", k.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                    k.size());
        });
    }

    /** Registers the faces the pictures draw with, unless the app already did (ui.Fonts, at start). */
    private static synchronized void loadFaces() {
        if (facesChecked) {
            return;
        }
        facesChecked = true;
        if (Font.font("Inter", FontWeight.BOLD, 12).getName().equals("Inter Bold")) {
            return;
        }
        for (String f : FACES) {
            try (InputStream in = CanvasPainter.class.getResourceAsStream(FONT_DIR + f)) {
                if (in != null) {
                    Font.loadFont(in, 12);
                }
            } catch (IOException e) {
                // the system font stands in
            }
        }
    }

    /** The "runnable" stripes as a canvas pattern, from the one tile every surface uses. */
    public static ImagePattern hatch(Rgb stripe, Rgb ground) {
        return HATCHES.computeIfAbsent((long) stripe.value() << 24 | ground.value(), k -> {
            int n = Hatch.size(1);
            WritableImage img = new WritableImage(n, n);
            img.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), Hatch.tile(stripe, ground, 1),
                    0, n);
            return new ImagePattern(img, 0, 0, Hatch.PERIOD, Hatch.PERIOD, false);
        });
    }

    /** Called once at the start of each frame of the surface this painter draws on. */
    public void nextFrame() {
        frame++;
        next = 0;
    }

    @Override
    public PixelBlock pixels(int width, int height) {
        if (width <= 0 || height <= 0) {
            return null;
        }
        List<Slot> pool = pools.get(frame & 1);
        Slot s = next < pool.size() ? pool.get(next) : null;
        if (s == null || s.width() != width || s.height() != height) {
            s = new Slot(width, height);
            if (next < pool.size()) {
                pool.set(next, s);
            } else {
                pool.add(s);
            }
        }
        next++;
        return s;
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
        gc.setFill(hatch(stripe, ground));
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
    public void strokeOval(double x, double y, double w, double h) {
        gc.strokeOval(x, y, w, h);
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
        Map<String, Double> byText = widths.computeIfAbsent(style, s -> new HashMap<>());
        Double w = byText.get(text);
        if (w == null) {
            if (byText.size() > WIDTH_CACHE_LIMIT) {
                byText.clear();
            }
            probe.setFont(font(style));
            probe.setText(text);
            w = probe.getLayoutBounds().getWidth();
            byText.put(text, w);
        }
        return w;
    }
}
