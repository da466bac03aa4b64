package io.threadline.picture;

/**
 * What a picture of a trace shows and how: the window of time, the width, the look, how far the
 * run is revealed and where the playhead stands (for frames of a recording), and the extras
 * around the lanes. Immutable; the {@code with...} methods return changed copies.
 *
 * @param from        first time shown, µs; with {@code to <= from} the whole run is shown
 * @param to          time at the right edge, µs
 * @param width       the whole picture's width in logical pixels
 * @param theme       colours
 * @param metrics     sizes
 * @param horizon     lanes are drawn up to this time (Long.MAX_VALUE: all that was recorded)
 * @param playhead    where a playhead line stands, or -1 for none
 * @param title       a heading above the timeline, or null for none
 * @param subtitle    a line under the heading (parameters, seed), or null
 * @param legend      whether the states' legend is drawn above the timeline
 * @param arrows      whether cause arrows (who started or woke whom) are drawn
 * @param outputLines the last lines the program printed (up to the horizon) shown below, 0 for none
 * @param steps       the horizontal axis counts transitions instead of seconds (the window's steps axis)
 */
public record PictureOptions(long from, long to, double width, PictureTheme theme, PictureMetrics metrics,
                             long horizon, long playhead, String title, String subtitle, boolean legend,
                             boolean arrows, int outputLines, boolean steps) {

    /** Narrowest picture: the lane names and a little timeline. */
    public static final double MIN_WIDTH = 400;
    /** Widest picture (logical pixels); larger sizes come from the scale factor. */
    public static final double MAX_WIDTH = 20_000;

    public PictureOptions {
        if (!(width >= MIN_WIDTH && width <= MAX_WIDTH)) {
            throw new IllegalArgumentException("picture width must be " + (int) MIN_WIDTH + " to " + (int) MAX_WIDTH
                    + " pixels, got " + width);
        }
        if (theme == null || metrics == null) {
            throw new IllegalArgumentException("a picture needs a theme and metrics");
        }
        if (outputLines < 0) {
            throw new IllegalArgumentException("output lines must not be negative");
        }
    }

    /** The whole run, 1200 pixels wide, light, with legend and arrows, no heading. */
    public static PictureOptions defaults() {
        return new PictureOptions(0, 0, 1200, PictureTheme.LIGHT, PictureMetrics.DESK, Long.MAX_VALUE, -1, null,
                null, true, true, 0, false);
    }

    public boolean wholeRun() {
        return to <= from;
    }

    public PictureOptions withWindow(long start, long end) {
        return new PictureOptions(start, end, width, theme, metrics, horizon, playhead, title, subtitle, legend,
                arrows, outputLines, steps);
    }

    public PictureOptions withWholeRun() {
        return withWindow(0, 0);
    }

    public PictureOptions withWidth(double w) {
        return new PictureOptions(from, to, w, theme, metrics, horizon, playhead, title, subtitle, legend, arrows,
                outputLines, steps);
    }

    public PictureOptions withTheme(PictureTheme t) {
        return new PictureOptions(from, to, width, t, metrics, horizon, playhead, title, subtitle, legend, arrows,
                outputLines, steps);
    }

    public PictureOptions withMetrics(PictureMetrics m) {
        return new PictureOptions(from, to, width, theme, m, horizon, playhead, title, subtitle, legend, arrows,
                outputLines, steps);
    }

    /** Reveals the run up to {@code time} with the playhead there: one frame of a playback. */
    public PictureOptions atTime(long time) {
        return new PictureOptions(from, to, width, theme, metrics, time, time, title, subtitle, legend, arrows,
                outputLines, steps);
    }

    public PictureOptions withPlayhead(long time) {
        return new PictureOptions(from, to, width, theme, metrics, horizon, time, title, subtitle, legend, arrows,
                outputLines, steps);
    }

    public PictureOptions withTitle(String heading, String line) {
        return new PictureOptions(from, to, width, theme, metrics, horizon, playhead, heading, line, legend, arrows,
                outputLines, steps);
    }

    public PictureOptions withLegend(boolean on) {
        return new PictureOptions(from, to, width, theme, metrics, horizon, playhead, title, subtitle, on, arrows,
                outputLines, steps);
    }

    public PictureOptions withArrows(boolean on) {
        return new PictureOptions(from, to, width, theme, metrics, horizon, playhead, title, subtitle, legend, on,
                outputLines, steps);
    }

    /** The steps axis (each transition one column) or the time axis. */
    public PictureOptions withSteps(boolean on) {
        return new PictureOptions(from, to, width, theme, metrics, horizon, playhead, title, subtitle, legend, arrows,
                outputLines, on);
    }

    public PictureOptions withOutputLines(int lines) {
        return new PictureOptions(from, to, width, theme, metrics, horizon, playhead, title, subtitle, legend, arrows,
                lines, steps);
    }
}
