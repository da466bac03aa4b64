package io.threadline.runtime;

/**
 * Thrown inside a scenario thread that the runtime has ended (a daemon cut off at exit, or a
 * stopped run) to unwind its code. An Error, so scenario code that catches exceptions does not
 * swallow it by accident.
 */
final class Killed extends Error {
    private static final long serialVersionUID = 1L;

    Killed() {
        super("thread killed by the runtime", null, false, false);
    }
}
