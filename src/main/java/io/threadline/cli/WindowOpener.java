package io.threadline.cli;

import java.nio.file.Path;

/** Opens the app's window on a trace file; blocks until it is closed. */
@FunctionalInterface
public interface WindowOpener {
    void open(Path traceFile);
}
