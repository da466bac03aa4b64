package io.threadline.picture;

/**
 * Chooses ruler ticks for a zoom level: labelled steps of 1, 2 or 5 times a power of ten
 * microseconds (… 1 ms, 2 ms, 5 ms … 0.5 s, 1 s, 2 s, 5 s, 10 s …), the smallest whose labels
 * stay at least a given number of pixels apart.
 */
public final class RulerTicks {
    private static final long MIN_STEP = 1;
    private static final long MAX_STEP = 1_000_000_000_000L;

    private RulerTicks() {
    }

    /** The labelled step in µs for this many µs per pixel and this minimum label spacing. */
    public static long step(double microsPerPixel, double minSpacingPx) {
        double wanted = microsPerPixel * minSpacingPx;
        for (long decade = MIN_STEP; decade <= MAX_STEP; decade *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                long s = decade * m;
                if (s >= wanted) {
                    return s;
                }
            }
        }
        return MAX_STEP;
    }

    /** Unlabelled ticks between two labelled ones: 5 for 1× and 5× steps, 4 for 2× steps. */
    public static int minorDivisions(long step) {
        long m = step;
        while (m % 10 == 0) {
            m /= 10;
        }
        return m == 2 ? 4 : 5;
    }

    /** The first multiple of step at or after t. */
    public static long firstTick(double t, long step) {
        return (long) Math.ceil(t / step) * step;
    }
}
