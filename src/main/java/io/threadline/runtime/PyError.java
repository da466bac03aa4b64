package io.threadline.runtime;

/**
 * An error a scenario's program raises, named as Python names it (ValueError, queue.Empty ...)
 * so the recorded "dead (raised)" reads the same as the Python program's traceback.
 */
public class PyError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;
    private final boolean reported;

    public PyError(String type, String message) {
        this(type, message, false);
    }

    private PyError(String type, String message, boolean reported) {
        super(message);
        this.type = type;
        this.reported = reported;
    }

    /**
     * An error the program has already reported in its own output (a Python traceback): the
     * thread still ends dead (raised), but the runtime prints no line of its own for it.
     */
    public static PyError reported(String type, String message) {
        return new PyError(type, message, true);
    }

    /** Whether the program printed this error itself. */
    public boolean isReported() {
        return reported;
    }

    /** The Python exception type, e.g. "ValueError". */
    public String type() {
        return type;
    }

    @Override
    public String toString() {
        String m = getMessage();
        return m == null || m.isEmpty() ? type : type + ": " + m;
    }

    /** How an exception is reported in the trace: Python style for ours, class name otherwise. */
    static String describe(Throwable t) {
        if (t instanceof PyError) {
            return t.toString();
        }
        String m = t.getMessage();
        String name = t.getClass().getSimpleName();
        return m == null ? name : name + ": " + m;
    }
}
