package io.threadline.picture;

/**
 * A font as the picture asks for it: the interface face (Inter) or the code face (JetBrains
 * Mono), a size in pixels and a weight. Each backend maps it to its own font.
 */
public record TextStyle(double size, boolean bold, boolean mono) {
    public static TextStyle of(double size) {
        return new TextStyle(size, false, false);
    }

    public static TextStyle bold(double size) {
        return new TextStyle(size, true, false);
    }

    public static TextStyle mono(double size) {
        return new TextStyle(size, false, true);
    }
}
