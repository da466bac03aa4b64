package io.threadline.ui.timeline;

/**
 * One horizontal band of the timeline (a thread lane, a counter chart, pool results, a process
 * header): it says how tall it is, draws its header in the fixed gutter and its body under the
 * time scale, and answers what is under the pointer. New kinds plug in without touching the canvas.
 */
interface Track {
    /** Height in pixels for these metrics. */
    double height(TimelineMetrics metrics);

    /** Draws the header; the context's origin is the row's top-left corner in the gutter. */
    void renderHeader(TrackContext ctx);

    /** Draws the body; the context's origin is the row's top-left corner where x = 0 is scale.start(). */
    void render(TrackContext ctx);

    /** Tooltip text for a point of the body (local coordinates), or null where there is nothing. */
    String describeAt(TrackContext ctx, double x, double y);

    /** Tooltip text for a point of the header, or null. */
    default String describeHeader(TrackContext ctx) {
        return null;
    }

    /** The thread this row shows, or -1 for rows that are not a thread lane. */
    default int thread() {
        return -1;
    }
}
