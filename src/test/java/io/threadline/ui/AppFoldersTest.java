package io.threadline.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppFoldersTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxKeepsStateAndLogsInTheXdgStateFolder() {
        AppFolders f = AppFolders.of(null, Map.of(), "Linux", HOME);
        assertThat(f.state()).isEqualTo(Path.of("/home/ada/.local/state/threadline"));
        assertThat(f.logs()).isEqualTo(f.state());
        assertThat(AppFolders.of(null, Map.of("XDG_STATE_HOME", "/srv/state"), "Linux", HOME).state())
                .isEqualTo(Path.of("/srv/state/threadline"));
        assertThat(AppFolders.of(null, Map.of("XDG_STATE_HOME", "/srv/state"), "FreeBSD", HOME).logs())
                .isEqualTo(Path.of("/srv/state/threadline"));
    }

    @Test
    void anXdgVariableThatIsEmptyOrRelativeIsIgnored() {
        assertThat(AppFolders.of(null, Map.of("XDG_STATE_HOME", ""), "Linux", HOME).state())
                .isEqualTo(Path.of("/home/ada/.local/state/threadline"));
        assertThat(AppFolders.of(null, Map.of("XDG_STATE_HOME", "state"), "Linux", HOME).state())
                .isEqualTo(Path.of("/home/ada/.local/state/threadline"));
    }

    @Test
    void macOsKeepsStateInApplicationSupportAndLogsInLibraryLogs() {
        AppFolders f = AppFolders.of(null, Map.of("XDG_STATE_HOME", "/srv/state"), "Mac OS X", HOME);
        assertThat(f.state()).isEqualTo(Path.of("/home/ada/Library/Application Support/Threadline"));
        assertThat(f.logs()).isEqualTo(Path.of("/home/ada/Library/Logs/Threadline"));
    }

    @Test
    void windowsKeepsStateInAppDataAndLogsInLocalAppData() {
        AppFolders f = AppFolders.of(null, Map.of("APPDATA", "/c/Users/ada/AppData/Roaming",
                "LOCALAPPDATA", "/c/Users/ada/AppData/Local"), "Windows 11", HOME);
        assertThat(f.state()).isEqualTo(Path.of("/c/Users/ada/AppData/Roaming/Threadline"));
        assertThat(f.logs()).isEqualTo(Path.of("/c/Users/ada/AppData/Local/Threadline/Logs"));
        AppFolders unset = AppFolders.of(null, Map.of(), "Windows 10", HOME);
        assertThat(unset.state()).isEqualTo(HOME.resolve("AppData/Roaming/Threadline"));
        assertThat(unset.logs()).isEqualTo(HOME.resolve("AppData/Local/Threadline/Logs"));
    }

    @Test
    void theHomePropertyPutsEverythingInItsFolder() {
        AppFolders f = AppFolders.of("/tmp/tl", Map.of("XDG_STATE_HOME", "/srv/state"), "Linux", HOME);
        assertThat(f.state()).isEqualTo(Path.of("/tmp/tl"));
        assertThat(f.logs()).isEqualTo(Path.of("/tmp/tl"));
        assertThat(AppFolders.of(" ", Map.of(), "Linux", HOME).state()).isEqualTo(HOME.resolve(".local/state/threadline"));
    }

    @Test
    void theRecentFilesOfAnEarlierVersionAreCarriedOverOnce(@TempDir Path dir) throws Exception {
        Path earlier = Files.createDirectories(dir.resolve(".threadline"));
        Files.writeString(earlier.resolve("recent-files"), "/work/soup.json\n");
        Files.writeString(earlier.resolve("threadline.0.log"), "an old log\n");
        AppFolders f = new AppFolders(dir.resolve("state/threadline"), dir.resolve("state/threadline"));

        f.carryOver(earlier);
        assertThat(new RecentFiles(f.state().resolve("recent-files")).list()).containsExactly(Path.of("/work/soup.json"));
        assertThat(earlier.resolve("recent-files")).exists();
        assertThat(f.state().resolve("threadline.0.log")).doesNotExist();

        // once there is a list, the earlier one never replaces it
        Files.writeString(f.state().resolve("recent-files"), "/work/new.json\n");
        f.carryOver(earlier);
        assertThat(Files.readString(f.state().resolve("recent-files"))).isEqualTo("/work/new.json\n");
    }

    @Test
    void nothingToCarryOverLeavesNoFolderBehind(@TempDir Path dir) {
        AppFolders f = new AppFolders(dir.resolve("state"), dir.resolve("state"));
        f.carryOver(dir.resolve(".threadline"));
        assertThat(dir.resolve("state")).doesNotExist();
    }
}
