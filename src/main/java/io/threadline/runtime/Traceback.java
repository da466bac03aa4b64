package io.threadline.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines CPython prints for an uncaught exception, from a Java exception: "Traceback (most
 * recent call last):", one "File" line per frame of the scenario's program (outermost first, as
 * Python lists them; the runtime's own frames stand where Python's library frames would), and
 * the exception's type and message.
 */
final class Traceback {
    private Traceback() {
    }

    static List<String> lines(Throwable error, String programClass) {
        List<String> out = new ArrayList<>();
        out.add("Traceback (most recent call last):");
        List<String> frames = new ArrayList<>();
        if (programClass != null) {
            for (StackTraceElement e : error.getStackTrace()) {
                String c = e.getClassName();
                if (c.equals(programClass) || c.startsWith(programClass + "$")) {
                    frames.add(0, "  File \"" + e.getFileName() + "\", line " + Math.max(0, e.getLineNumber())
                            + ", in " + function(e.getMethodName()));
                }
            }
        }
        out.addAll(frames);
        out.add(PyError.describe(error));
        return out;
    }

    /** A lambda's body is "lambda$main$0" in Java; Python calls such a function "<lambda>". */
    private static String function(String method) {
        return method.startsWith("lambda$") ? "<lambda>" : method;
    }
}
