package io.threadline.picture;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The app's bundled faces (Inter, JetBrains Mono) as Java2D fonts, and text measured with them.
 * Java2D needs no display for this, so PNG and SVG export measure and draw the same way on a
 * headless server as in the window. Text with a character the face lacks falls back to the
 * JDK's logical sans-serif, as does everything if a face cannot be read.
 */
public final class PictureFonts {
    /** Where the window keeps its fonts; the picture uses the same files. */
    private static final String DIR = "/io/threadline/ui/fonts/";
    /** How SVG names the faces, with fallbacks for a viewer that lacks them. */
    public static final String SANS_FAMILY = "Inter, 'Helvetica Neue', Arial, sans-serif";
    public static final String MONO_FAMILY = "'JetBrains Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace";

    static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(),
            RenderingHints.VALUE_TEXT_ANTIALIAS_ON, RenderingHints.VALUE_FRACTIONALMETRICS_ON);

    private static final Font REGULAR = load("Inter-Regular.otf", Font.SANS_SERIF, Font.PLAIN);
    private static final Font BOLD = load("Inter-Bold.otf", Font.SANS_SERIF, Font.BOLD);
    private static final Font MONO = load("JetBrainsMono-Regular.ttf", Font.MONOSPACED, Font.PLAIN);
    private static final Font MONO_BOLD = load("JetBrainsMono-Bold.ttf", Font.MONOSPACED, Font.BOLD);

    private static final Map<TextStyle, Font> FONTS = new HashMap<>();

    private PictureFonts() {
    }

    private static Font load(String file, String fallbackFamily, int fallbackStyle) {
        try (InputStream in = PictureFonts.class.getResourceAsStream(DIR + file)) {
            if (in != null) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            }
        } catch (IOException | FontFormatException e) {
            // the logical font below stands in
        }
        return new Font(fallbackFamily, fallbackStyle, 1);
    }

    /** The Java2D font for a style. */
    public static synchronized Font font(TextStyle style) {
        return FONTS.computeIfAbsent(style, s -> {
            Font base = s.mono() ? (s.bold() ? MONO_BOLD : MONO) : (s.bold() ? BOLD : REGULAR);
            return base.deriveFont((float) s.size());
        });
    }

    /** The font that can draw {@code text}: the style's own, or a logical one with the missing characters. */
    static Font fontFor(String text, TextStyle style) {
        Font f = font(style);
        if (f.canDisplayUpTo(text) < 0) {
            return f;
        }
        return new Font(style.mono() ? Font.MONOSPACED : Font.SANS_SERIF, style.bold() ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont((float) style.size());
    }

    /** Width of text in a style, in pixels. */
    public static double width(String text, TextStyle style) {
        if (text.isEmpty()) {
            return 0;
        }
        return fontFor(text, style).getStringBounds(text, FRC).getWidth();
    }

    /** How far below a line's vertical middle its baseline lies, so text centres on y as on a canvas. */
    static double baselineOffset(Font font) {
        LineMetrics m = font.getLineMetrics("Hg", FRC);
        return (m.getAscent() - m.getDescent()) / 2;
    }
}
