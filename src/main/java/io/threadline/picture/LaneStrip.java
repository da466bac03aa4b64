package io.threadline.picture;

import io.threadline.trace.ThreadState;

import java.util.Arrays;

/**
 * Paints the bars of a busy lane as one block of pixels instead of a few shapes per span. In the
 * software pipeline every canvas call costs about a third of a microsecond before it paints a
 * pixel (the canvas sets and resets its clip around each), so a lane of a thousand runs costs
 * milliseconds as shapes and a fraction of one as pixels. The pixels are those
 * {@link StateMarks} would paint on whole pixels: outlines, stripes (anchored at the lane's
 * origin, as a pattern is), the "mixed" band. Any surface that lends a {@link PixelBlock} gets
 * it (the window's canvas, a PNG at 1x); the others draw the shapes.
 *
 * <p>One strip belongs to one lane and is reused frame after frame: the looks it has computed
 * stay valid while the colours, sizes and bar geometry do.
 */
final class LaneStrip {
    /** A lane with at least this many runs of columns is painted from pixels. */
    static final int MIN_RUNS = 48;
    private static final int MAX_LOOKS = 64;

    /** A column of pixels, or {@code period} of them repeating along x (stripes, dashes). */
    private record Look(int key, int period, int[] pixels) {
    }

    private PictureTheme theme;
    private PictureMetrics metrics;
    private double barTop = Double.NaN;
    private double barHeight;
    private int top;
    private int height;
    private int width;
    /** Per column: the look drawn there, or -1. */
    private short[] column = new short[0];
    /** Per column: the colour of the "mixed" band, or 0. */
    private int[] band = new int[0];
    private boolean banded;
    private int bandFrom;
    private int bandTo;
    private final Look[] looks = new Look[MAX_LOOKS];
    private int lookCount;
    private static final int RECENT_SLOTS = 32;
    private final int[] recentKey = new int[RECENT_SLOTS];
    private final short[] recent = new short[RECENT_SLOTS];
    private int[] tile;
    private int tileSize;
    /** Where each run of one look starts. */
    private int[] runStarts = new int[64];
    /** Phases of a row table: a multiple of every look's period. */
    private static final int PHASES = 8;
    private int[] lookIndex = new int[0];
    private int[] lookRow = new int[0];

    /** Starts a frame: a lane {@code width} columns wide whose bars span [barTop, barTop + barHeight). */
    void begin(PictureTheme p, PictureMetrics m, int width, double barTop, double barHeight) {
        if (p != theme || m != metrics || barTop != this.barTop || barHeight != this.barHeight) {
            theme = p;
            metrics = m;
            this.barTop = barTop;
            this.barHeight = barHeight;
            top = (int) Math.floor(barTop);
            height = Math.max(1, (int) Math.ceil(barTop + barHeight) - top);
            tileSize = Hatch.size(1);
            tile = Hatch.tile(p.color(Ink.RUNNABLE), p.color(Ink.RUNNABLE_FILL), 1);
            lookCount = 0;
        }
        this.width = width;
        if (column.length < width) {
            column = new short[width];
            band = new int[width];
            banded = false;
        }
        Arrays.fill(column, 0, width, (short) -1);
        if (banded) {
            Arrays.fill(band, 0, width, 0);
            banded = false;
        }
    }

    /** Rows of pixels the strip covers, from {@link #top()}. */
    int height() {
        return height;
    }

    /** The lane-relative y of the strip's first row. */
    int top() {
        return top;
    }

