package io.threadline.picture;

/**
 * One horizontal band of the timeline (a thread lane, a counter chart, pool results, a process
 * header): it says how tall it is, paints its header in the fixed gutter and its body under the
 * time scale, and answers what is under the pointer. The window and every export draw the same
 * tracks through a {@link Painter}, so a new kind of band is one class, listed in
 * {@link TimelineRows}, and shows alike everywhere.
 */
public interface Track {
    /** Height in logical pixels for these metrics. */
    double height(PictureMetrics metrics);

    /** Paints the header; the painter's origin is the row's top-left corner in the gutter. */
    void paintHeader(TrackContext ctx);

    /** Paints the body; the painter's origin is the row's top-left corner, x = 0 at the scale's start. */
    void paint(TrackContext ctx);

    /** Tooltip text for a point of the body (local coordinates), or null where there is nothing. */
    String describeAt(TrackContext ctx, double x, double y);

    /** Tooltip text for a point of the header, or null. */
    default String describeHeader(TrackContext ctx) {
        return null;
    }

    /**
     * The marks of the last frame painted that nothing drawn across the rows may cover (a lane's
     * new ring and end cap, a results row's diamonds), {x, y, w, h} each in the row's coordinates.
     */
    default java.util.List<double[]> marks() {
        return java.util.List.of();
    }

    /** The thread this row shows, or -1 for rows that are not a thread lane. */
    default int thread() {
        return -1;
    }
}
