package io.threadline.runtime;

/**
 * Python's SystemExit, raised by {@link Program#exit(int)} (sys.exit): it ends the thread
 * without a traceback. In a process's main thread its code becomes the process's exit status.
 */
public final class SystemExit extends PyError {
    private static final long serialVersionUID = 1L;
    private final int code;

    public SystemExit(int code) {
        super("SystemExit", Integer.toString(code));
        this.code = code;
    }

    public int code() {
        return code;
    }
}
