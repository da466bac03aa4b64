package io.threadline.picture;

/**
 * Every colour the timeline draws with, by role: the one list, for the window and every export.
 * Each is a CSS property of the window's timeline ({@link #cssProperty()}: {@code -tl-running}
 * ...), so its themes are plain CSS; {@link PictureTheme} holds their light and dark values.
 */
public enum Ink {
    BACKGROUND, LANE_ALT, GUTTER, BORDER, RULER, TEXT, MUTED_TEXT, GRID, SELECTION, ACCENT, PROCESS_HEADER,
    RUNNING, RUNNING_TEXT, RUNNABLE, RUNNABLE_FILL, RUNNABLE_TEXT, WAITING, WAITING_FILL, WAITING_TEXT,
    NEW, NEW_TEXT, RETURNED, FAILED, MIXED, ARROW, COUNTER, COUNTER_FILL, RESULT_MAP, RESULT_UNORDERED,
    PLAYHEAD, PLAYHEAD_TEXT;

    /** The CSS property of the view that holds this colour, e.g. "-tl-running-text". */
    public String cssProperty() {
        return "-tl-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
