package io.threadline.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A place the user asked to write, and what stands there, found before any work is done. A
 * symbolic link is followed to the file it names, so that file is replaced and the link stays;
 * a folder, a named pipe, a device or a socket is refused, since replacing it with a regular file
 * would destroy it. A few names mean a stream the user wants the bytes on ({@code /dev/stdout},
 * {@code /dev/null}, {@code /dev/fd/N}, and standard output itself): those are written to directly.
 * {@link AtomicFile} writes through this class, so every writer of user files keeps these rules.
 */
public final class OutputPath {
    /** As the kernel does: more links in a row than this is a loop. */
    private static final int MAX_LINKS = 40;
    private static final Pattern STREAM_NAMES = Pattern.compile(
            "/dev/(stdout|stderr|null|tty|fd/\\d+)|/proc/self/fd/\\d+");
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Path given;
    private final Path target;
    private final boolean folder;
    private final OutputStream stream;

    private OutputPath(Path given, Path target, boolean folder, OutputStream stream) {
        this.given = given;
        this.target = target;
        this.folder = folder;
        this.stream = stream;
    }

    /**
     * A file to be written whole, checked now: it may exist as a regular file (or a link to one),
     * and its folder exists and takes new files (a probe file is made and removed).
     */
    public static OutputPath file(Path given) throws WriteFailure {
        return resolve(given, false, true);
    }

    /** A folder to be filled, checked now: it does not exist, or is empty; its parent takes new files. */
    public static OutputPath folder(Path given) throws WriteFailure {
        return resolve(given, true, true);
    }

    /** Standard output (the command line's {@code -}): written to as it is, never closed. */
    public static OutputPath standardOutput(OutputStream out) {
        return new OutputPath(Path.of("-"), null, false, Objects.requireNonNull(out));
    }

    /** The same checks without the probe: the write that follows is the probe. */
    static OutputPath forWriting(Path given, boolean folder) throws WriteFailure {
        return resolve(given, folder, false);
    }

    /** The path as the user gave it. */
    public Path given() {
        return given;
    }

    /**
     * Where the bytes go: the absolute path with every link followed; null for standard output.
     */
    public Path target() {
        return target;
    }

    /** Whether this is a folder (a PNG sequence) rather than a file. */
    public boolean isFolder() {
        return folder;
    }

    /** Whether the bytes go straight to a stream or device rather than into a file replaced whole. */
    public boolean isStream() {
        return stream != null || target != null && isStreamName(target);
    }

    /** The stream written to, for standard output; null otherwise. */
    OutputStream stream() {
        return stream;
    }

    /** Whether {@code file} (an input, say) is what this output would replace. */
    public boolean isSameFileAs(Path file) {
        if (target == null || !Files.exists(target) || !Files.exists(file)) {
            return false;
        }
        try {
            return Files.isSameFile(target, file);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether this output and {@code other} would write to the same place (or one into the
     * folder of the other). Two outputs to {@code /dev/null} do not get in each other's way.
     */
    public boolean clashesWith(OutputPath other) {
        if (target == null || other.target == null) {
            return stream != null && other.stream != null;
        }
        if (target.equals(other.target)) {
            return !target.toString().equals("/dev/null");
        }
        return other.folder && target.startsWith(other.target) || folder && other.target.startsWith(target);
    }

    @Override
    public String toString() {
        return given.toString();
    }

    // ------------------------------------------------------------------ checks

    private static OutputPath resolve(Path given, boolean folder, boolean probe) throws WriteFailure {
        Path absolute = given.toAbsolutePath();
        if (!folder && isStreamName(absolute)) {
            return new OutputPath(given, absolute.normalize(), false, null);
        }
        Path real = follow(given, absolute);
        boolean linked = !real.equals(absolute);
        String via = linked ? "it is a link to " + real + ", which " : "it ";
        BasicFileAttributes at = attributes(real);
        if (at != null) {
            if (at.isDirectory()) {
                if (!folder) {
                    throw new WriteFailure(given, via + "is a folder");
                }
                if (!isEmpty(given, real)) {
                    throw new WriteFailure(given, via + "is a folder that is not empty (name a new or empty one)");
                }
            } else if (!at.isRegularFile()) {
                throw new WriteFailure(given, via + "is " + kind(real) + ", not a " + (folder ? "folder" : "file"));
            } else if (folder) {
                throw new WriteFailure(given, via + "is a file, not a folder");
            }
        }
        Path dir = real.getParent();
        if (dir == null) {
            throw new WriteFailure(given, "there is no folder to write it in");
        }
        if (!Files.isDirectory(dir)) {
            throw new WriteFailure(given, linked ? via + "is in a folder that does not exist"
                    : "no such folder " + dir);
        }
        try {
            // one spelling for one place, so that two outputs to it are seen to be one
            real = dir.toRealPath().resolve(real.getFileName());
        } catch (IOException e) {
            throw new WriteFailure(given, "its folder cannot be reached: " + WriteFailure.reason(e), e);
        }
        if (probe) {
            probe(given, dir);
        }
        // after the probe, so that a read-only mount is named as such
        if (at != null && at.isRegularFile() && !Files.isWritable(real)) {
            throw new WriteFailure(given, via + "is read-only");
        }
        return new OutputPath(given, real, folder, null);
    }

    private static boolean isStreamName(Path absolute) {
        return STREAM_NAMES.matcher(absolute.normalize().toString()).matches();
    }

    /** The path with its last element's links followed, to what they name (which may not exist). */
    private static Path follow(Path given, Path absolute) throws WriteFailure {
        Path p = absolute;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new WriteFailure(given, "too many symbolic links (a loop?)");
            }
            try {
                p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
            } catch (IOException e) {
                throw new WriteFailure(given, "its link cannot be read: " + WriteFailure.reason(e), e);
            }
        }
        return p;
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isEmpty(Path given, Path dir) throws WriteFailure {
        try (Stream<Path> in = Files.list(dir)) {
            return in.findAny().isEmpty();
        } catch (IOException e) {
            throw new WriteFailure(given, "the folder cannot be read: " + WriteFailure.reason(e), e);
        }
    }

    /** "a named pipe", "a device" ...: what a node that is no file, folder or link is. */
    private static String kind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            switch (mode & 0170000) {
                case 0010000:
                    return "a named pipe";
                case 0020000:
                case 0060000:
                    return "a device";
                case 0140000:
                    return "a socket";
                default:
                    break;
            }
        } catch (IOException | RuntimeException e) {
            // no unix view (another OS): the general words below
        }
        return "a special file";
    }

    /**
     * Makes and removes a file in {@code dir}: the one check that answers for every reason a
     * folder may refuse files (permissions, a read-only mount, /proc, a quota on files).
     */
    private static void probe(Path given, Path dir) throws WriteFailure {
        Path probe = tempIn(dir, given.getFileName() == null ? "out" : given.getFileName().toString());
        try {
            FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        } catch (NoSuchFileException e) {
            throw new WriteFailure(given, "the folder " + dir + " does not take new files", e);
        } catch (IOException e) {
            throw new WriteFailure(given, WriteFailure.reason(e) + " (in " + dir + ")", e);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // nothing was made, or it goes when the folder does
            }
        }
    }

    /** A fresh name beside {@code name} in {@code dir}: hidden, marked as ours, unique in this process. */
    static Path tempIn(Path dir, String name) {
        return dir.resolve("." + name + "." + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet()
                + ".tmp");
    }
}
