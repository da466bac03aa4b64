package io.threadline.python;

/**
 * A user's program that cannot start: a SyntaxError (with its file, line and column), no
 * usable interpreter, or a bridge that did not come up. The message is one line for the user.
 */
public final class ProgramException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, so the window can mark a line and the command line pick its exit status. */
    public enum Kind { SYNTAX, INTERPRETER, START }

    private final Kind kind;
    private final String file;
    private final int line;
    private final int column;

    private ProgramException(Kind kind, String message, String file, int line, int column) {
        super(message);
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    static ProgramException syntax(String file, int line, int column, String message) {
        return new ProgramException(Kind.SYNTAX, file + ", line " + line + ": " + message, file, line, column);
    }

    static ProgramException interpreter(String message) {
        return new ProgramException(Kind.INTERPRETER, message, null, 0, 0);
    }

    static ProgramException start(String message) {
        return new ProgramException(Kind.START, message, null, 0, 0);
    }

    public Kind kind() {
        return kind;
    }

    /** For a SyntaxError: the file as the program was named. */
    public String file() {
        return file;
    }

    /** For a SyntaxError: its line (from 1), else 0. */
    public int line() {
        return line;
    }

    /** For a SyntaxError: its column (from 1), else 0. */
    public int column() {
        return column;
    }
}
