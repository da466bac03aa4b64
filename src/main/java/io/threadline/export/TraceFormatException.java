package io.threadline.export;

/**
 * A file that is not a readable Threadline trace. The message is one line meant for the user,
 * naming what is wrong and, where the problem has a place in the file, where
 * ("line 3, column 17: 'ts' must be a number of microseconds, got a string").
 */
public final class TraceFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /** A problem with no single place in the file, such as a missing section. */
    public TraceFormatException(String problem) {
        this(0, 0, problem);
    }

    /** A problem at a place in the file; line and column count from 1 (0 when unknown). */
    public TraceFormatException(int line, int column, String problem) {
        super(format(line, column, problem));
        this.line = line;
        this.column = column;
    }

    /** Line in the file (from 1), or 0 when the problem has no single place. */
    public int line() {
        return line;
    }

    /** Column in the line (from 1), or 0 when the problem has no single place. */
    public int column() {
        return column;
    }

    private static String format(int line, int column, String problem) {
        // One line, whatever a quoted value from the file contains.
        String p = problem.replaceAll("[\\r\\n\\t]+", " ").trim();
        if (line <= 0) {
            return p;
        }
        return column > 0 ? "line " + line + ", column " + column + ": " + p : "line " + line + ": " + p;
    }
}
