package io.threadline.ui;

import javafx.scene.text.Font;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads the bundled fonts (Inter for the interface, JetBrains Mono for code and output), so text
 * looks the same on every machine whatever fonts it has. The stylesheet names them by family.
 */
final class Fonts {
    private static final String[] FILES = {
        "Inter-Regular.otf", "Inter-Medium.otf", "Inter-SemiBold.otf", "Inter-Bold.otf",
        "JetBrainsMono-Regular.ttf", "JetBrainsMono-Bold.ttf",
    };
    private static boolean loaded;

    private Fonts() {
    }

    /** Registers the fonts with JavaFX once; a font that fails to load leaves CSS to fall back. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        for (String f : FILES) {
            try (InputStream in = Fonts.class.getResourceAsStream("fonts/" + f)) {
                if (in != null) {
                    Font.loadFont(in, 13);
                }
            } catch (IOException ignored) {
                // The system font stands in.
            }
        }
    }
}
