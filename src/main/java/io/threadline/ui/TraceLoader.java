package io.threadline.ui;

import io.threadline.trace.Trace;

import java.nio.file.Path;

/**
 * Reads a trace file for the window. Called on a background thread, never the JavaFX thread;
 * the exception's message is shown to the user as one line, so it should say what is wrong.
 */
@FunctionalInterface
public interface TraceLoader {
    Trace load(Path file) throws Exception;
}
