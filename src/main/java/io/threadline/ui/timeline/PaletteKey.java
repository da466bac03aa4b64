package io.threadline.ui.timeline;

import javafx.scene.paint.Color;

/**
 * Every colour the timeline draws with, each a CSS property of the control (see timeline.css
 * for the light and dark values). The fallbacks here are the light theme, used before CSS applies.
 */
enum PaletteKey {
    BACKGROUND("-tl-background", "#ffffff"),
    LANE_ALT("-tl-lane-alt", "#f6f8fa"),
    GUTTER("-tl-gutter", "#f3f5f8"),
    BORDER("-tl-border", "#d0d7de"),
    RULER("-tl-ruler", "#fbfcfd"),
    TEXT("-tl-text", "#1b1f24"),
    MUTED_TEXT("-tl-muted-text", "#57606a"),
    GRID("-tl-grid", "#e7ebef"),
    SELECTION("-tl-selection", "#dbeafe"),
    ACCENT("-tl-accent", "#0b5cad"),
    PROCESS_HEADER("-tl-process-header", "#e9edf2"),
    RUNNING("-tl-running", "#00866b"),
    RUNNING_TEXT("-tl-running-text", "#ffffff"),
    RUNNABLE("-tl-runnable", "#e69f00"),
    RUNNABLE_FILL("-tl-runnable-fill", "#fcebc4"),
    RUNNABLE_TEXT("-tl-runnable-text", "#3d2a00"),
    WAITING("-tl-waiting", "#0072b2"),
    WAITING_FILL("-tl-waiting-fill", "#d3ebf9"),
    WAITING_TEXT("-tl-waiting-text", "#06324f"),
    NEW("-tl-new", "#b5508a"),
    NEW_TEXT("-tl-new-text", "#7a2c5b"),
    RETURNED("-tl-returned", "#1b1f24"),
    FAILED("-tl-failed", "#d55e00"),
    MIXED("-tl-mixed", "#6e7781"),
    ARROW("-tl-arrow", "#57606a"),
    COUNTER("-tl-counter", "#4b5563"),
    COUNTER_FILL("-tl-counter-fill", "#dfe3e8"),
    RESULT_MAP("-tl-result-map", "#d55e00"),
    RESULT_UNORDERED("-tl-result-unordered", "#0072b2");

    private final String cssProperty;
    private final Color fallback;

    PaletteKey(String cssProperty, String fallback) {
        this.cssProperty = cssProperty;
        this.fallback = Color.web(fallback);
    }

    String cssProperty() {
        return cssProperty;
    }

    Color fallback() {
        return fallback;
    }
}
