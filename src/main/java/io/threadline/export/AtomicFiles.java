package io.threadline.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Writes exports the way {@link TraceFile} saves traces: into a temporary file (or folder) next to
 * the target, moved over it only once complete, so a failed or cancelled export never leaves half
 * a picture where a good one was.
 */
public final class AtomicFiles {
    private static final AtomicLong COUNTER = new AtomicLong();

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a folder with files. */
    @FunctionalInterface
    public interface Folder {
        void fill(Path dir) throws IOException;
    }

    private AtomicFiles() {
    }

    private static Path temp(Path target) {
        return target.getParent().resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + COUNTER.incrementAndGet() + ".tmp");
    }

    /** Writes {@code file}, replacing it only if the whole write succeeds. */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        Path tmp = temp(target);
        try {
            // Not Files.createTempFile: its 0600 permissions would end up on the written file.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Fills the folder {@code dir} (which must not exist, or be empty), putting it in place only if
     * everything was written.
     */
    public static void writeFolder(Path dir, Folder content) throws IOException {
        Path target = dir.toAbsolutePath();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new FileSystemException(target.toString(), null, "exists and is not a folder");
            }
            try (Stream<Path> in = Files.list(target)) {
                if (in.findAny().isPresent()) {
                    throw new DirectoryNotEmptyException(target.toString());
                }
            }
        }
        Path tmp = temp(target);
        Files.createDirectory(tmp);
        try {
            content.fill(tmp);
            Files.deleteIfExists(target);
            move(tmp, target);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
