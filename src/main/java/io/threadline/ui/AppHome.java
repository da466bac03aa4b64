package io.threadline.ui;

import java.nio.file.Path;

/**
 * The app's own folder, where what outlives the window is kept (recent files, the user's programs,
 * the interpreter setting, the log): {@code ~/.threadline}, or the folder the {@code threadline.home}
 * system property names (the tests use their own).
 */
final class AppHome {
    private AppHome() {
    }

    static Path standard() {
        String home = System.getProperty("threadline.home");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".threadline");
    }
}
