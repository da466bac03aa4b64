package io.threadline.export;

import javax.imageio.IIOException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An output that could not be written, in one line a user can act on: the path as the user gave
 * it and the reason ("no space left on device"), never the temporary file's name, the exception's
 * class or a stack trace. Whatever stood at the path is as it was.
 */
public final class WriteFailure extends IOException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    /** @param path the path as the user named it; {@code reason} a lower-case phrase, no full stop */
    public WriteFailure(String path, String reason) {
        super("cannot write " + path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    WriteFailure(Path path, String reason) {
        this(String.valueOf(path), reason);
    }

    WriteFailure(Path path, String reason, Throwable cause) {
        this(path, reason);
        initCause(cause);
    }

    /** The path as the user named it. */
    public String path() {
        return path;
    }

    /** Why, as a phrase: "it is a named pipe, not a file". */
    public String reason() {
        return reason;
    }

    /**
     * What went wrong in {@code e}, in words: the innermost file-system error of its causes, as
     * ImageIO wraps a full disk in "I/O error writing PNG file!".
     */
    static String reason(Throwable e) {
        IOException io = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof WriteFailure w) {
                return w.reason();
            }
            if (t instanceof IOException x && !(t instanceof IIOException)) {
                io = x;
            }
        }
        if (io == null) {
            return e instanceof IIOException ? firstLine(e.getMessage()) : "an unexpected error";
        }
        if (io instanceof ClosedByInterruptException || io instanceof InterruptedIOException) {
            return "interrupted";
        }
        if (io instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (io instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (io instanceof FileSystemException fs && fs.getReason() != null) {
            return lower(fs.getReason());
        }
        return lower(firstLine(io.getMessage()));
    }

    private static String firstLine(String m) {
        if (m == null || m.isBlank()) {
            return "an unknown input/output error";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    /** "No space left on device" reads as the rest of a sentence; "PNG ..." keeps its capitals. */
    private static String lower(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}
