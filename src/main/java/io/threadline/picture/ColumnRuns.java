package io.threadline.picture;

/**
 * Joins the one-pixel columns a dense lane is drawn with into runs: neighbouring columns of one
 * colour become one rectangle, so a lane where every pixel holds several stretches costs a few
 * fills, not one per column (the software pipeline pays per shape).
 */
final class ColumnRuns {
    private final Painter g;
    private double y;
    private double h;
    private double from = Double.NaN;
    private double to;
    private Rgb color;

    ColumnRuns(Painter g) {
        this.g = g;
    }

    /** Starts a row at {@code y}, {@code h} tall (drawing what is pending first). */
    void row(double rowY, double rowH) {
        flush();
        y = rowY;
        h = rowH;
    }

    /** A column [x, x + w) in colour {@code c}. */
    void column(double x, double w, Rgb c) {
        if (!Double.isNaN(from) && c.equals(color) && x <= to + 0.01) {
            to = Math.max(to, x + w);
            return;
        }
        flush();
        from = x;
        to = x + w;
        color = c;
    }

    /** Draws what is pending. */
    void flush() {
        if (!Double.isNaN(from)) {
            g.setFill(color);
            g.fillRect(from, y, to - from, h);
            from = Double.NaN;
        }
    }
}
