package io.threadline.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second launch while a window is open gets a window of its own: both keep their recent files
 * and their logs, and neither overwrites or rotates the other's. The second launch is a JVM of its
 * own ({@link SecondLaunch}), as it is for a user.
 */
class TwoLaunchesTest {
    @AfterEach
    void closeLog() {
        AppLog.uninstall();
    }

    @Test
    void recentFilesAddedByTwoLaunchesAtOnceAreAllKept(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("recent-files");
        Path go = dir.resolve("go");
        int each = RecentFiles.LIMIT / 2;
        List<Process> launches = new ArrayList<>();
        for (String who : new String[] {"first", "second"}) {
            launches.add(java("recent", store.toString(), who, Integer.toString(each), go.toString()));
        }
        Thread.sleep(1500);
        Files.writeString(go, "go");
        for (Process p : launches) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        }
        List<Path> kept = new RecentFiles(store).list();
        assertThat(kept).hasSize(2 * each);
        for (int i = 0; i < each; i++) {
            assertThat(kept).contains(Path.of("/traces/first-" + i + ".json"), Path.of("/traces/second-" + i + ".json"));
        }
    }

    @Test
    void eachWindowSeesWhatTheOtherAddedAndRemoved(@TempDir Path dir) {
        Path store = dir.resolve("recent-files");
        RecentFiles mine = new RecentFiles(store);
        RecentFiles theirs = new RecentFiles(store);
        mine.add(Path.of("/traces/a.json"));
        theirs.add(Path.of("/traces/b.json"));
        assertThat(mine.list()).containsExactly(Path.of("/traces/b.json"), Path.of("/traces/a.json"));
        mine.add(Path.of("/traces/c.json"));
        theirs.remove(Path.of("/traces/a.json"));
        assertThat(mine.list()).containsExactly(Path.of("/traces/c.json"), Path.of("/traces/b.json"));
        assertThat(theirs.list()).isEqualTo(mine.list());
    }

    @Test
    void aSecondLaunchWritesALogOfItsOwn(@TempDir Path dir) throws Exception {
        AppLog.install(dir);
        AppLog.LOG.info("the first window's line");
        AppLog.flush();
        assertThat(AppLog.currentFile()).isEqualTo(dir.resolve("threadline.0.log"));

        Process second = java("log", dir.toString());
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = lastLine(second);
        assertThat(second.exitValue()).as(printed).isZero();
        assertThat(printed).endsWith("threadline-2.0.log");
        assertThat(Files.readString(Path.of(printed))).contains("the second window's line")
                .doesNotContain("the first window's line");

        AppLog.LOG.info("the first window goes on");
        AppLog.flush();
        assertThat(Files.readString(dir.resolve("threadline.0.log"))).contains("the first window's line")
                .contains("the first window goes on").doesNotContain("the second window's line");
    }

    @Test
    void theFirstNumberIsFreeAgainOnceItsWindowClosed(@TempDir Path dir) throws Exception {
        AppLog.install(dir);
        AppLog.uninstall();
        Process next = java("log", dir.toString());
        assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lastLine(next)).endsWith("threadline.0.log");
    }

    /** What the launch printed last (its log's lines go to stderr before it). */
    private static String lastLine(Process p) throws Exception {
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static Process java(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SecondLaunch.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }
}
