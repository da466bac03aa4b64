package io.threadline.trace;

/**
 * Breaks the package table on purpose, for ArchitectureTest to catch: the trace package using the
 * window and JavaFX, each by its fully qualified name and no import. Only that test reads it.
 */
public final class ForbiddenUseProbe {
    private ForbiddenUseProbe() {
    }

    static Object window() {
        return io.threadline.ui.ThreadlineApp.class;
    }

    static Object font() {
        return javafx.scene.text.Font.class;
    }
}
