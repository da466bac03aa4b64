package io.threadline.ui;

import io.threadline.cli.RunCommand;
import io.threadline.export.Captions;
import io.threadline.export.PictureExport;
import io.threadline.export.PlaybackRecorder;
import io.threadline.export.Progress;
import io.threadline.export.Recording;
import io.threadline.export.TraceFile;
import io.threadline.export.WriteFailure;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.TimelinePicture;
import io.threadline.trace.Trace;
import io.threadline.ui.timeline.TimelineView;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The File menu and what goes with it: open (also recent files and a file dropped on the window),
 * save the trace, export the picture, record the playback, copy the command line that makes the
 * trace again. Files are read and written off the JavaFX thread; the window says in its status
 * line what happened, and a file that cannot be read changes nothing on screen.
 */
final class FileMenu {
    /** Threads writing files now; the window waits for them when it closes. */
    private final java.util.List<Thread> working = new java.util.concurrent.CopyOnWriteArrayList<>();

    static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination RECORD = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination COPY_COMMAND = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final MainController c;
    private final MenuButton button;
    private final Menu recentMenu = new Menu("Open recent");
    private final RecentFiles recent;
    /** The file each trace shown came from or went to, for the title and the next save. */
    private final Map<Trace, Path> files = new IdentityHashMap<>();
    private Path lastDir;
    private ExportRequest lastPicture;
    private ExportRequest lastRecording;

    FileMenu(MainController controller, MenuButton button, RecentFiles recent) {
        this.c = controller;
        this.button = button;
        this.recent = recent;
        MenuItem open = item("Open trace…", "mdi2f-folder-open-outline", OPEN, this::open);
        MenuItem save = item("Save trace…", "mdi2c-content-save-outline", SAVE, this::save);
        MenuItem export = item("Export picture…", "mdi2i-image-outline", EXPORT, this::exportPicture);
        MenuItem record = item("Record playback…", "mdi2f-filmstrip", RECORD, this::record);
        MenuItem copy = item("Copy command line", "mdi2c-console-line", COPY_COMMAND, this::copyCommandLine);
        recentMenu.setGraphic(new FontIcon("mdi2h-history"));
        button.getItems().setAll(open, recentMenu, new SeparatorMenuItem(), save, new SeparatorMenuItem(), export,
                record, new SeparatorMenuItem(), copy);
        button.setOnShowing(e -> {
            fillRecent();
            boolean has = c.playback().getTrace() != null;
            open.setDisable(c.loader() == null);
            recentMenu.setDisable(c.loader() == null);
            save.setDisable(!has);
            export.setDisable(!has);
            record.setDisable(!has);
            copy.setDisable(!has || RunCommand.of(c.playback().getTrace()) == null);
        });
        button.setFocusTraversable(false);
        fillRecent();
    }

