package io.threadline.picture;

/**
 * Each thread's own colour in the resource lanes: a holder's span, a waiter's stretch and an
 * item's box are in the colour of the thread they are about, the same colour its name has in the
 * output, the thread panel and the code marks (threadline.css's {@code -tl-thread-0} to
 * {@code -tl-thread-7}; a test keeps the two in step), going round after eight threads.
 */
public final class ThreadColors {
    private static final Rgb[] LIGHT = rgb("#0969da", "#bc4c00", "#1a7f37", "#8250df", "#bf3989", "#0a7b83",
            "#9a6700", "#cf222e");
    private static final Rgb[] DARK = rgb("#58a6ff", "#ffa657", "#56d364", "#d2a8ff", "#ff7eb6", "#39c5cf",
            "#e3b341", "#ff7b72");

    private ThreadColors() {
    }

    private static Rgb[] rgb(String... hex) {
        Rgb[] out = new Rgb[hex.length];
        for (int i = 0; i < hex.length; i++) {
            out[i] = Rgb.of(hex[i]);
        }
        return out;
    }

    /** Thread {@code id}'s colour in {@code theme}. */
    public static Rgb of(PictureTheme theme, int id) {
        Rgb[] set = dark(theme) ? DARK : LIGHT;
        return set[Math.floorMod(id, set.length)];
    }

    /** Text on a fill of thread {@code id}'s colour. */
    public static Rgb textOn(PictureTheme theme, int id) {
        return dark(theme) ? Rgb.of("#101418") : Rgb.of("#ffffff");
    }

    /** A dark ground, whatever the theme is called (the window's colours come from its style sheet). */
    private static boolean dark(PictureTheme theme) {
        Rgb bg = theme.color(Ink.BACKGROUND);
        return 0.299 * bg.red() + 0.587 * bg.green() + 0.114 * bg.blue() < 128;
    }
}
