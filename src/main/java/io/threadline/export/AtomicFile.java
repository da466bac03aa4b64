package io.threadline.export;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes files and folders all or nothing: the bytes go to a temporary sibling of the target
 * (in the folder of the file a link names), which is moved over the target only once it is
 * complete and on disk. A write that fails (an error, a full disk, a folder removed meanwhile, an
 * interrupt) leaves what was there as it was and no temporary file behind, and throws a
 * {@link WriteFailure} that names the user's path. What may not be replaced (a folder, a pipe, a
 * device) is refused first, by {@link OutputPath}; a stream is written to directly. Every writer
 * of user files (traces, pictures, recordings, the window's own files) goes through here.
 */
public final class AtomicFile {
    /** The content of a file, written to a stream that the caller must not close. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The content of a folder: files made in {@code dir}. */
    @FunctionalInterface
    public interface Folder {
        void fill(Path dir) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code file}, replacing it only if the whole write succeeds. */
    public static void write(Path file, Content content) throws IOException {
        write(OutputPath.forWriting(file, false), content);
    }

    /** As {@link #write(Path, Content)}, to a place already checked. */
    public static void write(OutputPath to, Content content) throws IOException {
        try (Batch b = new Batch()) {
            b.add(to, content);
            b.commit();
        }
    }

    /**
     * Fills the folder {@code dir} (which must not exist, or be empty), putting it in place only
     * if everything was written.
     */
    public static void writeFolder(Path dir, Folder content) throws IOException {
        writeFolder(OutputPath.forWriting(dir, true), content);
    }

    /** As {@link #writeFolder(Path, Folder)}, to a place already checked. */
    public static void writeFolder(OutputPath to, Folder content) throws IOException {
        try (Batch b = new Batch()) {
            b.addFolder(to, content);
            b.commit();
        }
    }

    /**
     * Several outputs that land together: each is written to its temporary file as it is added;
     * {@link #commit} moves them all into place. Closed before the commit (after a failure), it
     * removes what it wrote and nothing that was there changes.
     */
    public static final class Batch implements AutoCloseable {
        private final List<Staged> staged = new ArrayList<>();
        private boolean committed;

        /** Writes {@code content} for {@code to}: into its temporary file, or kept for a stream. */
        public void add(OutputPath to, Content content) throws IOException {
            if (to.isFolder()) {
                throw new IllegalArgumentException(to + " is a folder");
            }
            staged.add(to.isStream() ? new ToStream(to, content)
                    : ToTemp.make(to, tmp -> writeFile(tmp, to.target(), content)));
        }

        /** Fills a temporary folder for {@code to}. */
        public void addFolder(OutputPath to, Folder content) throws IOException {
            if (!to.isFolder()) {
                throw new IllegalArgumentException(to + " is not a folder");
            }
            staged.add(ToTemp.make(to, tmp -> {
                Files.createDirectory(tmp);
                content.fill(tmp);
            }));
        }

        /**
         * Puts every output in place: streams first (if one fails, no file is replaced), then the
         * files, each by one rename.
         */
        public void commit() throws IOException {
            for (Staged s : staged) {
                if (s instanceof ToStream) {
                    s.commit();
                }
            }
            for (Staged s : staged) {
                if (!(s instanceof ToStream)) {
                    s.commit();
                }
            }
            committed = true;
        }

        @Override
        public void close() {
            if (!committed) {
                staged.forEach(Staged::discard);
            }
        }
    }

    private interface Staged {
        void commit() throws IOException;

        void discard();
    }

    /** Makes the temporary file or folder at {@code tmp}, complete. */
    @FunctionalInterface
    private interface Maker {
        void make(Path tmp) throws IOException;
    }

    /** A file or folder made under a temporary name beside its target, waiting to be renamed onto it. */
    private static final class ToTemp implements Staged {
        private final OutputPath to;
        private final Path tmp;

        private ToTemp(OutputPath to, Path tmp) {
            this.to = to;
            this.tmp = tmp;
        }

        static ToTemp make(OutputPath to, Maker maker) throws IOException {
            Path target = to.target();
            Path tmp = OutputPath.tempIn(target.getParent(), target.getFileName().toString());
            boolean done = false;
            try {
                maker.make(tmp);
                done = true;
                return new ToTemp(to, tmp);
            } catch (IOException e) {
                throw failure(to, e);
            } finally {
                if (!done) {
                    deleteTree(tmp);
                }
            }
        }

        @Override
        public void commit() throws IOException {
            try {
                // one rename(2), which also replaces the empty folder a PNG sequence may go into
                move(tmp, to.target());
            } catch (IOException e) {
                discard();
                throw failure(to, e);
            }
        }

        @Override
        public void discard() {
            deleteTree(tmp);
        }
    }

    private static void writeFile(Path tmp, Path target, Content content) throws IOException {
        // Not Files.createTempFile: its 0600 permissions would end up on the saved file.
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
            content.writeTo(new Unclosable(out));
            out.flush();
            // On disk before the rename, or a crash could leave an empty file under the good name.
            ch.force(true);
        }
        keepPermissions(target, tmp);
    }

    /** Bytes for a stream or device: written when the batch commits, as they cannot be taken back. */
    private static final class ToStream implements Staged {
        private final OutputPath to;
        private final Content content;

        ToStream(OutputPath to, Content content) {
            this.to = to;
            this.content = content;
        }

        @Override
        public void commit() throws IOException {
            try {
                if (to.stream() != null) {
                    OutputStream out = new BufferedOutputStream(new Unclosable(to.stream()), 1 << 16);
                    content.writeTo(out);
                    out.flush();
                } else {
                    try (OutputStream out = new BufferedOutputStream(new FileOutputStream(to.target().toFile()),
                            1 << 16)) {
                        content.writeTo(new Unclosable(out));
                    }
                }
                if (to.stream() instanceof java.io.PrintStream ps && ps.checkError()) {
                    throw new IOException("the stream was closed (a broken pipe?)");
                }
            } catch (IOException e) {
                throw failure(to, e);
            }
        }

        @Override
        public void discard() {
            // nothing was written yet
        }
    }

    /** A stream a content writer may close (ImageIO's do) without closing the file under it. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** One line for a failed write: the user's path and the reason; "was removed" if the folder went. */
    private static WriteFailure failure(OutputPath to, IOException e) {
        if (e instanceof WriteFailure w) {
            return w;
        }
        Path dir = to.target() == null ? null : to.target().getParent();
        String reason = dir != null && !Files.isDirectory(dir)
                ? "the folder " + dir + " was removed while writing"
                : WriteFailure.reason(e);
        return new WriteFailure(to.given(), reason, e);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A replaced file keeps its permissions: a private file stays private. */
    private static void keepPermissions(Path target, Path tmp) {
        try {
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system, or not ours to change: the default permissions
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the folder itself is gone or read-only now: nothing more can be done
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            deleteQuietly(dir);
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(AtomicFile::deleteQuietly);
        } catch (IOException | RuntimeException ignored) {
            // as above
        }
    }
}
