package io.threadline.ui;

import io.threadline.export.WriteFailure;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** A file error in the words a user needs: "permission denied", not the exception's class. */
final class IoProblems {
    private IoProblems() {
    }

    /** One line for what went wrong with a file (or, for anything else, its message's first line). */
    static String describe(Throwable e) {
        if (e instanceof WriteFailure w) {
            return w.reason();
        }
        if (e instanceof NoSuchFileException x) {
            return x.getFile() == null ? "no such file or folder" : "no such file or folder (" + x.getFile() + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty (choose a new or empty one)";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String m = e == null ? null : e.getMessage();
        if (m == null || m.isBlank()) {
            return e == null ? "unknown problem" : e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m.strip() : m.substring(0, nl).strip();
    }
}
