package io.threadline.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps what outlives a window, as each system expects: its state (the recent
 * files) and its log.
 * <ul>
 *   <li>Linux and the BSDs (the XDG base directories): both under {@code $XDG_STATE_HOME/threadline},
 *       by default {@code ~/.local/state/threadline}: the XDG state folder is the one for history,
 *       recently used files and logs.</li>
 *   <li>macOS: {@code ~/Library/Application Support/Threadline} and {@code ~/Library/Logs/Threadline}.</li>
 *   <li>Windows: {@code %APPDATA%\Threadline} and {@code %LOCALAPPDATA%\Threadline\Logs}.</li>
 * </ul>
 * The system property {@code threadline.home} puts both in the folder it names (the tests, or a
 * copy of the app on a USB stick). Earlier versions kept both in {@code ~/.threadline}: its list
 * of recent files is carried over once ({@link #carryOver}); its old logs stay where they are.
 */
record AppFolders(Path state, Path logs) {
    static final String HOME_PROPERTY = "threadline.home";
    static final String RECENT_FILES = "recent-files";

    /** This user's folders on this system. */
    static AppFolders standard() {
        return of(System.getProperty(HOME_PROPERTY), System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }

    /** The folders for a {@code threadline.home} (or null), environment, system name and home. */
    static AppFolders of(String home, Map<String, String> env, String osName, Path userHome) {
        if (home != null && !home.isBlank()) {
            Path dir = Path.of(home);
            return new AppFolders(dir, dir);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            Path library = userHome.resolve("Library");
            return new AppFolders(library.resolve("Application Support").resolve("Threadline"),
                    library.resolve("Logs").resolve("Threadline"));
        }
        if (os.startsWith("windows")) {
            Path roaming = absolute(env.get("APPDATA"), userHome.resolve("AppData").resolve("Roaming"));
            Path local = absolute(env.get("LOCALAPPDATA"), userHome.resolve("AppData").resolve("Local"));
            return new AppFolders(roaming.resolve("Threadline"), local.resolve("Threadline").resolve("Logs"));
        }
        // The XDG rule: a variable that is unset, empty or not an absolute path is ignored.
        Path dir = absolute(env.get("XDG_STATE_HOME"), userHome.resolve(".local").resolve("state")).resolve("threadline");
        return new AppFolders(dir, dir);
    }

    /** Where earlier versions kept recent files and logs. */
    static Path earlierHome(Path userHome) {
        return userHome.resolve(".threadline");
    }

    /**
     * Copies the list of recent files an earlier version kept in {@code earlier} into the state
     * folder, unless that already has one. A copy, not a move: the earlier version may still be in
     * use. Nothing happens if it cannot be done; the list is a convenience.
     */
    void carryOver(Path earlier) {
        Path from = earlier.resolve(RECENT_FILES);
        Path to = state.resolve(RECENT_FILES);
        if (earlier.equals(state) || !Files.isRegularFile(from) || Files.exists(to)) {
            return;
        }
        try {
            Files.createDirectories(state);
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException | RuntimeException e) {
            // an unreadable old list or a read-only home: the list starts empty
        }
    }

    private static Path absolute(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Path p = Path.of(value);
            return p.isAbsolute() ? p : fallback;
        } catch (InvalidPathException e) {
            return fallback;
        }
    }
}