    private static MenuItem item(String text, String icon, KeyCombination keys, Runnable action) {
        MenuItem m = new MenuItem(text, new FontIcon(icon));
        // shown in the menu; the keys themselves are handled in attach(), as a toolbar menu has no accelerators
        m.setAccelerator(keys);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Installs the File shortcuts and opening a trace file dropped on the window. */
    void attach(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Runnable action = null;
            if (RECORD.match(e)) {
                action = this::record;
            } else if (EXPORT.match(e)) {
                action = this::exportPicture;
            } else if (SAVE.match(e)) {
                action = this::save;
            } else if (COPY_COMMAND.match(e)) {
                action = this::copyCommandLine;
            }
            if (action != null) {
                e.consume();
                action.run();
            }
        });
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (c.loader() != null && e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
                e.consume();
            }
        });
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            if (e.getDragboard().hasFiles()) {
                e.setDropCompleted(dropped(e.getDragboard().getFiles()));
                e.consume();
            }
        });
    }

    // ------------------------------------------------------------------ open

    private void open() {
        c.openFile();
    }

    /** Opens the first of the files dropped on the window; false if none can be opened here. */
    boolean dropped(List<File> dropped) {
        if (c.loader() == null || dropped.isEmpty()) {
            return false;
        }
        Path file = dropped.get(0).toPath();
        if (Files.isDirectory(file)) {
            c.showMessage("Cannot open " + file.getFileName() + ": it is a folder; drop a trace file (.json).", true);
            return false;
        }
        c.openTrace(file);
        return true;
    }

    /** A trace was opened from {@code file}: it becomes recent, and names the trace. */
    void opened(Path file, Trace trace) {
        files.put(trace, file.toAbsolutePath());
        lastDir = file.toAbsolutePath().getParent();
        recent.add(file);
    }

    /** The file a trace came from or was saved to, or null. */
    Path fileOf(Trace trace) {
        return trace == null ? null : files.get(trace);
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        List<Path> list = recent.list();
        for (Path p : list) {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + shorten(p.getParent()));
            m.setMnemonicParsing(false);
            m.setOnAction(e -> {
                if (!Files.isRegularFile(p)) {
                    recent.remove(p);
                    c.showMessage("Cannot open " + p.getFileName() + ": it is no longer at " + p.getParent() + ".",
                            true);
                    return;
                }
                c.openTrace(p);
            });
            recentMenu.getItems().add(m);
        }
        if (list.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear the list");
            clear.setOnAction(e -> recent.clear());
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private static String shorten(Path dir) {
        if (dir == null) {
            return "";
        }
        String s = dir.toString();
        String home = System.getProperty("user.home");
        if (home != null && s.startsWith(home)) {
            s = "~" + s.substring(home.length());
        }
        return s.length() <= 48 ? s : "…" + s.substring(s.length() - 47);
    }

    RecentFiles recent() {
        return recent;
    }

    // ------------------------------------------------------------------ save

    private void save() {
        Trace t = c.playback().getTrace();
        if (t == null) {
            c.showMessage("Nothing to save yet: run a scenario or open a trace first.", true);
            return;
        }
        Path known = files.get(t);
        File f = chooser("Save the trace", known != null ? known.getFileName().toString() : baseName(t) + ".json",
                "Trace files (*.json)", "*.json").showSaveDialog(c.stage());
        if (f != null) {
            saveTo(withExtension(f.toPath(), "json"));
        }
    }

    /** Saves the trace shown to {@code file} in the background; the task, for tests. */
    Task<Void> saveTo(Path file) {
        Trace t = c.playback().getTrace();
        if (t == null) {
            return null;
        }
        boolean live = !t.isFinished();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                TraceFile.save(t, file);
                return null;
            }
        };
        task.setOnSucceeded(e -> {
            files.put(t, file.toAbsolutePath());
            lastDir = file.toAbsolutePath().getParent();
            recent.add(file);
            c.showMessage("Saved " + file.getFileName() + " (" + size(file) + ")"
                    + (live ? ", what the run had recorded so far" : "") + ".", false);
            c.refreshTitle();
        });
        task.setOnFailed(e -> c.showMessage("Could not save " + file.getFileName() + ": "
                + problem(task.getException()) + ". Nothing was changed.", true));
        start(task, "trace-saver");
        c.showMessage("Saving " + file.getFileName() + "…", false);
        return task;
    }

    // ------------------------------------------------------------------ export

    /** What the dialogs offer first: the window's look, the last choices. */
    private ExportRequest defaults(boolean recording) {
        ExportRequest last = recording ? lastRecording : lastPicture;
        TimelineView v = c.timeline();
        double width = Math.max(800, Math.round((v.getWidth() > 0 ? v.getWidth() : 1200) / 10) * 10);
        ExportRequest base = new ExportRequest(recording ? ExportRequest.Kind.GIF : ExportRequest.Kind.PNG,
                recording, recording ? 1 : 2, c.darkTheme(), c.presentation(), width, true, c.playback().getSpeed(),
                10, true);
        return last == null ? base : new ExportRequest(last.kind(), last.wholeRun(), last.scale(), c.darkTheme(),
                c.presentation(), last.width(), last.heading(), c.playback().getSpeed(), last.fps(), last.output());
    }

    private void exportPicture() {
        ask(false);
    }

    private void record() {
        ask(true);
    }

    private void ask(boolean recording) {
        Trace t = c.playback().getTrace();
        if (t == null) {
            c.showMessage("Nothing to export yet: run a scenario or open a trace first.", true);
            return;
        }
        if (recording && !t.isFinished()) {
            // the playback of a run is recorded once the run has its final length
            c.showMessage("The run is still going: stop it or let it end, then record its playback.", true);
            return;
        }
        ExportDialog.ask(c.stage(), recording, defaults(recording), t, r -> options(r, t)).ifPresent(r -> {
            if (recording) {
                lastRecording = r;
                String problem = ExportDialog.check(t, r);
                if (problem != null) {
                    c.showMessage("Cannot record: " + problem + ".", true);
                    return;
                }
            } else {
                lastPicture = r;
            }
            String name = baseName(t) + (r.kind() == ExportRequest.Kind.FRAMES ? "-frames" : "." + r.kind().extension);
            FileChooser ch = r.kind() == ExportRequest.Kind.FRAMES
                    ? chooser("A new folder for the frames", name, "Folders", "*")
                    : chooser(recording ? "Save the recording" : "Save the picture", name,
                    r.kind().label + " (*." + r.kind().extension + ")", "*." + r.kind().extension);
            File f = ch.showSaveDialog(c.stage());
            if (f != null) {
                Path target = r.kind().extension == null ? f.toPath() : withExtension(f.toPath(), r.kind().extension);
                export(r, target);
            }
        });
    }

    /** The picture options a request means for the trace shown, in the window's present view. */
    PictureOptions options(ExportRequest r, Trace t) {
        PictureOptions o = PictureOptions.defaults().withWidth(r.width())
                .withTheme(r.dark() ? PictureTheme.DARK : PictureTheme.LIGHT)
                .withMetrics(r.large() ? PictureMetrics.PROJECTOR : PictureMetrics.DESK);
        if (r.heading()) {
            Path file = files.get(t);
            String title = t.scenario().isEmpty() && file != null ? file.getFileName().toString() : Captions.title(t);
            o = o.withTitle(title, Captions.subtitle(t));
        }
        if (!r.wholeRun() && !r.kind().recording) {
            TimelineView v = c.timeline();
            o = o.withWindow(v.visibleStart(), Math.max(v.visibleEnd(), v.visibleStart() + 1));
        }
        if (r.kind().recording) {
            o = o.withOutputLines(r.output() ? 4 : 0);
        }
        return o;
    }

    /** Writes the export in the background (a recording with a progress dialog); the task, for tests. */
    Task<Path> export(ExportRequest r, Path target) {
        Trace t = c.playback().getTrace();
        if (t == null) {
            return null;
        }
        PictureOptions o = options(r, t);
        String title = o.title() != null ? o.title() : Captions.title(t);
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage(r.kind().recording ? "Preparing the colours of the recording…" : "Drawing…");
                Progress progress = new Progress() {
                    @Override
                    public void update(int done, int total) {
                        updateProgress(done, total);
                        updateMessage("Frame " + done + " of " + total);
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                };
                switch (r.kind()) {
                    case PNG -> PictureExport.writePng(TimelinePicture.of(t, o), r.scale(), title, target);
                    case SVG -> PictureExport.writeSvg(TimelinePicture.of(t, o), title, true, target);
                    case GIF -> PlaybackRecorder.writeGif(t, o, recording(r), target, progress);
                    case FRAMES -> PlaybackRecorder.writePngSequence(t, o, recording(r), target, progress);
                }
                return target;
            }
        };
        task.setOnSucceeded(e -> {
            lastDir = target.toAbsolutePath().getParent();
            c.showMessage((r.kind().recording ? "Recorded " : "Exported ") + target.getFileName()
                    + (r.kind() == ExportRequest.Kind.FRAMES ? "/ (" + count(target) + " frames)" : " (" + size(target)
                    + ")") + ".", false);
        });
        task.setOnCancelled(e -> c.showMessage("Recording cancelled; nothing was written.", false));
        task.setOnFailed(e -> {
            Throwable x = task.getException();
            if (x instanceof CancellationException) {
                c.showMessage("Recording cancelled; nothing was written.", false);
            } else {
                c.showMessage("Could not export " + target.getFileName() + ": " + problem(x) + ".", true);
            }
        });
        c.showMessage((r.kind().recording ? "Recording " : "Exporting ") + target.getFileName() + "…", false);
        start(task, "export");
        if (r.kind().recording) {
            ProgressDialog.show(c.stage(), "Recording " + target.getFileName(), task);
        }
        return task;
    }

    private static Recording recording(ExportRequest r) {
        return new Recording(r.speed(), r.fps(), 2, r.scale());
    }

    // ------------------------------------------------------------------ command line

    /** Copies the {@code run} command that makes the trace shown; returns it, or null. */
    String copyCommandLine() {
        Trace t = c.playback().getTrace();
        String command = t == null ? null : RunCommand.of(t);
        if (command == null) {
            c.showMessage(t == null ? "Nothing to copy yet: run a scenario first."
                    : "This trace was not made by a scenario of this version: no command makes it again.", true);
            return null;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(command);
        Clipboard.getSystemClipboard().setContent(content);
        c.showMessage("Copied: " + command, false);
        return command;
    }

    // ------------------------------------------------------------------ helpers

    private FileChooser chooser(String title, String name, String filter, String pattern) {
        FileChooser ch = new FileChooser();
        ch.setTitle(title);
        ch.setInitialFileName(name);
        Path dir = lastDir;
        if (dir == null && !recent.list().isEmpty()) {
            dir = recent.list().get(0).getParent();
        }
        if (dir != null && Files.isDirectory(dir)) {
            ch.setInitialDirectory(dir.toFile());
        }
        ch.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(filter, pattern));
        return ch;
    }

    /** "chef-soup-seed0", or the name of the file a foreign trace came from. */
    private String baseName(Trace t) {
        if (t.scenario().isEmpty()) {
            Path f = files.get(t);
            String n = f == null ? "trace" : f.getFileName().toString();
            return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
        }
        return t.scenario() + "-seed" + t.seed();
    }

    private static Path withExtension(Path p, String ext) {
        String n = p.getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith("." + ext) ? p : p.resolveSibling(n + "." + ext);
    }

    private void start(Task<?> task, String name) {
        Thread th = new Thread(task, name);
        th.setDaemon(true);
        working.add(th);
        th.start();
    }

    /**
     * Waits up to {@code millis} for saves and exports still being written (the window is
     * closing: a file half written would be lost); true if none is left.
     */
    boolean finish(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        for (Thread th : working) {
            long left = deadline - System.currentTimeMillis();
            if (left > 0) {
                th.join(left);
            }
        }
        working.removeIf(th -> !th.isAlive());
        return working.isEmpty();
    }

    static String size(Path file) {
        try {
            long n = Files.size(file);
            return n < 1024 ? n + " bytes" : n < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", n / 1024.0)
                    : String.format(Locale.ROOT, "%.1f MB", n / 1024.0 / 1024);
        } catch (IOException e) {
            return "size unknown";
        }
    }

    private static long count(Path dir) {
        try (var s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** One line for what went wrong with a file. */
    static String problem(Throwable e) {
        if (e instanceof WriteFailure w) {
            return w.reason();
        }
        if (e instanceof NoSuchFileException x) {
            return "no such folder or file (" + x.getFile() + ")";
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
        return nl < 0 ? m : m.substring(0, nl);
    }
}
