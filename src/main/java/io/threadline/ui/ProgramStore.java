package io.threadline.ui;

import io.threadline.export.AtomicFile;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Keeps the user's programs ({@link ProgramDraft}s) on disk as they are typed, so they outlive a
 * failed run, another scenario and the window: one folder a program under
 * {@code programs/} of the app's folder (the state folder, {@link AppFolders}), holding what was
 * typed, what Reset brings back, the text last saved to its file, and a few properties. Every write
 * is atomic and off the JavaFX thread, and a burst of keystrokes is one write. A store that cannot
 * be written logs why and the window goes on: the program is still on screen.
 */
final class ProgramStore {
    private static final String TEXT = "program.py";
    private static final String ORIGINAL = "original.py";
    private static final String SAVED = "saved.py";
    private static final String PROPERTIES = "draft.properties";

    /** What one program looked like when it was handed to the store. */
    private record Snapshot(String key, String origin, String name, Path file, String text, String original,
                            String saved, Map<String, String> params, long order) {
    }

    private final Path dir;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "program-store");
        t.setDaemon(true);
        return t;
    });
    /** The latest snapshot of each program not written yet; null removes the program. */
    private final Map<String, Snapshot> pending = new LinkedHashMap<>();
    private final Map<String, Long> order = new LinkedHashMap<>();
    private long nextOrder;

    ProgramStore(Path dir) {
        this.dir = dir;
    }

    Path folder() {
        return dir;
    }

    /** Reads every program kept, in the order they were first kept. Blocks: call it off the JavaFX thread. */
    List<ProgramDraft> load() {
        List<ProgramDraft> out = new ArrayList<>();
        List<Map.Entry<Long, ProgramDraft>> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path d : (Iterable<Path>) s::iterator) {
                ProgramDraft draft = read(d);
                if (draft != null) {
                    long o = orderOf(d);
                    found.add(Map.entry(o, draft));
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            AppLog.LOG.log(Level.WARNING, "Could not read the programs kept in " + dir, e);
            return out;
        }
        found.sort(Comparator.comparingLong(Map.Entry::getKey));
        synchronized (this) {
            for (var e : found) {
                out.add(e.getValue());
                order.put(e.getValue().key(), e.getKey());
                nextOrder = Math.max(nextOrder, e.getKey() + 1);
            }
        }
        return out;
    }

    private static long orderOf(Path d) {
        try {
            Properties p = properties(d);
            return Long.parseLong(p.getProperty("order", "0"));
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static Properties properties(Path d) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(d.resolve(PROPERTIES), StandardCharsets.UTF_8)));
        return p;
    }

    /** One program's folder as a draft, or null if it is not one (or half there). */
    private static ProgramDraft read(Path d) {
        if (!Files.isDirectory(d)) {
            return null;
        }
        try {
            Properties p = properties(d);
            String key = d.getFileName().toString();
            String originId = p.getProperty("origin", "");
            ScenarioSpec origin = originId.isEmpty() ? null : ScenarioCatalog.byId(originId);
            if (!originId.isEmpty() && origin == null) {
                // an edit of a scenario this version does not have: kept as a program of the user's own
                key = "program-" + key;
            }
            String name = p.getProperty("name", "program.py");
            Path file = null;
            String f = p.getProperty("file", "");
            if (!f.isEmpty()) {
                try {
                    file = Path.of(f);
                } catch (InvalidPathException e) {
                    file = null;
                }
            }
            String text = Files.readString(d.resolve(TEXT), StandardCharsets.UTF_8);
            Path o = d.resolve(ORIGINAL);
            String original = Files.isRegularFile(o) ? Files.readString(o, StandardCharsets.UTF_8) : text;
            Path sv = d.resolve(SAVED);
            String saved = Files.isRegularFile(sv) ? Files.readString(sv, StandardCharsets.UTF_8) : null;
            Map<String, String> params = new LinkedHashMap<>();
            for (String n : p.stringPropertyNames()) {
                if (n.startsWith("param.")) {
                    params.put(n.substring(6), p.getProperty(n));
                }
            }
            return ProgramDraft.restored(key, origin, name, file, text, original, saved, params);
        } catch (IOException | RuntimeException e) {
            AppLog.LOG.log(Level.WARNING, "Skipped a program kept in " + d + " that cannot be read", e);
            return null;
        }
    }

    /** Keeps {@code d} as it is now (written soon, off the JavaFX thread). */
    void keep(ProgramDraft d) {
        Snapshot s;
        synchronized (this) {
            long o = order.computeIfAbsent(d.key(), k -> nextOrder++);
            s = new Snapshot(d.key(), d.origin() == null ? "" : d.origin().id(), d.name(), d.file(), d.text(),
                    d.original(), d.savedText(), new LinkedHashMap<>(d.params()), o);
        }
        queue(d.key(), s);
    }

    /** Forgets the program under {@code key} (Reset, or the user closed it). */
    void forget(String key) {
        synchronized (this) {
            order.remove(key);
        }
        queue(key, null);
    }

    private void queue(String key, Snapshot s) {
        boolean schedule;
        synchronized (pending) {
            schedule = pending.isEmpty();
            pending.remove(key);
            pending.put(key, s);
        }
        if (schedule) {
            try {
                writer.submit(this::drain);
            } catch (RuntimeException e) {
                // closed: the window is gone
            }
        }
    }

    private void drain() {
        while (true) {
            Map.Entry<String, Snapshot> next;
            synchronized (pending) {
                if (pending.isEmpty()) {
                    return;
                }
                var it = pending.entrySet().iterator();
                var e = it.next();
                next = Map.entry(e.getKey(), e.getValue() == null ? TOMBSTONE : e.getValue());
                it.remove();
            }
            try {
                if (next.getValue() == TOMBSTONE) {
                    remove(dir.resolve(next.getKey()));
                } else {
                    write(next.getValue());
                }
            } catch (IOException | RuntimeException e) {
                AppLog.LOG.log(Level.WARNING, "Could not keep the program " + next.getKey() + " in " + dir, e);
            }
        }
    }

    private static final Snapshot TOMBSTONE = new Snapshot("", "", "", null, "", "", null, Map.of(), 0);

    private void write(Snapshot s) throws IOException {
        Path d = dir.resolve(s.key());
        Files.createDirectories(d);
        text(d.resolve(TEXT), s.text());
        text(d.resolve(ORIGINAL), s.original());
        if (s.saved() != null) {
            text(d.resolve(SAVED), s.saved());
        } else {
            Files.deleteIfExists(d.resolve(SAVED));
        }
        Properties p = new Properties();
        p.setProperty("name", s.name());
        p.setProperty("origin", s.origin());
        p.setProperty("order", Long.toString(s.order()));
        if (s.file() != null) {
            p.setProperty("file", s.file().toAbsolutePath().toString());
        }
        s.params().forEach((k, v) -> p.setProperty("param." + k, v));
        StringWriter w = new StringWriter();
        p.store(w, "a program typed in Threadline's window");
        text(d.resolve(PROPERTIES), w.toString());
    }

    private static void text(Path file, String text) throws IOException {
        AtomicFile.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void remove(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return;
        }
        for (String f : List.of(TEXT, ORIGINAL, SAVED, PROPERTIES)) {
            Files.deleteIfExists(d.resolve(f));
        }
        try {
            Files.deleteIfExists(d);
        } catch (IOException e) {
            // something else in the folder: left as it is
        }
    }

    /** Writes what is pending and waits up to {@code millis} for it (the window is closing). */
    boolean finish(long millis) throws InterruptedException {
        writer.shutdown();
        return writer.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
