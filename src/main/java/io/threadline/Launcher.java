package io.threadline;

import io.threadline.ui.ThreadlineApp;

/**
 * Entry point of the jar. A plain class, not the Application, so the shaded jar starts on the
 * classpath ("JavaFX runtime components are missing" otherwise). Skeleton: the command line
 * is built with the export work.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        ThreadlineApp.open(null);
    }
}
