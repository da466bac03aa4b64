package io.threadline.ui.timeline;

/** Which cause arrows the timeline draws (see {@link TimelineView#arrowModeProperty()}). */
public enum ArrowMode {
    /** Every arrow in view, thinned when dense; the focused thread's stand out and the others fade. */
    ALL("All threads"),
    /** Only the arrows into or out of the focused thread: the lane under the pointer, else the selected one. */
    FOCUS("Selected thread"),
    /** No arrows. */
    NONE("Off");

    private final String label;

    ArrowMode(String label) {
        this.label = label;
    }

    /** Words for a menu or a tooltip. */
    public String label() {
        return label;
    }
}
