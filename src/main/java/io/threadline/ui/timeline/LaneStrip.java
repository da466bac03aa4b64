package io.threadline.ui.timeline;

import io.threadline.trace.ThreadState;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Paints the bars of a busy lane as one image instead of a few shapes per span. In the software
 * pipeline every canvas call costs about a third of a microsecond before it paints a pixel (the
 * canvas sets and resets its clip around each), so a lane of a thousand runs costs milliseconds
 * as shapes and a fraction of one as pixels. The pixels are those {@link StatePainter} would
 * paint: outlines, stripes (anchored as the pattern is), the "mixed" band.
 *
 * <p>JavaFX thread only. Images come from a pool reused every other frame: the frame before may
 * still be painting while this one is drawn, so its images stay untouched.
 */
final class LaneStrip {
    /** A lane with at least this many runs of columns is painted from an image. */
    static final int MIN_RUNS = 48;
    private static final int MAX_LOOKS = 64;

    private static final List<List<Slot>> POOLS = List.of(new ArrayList<>(), new ArrayList<>());
    private static int frame;
    private static int next;
    private static TimelinePalette tilePalette;
    private static int[] tile;
    private static int tileSize;

    /** An image over a buffer of premultiplied ARGB ints it shares with us: no copy, no conversion. */
    private record Slot(int[] ints, PixelBuffer<IntBuffer> buffer, WritableImage image) {
        static Slot of(int width, int height) {
            int[] ints = new int[width * height];
            PixelBuffer<IntBuffer> b = new PixelBuffer<>(width, height, IntBuffer.wrap(ints),
                    PixelFormat.getIntArgbPreInstance());
            return new Slot(ints, b, new WritableImage(b));
        }
    }

    /** A column of pixels, or {@code period} of them repeating along x (stripes, dashes). */
    private record Look(int key, int period, int[] pixels) {
    }

    private final TimelinePalette palette;
    private final TimelineMetrics metrics;
    private final int width;
    private final int top;
    private final int height;
    private final double barTop;
    private final double barHeight;
    private final Slot slot;
    /** Per column: the look drawn there, or -1. */
    private final short[] column;
    /** Per column: the colour of the "mixed" band, or 0. */
    private final int[] band;
    private int bandFrom;
    private int bandTo;
    private final Look[] looks = new Look[MAX_LOOKS];
    /** Where each run of one look starts, reused from lane to lane. */
    private static int[] runStarts = new int[64];
    private int lookCount;

    private LaneStrip(TimelinePalette p, TimelineMetrics m, int width, double barTop, double barHeight) {
        this.palette = p;
        this.metrics = m;
        this.width = width;
        this.barTop = barTop;
        this.barHeight = barHeight;
        this.top = (int) Math.floor(barTop);
        this.height = Math.max(1, (int) Math.ceil(barTop + barHeight) - top);
        List<Slot> pool = POOLS.get(frame & 1);
        Slot s = next < pool.size() ? pool.get(next) : null;
        if (s == null || s.buffer().getWidth() != width || s.buffer().getHeight() != height) {
            s = Slot.of(width, height);
            if (next < pool.size()) {
                pool.set(next, s);
            } else {
                pool.add(s);
            }
        }
        next++;
        slot = s;
        column = new short[width];
        Arrays.fill(column, (short) -1);
        band = new int[width];
        if (tilePalette != p) {
            PixelReader r = p.hatch().getImage().getPixelReader();
            tileSize = (int) p.hatch().getImage().getWidth();
            tile = new int[tileSize * tileSize];
            r.getPixels(0, 0, tileSize, tileSize, PixelFormat.getIntArgbPreInstance(), tile, 0, tileSize);
            tilePalette = p;
        }
    }

    /** Called once at the start of each frame of the view. */
    static void nextFrame() {
        frame++;
        next = 0;
    }

    /** A strip for a lane {@code width} columns wide whose bars span [barTop, barTop + barHeight). */
    static LaneStrip begin(TimelinePalette p, TimelineMetrics m, int width, double barTop, double barHeight) {
        return new LaneStrip(p, m, width, barTop, barHeight);
    }

    /** As {@link StatePainter#span} over [x0, x1): x0 below 0 or x1 past the width leave that side open. */
    void span(ThreadState state, double x0, double x1, double alpha) {
        StateLook look = StateLook.of(state);
        double w = x1 - x0;
        if (w <= 0 || look.shape() == StateLook.Shape.END_CAP) {
            return;
        }
        double lw = metrics.line();
        int from = (int) Math.max(0, Math.floor(x0));
        int to = (int) Math.min(width, Math.ceil(x1));
        boolean thin = w < 2 * lw + 2;
        if (thin || look.shape() == StateLook.Shape.SOLID) {
            set(from, to, look(state, alpha, 'S'));
            return;
        }
        int side = (int) Math.round(lw);
        int left = (int) Math.round(x0);
        int right = (int) Math.round(x1);
        set(from, to, look(state, alpha, 'I'));
        if (look.shape() != StateLook.Shape.DOTTED) {
            short edge = look(state, alpha, 'E');
            set(Math.max(0, left), Math.min(width, left + side), edge);
            set(Math.max(0, right - side), Math.min(width, right), edge);
        }
    }

    /** As {@link StatePainter#mergedSpan} over [x0, x1). */
    void mergedSpan(ThreadState state, int x0, int x1, double alpha) {
        if (StateLook.of(state).shape() != StateLook.Shape.END_CAP) {
            set(x0, x1, look(state, alpha, 'M'));
        }
    }

