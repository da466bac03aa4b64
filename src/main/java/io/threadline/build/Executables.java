package io.threadline.build;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a tool the build may use (Xvfb for the training run, strip for the runtime) on the PATH. */
final class Executables {
    private Executables() {
    }

    /** An executable named {@code name} in a folder of the PATH, or null. */
    static Path find(String name) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        return null;
    }
}
