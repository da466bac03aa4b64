package io.threadline.picture;

import io.threadline.trace.Trace;

/**
 * Maps scenario time (microseconds) to horizontal pixels of the timeline body and back:
 * the visible window {@code [start, end)} spread over {@code width} pixels, x = 0 at start.
 * Immutable; zoom and pan return new scales. Times are doubles so that zooming around a
 * pivot keeps the pivot exactly in place instead of drifting by rounding.
 *
 * <p>Two axes. On the time axis a position is a time. On the steps axis ({@link #steps()}
 * non-null) a position counts transitions ({@link TransitionOrder}): each one an equal column,
 * so transitions of one instant spread out; times map through the order, and an event is
 * placed by its step ({@link #eventX}), since one time stands for many columns. Start, end and
 * duration of the window, zoom and pan are in positions; {@link #startTime()} and
 * {@link #endTime()} are times on either axis.
 */
public final class TimeScale {
    private final double start;
    private final double end;
    private final double width;
    private final TransitionOrder steps;

    /**
     * @param start first visible time, µs
     * @param end   time at the right edge, µs; greater than start
     * @param width pixels the window spans; not negative
     */
    public TimeScale(double start, double end, double width) {
        this(start, end, width, null);
    }

    private TimeScale(double start, double end, double width, TransitionOrder steps) {
        if (!(end > start) || Double.isInfinite(end - start)) {
            throw new IllegalArgumentException("window must have a positive duration: " + start + ".." + end);
        }
        if (!(width >= 0)) {
            throw new IllegalArgumentException("width must not be negative: " + width);
        }
        this.start = start;
        this.end = end;
        this.width = width;
        this.steps = steps;
    }

    /** The steps axis over {@code order}, positions [start, end) across {@code width} pixels. */
    public static TimeScale steps(TransitionOrder order, double start, double end, double width) {
        return new TimeScale(start, end, width, order);
    }

    /**
     * The window that shows a whole run ending at {@code end} µs (or, on the steps axis, all of
     * {@code order}'s steps) over {@code width} pixels: a little room before the start, and after
     * the last event room for what is drawn there (a death's mark, an arrow and its label, the
     * playhead) that is {@link #END_ROOM_PX} wide however long the run.
     */
    public static TimeScale fitting(long end, double width, TransitionOrder order) {
        return fitting(end, width, order, END_ROOM_PX);
    }

    /** As {@link #fitting(long, double, TransitionOrder)}, leaving {@code room} pixels after the end ({@link EndRoom}). */
    public static TimeScale fitting(long end, double width, TransitionOrder order, double room) {
        double e = order == null ? Math.max(end, 1) : Math.max(order.count(), 1);
        double before = order == null ? Math.max(e * 0.02, 5) : 1;
        double after = Math.max(e * 0.03, width > 2 * room ? room * (e + before) / (width - room) : 0);
        return new TimeScale(-before, e + after, width, order);
    }

    /** Pixels a fitted window leaves after the run's last event: a death's mark, an arrow's label, the playhead's. */
    public static final double END_ROOM_PX = 110;

    /** The transition order of the steps axis, or null on the time axis. */
    public TransitionOrder steps() {
        return steps;
    }

    /** The same positions' window over another order (a grown trace); null: the time axis. */
    public TimeScale withSteps(TransitionOrder order) {
        return new TimeScale(start, end, width, order);
    }

    /** First visible position (a time on the time axis). */
    public double start() {
        return start;
    }

    /** Position at the right edge (a time on the time axis). */
    public double end() {
        return end;
    }

    /** The time at the left edge, on either axis. */
    public double startTime() {
        return steps == null ? start : steps.timeAt(start);
    }

    /** The time at the right edge, on either axis. */
    public double endTime() {
        return steps == null ? end : steps.timeAt(end);
    }

    /** The position of time t: t itself, or on the steps axis the moment after its instant. */
    public double position(double t) {
        return steps == null ? t : steps.position(t);
    }

    /** The position where event {@code e} of thread {@code thread} starts: its time, or its step. */
    public double eventPosition(Trace trace, int thread, int e) {
        return steps == null ? trace.lane(thread).time(e) : steps.step(thread, e);
    }

    /** The x where event {@code e} of thread {@code thread} starts. */
    public double eventX(Trace trace, int thread, int e) {
        return xOfPosition(eventPosition(trace, thread, e));
    }

    /** The x of a position. */
    public double xOfPosition(double p) {
        return width == 0 ? 0 : (p - start) * width / (end - start);
    }

    /** The position at pixel x (left edge of pixel column x). */
    public double positionAt(double x) {
        return start + x * (width == 0 ? duration() : duration() / width);
    }

    public double width() {
        return width;
    }

    public double duration() {
        return end - start;
    }

    /**
     * Microseconds one pixel covers; 0-width scales answer as if 1 pixel wide. On the steps axis,
     * the window's time over its width: an average, for choosing how precisely to write a time.
     */
    public double microsPerPixel() {
        double w = width == 0 ? 1 : width;
        return steps == null ? duration() / w : Math.max(1, endTime() - startTime()) / w;
    }

    /** The x of something {@code thread} did at {@code t} while it ran (a take, a release, a put): on the steps axis, in its own step. */
    public double actionX(int thread, long t) {
        return steps == null ? x(t) : xOfPosition(steps.actionPosition(thread, t));
    }

    /** The x where {@code thread}'s wait that began at {@code t} begins: on the steps axis, where its lane turns to waiting. */
    public double waitStartX(int thread, long t) {
        return steps == null ? x(t) : xOfPosition(steps.waitStartPosition(thread, t));
    }

    /** The x where {@code thread}'s wait that ended at {@code t} ends: on the steps axis, where its lane turns back. */
    public double waitEndX(int thread, long t) {
        return steps == null ? x(t) : xOfPosition(steps.waitEndPosition(thread, t));
    }

    /** The x of time t; may lie outside [0, width]. */
    public double x(double t) {
        return xOfPosition(position(t));
    }

    /** The time at pixel x (left edge of pixel column x). */
    public double time(double x) {
        double p = positionAt(x);
        return steps == null ? p : steps.timeAt(p);
    }

    /** Pixels a duration covers on the time axis (on the steps axis, on average). */
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
        return new TimeScale(newStart, newStart + newDuration, width, steps);
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
        double dt = dx * (width == 0 ? duration() : duration() / width);
        return new TimeScale(start - dt, end - dt, width, steps);
    }

    /** The same window over a new width (the window stretches with the control). */
    public TimeScale withWidth(double newWidth) {
        return new TimeScale(start, end, newWidth, steps);
    }

    /** Another window over the same width, in positions (times on the time axis). */
    public TimeScale withWindow(double newStart, double newEnd) {
        return new TimeScale(newStart, newEnd, width, steps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeScale s && s.start == start && s.end == end && s.width == width
                && s.steps == steps;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(start) * 31 * 31 + Double.hashCode(end) * 31 + Double.hashCode(width);
    }

    @Override
    public String toString() {
        return "TimeScale[" + start + " .. " + end + (steps == null ? " µs" : " steps") + " over " + width + " px]";
    }
}
