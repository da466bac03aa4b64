package io.threadline.ui;

import io.threadline.export.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;

/**
 * The Python interpreter the window runs programs with, as the user set it (a path or a command),
 * or empty for the first CPython 3.9+ on the PATH. Kept in {@code ~/.threadline/python} (one line)
 * so it is set once; read and written off the JavaFX thread.
 */
final class InterpreterSetting {
    private final Path store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "interpreter-setting");
        t.setDaemon(true);
        return t;
    });
    private volatile String value = "";

    InterpreterSetting(Path store) {
        this.store = store;
    }

    /** Reads the setting; blocks, so call it off the JavaFX thread. */
    void load() {
        try {
            value = Files.readString(store, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // not set yet
        }
    }

    /** The interpreter set, or null for the first found on the PATH. */
    String get() {
        return value.isBlank() ? null : value;
    }

    /** The text as set ("" for none). */
    String text() {
        return value;
    }

    void set(String interpreter) {
        String v = interpreter == null ? "" : interpreter.strip();
        if (v.equals(value)) {
            return;
        }
        value = v;
        writer.submit(() -> {
            try {
                Files.createDirectories(store.getParent());
                AtomicFile.write(store, out -> out.write((v + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                AppLog.LOG.log(Level.WARNING, "Could not keep the Python interpreter setting in " + store, e);
            }
        });
    }
}