    /** As {@link StateMarks#span} over [x0, x1): x0 below 0 or x1 past the width leave that side open. */
    void span(ThreadState state, double x0, double x1, double alpha) {
        StateStyle look = StateStyle.of(state);
        double w = x1 - x0;
        if (w <= 0 || look.shape() == StateStyle.Shape.END_CAP) {
            return;
        }
        double lw = metrics.line();
        int from = (int) Math.max(0, Math.floor(x0));
        int to = (int) Math.min(width, Math.ceil(x1));
        boolean thin = w < 2 * lw + 2;
        if (thin || look.shape() == StateStyle.Shape.SOLID) {
            set(from, to, look(state, alpha, 'S'));
            return;
        }
        int side = (int) Math.round(lw);
        int left = (int) Math.round(x0);
        int right = (int) Math.round(x1);
        set(from, to, look(state, alpha, 'I'));
        if (look.shape() != StateStyle.Shape.DOTTED) {
            short edge = look(state, alpha, 'E');
            set(Math.max(0, left), Math.min(width, left + side), edge);
            set(Math.max(0, right - side), Math.min(width, right), edge);
        }
    }

    /** As {@link StateMarks#mergedSpan} over [x0, x1). */
    void mergedSpan(ThreadState state, int x0, int x1, double alpha) {
        if (StateStyle.of(state).shape() != StateStyle.Shape.END_CAP) {
            set(Math.max(0, x0), Math.min(width, x1), look(state, alpha, 'M'));
        }
    }

