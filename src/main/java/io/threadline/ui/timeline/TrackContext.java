package io.threadline.ui.timeline;

import io.threadline.picture.TimeScale;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import javafx.scene.canvas.GraphicsContext;

/**
 * What a track needs to draw one frame or answer a pointer: where to draw, the time scale, the
 * trace and its horizon, the look, and the view's state that affects drawing.
 *
 * @param gc          drawing surface, translated so the row starts at (0, 0); null when only describing
 * @param width       body (or gutter) width in pixels
 * @param height      the row's height
 * @param horizon     lanes are drawn up to this time (the reveal time, or the trace's end)
 * @param highlighted a state to stand out, or null
 * @param selected    the selected thread, or -1
 */
record TrackContext(GraphicsContext gc, Trace trace, TimeScale scale, double width, double height,
                    long horizon, TimelineMetrics metrics, TimelinePalette palette, TextMeasure text,
                    ThreadState highlighted, int selected) {

    /** The same context for another row size or surface. */
    TrackContext with(GraphicsContext g, double w, double h) {
        return new TrackContext(g, trace, scale, w, h, horizon, metrics, palette, text, highlighted, selected);
    }
}
