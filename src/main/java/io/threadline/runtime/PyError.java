package io.threadline.runtime;

/**
 * An error a scenario's program raises, named as Python names it (ValueError, queue.Empty ...)
 * so the recorded "dead (raised)" reads the same as the Python program's traceback.
 */
public class PyError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;

    public PyError(String type, String message) {
        super(message);
        this.type = type;
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