    /** The 3-pixel "several states here" band at the bottom of the bar. */
    void mixedBand(int x0, int x1, double alpha) {
        bandFrom = row(barTop + barHeight - 3);
        bandTo = row(barTop + barHeight);
        banded = true;
        Arrays.fill(band, Math.max(0, x0), Math.min(width, x1), argb(theme.color(Ink.MIXED), alpha));
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
        // a dense lane asks for the same few looks in turn, once per run
        int slot = key % RECENT_SLOTS;
        if (recentKey[slot] == key && recent[slot] < lookCount && looks[recent[slot]].key() == key) {
            return recent[slot];
        }
        for (int k = 0; k < lookCount; k++) {
            if (looks[k].key() == key) {
                recentKey[slot] = key;
                recent[slot] = (short) k;
                return (short) k;
            }
        }
        if (lookCount == MAX_LOOKS) {
            lookCount = 0;   // cannot happen with five states; keeps the array bounded all the same
        }
        StateStyle look = StateStyle.of(state);
        double least = StateMarks.laneLeast(metrics);
        double y = StateMarks.shapeTop(look, barTop, barHeight, least);
        double h = StateMarks.shapeHeight(look, barHeight, least);
        int r0 = row(y);
        int r1 = row(y + h);
        int edge = (int) Math.round(metrics.line());
        int stroke = argb(theme.color(look.stroke()), alpha);
        int fill = argb(theme.color(look.fill()), alpha);
        boolean striped = look.shape() == StateStyle.Shape.HATCHED && (variant == 'I' || variant == 'M');
        boolean dotted = look.shape() == StateStyle.Shape.DOTTED && variant == 'I';
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
                        } else if (look.shape() == StateStyle.Shape.OUTLINED) {
                            // the top and bottom edges of neighbouring outlined boxes stay continuous
                            c = r == r0 || r == r1 - 1 ? stroke : fill;
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
                            c = fill;
                        }
                    }
                }
                px[base + r] = c;
            }
        }
        looks[lookCount] = new Look(key, period, px);
        recentKey[slot] = key;
        recent[slot] = (short) lookCount;
        return (short) lookCount++;
    }

    /**
     * Paints the pixels into {@code block} ({@link #height()} rows, the lane's width) and draws it
     * at its place in the lane (the painter's origin at the lane's top-left). The columns come in
     * runs of one look: each row of a run is one fill (a memset the JIT makes of it) or, for
     * stripes and dashes, a copy of the look's repeating pixels; a row that comes out as one
     * before it (inside a box, or a stripe period down) is copied whole. So the cost is set by
     * the distinct rows and the runs on screen, not by a lookup per pixel.
     */
    void draw(PixelBlock block) {
        int[] out = block.pixels();
        int stride = block.width();
        int runs = 0;
        int[] starts = runStarts;
        boolean[] used = new boolean[MAX_LOOKS];
        for (int x = 0; x < width; x++) {
            if (x == 0 || column[x] != column[x - 1]) {
                if (runs == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2 + 1);
                }
                starts[runs++] = x;
                if (column[x] >= 0) {
                    used[column[x]] = true;
                }
            }
        }
        runStarts = starts;
        // many short runs (a dense lane): a lookup per pixel beats a fill per run
        boolean perPixel = runs * 16 > width && prepareLookups();
        for (int r = 0; r < height; r++) {
            int base = r * stride;
            // most rows repeat the one above (or the one a stripe period above): copy it
            int same = r >= 1 && sameRows(used, r, r - 1) ? r - 1
                    : r >= tileSize && sameRows(used, r, r - tileSize) ? r - tileSize : -1;
            if (same >= 0) {
                System.arraycopy(out, same * stride, out, base, width);
                continue;
            }
            if (perPixel) {
                pixelRow(out, base, r);
            } else {
                runRow(out, base, r, starts, runs);
            }
            if (banded && r >= bandFrom && r < bandTo) {
                for (int x = 0; x < width; x++) {
                    if (band[x] != 0) {
                        out[base + x] = band[x];
                    }
                }
            }
        }
        block.draw(0, top);
    }

    /** A row as one fill per run of a look (a memset the JIT makes of it), or a copy of its repeating pixels. */
    private void runRow(int[] out, int base, int r, int[] starts, int runs) {
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
    }

    /**
     * Each column's look as an offset into a row table of {@value #PHASES} pixels per look (every
     * period divides it: one, a dash's four or eight, the stripes' eight), the last entry blank.
     */
    private boolean prepareLookups() {
        for (int k = 0; k < lookCount; k++) {
            if (PHASES % looks[k].period() != 0) {
                return false;
            }
        }
        if (lookIndex.length < width) {
            lookIndex = new int[width];
        }
        if (lookRow.length < (lookCount + 1) * PHASES) {
            lookRow = new int[(MAX_LOOKS + 1) * PHASES];
        }
        for (int x = 0; x < width; x++) {
            lookIndex[x] = (column[x] < 0 ? lookCount : column[x]) * PHASES;
        }
        return true;
    }

    /** A row by lookup: the pixel of column x is its look's pixel for row r at phase x mod 8. */
    private void pixelRow(int[] out, int base, int r) {
        int[] row = lookRow;
        for (int k = 0; k < lookCount; k++) {
            Look l = looks[k];
            int period = l.period();
            int[] px = l.pixels();
            for (int p = 0; p < PHASES; p++) {
                row[k * PHASES + p] = px[(p % period) * height + r];
            }
        }
        Arrays.fill(row, lookCount * PHASES, lookCount * PHASES + PHASES, 0);
        int[] index = lookIndex;
        for (int x = 0; x < width; x++) {
            out[base + x] = row[index[x] + (x & (PHASES - 1))];
        }
    }

    /** Whether rows r and q come out alike: every look in use has the same pixels on both, and the band too. */
    private boolean sameRows(boolean[] used, int r, int q) {
        boolean inBand = banded && r >= bandFrom && r < bandTo;
        if (inBand != (banded && q >= bandFrom && q < bandTo)) {
            return false;
        }
        for (int k = 0; k < lookCount; k++) {
            if (!used[k]) {
                continue;
            }
            Look l = looks[k];
            int[] px = l.pixels();
            for (int p = 0; p < l.period(); p++) {
                if (px[p * height + r] != px[p * height + q]) {
                    return false;
                }
            }
        }
        return true;
    }

    private int row(double y) {
        return Math.max(0, Math.min(height, (int) Math.round(y) - top));
    }

    /** An opaque colour as premultiplied ARGB at {@code alpha}. */
    private static int argb(Rgb c, double alpha) {
        return fade(0xff000000 | c.value(), alpha);
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
