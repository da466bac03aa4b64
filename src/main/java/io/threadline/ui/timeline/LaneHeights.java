package io.threadline.ui.timeline;

import io.threadline.picture.PictureMetrics;

import java.util.function.ToDoubleFunction;

/**
 * How tall the window's rows are: as tall as the room allows, so two lanes do not leave most of
 * the timeline empty and seventeen still fit a projector without scrolling. Lanes grow from their
 * standard height up to {@link #MOST} times it and shrink down to a floor that still holds their
 * name's text; headers, charts and results rows follow the lanes within bounds of their own. Only
 * row heights change: fonts, the ruler and the gutter keep their sizes.
 */
final class LaneHeights {
    /** Lanes grow to at most this many times their standard height. */
    static final double MOST = 1.75;
    /** Space a lane keeps around its name's text at the floor. */
    private static final double TEXT_ROOM = 6;
    /** Charts and results rows shrink to this share of their standard height, and grow to {@link #MOST}. */
    private static final double OTHER_LEAST = 0.4;
    /**
     * A results row's least height over its two fonts' sizes: its values' line, the bracket and
     * the times' line in the body, two lines in the gutter.
     */
    private static final double RESULTS_LINES = 1.45;

    private LaneHeights() {
    }

    /** The least lane height for {@code base}'s fonts: a name and a little room. */
    static double leastLane(PictureMetrics base) {
        return Math.ceil(base.fontSize() + TEXT_ROOM);
    }

    /**
     * The metrics whose rows fill {@code room} best: the tallest lanes (whole pixels, between the
     * floor and {@link #MOST} times the standard) whose rows' height, as {@code contentAt} measures
     * it, is at most {@code room}; the floor when even that does not fit.
     */
    static PictureMetrics fit(PictureMetrics base, double room, ToDoubleFunction<PictureMetrics> contentAt) {
        int low = (int) leastLane(base);
        int high = (int) Math.floor(base.laneHeight() * MOST);
        if (contentAt.applyAsDouble(at(base, low)) > room) {
            return at(base, low);
        }
        // content grows with the lane height: the tallest that fits, by halving
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (contentAt.applyAsDouble(at(base, mid)) <= room) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return at(base, low);
    }

    /** {@code base} with lanes {@code lane} pixels tall and the other rows scaled alike; the standard height gives base. */
    static PictureMetrics at(PictureMetrics base, double lane) {
        if (lane == base.laneHeight()) {
            return base;
        }
        double f = lane / base.laneHeight();
        double pad = Math.max(2, Math.round(base.barPadding() * Math.min(f, 1.3)));
        // a header holds one line of small text; it need not grow
        double header = Math.max(Math.ceil(base.smallSize() + 2 * TEXT_ROOM),
                Math.min(base.processHeight(), Math.round(base.processHeight() * f)));
        // a results row writes its values, a bracket and the times under it: it keeps room for them
        double results = Math.max(other(base.resultsHeight(), f),
                Math.ceil((base.fontSize() + base.smallSize()) * RESULTS_LINES));
        return new PictureMetrics(lane, pad, header, other(base.counterHeight(), f), results,
                base.rulerHeight(), base.gutterWidth(), base.labelSpacing(), base.capRadius(), base.line(),
                base.fontSize(), base.smallSize());
    }

    private static double other(double standard, double f) {
        return Math.round(standard * Math.max(OTHER_LEAST, Math.min(MOST, f)));
    }
}
