package io.threadline.ui;

import io.threadline.export.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trace files opened or saved lately, newest first, kept in a small text file (one path a
 * line) so the list outlives the window: {@code ~/.threadline/recent-files}, or under the folder
 * the {@code threadline.home} system property names (the tests use their own). A list that cannot
 * be read or written is simply empty or not kept; it is a convenience, never an error.
 */
final class RecentFiles {
    static final int LIMIT = 10;

    private final Path store;
    private final List<Path> files = new ArrayList<>();

    RecentFiles(Path store) {
        this.store = store;
        load();
    }

    /** The list in the user's Threadline folder. */
    static RecentFiles standard() {
        return new RecentFiles(AppHome.standard().resolve("recent-files"));
    }

    private void load() {
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
    }

    /** The files, newest first. */
    List<Path> list() {
        return List.copyOf(files);
    }

    /** Puts {@code file} first (once) and keeps the list. */
    void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        files.remove(p);
        files.add(0, p);
        while (files.size() > LIMIT) {
            files.remove(files.size() - 1);
        }
        save();
    }

    /** Forgets a file (it was moved or deleted). */
    void remove(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) {
            save();
        }
    }

    void clear() {
        files.clear();
        save();
    }

    private void save() {
        StringBuilder text = new StringBuilder();
        files.forEach(f -> text.append(f).append('\n'));
        try {
            Files.createDirectories(store.getParent());
            AtomicFile.write(store, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // a read-only home: the list lasts as long as the window
        }
    }
}
