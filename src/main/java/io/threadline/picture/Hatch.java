package io.threadline.picture;

/**
 * The "runnable" stripes as pixels: one square tile of 45° stripes, {@code stripe} on
 * {@code ground}, a period every 8 logical pixels, anti-aliased by hand so it tiles seamlessly.
 * Every raster surface fills from this one tile (a Java2D texture, a canvas pattern, the pixels
 * of a busy lane), so the stripes line up the same everywhere; SVG draws the same geometry as
 * vector lines.
 */
public final class Hatch {
    /** Logical pixels per period of the stripes. */
    public static final int PERIOD = 8;
    private static final double STRIPE_WIDTH = 3.0;

    private Hatch() {
    }

    /** Side of the tile at {@code scale} device pixels per logical pixel. */
    public static int size(double scale) {
        return Math.max(PERIOD, (int) Math.round(PERIOD * scale));
    }

    /**
     * The tile at {@code scale} device pixels per logical pixel, as opaque ARGB, row-major,
     * {@link #size(double)} on a side. It is anchored at the surface's origin: pixel (x, y) of a
     * filled area shows {@code tile[(y % n) * n + x % n]}.
     */
    public static int[] tile(Rgb stripe, Rgb ground, double scale) {
        int n = size(scale);
        double unit = (double) n / PERIOD;
        int[] px = new int[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                // distance along the diagonal, wrapped to one period; four sub-samples smooth the edges
                double cover = 0;
                for (int k = 0; k < 4; k++) {
                    double d = ((x + (k % 2) * 0.5 + 0.25) / unit + (y + (k / 2) * 0.5 + 0.25) / unit) % PERIOD;
                    cover += d < STRIPE_WIDTH ? 0.25 : 0;
                }
                px[y * n + x] = 0xff000000 | mix(stripe, ground, cover);
            }
        }
        return px;
    }

    private static int mix(Rgb stripe, Rgb ground, double cover) {
        int r = (int) Math.round(ground.red() + (stripe.red() - ground.red()) * cover);
        int g = (int) Math.round(ground.green() + (stripe.green() - ground.green()) * cover);
        int b = (int) Math.round(ground.blue() + (stripe.blue() - ground.blue()) * cover);
        return r << 16 | g << 8 | b;
    }
}
