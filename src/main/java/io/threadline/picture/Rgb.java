package io.threadline.picture;

import java.util.Locale;

/**
 * An opaque colour, as the picture's backends take it (Java2D, SVG, a JavaFX canvas) without
 * depending on any of their colour classes.
 *
 * @param value 0xRRGGBB
 */
public record Rgb(int value) {
    public Rgb {
        value &= 0xffffff;
    }

    /** From "#rrggbb". */
    public static Rgb of(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() != 6) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + hex);
        }
        return new Rgb(Integer.parseInt(h, 16));
    }

    public int red() {
        return value >> 16 & 0xff;
    }

    public int green() {
        return value >> 8 & 0xff;
    }

    public int blue() {
        return value & 0xff;
    }

    /** "#rrggbb", lower case. */
    public String hex() {
        return String.format(Locale.ROOT, "#%06x", value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
