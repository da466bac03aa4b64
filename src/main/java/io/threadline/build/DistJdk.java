package io.threadline.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK whose jlink and jpackage make the app image, and whose runtime it bundles: its folder
 * and its feature version (17, 25), read from the folder's {@code release} file.
 */
record DistJdk(Path home, int feature) {
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    /** The JDK in {@code home}, or null if that folder holds no JDK with jlink and jpackage. */
    static DistJdk at(Path home) {
        if (home == null || !Files.isRegularFile(home.resolve("release"))) {
            return null;
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            if (!m.find()) {
                return null;
            }
            DistJdk jdk = new DistJdk(home, Integer.parseInt(m.group(1)));
            return Files.isExecutable(jdk.tool("jlink")) && Files.isExecutable(jdk.tool("jpackage")) ? jdk : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    Path tool(String name) {
        return home.resolve("bin").resolve(WINDOWS ? name + ".exe" : name);
    }

    /** Java 24 and later make an AOT cache (loaded and linked classes, profiles); before, a CDS archive. */
    boolean aotCache() {
        return feature >= 24;
    }

    /** jlink's option for its strongest compression, which changed its spelling in Java 21. */
    String compression() {
        return feature >= 21 ? "--compress=zip-9" : "--compress=2";
    }
}
