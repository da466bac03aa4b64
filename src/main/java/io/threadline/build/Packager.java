package io.threadline.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Makes the app a teacher installs ({@code mvn -B -Pdist package}): a self-contained app image for
 * the machine it runs on, and on Linux a .deb, on macOS a .dmg, on Windows an .msi.
 *
 * <ol>
 *   <li>A runtime trimmed by jlink to the JDK modules the app uses.</li>
 *   <li>The shaded jar with JavaFX's native libraries moved out beside it, where JavaFX looks
 *       first (left inside, it would unpack them into the user's home at every first start).</li>
 *   <li>jpackage's image: the launcher {@code threadline} (no arguments or {@code show}: the
 *       window; a command: the command line) with the JVM options of the pom.</li>
 *   <li>A training run of that very launcher (the window under an Xvfb of its own where there is
 *       no display, a scenario run, the command line) records the class-data archive the launcher
 *       then starts from: an AOT cache from Java 24 on, a CDS archive before.</li>
 *   <li>The installer, from the finished image.</li>
 * </ol>
 * Options are {@code name=value} arguments (the dist profile of the pom passes them).
 */
public final class Packager {
    static final String NAME = "threadline";
    private static final boolean MAC = os().startsWith("mac");
    private static final long TRAINING_LIMIT_SECONDS = 300;
    /** The launcher's option for the cache beside the jar (Linux: the script's, once unpacked). */
    private static final String AOT_OPTION = "-XX:AOTCache=$APPDIR/" + NAME + ".aot";

    private final Map<String, String> options;
    private final Path out;
    private DistJdk jdk;
    /** Whether the image's AOT cache is packed with xz (its installer then depends on xz). */
    private boolean cacheNeedsXz;

    private Packager(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(option("out"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected name=value, got " + a);
            }
            options.put(a.substring(0, eq), a.substring(eq + 1).trim());
        }
        new Packager(options).build();
    }

