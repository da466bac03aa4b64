package io.threadline.cli;

import java.nio.file.Path;

/** Opens the app's window on a trace file; blocks until it is closed. */
@FunctionalInterface
public interface WindowOpener {
    /** @throws NoDesktop if there is no screen to show the window on */
    void open(Path traceFile);

    /** There is no desktop session (no display); the message says what was missing, e.g. "DISPLAY is not set". */
    final class NoDesktop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NoDesktop(String what) {
            super(what, null, false, false);
        }
    }
}
