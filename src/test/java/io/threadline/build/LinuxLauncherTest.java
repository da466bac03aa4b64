package io.threadline.build;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Linux launcher script hands Java what jpackage's launcher would: the .cfg's options with
 * $APPDIR made the app folder, its class path and main class, then the given arguments as given
 * (spaces, quotes and a literal $APPDIR among them), from an image whose path has a space and
 * through a link, as a .deb's /usr/bin entry is.
 */
class LinuxLauncherTest {
    @TempDir
    Path dir;
    private Path image;
    private Path launcher;

    @BeforeEach
    void fakeImage() throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "a Linux launcher");
        image = dir.resolve("an image");
        Path app = Files.createDirectories(image.resolve("lib/app"));
        Path java = Files.createDirectories(image.resolve("lib/runtime/bin")).resolve("java");
        // a java that prints what it was given, one argument a line
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(app.resolve("threadline.cfg"), String.join("\n",
                "[Application]",
                "app.classpath=$APPDIR/threadline.jar",
                "app.mainclass=io.threadline.Launcher",
                "",
                "[JavaOptions]",
                "java-options=-Djpackage.app-version=0.1.0",
                "java-options=-Djava.library.path=$APPDIR",
                "java-options=-XX:TieredStopAtLevel=1",
                "java-options=-XX:AOTCache=$APPDIR/threadline.aot"), StandardCharsets.UTF_8);
        launcher = Files.createDirectories(image.resolve("bin")).resolve("threadline");
        Files.writeString(launcher, "jpackage's launcher");
        Files.writeString(image.resolve("lib/libapplauncher.so"), "its library");
        LinuxLauncher.install(launcher);
    }

    private static List<String> run(Path exe, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(exe.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void javaGetsTheCfgsOptionsClassPathAndMainClassThenTheArgumentsAsGiven() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("threadline"), launcher);
        String app = image.resolve("lib/app").toRealPath().toString();
        assertThat(run(link, "run", "chef soup", "it's", "$APPDIR", "--set", "olivia=3")).containsExactly(
                "-Djpackage.app-version=0.1.0",
                "-Djava.library.path=" + app,
                "-XX:TieredStopAtLevel=1",
                "-XX:AOTCache=" + app + "/threadline.aot",
                "-cp", app + "/threadline.jar", "io.threadline.Launcher",
                "run", "chef soup", "it's", "$APPDIR", "--set", "olivia=3");
    }

    @Test
    void everyAppdirOfAValueSeveralClassPathLinesWindowsLineEndsAndEmptyOptions() throws Exception {
        Files.writeString(image.resolve("lib/app/threadline.cfg"), String.join("\r\n",
                "[Application]",
                "app.classpath=$APPDIR/threadline.jar",
                "app.classpath=$APPDIR/more.jar",
                "app.mainclass=io.threadline.Launcher",
                "[JavaOptions]",
                "java-options=",
                "java-options=-Dpath=$APPDIR/one:$APPDIR/two"), StandardCharsets.UTF_8);
        String app = image.resolve("lib/app").toRealPath().toString();
        assertThat(run(launcher, "list")).containsExactly(
                "-Dpath=" + app + "/one:" + app + "/two",
                "-cp", app + "/threadline.jar:" + app + "/more.jar", "io.threadline.Launcher", "list");
    }

    @Test
    void theScriptReplacesJpackagesLauncherAndItsLibrary() throws Exception {
        assertThat(Files.readString(launcher)).startsWith("#!/bin/sh");
        assertThat(Files.isExecutable(launcher)).isTrue();
        assertThat(image.resolve("lib/libapplauncher.so")).doesNotExist();
    }

    @Test
    void noArgumentsOpensTheWindowAsTheMainClassDecides() throws Exception {
        List<String> got = run(launcher);
        assertThat(got).endsWith("io.threadline.Launcher");
    }

    @Test
    void aMissingCfgIsOneClearLine() throws Exception {
        Files.delete(image.resolve("lib/app/threadline.cfg"));
        Process p = new ProcessBuilder(launcher.toString(), "list").redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
                .startsWith("threadline: ").endsWith("threadline.cfg is missing; reinstall Threadline");
    }
}
