package io.threadline.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The app image's launcher on Linux: a shell script (threadline-launcher.sh) in place of
 * jpackage's native one. That one runs {@code rpm -qf} and {@code dpkg -S} on itself at every
 * start, twice, to learn whether a package installed it: about 110 ms before Java starts, a
 * tenth of the first frame ({@code threadline list} took 210 ms with it, 95 ms with the script).
 * The script reads the same .cfg (so the options the build adds there still apply) and hands
 * Java the given arguments untouched.
 */
final class LinuxLauncher {
    static final String SCRIPT = "threadline-launcher.sh";

    private LinuxLauncher() {
    }

    /** Writes the script over {@code launcher} (bin/threadline of the image), executable by all. */
    static void install(Path launcher) throws IOException {
        try (InputStream in = LinuxLauncher.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the build's classes");
            }
            Files.copy(in, launcher, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        // the native launcher's half that read the .cfg (1.7 MB): nothing loads it now
        Files.deleteIfExists(launcher.getParent().resolveSibling("lib").resolve("libapplauncher.so"));
    }
}
