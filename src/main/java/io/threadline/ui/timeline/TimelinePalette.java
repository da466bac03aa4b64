package io.threadline.ui.timeline;

import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;

import java.util.EnumMap;
import java.util.Map;

/** The colours in force (resolved from CSS) and the patterns derived from them; immutable. */
final class TimelinePalette {
    private static final int HATCH_TILE = 8;

    private final EnumMap<PaletteKey, Color> colors;
    private final ImagePattern hatch;

    TimelinePalette(Map<PaletteKey, Color> colors) {
        this.colors = new EnumMap<>(PaletteKey.class);
        for (PaletteKey k : PaletteKey.values()) {
            Color c = colors.get(k);
            this.colors.put(k, c == null ? k.fallback() : c);
        }
        this.hatch = new ImagePattern(hatchTile(color(PaletteKey.RUNNABLE), color(PaletteKey.RUNNABLE_FILL)),
                0, 0, HATCH_TILE, HATCH_TILE, false);
    }

    static TimelinePalette fallback() {
        return new TimelinePalette(Map.of());
    }

    Color color(PaletteKey key) {
        return colors.get(key);
    }

    /** Diagonal stripes for "runnable": ready but without a CPU; reads as stripes in greyscale too. */
    ImagePattern hatch() {
        return hatch;
    }

    /**
     * A tile of 45° stripes, anti-aliased by hand so it tiles seamlessly; the pattern is anchored
     * at the canvas origin, so stripes line up across neighbouring spans.
     */
    private static Image hatchTile(Color stripe, Color ground) {
        WritableImage img = new WritableImage(HATCH_TILE, HATCH_TILE);
        PixelWriter w = img.getPixelWriter();
        double stripeWidth = 3.0;
        for (int y = 0; y < HATCH_TILE; y++) {
            for (int x = 0; x < HATCH_TILE; x++) {
                // distance along the diagonal, wrapped to one period; the sub-samples smooth the edges
                double cover = 0;
                for (int s = 0; s < 4; s++) {
                    double d = ((x + (s % 2) * 0.5 + 0.25) + (y + (s / 2) * 0.5 + 0.25)) % HATCH_TILE;
                    cover += d < stripeWidth ? 0.25 : 0;
                }
                w.setColor(x, y, ground.interpolate(stripe, cover));
            }
        }
        return img;
    }
}
