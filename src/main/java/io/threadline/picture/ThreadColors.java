package io.threadline.picture;

/**
 * Each thread's own colour in the resource lanes: a holder's span, a waiter's stretch and an
 * item's box are in the colour of the thread they are about, the same colour its name has in the
 * output, the thread panel, the code marks and the swatch by its lane's name (threadline.css's
 * {@code -tl-thread-0} to {@code -tl-thread-9}; a test keeps the two in step): the main thread's
 * its own, the others' going round the other nine ({@link #index}).
 *
 * <p>The hues are the ones the state palette leaves free (indigo, brown, olive, purple, dark red,
 * khaki, plum, slate, teal, raspberry): a holder's span must never read as a state, or Bob's lock, held while Bob
 * sleeps, would look like Bob running. Each is dark (or light) enough to be read as text on its
 * theme's ground, where the output writes thread names. A test keeps every colour a clear
 * distance from every state colour.
 */
public final class ThreadColors {
    private static final Rgb[] LIGHT = rgb("#4c4ab3", "#86521f", "#5d6d00", "#8a3fb0", "#7d1d24", "#7c6a12",
            "#6b2d5c", "#3b4a63", "#1f5f5f", "#9c2a4a");
    private static final Rgb[] DARK = rgb("#a3a8ff", "#d2a679", "#b9c95c", "#cf9ff0", "#ef7f8a", "#dccb7a",
            "#b8a4e0", "#c7b299", "#7fd1d1", "#e8a0a0");

    private ThreadColors() {
    }

    private static Rgb[] rgb(String... hex) {
        Rgb[] out = new Rgb[hex.length];
        for (int i = 0; i < hex.length; i++) {
            out[i] = Rgb.of(hex[i]);
        }
        return out;
    }

    /**
     * How many colours there are (threadline.css's {@code -tl-thread-0} to {@code -tl-thread-9}).
     * Eight went round after seven threads besides main: gil-cpu-vs-io's Checker-1 and
     * Downloader-4, semaphore's Client-1 and Client-8 had one colour, in lanes where the colour
     * is all that tells who holds what (a review of the projector's pictures); dark teal and raspberry
     * (light cyan and rose on the dark theme) were what the states and the others left.
     */
    public static final int COUNT = 10;

    /**
     * Which of the colours thread {@code id} has. The first thread (a run's main thread) has the
     * first colour to itself; the others go round the others. Going round all of them, Client-8
     * had MainThread's colour in semaphore, and in a resource lane the colour is all that tells
     * who holds it (a review of the projector's pictures).
     */
    public static int index(int id) {
        return id <= 0 ? 0 : 1 + (id - 1) % (COUNT - 1);
    }

    /** Thread {@code id}'s colour in {@code theme}. */
    public static Rgb of(PictureTheme theme, int id) {
        Rgb[] set = dark(theme) ? DARK : LIGHT;
        return set[index(id)];
    }

    /** Text on a fill of thread {@code id}'s colour. */
    public static Rgb textOn(PictureTheme theme, int id) {
        return light(of(theme, id)) ? Rgb.of("#101418") : Rgb.of("#ffffff");
    }

    private static boolean light(Rgb c) {
        return 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue() >= 140;
    }

    /** A dark ground, whatever the theme is called (the window's colours come from its style sheet). */
    private static boolean dark(PictureTheme theme) {
        return !light(theme.color(Ink.BACKGROUND));
    }
}
