package io.threadline.build;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Linux launcher script hands Java what jpackage's launcher would: the .cfg's options with
 * $APPDIR made the app folder, its class path and main class, then the given arguments as given
 * (spaces, quotes and a literal $APPDIR among them), from an image whose path has a space and
 * through a link, as a .deb's /usr/bin entry is; and the image's packed AOT cache is unpacked once
 * into the user's cache folder and named to Java from there.
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
        return run(Map.of(), exe, args);
    }

    private static List<String> run(Map<String, String> env, Path exe, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(exe.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
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

    // ------------------------------------------------------------------ the packed AOT cache

    private static final String CACHE_NAME = "threadline-0.1.0-0badcafe.aot";
    private static final byte[] CACHE = "the classes, loaded and linked".repeat(500).getBytes(StandardCharsets.UTF_8);

    /** The image as the dist build leaves it on Linux: the cache gzipped and named in the .cfg. */
    private void packCache() throws IOException {
        Path app = image.resolve("lib/app");
        try (var out = new GZIPOutputStream(Files.newOutputStream(app.resolve("threadline.aot.gz")))) {
            out.write(CACHE);
        }
        writePackedCfg("threadline.aot.gz");
    }

    private void writePackedCfg(String packedFile) throws IOException {
        Path app = image.resolve("lib/app");
        Files.writeString(app.resolve("threadline.cfg"), String.join("\n",
                "[Application]",
                "app.classpath=$APPDIR/threadline.jar",
                "app.mainclass=io.threadline.Launcher",
                "[JavaOptions]",
                "java-options=-XX:TieredStopAtLevel=1",
                "",
                "[Threadline]",
                "aot.packed=$APPDIR/" + packedFile,
                "aot.name=" + CACHE_NAME,
                "aot.size=" + CACHE.length), StandardCharsets.UTF_8);
    }

    @Test
    void theFirstStartUnpacksTheCacheIntoXdgCacheHomeAndEveryStartNamesItToJava() throws Exception {
        packCache();
        Path cacheHome = dir.resolve("cache home");
        Path folder = Files.createDirectories(cacheHome.resolve("threadline"));
        Path older = Files.writeString(folder.resolve("threadline-0.0.9-12345678.aot"), "an older build's");
        Files.setLastModifiedTime(older, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        Path recent = Files.writeString(folder.resolve("threadline-0.1.0-0ther0ne.aot"), "a build still in use");
        Path leftover = Files.writeString(folder.resolve("threadline-0.0.9-12345678.aot.host.77.part"), "killed");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path other = Files.writeString(folder.resolve("notes.txt"), "not ours to remove");
        Path cache = folder.resolve(CACHE_NAME);
        String app = image.resolve("lib/app").toRealPath().toString();
        List<String> expected = List.of("-XX:TieredStopAtLevel=1", "-XX:AOTCache=" + cache,
                "-cp", app + "/threadline.jar", "io.threadline.Launcher", "list");

        assertThat(run(Map.of("XDG_CACHE_HOME", cacheHome.toString()), launcher, "list")).isEqualTo(expected);
        assertThat(Files.readAllBytes(cache)).isEqualTo(CACHE);
        assertThat(older).as("a week-old cache of another build").doesNotExist();
        assertThat(leftover).as("what a killed first start left").doesNotExist();
        assertThat(recent).as("another build's recent cache: two builds in use keep theirs").exists();
        assertThat(other).exists();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(CACHE_NAME,
                    recent.getFileName().toString(), "notes.txt");
        }

        // a later start maps what is there and unpacks nothing
        byte[] marked = CACHE.clone();
        marked[0] = 'X';
        Files.write(cache, marked);
        assertThat(run(Map.of("XDG_CACHE_HOME", cacheHome.toString()), launcher, "list")).isEqualTo(expected);
        assertThat(Files.readAllBytes(cache)).isEqualTo(marked);

        // one cut short (a start killed, a power loss) is unpacked again, never mapped
        Files.write(cache, java.util.Arrays.copyOf(CACHE, CACHE.length / 2));
        assertThat(run(Map.of("XDG_CACHE_HOME", cacheHome.toString()), launcher, "list")).isEqualTo(expected);
        assertThat(Files.readAllBytes(cache)).isEqualTo(CACHE);
    }

    @Test
    void aCacheFolderWithAColonIsNotUsedSinceTheJvmWouldRefuseToStart() throws Exception {
        packCache();
        Path cacheHome = Files.createDirectories(dir.resolve("cache:home"));
        String app = image.resolve("lib/app").toRealPath().toString();
        assertThat(run(Map.of("XDG_CACHE_HOME", cacheHome.toString()), launcher, "list")).containsExactly(
                "-XX:TieredStopAtLevel=1", "-cp", app + "/threadline.jar", "io.threadline.Launcher", "list");
        assertThat(cacheHome.resolve("threadline")).doesNotExist();
    }

    @Test
    void withNoHomeAndNoCacheFolderThereIsNoCacheAndNothingIsSaid() throws Exception {
        packCache();
        String app = image.resolve("lib/app").toRealPath().toString();
        List<String> cmd = List.of("env", "-u", "HOME", "-u", "XDG_CACHE_HOME", launcher.toString(), "list");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList())
                .containsExactly("-XX:TieredStopAtLevel=1", "-cp", app + "/threadline.jar", "io.threadline.Launcher",
                        "list");
    }

    @Test
    void aCachePackedWithXzIsUnpackedWithXz() throws Exception {
        Path xz = Executables.find("xz");
        assumeTrue(xz != null, "xz on the PATH");
        Path cache = Files.write(dir.resolve("threadline.aot"), CACHE);
        PackedCache.Packed packed = PackedCache.pack(cache, "0.1.0", xz);
        Files.move(packed.file(), image.resolve("lib/app/threadline.aot.xz"));
        writePackedCfg("threadline.aot.xz");
        Path cacheHome = dir.resolve("cache home");
        Path unpacked = cacheHome.resolve("threadline/" + CACHE_NAME);
        assertThat(run(Map.of("XDG_CACHE_HOME", cacheHome.toString()), launcher, "list"))
                .contains("-XX:AOTCache=" + unpacked);
        assertThat(Files.readAllBytes(unpacked)).isEqualTo(CACHE);
    }

    @Test
    void withoutAnAbsoluteXdgCacheHomeTheCacheGoesUnderHomesDotCache() throws Exception {
        packCache();
        Path home = Files.createDirectories(dir.resolve("home"));
        Path cache = home.resolve(".cache/threadline/" + CACHE_NAME);
        assertThat(run(Map.of("HOME", home.toString()), launcher, "list")).contains("-XX:AOTCache=" + cache);
        assertThat(run(Map.of("HOME", home.toString(), "XDG_CACHE_HOME", "relative/cache"), launcher, "list"))
                .contains("-XX:AOTCache=" + cache);
        assertThat(Files.readAllBytes(cache)).isEqualTo(CACHE);
        assertThat(dir.resolve("relative")).doesNotExist();
    }

    @Test
    void aCacheFolderThatCannotBeMadeOrABrokenPackStartsJavaWithoutTheCacheAndSaysNothing() throws Exception {
        packCache();
        Path notAFolder = Files.writeString(dir.resolve("a file"), "in the way");
        String app = image.resolve("lib/app").toRealPath().toString();
        List<String> withoutCache = List.of("-XX:TieredStopAtLevel=1",
                "-cp", app + "/threadline.jar", "io.threadline.Launcher", "list");
        assertThat(run(Map.of("XDG_CACHE_HOME", notAFolder.toString()), launcher, "list")).isEqualTo(withoutCache);

        Files.writeString(image.resolve("lib/app/threadline.aot.gz"), "not gzip at all");
        Path cacheHome = dir.resolve("cache home");
        assertThat(run(Map.of("XDG_CACHE_HOME", cacheHome.toString()), launcher, "list")).isEqualTo(withoutCache);
        try (var files = Files.list(cacheHome.resolve("threadline"))) {
            assertThat(files).as("no half-unpacked file left").isEmpty();
        }
    }
}
