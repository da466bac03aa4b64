package io.threadline;

import io.threadline.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window without a desktop session: one line that says so and that the command line works,
 * exit 2; no stack trace, and not JavaFX's warning about the classpath.
 */
class LauncherTest {
    private static final String NO_DISPLAY = "threadline: " + String.format(Cli.NO_DESKTOP,
            "no display: DISPLAY is not set");

    @TempDir
    Path dir;

    private static void noDisplay(Map<String, String> env) {
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
    }

    @Test
    void theWindowWithoutADisplaySaysSoInOneLine() throws Exception {
        LauncherProcess.Result r = LauncherProcess.run(dir, LauncherTest::noDisplay);

        assertThat(r.errLines()).containsExactly(NO_DISPLAY);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(NO_DISPLAY).isEqualTo("threadline: the window needs a desktop session (no display: DISPLAY is not"
                + " set); the command line works without one (threadline help)");
    }

    @Test
    void underMavenTheSameLineEndsWith0SoThePluginAddsNoStackTrace() throws Exception {
        LauncherProcess.Result r = LauncherProcess.run(dir, LauncherTest::noDisplay,
                List.of("-D" + Launcher.UNDER_MAVEN + "=true"));

        assertThat(r.errLines()).containsExactly(NO_DISPLAY);
        assertThat(r.status()).isZero();
    }

    @Test
    void showWithoutADisplaySaysTheSame() throws Exception {
        Path trace = dir.resolve("soup.json");
        assertThat(LauncherProcess.run(dir, LauncherTest::noDisplay, "run", "chef-soup", "--trace", trace.toString())
                .status()).isZero();

        LauncherProcess.Result r = LauncherProcess.run(dir, LauncherTest::noDisplay, "show", trace.toString());

        assertThat(r.errLines()).containsExactly(NO_DISPLAY);
        assertThat(r.status()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("home"))).as("no log set up: the window never started").isFalse();
    }

    @Test
    void aDisplayThatDoesNotAnswerGetsTheSameLineAndNoJavaFxWarning() throws Exception {
        // no X server listens on display 63999; the toolkit starts, fails, and is caught
        LauncherProcess.Result r = LauncherProcess.run(dir, env -> {
            noDisplay(env);
            env.put("DISPLAY", ":63999");
        });

        assertThat(r.errLines()).containsExactly("threadline: " + String.format(Cli.NO_DESKTOP,
                "cannot open the display :63999"));
        assertThat(r.status()).isEqualTo(2);
    }

    @Test
    void onlyAnX11DesktopNeedsDisplayAndATestToolkitNeedsNone() {
        assertThat(Launcher.missingDisplay(Map.of(), "Linux", null)).isEqualTo("no display: DISPLAY is not set");
        assertThat(Launcher.missingDisplay(Map.of("DISPLAY", " "), "FreeBSD", null)).isNotNull();
        assertThat(Launcher.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null)).isNull();
        assertThat(Launcher.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isNull();
        assertThat(Launcher.missingDisplay(Map.of(), "Linux", "Monocle")).isNull();
        assertThat(Launcher.missingDisplay(Map.of(), "Windows 11", null)).isNull();
        assertThat(Launcher.missingDisplay(Map.of(), "Mac OS X", null)).isNull();
    }
}
