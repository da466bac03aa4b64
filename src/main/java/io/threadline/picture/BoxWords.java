package io.threadline.picture;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;

/**
 * Words inside a box's outline (a wait's reason in its box): the size and the baseline that keep
 * every letter's ink within the box's inside, descenders too. Centring the line's ascent and
 * descent put the baseline low: in a lane squeezed to about 25 px on a projector, the "p" of
 * "semaphore" and "sleep" and the "g" of "get" ran over the box's bottom outline, and over a
 * heavy outline's at every projector height (a review of the projector's pictures). A box roomy enough keeps its words where centring puts them; a
 * lower one moves them up (or down) just enough to keep their ink in, and only a box lower than
 * the letters' ink takes a smaller size (a heavy outline in a lane squeezed to 25 px: 14 px for 18).
 */
final class BoxWords {
    /** Letters that reach highest and lowest (ascenders, descenders, brackets): a label's extent whatever it says. */
    private static final String TALLEST = "Hbdfhklpqgyj()_,";
    /** Smallest size words step down to: below it, a word would not be read from the back of a room. */
    static final double LEAST_SIZE = 10;

    private static final Map<TextStyle, double[]> INK = new HashMap<>();

    private BoxWords() {
    }

    /**
     * The style to write in a box whose inside is {@code inside} pixels tall: {@code style}, or
     * the largest whole size below it whose ink fits in on a whole-pixel baseline (down to
     * {@link #LEAST_SIZE}).
     */
    static TextStyle style(TextStyle style, double inside) {
        TextStyle s = style;
        while (!fits(s, inside) && s.size() - 1 >= LEAST_SIZE) {
            s = new TextStyle(Math.ceil(s.size()) - 1, s.bold(), s.mono());
        }
        return s;
    }

    /**
     * The y to hand {@link Painter#fillText} (which centres the line on it) for words in
     * {@code style} inside a box's inside from {@code top}, {@code inside} tall: {@code centre}
     * where the words' ink fits there, else the nearest whole-pixel baseline that keeps it in.
     */
    static double y(TextStyle style, double top, double inside, double centre) {
        Font f = PictureFonts.font(style);
        double offset = PictureFonts.baselineOffset(f);
        double[] ink = ink(style);
        double baseline = centre + offset;
        // whole pixels: the window's canvas puts a baseline on one (a fraction, and the "g" of
        // "queue-get" went a row into the outline there though not in a PNG)
        if (baseline + ink[1] > top + inside) {
            baseline = top + inside - Math.ceil(ink[1]);
        }
        if (baseline - ink[0] < top) {
            baseline = top + Math.ceil(ink[0]);
        }
        return baseline - offset;
    }

    /** Whether words in {@code style} fit a box's inside {@code inside} pixels tall. */
    static boolean fits(TextStyle style, double inside) {
        double[] ink = ink(style);
        return Math.ceil(ink[0]) + Math.ceil(ink[1]) <= inside;
    }

    /** How far the tallest letters' ink reaches above and below the baseline, {above, below}. */
    static synchronized double[] ink(TextStyle style) {
        return INK.computeIfAbsent(style, s -> {
            Rectangle2D r = PictureFonts.font(s).createGlyphVector(PictureFonts.FRC, TALLEST).getVisualBounds();
            return new double[] {-r.getMinY(), r.getMaxY()};
        });
    }
}