    private String option(String name) {
        String v = options.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing option " + name);
        }
        return v;
    }

    private static void say(String line) {
        System.out.println("[dist] " + line);
        System.out.flush();
    }

    private void build() throws Exception {
        long t0 = System.nanoTime();
        jdk = chooseJdk();
        deleteTree(out);
        Path input = Files.createDirectories(out.resolve("input"));
        int natives = splitNatives(Path.of(option("jar")), input);
        say("app: " + input.resolve(NAME + ".jar") + " and " + natives + " native libraries of JavaFX beside it");
        Path runtime = link();
        Path image = appImage(input, runtime);
        Layout layout = Layout.of(image);
        if (!MAC && !DistJdk.WINDOWS) {
            LinuxLauncher.install(layout.launcher());
            say("launcher: " + layout.launcher() + " (a script reading its .cfg; jpackage's asks dpkg who owns it)");
        }
        train(layout);
        long[] sizes = {treeSize(image), treeSize(layout.runtime()), treeSize(layout.app())};
        say(String.format(Locale.ROOT, "app image: %s, %.1f MB unpacked (runtime %.1f MB, app and archive %.1f MB)",
                image, mb(sizes[0]), mb(sizes[1]), mb(sizes[2])));
        installer(image);
        say(String.format(Locale.ROOT, "done in %.0f s", (System.nanoTime() - t0) / 1e9));
    }

    // ------------------------------------------------------------------ the JDK

    private DistJdk chooseJdk() {
        String asked = option("jdk");
        DistJdk chosen = asked.isBlank() ? null : DistJdk.at(Path.of(asked));
        if (chosen == null) {
            DistJdk fallback = DistJdk.at(Path.of(option("fallbackJdk")));
            if (fallback == null) {
                throw new IllegalStateException("no JDK with jlink and jpackage at " + asked + " (-Ddist.jdk) nor at "
                        + option("fallbackJdk") + " (the JDK running Maven): the app image needs a full JDK, not a JRE");
            }
            say("no JDK with jlink and jpackage at '" + asked + "' (-Ddist.jdk=DIR names one): bundling Java "
                    + fallback.feature() + " from " + fallback.home() + " (no virtual threads, and its CDS archive is"
                    + " used only where the image was made)");
            chosen = fallback;
        }
        say("bundling the runtime of Java " + chosen.feature() + " from " + chosen.home());
        return chosen;
    }

    // ------------------------------------------------------------------ the app and its natives

    /** Copies the jar into {@code dir} without its native libraries, which go beside it. */
    static int splitNatives(Path jar, Path dir) throws IOException {
        int natives = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream app = new ZipOutputStream(Files.newOutputStream(dir.resolve(NAME + ".jar")))) {
            app.setLevel(Deflater.BEST_COMPRESSION); // 0.15 MB smaller than Maven's jar
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (isNative(e.getName())) {
                    Files.copy(in, dir.resolve(e.getName()), StandardCopyOption.REPLACE_EXISTING);
                    natives++;
                } else {
                    byte[] data = in.readAllBytes();
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    sizeAhead(copy, data);
                    app.putNextEntry(copy);
                    app.write(data);
                    app.closeEntry();
                }
            }
        }
        return natives;
    }

    /**
     * Gives {@code e} its sizes and CRC before it is written, so the jar needs no data descriptor
     * after it: 16 bytes an entry, 0.12 MB over the app's 7,400 (the image was 0.3 MB over its 80
     * MB). The compressed size is what {@link ZipOutputStream} will make of the same bytes at the
     * same level, which it checks when the entry closes.
     */
    private static void sizeAhead(ZipEntry e, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(data);
            d.finish();
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                d.deflate(buf);
            }
            e.setMethod(ZipEntry.DEFLATED);
            e.setSize(data.length);
            e.setCompressedSize(d.getBytesWritten());
            e.setCrc(crc.getValue());
        } finally {
            d.end();
        }
    }

    /** JavaFX's libraries sit at the root of its platform jars. */
    static boolean isNative(String entry) {
        return entry.indexOf('/') < 0 && (entry.endsWith(".so") || entry.endsWith(".dll") || entry.endsWith(".dylib"));
    }

    // ------------------------------------------------------------------ runtime and image

    private Path link() throws IOException, InterruptedException {
        Path runtime = out.resolve("runtime");
        List<String> cmd = new ArrayList<>(List.of(jdk.tool("jlink").toString(),
                "--add-modules", option("modules"), "--output", runtime.toString(),
                "--strip-debug", "--no-header-files", "--no-man-pages", jdk.compression(),
                // java.desktop's natives the app never loads: AWT's X11 toolkit (the app runs AWT
                // headless: Launcher), the splash screen and sound (0.8 MB)
                // (Linux's names; on the other systems the toolkit's library is AWT's own)
                "--exclude-files=**/libawt_xawt.so,**/libsplashscreen.so,**/libjsound.so,"
                        // and what only other tools read: the default CDS class list (for
                        // -Xshare:dump) and the jrt file system for other JDKs
                        + "**/lib/classlist,**/lib/jrt-fs.jar"));
        run("jlink", cmd, null);
        stripNatives(runtime);
        return runtime;
    }

    /**
     * Linux: the runtime's shared libraries without their symbol tables, which only a debugger
     * reads (jlink's --strip-debug leaves them: Temurin's libjvm.so is 29.8 MB with them, 24.8 MB
     * without); the dynamic symbols the JVM and JavaFX look up stay. Skipped, with a line, where
     * binutils' strip is missing: the image only comes out larger.
     */
    private static void stripNatives(Path runtime) throws IOException, InterruptedException {
        if (MAC || DistJdk.WINDOWS) {
            return;
        }
        Path strip = Executables.find("strip");
        if (strip == null) {
            say("no strip on the PATH (apt-get install -y binutils): the runtime keeps its symbol tables (about 5 MB)");
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(strip.toString(), "--strip-unneeded"));
        try (var files = Files.walk(runtime)) {
            files.filter(f -> f.getFileName().toString().endsWith(".so") && Files.isRegularFile(f))
                    .forEach(f -> cmd.add(f.toString()));
        }
        if (cmd.size() > 2) {
            run("strip", cmd, null);
        }
    }

    private Path appImage(Path input, Path runtime) throws IOException, InterruptedException {
        Path dest = out.resolve("image");
        List<String> cmd = new ArrayList<>(List.of(jdk.tool("jpackage").toString(), "--type", "app-image",
                "--name", NAME, "--app-version", option("version"), "--vendor", option("vendor"),
                "--description", option("description"), "--icon", icon().toString(),
                "--input", input.toString(), "--main-jar", NAME + ".jar", "--main-class", option("mainClass"),
                "--runtime-image", runtime.toString(), "--dest", dest.toString()));
        // Windows' native libraries are found on the library path (JavaFX looks in ..\bin there).
        cmd.addAll(List.of("--java-options", "-Djava.library.path=$APPDIR"));
        if (jdk.feature() >= 22) {
            // JavaFX loads its libraries with System.load, which newer JVMs warn about on every start.
            cmd.addAll(List.of("--java-options", "--enable-native-access=ALL-UNNAMED"));
        }
        for (String o : option("javaOptions").split("\\s+")) {
            if (!o.isBlank()) {
                cmd.addAll(List.of("--java-options", o));
            }
        }
        if (DistJdk.WINDOWS) {
            // a console launcher, so that the command line prints where it was typed
            cmd.add("--win-console");
        }
        if (MAC) {
            cmd.addAll(List.of("--mac-package-name", "Threadline"));
        }
        run("jpackage (app image)", cmd, null);
        return imageIn(out);
    }

    private Path icon() {
        String ext = MAC ? "icns" : DistJdk.WINDOWS ? "ico" : "png";
        return Path.of(option("icons"), MAC || DistJdk.WINDOWS ? NAME + "." + ext : NAME + "-512.png");
    }

    // ------------------------------------------------------------------ the training run

    private void train(Layout layout) throws IOException, InterruptedException {
        if (option("train").equals("skip")) {
            say("training skipped (-Ddist.train=skip): the image starts without a class-data archive");
            return;
        }
        Path home = Files.createDirectories(out.resolve("training-home"));
        List<String> common = List.of("-Dthreadline.home=" + home, "-Dthreadline.startupProbe=train");
        Xvfb xvfb = null;
        boolean window = true;
        Map<String, String> env = new LinkedHashMap<>();
        if (!MAC && !DistJdk.WINDOWS && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"))) {
            if (Xvfb.installed()) {
                xvfb = Xvfb.start();
                env.put("DISPLAY", xvfb.display());
                say("training in an Xvfb of its own on " + xvfb.display());
            } else {
                window = false;
                say("no display and no Xvfb (apt-get install -y xvfb libgtk-3-0): the training run is the command"
                        + " line's only; the window will start without the archive's head start");
            }
        }
        List<String> args = window ? List.of()
                : List.of("run", "producer-consumer", "--trace", home.resolve("training.json").toString());
        try {
            long t0 = System.nanoTime();
            if (jdk.aotCache()) {
                trainAot(layout, common, env, args);
            } else {
                trainCds(layout, common, env, args);
            }
            say(String.format(Locale.ROOT, "training run and archive: %.0f s", (System.nanoTime() - t0) / 1e9));
        } finally {
            if (xvfb != null) {
                xvfb.close();
            }
        }
        verifyArchive(layout, Map.of());
        if (jdk.aotCache() && !MAC && !DistJdk.WINDOWS) {
            packCache(layout);
        }
    }

    /**
     * Linux: the image carries the cache gzipped and the launcher script unpacks it at the first
     * start (see {@link PackedCache}); checked as a user's first start would meet it, in a cache
     * folder of its own, with the JVM refusing to start without the cache.
     */
    private void packCache(Layout layout) throws IOException, InterruptedException {
        Path cache = layout.app().resolve(NAME + ".aot");
        long size = Files.size(cache);
        Path xz = Executables.find("xz");
        if (xz == null) {
            say("no xz on the PATH (apt-get install -y xz-utils): the AOT cache is packed with gzip, 3 MB larger");
        }
        PackedCache.Packed packed = PackedCache.pack(cache, option("version"), xz);
        cacheNeedsXz = xz != null;
        String name = packed.name();
        PackedCache.configure(layout.app().resolve(NAME + ".cfg"), AOT_OPTION, packed.file().getFileName().toString(),
                name, packed.size());
        say(String.format(Locale.ROOT, "AOT cache packed: %.1f MB -> %.1f MB (%s); the first start unpacks it as %s",
                mb(size), mb(Files.size(packed.file())), packed.file().getFileName(), name));
        Path home = out.resolve("first-start-cache");
        deleteTree(home);
        verifyArchive(layout, Map.of("XDG_CACHE_HOME", home.toAbsolutePath().toString()));
        if (!Files.isRegularFile(home.resolve(NAME).resolve(name))) {
            throw new IllegalStateException("the launcher's first start did not unpack its cache into " + home);
        }
        deleteTree(home);
    }

    private void trainAot(Layout layout, List<String> common, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        Path cache = layout.app().resolve(NAME + ".aot");
        if (jdk.feature() >= 25) {
            // One step: the training JVM writes the cache as it exits.
            launch(layout, join(common, "-XX:AOTCacheOutput=" + cache), env, args);
        } else {
            Path config = out.resolve(NAME + ".aotconf");
            launch(layout, join(common, "-XX:AOTMode=record", "-XX:AOTConfiguration=" + config), env, args);
            launch(layout, List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + cache),
                    env, List.of());
        }
        requireFile(cache);
        // The cache maps the classes the training loaded (the class warmer's among them, as it ran
        // then): a warmer thread at start would only compete with the window's (first frame 980 ->
        // 953 ms, medians of ten alternating starts of the image, 2026-12-07).
        addJavaOptions(layout, AOT_OPTION, "-Dthreadline.noWarmup=true");
    }

    private void trainCds(Layout layout, List<String> common, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        Path classes = out.resolve(NAME + ".classlist");
        launch(layout, join(common, "-XX:DumpLoadedClassList=" + classes), env, args);
        requireFile(classes);
        Path archive = layout.app().resolve(NAME + ".jsa");
        // The class path exactly as the launcher gives it: the archive is refused otherwise.
        run("CDS archive", List.of(layout.java().toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classes,
                "-XX:SharedArchiveFile=" + archive, "-cp", layout.app().resolve(NAME + ".jar").toString()), null);
        requireFile(archive);
        addJavaOptions(layout, "-XX:SharedArchiveFile=$APPDIR/" + NAME + ".jsa", "-Xshare:auto");
    }

    /** Runs the image's launcher with extra JVM options (through JAVA_TOOL_OPTIONS, which every launcher honours). */
    private void launch(Layout layout, List<String> jvm, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(layout.launcher().toString());
        cmd.addAll(args);
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put("JAVA_TOOL_OPTIONS", String.join(" ", jvm));
        run("training run", cmd, e);
    }

    /** Checks that the launcher starts from the archive: -Xshare:on and AOTMode=on refuse to start without. */
    private void verifyArchive(Layout layout, Map<String, String> env) throws IOException, InterruptedException {
        String strict = jdk.aotCache() ? "-XX:AOTMode=on" : "-Xshare:on";
        ProcessBuilder pb = new ProcessBuilder(layout.launcher().toString(), "list").redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("JAVA_TOOL_OPTIONS", strict);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the launcher does not start from its archive (" + strict + "):\n" + output);
        }
        say("the launcher starts from its archive (checked with " + strict + ")");
    }

    /** Adds JVM options to the launcher's configuration (the archive exists only after the training run). */
    static void addJavaOptions(Layout layout, String... javaOptions) throws IOException {
        Path cfg = layout.app().resolve(NAME + ".cfg");
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("java-options=")) {
                at = i + 1;
            }
        }
        if (at < 0) {
            throw new IllegalStateException(cfg + " has no java-options");
        }
        for (String o : javaOptions) {
            lines.add(at++, "java-options=" + o);
        }
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ installers

    private void installer(Path image) throws IOException, InterruptedException {
        String asked = option("installer");
        String type = !asked.equals("auto") ? asked : MAC ? "dmg" : DistJdk.WINDOWS ? "msi" : "deb";
        if (type.equals("none")) {
            say("no installer (-Ddist.installer=none)");
            return;
        }
        if (type.equals("deb")) {
            for (String tool : new String[] {"dpkg-deb", "fakeroot"}) {
                if (!onPath(tool)) {
                    throw new IllegalStateException("the .deb needs dpkg-deb and fakeroot, and " + tool + " is missing:"
                            + " apt-get install -y dpkg fakeroot (or -Ddist.installer=none for the app image alone)");
                }
            }
        }
        List<String> cmd = new ArrayList<>(List.of(jdk.tool("jpackage").toString(), "--type", type,
                "--app-image", image.toString(), "--name", NAME, "--app-version", option("version"),
                "--vendor", option("vendor"), "--description", option("description"),
                "--license-file", option("license"), "--dest", out.toString()));
        if (type.equals("deb") || type.equals("rpm")) {
            cmd.addAll(List.of("--linux-shortcut", "--linux-menu-group", "Education", "--linux-app-category",
                    "education", "--icon", icon().toString(), "--resource-dir", linuxScripts().toString()));
            if (type.equals("deb")) {
                cmd.addAll(List.of("--linux-deb-maintainer", option("maintainer")));
            }
            if (cacheNeedsXz) {
                // the launcher script unpacks the AOT cache with it at the first start
                cmd.addAll(List.of("--linux-package-deps", type.equals("deb") ? "xz-utils" : "xz"));
            }
        } else if (DistJdk.WINDOWS) {
            cmd.addAll(List.of("--win-menu", "--win-menu-group", "Threadline", "--win-shortcut", "--win-dir-chooser"));
        }
        run("jpackage (" + type + ")", cmd, null);
        try (Stream<Path> made = Files.list(out)) {
            for (Path p : made.filter(p -> p.getFileName().toString().endsWith("." + type)).toList()) {
                say(String.format(Locale.ROOT, "installer: %s, %.1f MB", p, mb(Files.size(p))));
            }
        }
        // The image itself, to unpack and run anywhere without installing: tar is on all three systems.
        String arch = System.getProperty("os.arch").replace("amd64", "x64");
        String system = MAC ? "macos" : DistJdk.WINDOWS ? "windows" : "linux";
        Path archive = out.resolve(NAME + "-" + option("version") + "-" + system + "-" + arch
                + (DistJdk.WINDOWS ? ".zip" : ".tar.gz"));
        List<String> tar = DistJdk.WINDOWS
                ? List.of("tar", "-a", "-cf", archive.toString(), "-C", image.getParent().toString(),
                        image.getFileName().toString())
                : List.of("tar", "-czf", archive.toString(), "-C", image.getParent().toString(),
                        image.getFileName().toString());
        run("archive", tar, null);
        say(String.format(Locale.ROOT, "archive: %s, %.1f MB", archive, mb(Files.size(archive))));
    }

    /**
     * jpackage's own install and remove scripts, plus a link to the launcher in /usr/bin so that
     * {@code threadline} works in a terminal. Taken from the JDK that packages, whose placeholders
     * they keep.
     */
    private Path linuxScripts() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(out.resolve("linux-resources"));
        Path extracted = out.resolve("jpackage-templates");
        run("jimage extract", List.of(jdk.tool("jimage").toString(), "extract", "--dir", extracted.toString(),
                "--include", "regex:.*/jdk/jpackage/internal/resources/template\\.(postinst|prerm)",
                jdk.home().resolve("lib").resolve("modules").toString()), null);
        Path resources = extracted.resolve("jdk.jpackage/jdk/jpackage/internal/resources");
        String link = "/usr/bin/" + NAME;
        String target = "/opt/" + NAME + "/bin/" + NAME;
        writeScript(resources.resolve("template.postinst"), dir.resolve("postinst"), "DESKTOP_COMMANDS_INSTALL",
                "        ln -sf " + target + " " + link);
        writeScript(resources.resolve("template.prerm"), dir.resolve("prerm"), "DESKTOP_COMMANDS_UNINSTALL",
                "        [ \"$(readlink " + link + ")\" = \"" + target + "\" ] && rm -f " + link + " || true");
        return dir;
    }

    private static void writeScript(Path template, Path script, String placeholder, String line) throws IOException {
        String text = Files.readString(template, StandardCharsets.UTF_8);
        if (!text.contains(placeholder)) {
            throw new IllegalStateException(template + " has no " + placeholder);
        }
        Files.writeString(script, text.replace(placeholder, placeholder + "\n" + line), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ for the benchmarks

    /** The launcher of the app image the dist profile made under {@code dist}. */
    public static Path launcher(Path dist) {
        return Layout.of(imageIn(dist)).launcher();
    }

    /** The launcher's configuration (its class path and JVM options). */
    public static Path launcherConfig(Path dist) {
        return Layout.of(imageIn(dist)).app().resolve(NAME + ".cfg");
    }

    /**
     * A launcher in {@code dir} that starts the image under {@code dist} without the JVM option
     * {@code without} (if not null; or a whole line of the configuration, such as the packed
     * cache's {@code aot.packed=}) and with {@code with} (if not null): the launcher and its
     * configuration are copied, the runtime is linked, and the configuration names the image's own
     * app folder, so the class path (and with it the archive's validity) is the image's. Linux and
     * macOS.
     */
    public static Path launcherVariant(Path dist, Path dir, String without, String with) throws IOException {
        Layout image = Layout.of(imageIn(dist));
        deleteTree(dir);
        Layout copy = Layout.of(dir.resolve(image.image().getFileName()));
        Files.createDirectories(copy.launcher().getParent());
        Files.createDirectories(copy.runtime().getParent());
        Files.copy(image.launcher(), copy.launcher(), StandardCopyOption.COPY_ATTRIBUTES);
        try (Stream<Path> beside = Files.list(image.runtime().getParent())) {
            for (Path p : beside.filter(Files::isRegularFile).toList()) {
                Files.copy(p, copy.runtime().getParent().resolve(p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.createSymbolicLink(copy.runtime(), image.runtime().toAbsolutePath());
        Files.createDirectories(copy.app());
        String appDir = image.app().toAbsolutePath().toString();
        List<String> cfg = new ArrayList<>();
        for (String line : Files.readAllLines(image.app().resolve(NAME + ".cfg"), StandardCharsets.UTF_8)) {
            if (!line.equals("java-options=" + without) && !line.equals(without)) {
                cfg.add(line.replace("$APPDIR", appDir));
            }
            if (with != null && line.startsWith("java-options=-Djpackage.app-version")) {
                cfg.add("java-options=" + with);
            }
        }
        Files.write(copy.app().resolve(NAME + ".cfg"), cfg, StandardCharsets.UTF_8);
        return copy.launcher();
    }

    private static Path imageIn(Path dist) {
        return dist.resolve("image").resolve(MAC ? NAME + ".app" : NAME);
    }

    // ------------------------------------------------------------------ helpers

    /** Where jpackage puts things in an image, which differs between the three systems. */
    record Layout(Path image, Path launcher, Path app, Path runtime) {
        static Layout of(Path image) {
            if (MAC) {
                Path c = image.resolve("Contents");
                return new Layout(image, c.resolve("MacOS").resolve(NAME), c.resolve("app"), c.resolve("runtime"));
            }
            if (DistJdk.WINDOWS) {
                return new Layout(image, image.resolve(NAME + ".exe"), image.resolve("app"), image.resolve("runtime"));
            }
            Path lib = image.resolve("lib");
            return new Layout(image, image.resolve("bin").resolve(NAME), lib.resolve("app"), lib.resolve("runtime"));
        }

        /** The bundled runtime's java. */
        Path java() {
            Path home = MAC ? runtime.resolve("Contents").resolve("Home") : runtime;
            return home.resolve("bin").resolve(DistJdk.WINDOWS ? "java.exe" : "java");
        }
    }

    private static void run(String what, List<String> cmd, Map<String, String> env)
            throws IOException, InterruptedException {
        say(what + ": " + String.join(" ", cmd));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (env != null) {
            pb.environment().putAll(env);
        }
        Process p = pb.start();
        List<String> output = new ArrayList<>();
        try (InputStream in = p.getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    output.add(line);
                }
            }
        }
        if (!p.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(what + " did not end within " + TRAINING_LIMIT_SECONDS + " s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(what + " failed with exit status " + p.exitValue() + ":\n"
                    + String.join("\n", output));
        }
        // Keep the log short: what the tools warn about, not the app's own start-up lines.
        output.stream().filter(l -> l.contains("arning") || l.contains("rror")).limit(10).forEach(l -> say("  " + l));
    }

    private static List<String> join(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(more));
        return all;
    }

    private static void requireFile(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("the training run made no " + p);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String os() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    static long treeSize(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
