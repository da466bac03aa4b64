package io.threadline.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Python half of the bridge, shipped in the jar as resources and unpacked into a run's
 * own temporary folder, which goes when the run has ended.
 */
final class BridgeFiles {
    static final String PACKAGE = "threadline_bridge";
    /** Every file of the package; BridgeFilesTest keeps this list in step with the resources. */
    static final List<String> FILES = List.of("__main__.py", "core.py", "sync.py", "waits.py", "clocks.py",
            "streams.py", "patches.py", "unsupported.py", "hooks.py", "mp.py", "lanes.py");
    private static final String RESOURCES = "/io/threadline/python/" + PACKAGE + "/";

    private BridgeFiles() {
    }

    /** A fresh folder with the bridge package in it; returns the folder. */
    static Path unpack() throws IOException {
        Path dir = Files.createTempDirectory("threadline-py-");
        Path pkg = Files.createDirectory(dir.resolve(PACKAGE));
        for (String name : FILES) {
            try (InputStream in = BridgeFiles.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw new IOException("the bridge file " + name + " is missing from the application");
                }
                Files.copy(in, pkg.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** Removes a folder made by {@link #unpack} and everything in it; quietly does what it can. */
    static void remove(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file still open on Windows: left for the system's temp cleaner
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temp cleaner
        }
    }
}
