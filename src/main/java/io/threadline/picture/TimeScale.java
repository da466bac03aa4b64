package io.threadline.picture;

/**
 * Maps scenario time (microseconds) to horizontal pixels of the timeline body and back:
 * the visible window {@code [start, end)} spread over {@code width} pixels, x = 0 at start.
 * Immutable; zoom and pan return new scales. Times are doubles so that zooming around a
 * pivot keeps the pivot exactly in place instead of drifting by rounding.
 */
public final class TimeScale {
    private final double start;
    private final double end;
    private final double width;

    /**
     * @param start first visible time, µs
     * @param end   time at the right edge, µs; greater than start
     * @param width pixels the window spans; not negative
     */
    public TimeScale(double start, double end, double width) {
        if (!(end > start) || Double.isInfinite(end - start)) {
            throw new IllegalArgumentException("window must have a positive duration: " + start + ".." + end);
        }
        if (!(width >= 0)) {
            throw new IllegalArgumentException("width must not be negative: " + width);
        }
        this.start = start;
        this.end = end;
        this.width = width;
    }

    public double start() {
        return start;
    }

    public double end() {
        return end;
    }

    public double width() {
        return width;
    }

    public double duration() {
        return end - start;
    }

    /** Microseconds one pixel covers; 0-width scales answer as if 1 pixel wide. */
    public double microsPerPixel() {
        return width == 0 ? duration() : duration() / width;
    }

    /** The x of time t; may lie outside [0, width]. */
    public double x(double t) {
        return width == 0 ? 0 : (t - start) * width / (end - start);
    }

    /** The time at pixel x (left edge of pixel column x). */
    public double time(double x) {
        return start + x * microsPerPixel();
    }

    /** Pixels a duration covers. */
    public double pixels(double micros) {
        return micros / microsPerPixel();
    }

    /**
     * Zooms by {@code factor} (above 1 zooms in) keeping the time under {@code pivotX} there.
     */
    public TimeScale zoom(double factor, double pivotX) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be positive: " + factor);
        }
        double pivot = time(pivotX);
        double newDuration = duration() / factor;
        double newStart = pivot - (width == 0 ? 0 : pivotX * newDuration / width);
        return new TimeScale(newStart, newStart + newDuration, width);
    }

    /** The same window, its duration limited to [min, max] around the same pivot. */
    public TimeScale clampDuration(double min, double max, double pivotX) {
        double d = duration();
        if (d < min) {
            return zoom(d / min, pivotX);
        }
        if (d > max) {
            return zoom(d / max, pivotX);
        }
        return this;
    }

    /** Moves the content by dx pixels: positive dx drags it right, showing earlier times. */
    public TimeScale pan(double dx) {
        double dt = dx * microsPerPixel();
        return new TimeScale(start - dt, end - dt, width);
    }

    /** The same window over a new width (the window stretches with the control). */
    public TimeScale withWidth(double newWidth) {
        return new TimeScale(start, end, newWidth);
    }

    /** Another window over the same width. */
    public TimeScale withWindow(double newStart, double newEnd) {
        return new TimeScale(newStart, newEnd, width);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeScale s && s.start == start && s.end == end && s.width == width;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(start) * 31 * 31 + Double.hashCode(end) * 31 + Double.hashCode(width);
    }

    @Override
    public String toString() {
        return "TimeScale[" + start + " .. " + end + " µs over " + width + " px]";
    }
}
