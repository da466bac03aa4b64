package io.threadline.picture;

/**
 * Sizes of the timeline's parts in logical pixels, in the window and in pictures alike: the desk
 * sizes, or the larger ones of presentation mode (a projector).
 *
 * @param laneHeight    a thread lane
 * @param barPadding    space above and below the bars inside a lane
 * @param processHeight a process header row
 * @param counterHeight a counter chart
 * @param resultsHeight a pool results row
 * @param rulerHeight   the time ruler
 * @param gutterWidth   the column of lane names
 * @param labelSpacing  minimum pixels between ruler labels
 * @param capRadius     half the size of an end cap
 * @param line          width of outlines
 * @param fontSize      lane names
 * @param smallSize     labels on bars, ruler, badges
 */
public record PictureMetrics(double laneHeight, double barPadding, double processHeight, double counterHeight,
                             double resultsHeight, double rulerHeight, double gutterWidth, double labelSpacing,
                             double capRadius, double line, double fontSize, double smallSize) {

    public static final PictureMetrics DESK = new PictureMetrics(40, 6, 26, 60, 58, 32, 230, 96, 5.5, 1, 13, 12);
    public static final PictureMetrics PROJECTOR = new PictureMetrics(58, 8, 36, 88, 84, 44, 310, 130, 8.5, 2, 19, 18);

    public TextStyle font() {
        return TextStyle.of(fontSize);
    }

    public TextStyle bold() {
        return TextStyle.bold(fontSize);
    }

    public TextStyle small() {
        return TextStyle.of(smallSize);
    }

    public TextStyle smallBold() {
        return TextStyle.bold(smallSize);
    }
}
