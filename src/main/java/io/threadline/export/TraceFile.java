package io.threadline.export;

import io.threadline.trace.Trace;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Saves and loads trace files. A save writes a temporary file next to the target and moves it
 * over the target only once it is complete, so a failed save never leaves half a file where a
 * good one was.
 */
public final class TraceFile {
    private static final AtomicLong COUNTER = new AtomicLong();

    private TraceFile() {
    }

    /** Writes {@code trace} to {@code file}, replacing it only if the whole write succeeds. */
    public static void save(Trace trace, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + COUNTER.incrementAndGet() + ".tmp");
        try {
            // Not Files.createTempFile: its 0600 permissions would end up on the saved file.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                TraceJsonWriter.write(trace, out);
                out.flush();
                // On disk before the rename, or a crash could leave an empty file under the good name.
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads the trace in {@code file}; see {@link TraceJsonReader}. */
    public static Trace load(Path file) throws IOException, TraceFormatException {
        return TraceJsonReader.read(file);
    }
}
