package io.threadline.picture;

/**
 * Each thread's own colour in the resource lanes: a holder's span, a waiter's stretch and an
 * item's box are in the colour of the thread they are about, so one thread reads alike across
 * every resource. The colours keep clear of the states' (green running, amber runnable, blue
 * waiting, pink new, orange failed) and go round after eight threads.
 */
public final class ThreadColors {
    private static final Rgb[] LIGHT = rgb("#6f42c1", "#8c564b", "#17808f", "#7a6a00", "#a4336b", "#3f5aa8",
            "#4f6b2a", "#9b4d1c");
    private static final Rgb[] DARK = rgb("#b392f0", "#d3a08e", "#5cc6d6", "#d8c65a", "#ee7fb5", "#8fa8ff",
            "#a5cf6c", "#f0a46e");

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
        Rgb[] set = "dark".equals(theme.name()) ? DARK : LIGHT;
        return set[Math.floorMod(id, set.length)];
    }

    /** Text on a fill of thread {@code id}'s colour. */
    public static Rgb textOn(PictureTheme theme, int id) {
        return "dark".equals(theme.name()) ? Rgb.of("#101418") : Rgb.of("#ffffff");
    }
}
