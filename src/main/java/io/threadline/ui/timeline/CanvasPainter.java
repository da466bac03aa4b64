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
import javafx.scene.transform.Affine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.IntBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@link Painter} on a JavaFX canvas: the window's timeline, its legend and swatches, and the
 * export preview draw through it, as PNG, SVG and GIF draw through theirs. JavaFX thread only.
 *
 * <p>A canvas cannot measure text, so widths are measured once per string with a {@code Text}
 * node and kept. A painter made for a surface redrawn frame after frame ({@link #redrawn}) keeps
 * what is costly to draw again: pixel blocks (a busy lane's bars) are images over buffers shared
 * with the caller, and small shapes and words are kept as images ({@link Sprites}). Both belong
 * to this painter: one renderer, one pool. The blocks are used every other frame
 * ({@link #nextFrame()}): the frame before may still be on its way to the screen while this one
 * is drawn, so its images stay untouched.
 */
public final class CanvasPainter implements Painter {
    private static final int WIDTH_CACHE_LIMIT = 4096;
    private static final Map<Long, ImagePattern> HATCHES = new HashMap<>();
    private static final Map<Integer, Color> COLORS = new ConcurrentHashMap<>();
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
    /** Images of small shapes drawn again and again; null for a one-off drawing. */
    private final Sprites sprites;
    /** Sprites stand in only under a plain translation (the timeline's case), not a scale. */
    private final boolean plain;
    private final Deque<State> saved = new ArrayDeque<>();
    private State s = new State();

    /** What the sprites depend on, saved and restored as the canvas saves and restores its own. */
    private static final class State implements Cloneable {
        double tx;
        double ty;
        Rgb fill;
        Rgb stroke = new Rgb(0);
        double lineWidth = 1;
        double dash;
        double gap;
        boolean round;
        TextStyle font = TextStyle.of(12);

        State copy() {
            try {
                return (State) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A sprite's key: the shape, where it lies in its image, and the paint it is drawn with. */
    private record Key(String op, double x, double y, double w, double h, double arc, Object extra, Rgb fill,
                       Rgb stroke, double lineWidth, double dash, double gap, boolean round) {
    }

    /** Polygon points, compared by value. */
    private record Points(double[] xs, double[] ys) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Points p && Arrays.equals(xs, p.xs) && Arrays.equals(ys, p.ys);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(xs) + Arrays.hashCode(ys);
        }
    }

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

    /** A painter for a one-off drawing (a swatch, a preview). */
    public CanvasPainter(GraphicsContext gc) {
        this(gc, false);
    }

    private CanvasPainter(GraphicsContext gc, boolean keep) {
        this.gc = gc;
        gc.setTextBaseline(VPos.CENTER);
        Affine t = gc.getTransform();
        plain = t.getMxx() == 1 && t.getMyy() == 1 && t.getMxy() == 0 && t.getMyx() == 0;
        s.tx = t.getTx();
        s.ty = t.getTy();
        sprites = keep ? new Sprites() : null;
    }

    /**
     * A painter for a surface redrawn frame after frame (the timeline): it keeps the small shapes
     * and words it draws again and again as images.
     */
    public static CanvasPainter redrawn(GraphicsContext gc) {
        return new CanvasPainter(gc, true);
    }

    /** The JavaFX colour of an {@link Rgb}. */
    public static Color color(Rgb c) {
        // a frame sets a few colours thousands of times: keep the few objects
        Color known = COLORS.get(c.value());
        if (known == null) {
            known = Color.rgb(c.red(), c.green(), c.blue());
            if (COLORS.size() < 4096) {
                COLORS.put(c.value(), known);
            }
        }
        return known;
    }

    /**
     * The JavaFX font the painter draws a style with: the bundled faces the pictures use (Inter
     * and JetBrains Mono, regular and bold), so the window measures and draws text as an export does.
     */
    public Font font(TextStyle style) {
        return fonts.computeIfAbsent(style, k -> {
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
        if (sprites != null) {
            sprites.nextFrame();
        }
    }

    @Override
    public PixelBlock pixels(int width, int height) {
        if (width <= 0 || height <= 0) {
            return null;
        }
        List<Slot> pool = pools.get(frame & 1);
        Slot slot = next < pool.size() ? pool.get(next) : null;
        if (slot == null || slot.width() != width || slot.height() != height) {
            slot = new Slot(width, height);
            if (next < pool.size()) {
                pool.set(next, slot);
            } else {
                pool.add(slot);
            }
        }
        next++;
        return slot;
    }

    // ---- sprites

    /**
     * Draws a shape through its image if one stands for it: {@code x0..y1} bound it in user
     * coordinates, {@code pad} more around for anti-aliasing; {@code draw} draws it, with the
     * painter's state, on a context whose user origin lies where the painter's does, to the same
     * fraction of a pixel. False: draw the shape directly.
     */
    private boolean sprite(Key key, double x0, double y0, double x1, double y1, double pad,
                           Consumer<GraphicsContext> draw) {
        if (sprites == null || !plain) {
            return false;
        }
        int left = (int) Math.floor(x0 + s.tx - pad);
        int top = (int) Math.floor(y0 + s.ty - pad);
        int w = (int) Math.ceil(x1 + s.tx + pad) - left;
        int h = (int) Math.ceil(y1 + s.ty + pad) - top;
        double ox = s.tx - left;
        double oy = s.ty - top;
        Key placed = new Key(key.op(), grain(key.x() + ox), grain(key.y() + oy), key.w(), key.h(), key.arc(), key.extra(),
                key.fill(), key.stroke(), key.lineWidth(), key.dash(), key.gap(), key.round());
        Sprites.Sprite image = sprites.get(placed, w, h, g -> {
            g.translate(ox, oy);
            draw.accept(g);
        });
        if (image == null) {
            return false;
        }
        gc.drawImage(image.atlas(), image.x(), image.y(), image.width(), image.height(), left - s.tx, top - s.ty,
                image.width(), image.height());
        return true;
    }

    /** A position in an image to 1/256 of a pixel: finer differences never show, but would miss the cache. */
    private static double grain(double v) {
        return Math.round(v * 256) / 256.0;
    }

    /** A shape's key; only the paint it uses is part of it. */
    private Key key(String op, double x, double y, double w, double h, double arc, Object extra, boolean filled,
                    boolean stroked) {
        return new Key(op, x, y, w, h, arc, extra, filled ? s.fill : null, stroked ? s.stroke : null,
                stroked ? s.lineWidth : 0, stroked ? s.dash : 0, stroked ? s.gap : 0, stroked && s.round);
    }

    /** Copies the painter's fill to a sprite's context. */
    private Consumer<GraphicsContext> filled(Consumer<GraphicsContext> shape) {
        Color c = color(s.fill);
        return g -> {
            g.setFill(c);
            shape.accept(g);
        };
    }

    /** Copies the painter's stroke to a sprite's context. */
    private Consumer<GraphicsContext> stroked(Consumer<GraphicsContext> shape) {
        Color c = color(s.stroke);
        double lw = s.lineWidth;
        double dash = s.dash;
        double gap = s.gap;
        boolean round = s.round;
        return g -> {
            g.setStroke(c);
            g.setLineWidth(lw);
            g.setLineCap(round ? StrokeLineCap.ROUND : StrokeLineCap.SQUARE);
            g.setLineDashes(dash > 0 ? new double[] {dash, gap} : null);
            shape.accept(g);
        };
    }

    private double strokePad() {
        return s.lineWidth / 2 + 2;
    }

    // ---- state

    @Override
    public void save() {
        gc.save();
        saved.push(s.copy());
    }

    @Override
    public void restore() {
        gc.restore();
        s = saved.pop();
    }

    @Override
    public void translate(double dx, double dy) {
        gc.translate(dx, dy);
        s.tx += dx;
        s.ty += dy;
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
        s.fill = c;
        gc.setFill(color(c));
    }

    @Override
    public void setHatch(Rgb stripe, Rgb ground) {
        s.fill = null;
        gc.setFill(hatch(stripe, ground));
    }

    @Override
    public void setStroke(Rgb c) {
        s.stroke = c;
        gc.setStroke(color(c));
    }

    @Override
    public void setLineWidth(double width) {
        s.lineWidth = width;
        gc.setLineWidth(width);
    }

    @Override
    public void setLineDashes(double dash, double gap) {
        s.dash = Math.max(0, dash);
        s.gap = gap;
        if (dash > 0) {
            gc.setLineDashes(dash, gap);
        } else {
            gc.setLineDashes((double[]) null);
        }
    }

    @Override
    public void setRoundCaps(boolean round) {
        s.round = round;
        gc.setLineCap(round ? StrokeLineCap.ROUND : StrokeLineCap.SQUARE);
    }

    @Override
    public void setFont(TextStyle style) {
        s.font = style;
        gc.setFont(font(style));
    }

    // ---- shapes

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
        if (s.fill == null || !sprite(key("fillRoundRect", x, y, w, h, arc, null, true, false), x, y, x + w, y + h, 1,
                filled(g -> g.fillRoundRect(x, y, w, h, arc, arc)))) {
            gc.fillRoundRect(x, y, w, h, arc, arc);
        }
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        if (!sprite(key("strokeRoundRect", x, y, w, h, arc, null, false, true), x, y, x + w, y + h, strokePad(),
                stroked(g -> g.strokeRoundRect(x, y, w, h, arc, arc)))) {
            gc.strokeRoundRect(x, y, w, h, arc, arc);
        }
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        if (s.fill == null || !sprite(key("fillOval", x, y, w, h, 0, null, true, false), x, y, x + w, y + h, 1,
                filled(g -> g.fillOval(x, y, w, h)))) {
            gc.fillOval(x, y, w, h);
        }
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        if (!sprite(key("strokeOval", x, y, w, h, 0, null, false, true), x, y, x + w, y + h, strokePad(),
                stroked(g -> g.strokeOval(x, y, w, h)))) {
            gc.strokeOval(x, y, w, h);
        }
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        gc.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        if (s.fill == null || !polygon("fillPolygon", xs, ys, n, 1, filled(g -> g.fillPolygon(xs, ys, n)))) {
            gc.fillPolygon(xs, ys, n);
        }
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int n) {
        if (!polygon("strokePolygon", xs, ys, n, strokePad(), stroked(g -> g.strokePolygon(xs, ys, n)))) {
            gc.strokePolygon(xs, ys, n);
        }
    }

    /** A polygon through its sprite, keyed by its points relative to the first one. */
    private boolean polygon(String op, double[] xs, double[] ys, int n, double pad, Consumer<GraphicsContext> draw) {
        if (sprites == null || n == 0) {
            return false;
        }
        double x0 = xs[0];
        double y0 = ys[0];
        double minX = x0;
        double maxX = x0;
        double minY = y0;
        double maxY = y0;
        double[] rx = new double[n];
        double[] ry = new double[n];
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
            rx[i] = xs[i] - x0;
            ry[i] = ys[i] - y0;
        }
        Key k = key(op, x0, y0, 0, 0, 0, new Points(rx, ry), op.startsWith("fill"),
                op.startsWith("stroke"));
        return sprite(k, minX, minY, maxX, maxY, pad, draw);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        gc.strokePolyline(xs, ys, n);
    }

    // ---- text

    @Override
    public void fillText(String text, double x, double y, Align align) {
        TextAlignment a = align == Align.LEFT ? TextAlignment.LEFT
                : align == Align.CENTER ? TextAlignment.CENTER : TextAlignment.RIGHT;
        if (sprites != null && plain && s.fill != null && !text.isEmpty()) {
            TextStyle style = s.font;
            double w = textWidth(text, style);
            double left = align == Align.LEFT ? x : align == Align.CENTER ? x - w / 2 : x - w;
            Font f = font(style);
            Color c = color(s.fill);
            Key k = key("fillText", x, y, 0, 0, 0, List.of(text, style, a), true, false);
            if (sprite(k, left, y - style.size(), left + w, y + style.size(), 2, g -> {
                g.setFill(c);
                g.setFont(f);
                g.setTextAlign(a);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(text, x, y);
            })) {
                return;
            }
        }
        gc.setTextAlign(a);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(text, x, y);
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        Map<String, Double> byText = widths.computeIfAbsent(style, k -> new HashMap<>());
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
