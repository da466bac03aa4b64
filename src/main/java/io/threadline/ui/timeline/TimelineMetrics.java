package io.threadline.ui.timeline;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Sizes of the timeline's parts: one set for a desk, a larger one for a projector.
 *
 * @param laneHeight    a thread lane
 * @param barPadding    space above and below the bars inside a lane
 * @param processHeight a process header row
 * @param counterHeight a counter chart
 * @param resultsHeight a pool results row
 * @param rulerHeight   the time ruler
 * @param gutterWidth   the fixed column of lane names
 * @param labelSpacing  minimum pixels between ruler labels
 * @param capRadius     half the size of an end cap
 * @param line          width of outlines
 */
record TimelineMetrics(double laneHeight, double barPadding, double processHeight, double counterHeight,
                       double resultsHeight, double rulerHeight, double gutterWidth, double labelSpacing,
                       double capRadius, double line, Font font, Font bold, Font small, Font smallBold) {

    static TimelineMetrics desk() {
        return of(40, 6, 26, 60, 58, 32, 230, 96, 5.5, 1, 13, 12);
    }

    static TimelineMetrics projector() {
        return of(58, 8, 36, 88, 84, 44, 310, 130, 8.5, 2, 19, 16);
    }

    private static TimelineMetrics of(double lane, double pad, double process, double counter, double results,
                                      double ruler, double gutter, double spacing, double cap, double line,
                                      double fontSize, double smallSize) {
        String family = Font.getDefault().getFamily();
        return new TimelineMetrics(lane, pad, process, counter, results, ruler, gutter, spacing, cap, line,
                Font.font(family, fontSize), Font.font(family, FontWeight.BOLD, fontSize),
                Font.font(family, smallSize), Font.font(family, FontWeight.BOLD, smallSize));
    }
}
