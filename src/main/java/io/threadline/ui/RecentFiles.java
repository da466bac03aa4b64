package io.threadline.ui;

import io.threadline.export.AtomicFile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The trace files opened or saved lately, newest first, kept in a small text file (one path a
 * line) so the list outlives the window: {@code recent-files} in the app's state folder (see
 * {@link AppFolders}). Two windows of the app (two launches) share the file: every change is made
 * to what is on disk at that moment, under a lock, so neither loses what the other added, and the
 * list is read again when it changed. A list that cannot be read or written is simply empty or not
 * kept; it is a convenience, never an error.
 */
final class RecentFiles {
    static final int LIMIT = 10;

    private final Path store;
    private final List<Path> files = new ArrayList<>();
    /** The file's time and size when last read, to read it again only when another window changed it. */
    private FileTime readTime;
    private long readSize = -1;

    RecentFiles(Path store) {
        this.store = store;
        reload();
    }

    /** The list in the user's state folder, carried over from an earlier version's the first time. */
    static RecentFiles standard() {
        AppFolders folders = AppFolders.standard();
        if (System.getProperty(AppFolders.HOME_PROPERTY) == null) {
            folders.carryOver(AppFolders.earlierHome(Path.of(System.getProperty("user.home", "."))));
        }
        return new RecentFiles(folders.state().resolve(AppFolders.RECENT_FILES));
    }

    /** Reads the file if it changed since it was last read. */
    private void reload() {
        FileTime time;
        long size;
        try {
            time = Files.getLastModifiedTime(store);
            size = Files.size(store);
        } catch (IOException e) {
            time = null;
            size = -1;
        }
        if (size == readSize && java.util.Objects.equals(time, readTime)) {
            return;
        }
        files.clear();
        try {
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && files.size() < LIMIT) {
                    try {
                        Path p = Path.of(line.strip());
                        if (p.isAbsolute() && !files.contains(p)) {
                            files.add(p);
                        }
                    } catch (InvalidPathException e) {
                        // a line from another system: skipped
                    }
                }
            }
        } catch (IOException e) {
            // no list yet
        }
        readTime = time;
        readSize = size;
    }

    /** The files, newest first. */
    List<Path> list() {
        reload();
        return List.copyOf(files);
    }

    /** Puts {@code file} first (once) and keeps the list. */
    void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        change(() -> {
            files.remove(p);
            files.add(0, p);
            while (files.size() > LIMIT) {
                files.remove(files.size() - 1);
            }
            return true;
        });
    }

    /** Forgets a file (it was moved or deleted). */
    void remove(Path file) {
        Path p = file.toAbsolutePath().normalize();
        change(() -> files.remove(p));
    }

    void clear() {
        change(() -> {
            files.clear();
            return true;
        });
    }

    /**
     * Applies {@code edit} to the list as it is on disk now and writes it back, holding a lock
     * that other windows' changes take too. Without the lock (a file system that has none), the
     * change is made all the same.
     */
    private void change(java.util.function.BooleanSupplier edit) {
        try {
            Files.createDirectories(store.getParent());
        } catch (IOException e) {
            // a read-only home: the list lasts as long as the window
        }
        Path lockFile = store.resolveSibling(store.getFileName() + ".lock");
        boolean done = false;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            readSize = -1;
            reload();
            done = true;
            if (edit.getAsBoolean()) {
                save();
            }
        } catch (IOException | OverlappingFileLockException e) {
            if (!done && edit.getAsBoolean()) {
                save();
            }
        }
    }

    private void save() {
        StringBuilder text = new StringBuilder();
        files.forEach(f -> text.append(f).append('\n'));
        try {
            AtomicFile.write(store, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
            readTime = Files.getLastModifiedTime(store);
            readSize = Files.size(store);
        } catch (IOException e) {
            // a read-only home: the list lasts as long as the window
        }
    }
}
