package io.threadline.picture;

import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

/**
 * What a track needs to paint one frame or answer a pointer: the surface, the trace and how far
 * it is revealed, the time scale, the row's size, the look, and the view's state that changes
 * drawing (a highlighted state, a selected thread; a picture has neither).
 *
 * @param painter     the surface, its origin at the row's top-left; null when only describing
 * @param scale       the one conversion between time and x for every track
 * @param width       body (or gutter) width in pixels
 * @param height      the row's height
 * @param horizon     lanes are drawn up to this time (the reveal time, or the trace's end)
 * @param highlighted a state to stand out, or null
 * @param selected    the selected thread, or -1
 */
public record TrackContext(Painter painter, Trace trace, TimeScale scale, double width, double height,
                           long horizon, PictureMetrics metrics, PictureTheme theme, ThreadState highlighted,
                           int selected) {

    /** A picture's context: nothing highlighted or selected. */
    public static TrackContext of(Painter painter, Trace trace, TimeScale scale, long horizon, PictureMetrics metrics,
                                  PictureTheme theme) {
        return new TrackContext(painter, trace, scale, scale.width(), 0, horizon, metrics, theme, null, -1);
    }

    /** The same context for another row size or surface. */
    public TrackContext with(Painter g, double w, double h) {
        return new TrackContext(g, trace, scale, w, h, horizon, metrics, theme, highlighted, selected);
    }

    /** Opacity for something drawn in {@code state}: full, or faded while another state is highlighted. */
    double alpha(ThreadState state, double faded) {
        return highlighted == null || highlighted == state ? 1 : faded;
    }
}
