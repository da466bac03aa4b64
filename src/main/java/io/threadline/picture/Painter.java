package io.threadline.picture;

/**
 * A surface the timeline picture is drawn on: a Java2D image (PNG, GIF frames), an SVG document,
 * or a JavaFX canvas. Its state (colours, line, font, alpha, transform and clip) works as on a
 * canvas: set it, then draw; {@link #save()} and {@link #restore()} bracket changes.
 * Coordinates are logical pixels; a backend may scale them (a 2x PNG).
 */
public interface Painter {
    /** Where {@link #fillText} puts x: at the start, the middle or the end of the text. */
    enum Align { LEFT, CENTER, RIGHT }

    void save();

    void restore();

    void translate(double dx, double dy);

    /** Limits drawing to this rectangle as well, until the matching {@link #restore()}. */
    void clip(double x, double y, double w, double h);

    /** Opacity of what is drawn next, 0..1. */
    void setAlpha(double alpha);

    void setFill(Rgb color);

    /**
     * Fills with 45° stripes ("runnable": ready, but no core), {@code stripe} on {@code ground},
     * one period every 8 pixels; reads as stripes in greyscale too.
     */
    void setHatch(Rgb stripe, Rgb ground);

    void setStroke(Rgb color);

    void setLineWidth(double width);

    /** Dashed strokes from now on; {@code dash <= 0} for solid lines. */
    void setLineDashes(double dash, double gap);

    /** Round line ends (true) or square ones (false, the default). */
    void setRoundCaps(boolean round);

    void setFont(TextStyle style);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    /** A rectangle with rounded corners; {@code arc} is the corners' diameter. */
    void fillRoundRect(double x, double y, double w, double h, double arc);

    void strokeRoundRect(double x, double y, double w, double h, double arc);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillPolygon(double[] xs, double[] ys, int n);

    void strokePolygon(double[] xs, double[] ys, int n);

    void strokePolyline(double[] xs, double[] ys, int n);

    /** Writes one line of text in the current font and fill, its vertical middle at {@code y}. */
    void fillText(String text, double x, double y, Align align);

    /** How wide {@code text} is in {@code style}, in logical pixels. */
    double textWidth(String text, TextStyle style);

    /**
     * A block of {@code width} × {@code height} pixels to paint and then draw, or null where the
     * surface has no cheap raster path (SVG, a scaled image): the caller then draws shapes. Paint it
     * and draw it before asking for the next one.
     */
    default PixelBlock pixels(int width, int height) {
        return null;
    }

    /**
     * Marks what is drawn until {@link #endGroup()} as one thing named {@code title} (an SVG
     * group with a tooltip); backends without such a notion ignore it.
     */
    default void beginGroup(String title) {
    }

    default void endGroup() {
    }
}