    /** The 3-pixel "several states here" band at the bottom of the bar. */
    void mixedBand(int x0, int x1, double alpha) {
        bandFrom = row(barTop + barHeight - 3);
        bandTo = row(barTop + barHeight);
        Arrays.fill(band, Math.max(0, x0), Math.min(width, x1), argb(palette.color(PaletteKey.MIXED), alpha));
    }

    private void set(int from, int to, short look) {
        if (from < to) {
            Arrays.fill(column, from, to, look);
        }
    }

    /**
     * A state's look at an opacity as pixels: 'S' solid (thin spans, and running), 'I' inside of
     * a box (fill or stripes between top and bottom edges), 'E' a box's side, 'M' merged columns.
     */
    private short look(ThreadState state, double alpha, char variant) {
        int key = (state.ordinal() * 4 + "SIEM".indexOf(variant)) * 1024 + (int) Math.round(alpha * 1000);
        for (int k = 0; k < lookCount; k++) {
            if (looks[k].key() == key) {
                return (short) k;
            }
        }
        if (lookCount == MAX_LOOKS) {
            lookCount = 0;   // cannot happen with five states; keeps the array bounded all the same
        }
        StateLook look = StateLook.of(state);
        double y = StatePainter.shapeTop(look, barTop, barHeight);
        double h = StatePainter.shapeHeight(look, barHeight);
        int r0 = row(y);
        int r1 = row(y + h);
        int edge = (int) Math.round(metrics.line());
        int stroke = argb(palette.color(look.stroke()), alpha);
        boolean striped = look.shape() == StateLook.Shape.HATCHED && (variant == 'I' || variant == 'M');
        boolean dotted = look.shape() == StateLook.Shape.DOTTED && variant == 'I';
        int period = striped ? tileSize : dotted ? 4 * edge : 1;
        int[] px = new int[period * height];
        for (int p = 0; p < period; p++) {
            int base = p * height;
            for (int r = r0; r < r1; r++) {
                int c;
                boolean rim = r - r0 < edge || r1 - 1 - r < edge;
                switch (variant) {
                    case 'S', 'E' -> c = stroke;
                    case 'M' -> {
                        if (striped) {
                            c = fade(tile[Math.floorMod(top + r, tileSize) * tileSize + p], alpha);
                        } else if (look.shape() == StateLook.Shape.OUTLINED) {
                            // the top and bottom edges of neighbouring outlined boxes stay continuous
                            c = r == r0 || r == r1 - 1 ? stroke : argb(palette.color(look.fill()), alpha);
                        } else {
                            c = stroke;
                        }
                    }
                    default -> {
                        if (dotted) {
                            c = rim && p < 2 * edge ? stroke : 0;
                        } else if (rim) {
                            c = stroke;
                        } else if (striped) {
                            c = fade(tile[Math.floorMod(top + r, tileSize) * tileSize + p], alpha);
                        } else {
                            c = argb(palette.color(look.fill()), alpha);
                        }
                    }
                }
                px[base + r] = c;
            }
        }
        looks[lookCount] = new Look(key, period, px);
        return (short) lookCount++;
    }

    /**
     * Paints the pixels and draws the strip at its place in the lane (gc translated to the lane's
     * body). The columns come in runs of one look: each row of a run is one fill (a memset the JIT
     * makes of it) or, for stripes and dashes, a copy of the look's repeating pixels; so the cost
     * is set by the rows and runs on screen, not by a lookup per pixel.
     */
    void draw(GraphicsContext gc) {
        int[] out = slot.ints();
        int runs = 0;
        int[] starts = runStarts;
        for (int x = 0; x < width; x++) {
            if (x == 0 || column[x] != column[x - 1]) {
                if (runs == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2 + 1);
                }
                starts[runs++] = x;
            }
        }
        runStarts = starts;
        for (int r = 0; r < height; r++) {
            int base = r * width;
            for (int i = 0; i < runs; i++) {
                int x0 = starts[i];
                int x1 = i + 1 < runs ? starts[i + 1] : width;
                int k = column[x0];
                if (k < 0) {
                    Arrays.fill(out, base + x0, base + x1, 0);
                    continue;
                }
                Look l = looks[k];
                int period = l.period();
                int[] px = l.pixels();
                if (period == 1) {
                    Arrays.fill(out, base + x0, base + x1, px[r]);
                } else {
                    for (int x = x0; x < x1; x++) {
                        out[base + x] = px[(x % period) * height + r];
                    }
                }
            }
            if (r >= bandFrom && r < bandTo) {
                for (int x = 0; x < width; x++) {
                    if (band[x] != 0) {
                        out[base + x] = band[x];
                    }
                }
            }
        }
        slot.buffer().updateBuffer(b -> null);
        gc.drawImage(slot.image(), 0, top);
    }

    private int row(double y) {
        return Math.max(0, Math.min(height, (int) Math.round(y) - top));
    }

    /** A colour as premultiplied ARGB, at {@code alpha} of its opacity. */
    private static int argb(Color c, double alpha) {
        double a = c.getOpacity() * alpha;
        return (int) Math.round(a * 255) << 24 | (int) Math.round(c.getRed() * a * 255) << 16
                | (int) Math.round(c.getGreen() * a * 255) << 8 | (int) Math.round(c.getBlue() * a * 255);
    }

    /** A premultiplied ARGB pixel at {@code alpha} of its opacity. */
    private static int fade(int argb, double alpha) {
        if (alpha >= 1) {
            return argb;
        }
        int a = (int) Math.round((argb >>> 24) * alpha);
        int r = (int) Math.round((argb >>> 16 & 0xff) * alpha);
        int g = (int) Math.round((argb >>> 8 & 0xff) * alpha);
        int b = (int) Math.round((argb & 0xff) * alpha);
        return a << 24 | r << 16 | g << 8 | b;
    }
}
