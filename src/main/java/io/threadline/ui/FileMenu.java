package io.threadline.ui;

import io.threadline.export.Captions;
import io.threadline.export.PictureExport;
import io.threadline.export.PlaybackRecorder;
import io.threadline.export.Progress;
import io.threadline.export.Recording;
import io.threadline.export.RunCommand;
import io.threadline.export.TraceFormatException;
import io.threadline.picture.PictureMetrics;
import io.threadline.python.UserProgram;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.TimelinePicture;
import io.threadline.trace.Trace;
import io.threadline.ui.KeyMap.Shortcut;
import io.threadline.ui.timeline.TimelineView;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * The File menu and what goes with it: open (also recent files and a file dropped on the window),
 * save the trace, export the picture, record the playback, copy the command line that makes the
 * trace again. Files are read and written off the JavaFX thread; the window says in its status
 * line what happened, and a file that cannot be read changes nothing on screen. This is the one
 * way the window saves a trace: the file becomes recent and names the trace in the title.
 */
final class FileMenu {
    /** What the File menu needs of the window it serves. */
    interface Host {
        /** The window that owns the dialogs. */
        Window owner();

        /** The trace shown, or null. */
        Trace trace();

        /** The timeline, whose width and visible window an export starts from. */
        TimelineView timeline();

        double speed();

        boolean dark();

        boolean presentation();

        /** Shows a trace read from {@code file}. */
        void show(Path file, Trace trace);

        /** One line in the status bar; an error is marked as such. */
        void say(String message, boolean error);

        /** A trace has got the file it is known by: the title names it. */
        void named(Trace trace);

        /** The saved, unchanged program file a user's program's trace was made by, or null. */
        Path programFile(Trace trace);

        /** Opens a Python program (a .py file dropped on the window). */
        void openProgram(Path file);
    }

    /** The dialogs the menu shows; tests put their own in their place. */
    interface Dialogs {
        File open(FileChooser chooser, Window owner);

        File save(FileChooser chooser, Window owner);

        Optional<ExportRequest> askExport(Window owner, boolean recording, ExportRequest initial, Trace trace,
                                          Function<ExportRequest, PictureOptions> look);

        void showProgress(Window owner, String title, Task<?> task);
    }

    /** The dialogs of the desktop. */
    static final Dialogs DESKTOP = new Dialogs() {
        @Override
        public File open(FileChooser chooser, Window owner) {
            return chooser.showOpenDialog(owner);
        }

        @Override
        public File save(FileChooser chooser, Window owner) {
            return chooser.showSaveDialog(owner);
        }

        @Override
        public Optional<ExportRequest> askExport(Window owner, boolean recording, ExportRequest initial, Trace trace,
                                                 Function<ExportRequest, PictureOptions> look) {
            return ExportDialog.ask(owner, recording, initial, trace, look);
        }

        @Override
        public void showProgress(Window owner, String title, Task<?> task) {
            ProgressDialog.show(owner, title, task);
        }
    };

    private final Host window;
    private final MenuButton button;
    private final Menu recentMenu = new Menu("Open recent");
    private final RecentFiles recent;
    /** Threads writing pictures and recordings now; the window waits for them when it closes. */
    private final List<Thread> working = new CopyOnWriteArrayList<>();
    /** The file each trace shown came from or went to, for the title and the next save. */
    private final Map<Trace, Path> files = new IdentityHashMap<>();
    private TraceExports saves = new TraceExports();
    private Dialogs dialogs = DESKTOP;
    private TraceLoader loader;
    private Path lastDir;
    private ExportRequest lastPicture;
    private ExportRequest lastRecording;

    FileMenu(Host window, MenuButton button, RecentFiles recent, KeyMap keys) {
        this.window = window;
        this.button = button;
        this.recent = recent;
        keys.bind(Shortcut.OPEN, this::chooseAndOpen);
        keys.bind(Shortcut.SAVE, this::save);
        keys.bind(Shortcut.EXPORT, this::exportPicture);
        keys.bind(Shortcut.RECORD, this::record);
        keys.bind(Shortcut.COPY_COMMAND, this::copyCommandLine);
        MenuItem open = item("Open trace…", "mdi2f-folder-open-outline", Shortcut.OPEN, keys);
        MenuItem save = item("Save trace…", "mdi2c-content-save-outline", Shortcut.SAVE, keys);
        MenuItem export = item("Export picture…", "mdi2i-image-outline", Shortcut.EXPORT, keys);
        MenuItem record = item("Record playback…", "mdi2f-filmstrip", Shortcut.RECORD, keys);
        MenuItem copy = item("Copy command line", "mdi2c-console-line", Shortcut.COPY_COMMAND, keys);
        MenuItem newProgram = item("New program", "mdi2f-file-plus-outline", Shortcut.NEW_PROGRAM, keys);
        MenuItem openProgram = item("Open program…", "mdi2l-language-python", Shortcut.OPEN_PROGRAM, keys);
        MenuItem saveProgram = item("Save program…", "mdi2c-content-save-edit-outline", Shortcut.SAVE_PROGRAM, keys);
        recentMenu.setGraphic(new FontIcon("mdi2h-history"));
        button.getItems().setAll(newProgram, openProgram, saveProgram, new SeparatorMenuItem(), open, recentMenu,
                new SeparatorMenuItem(), save, new SeparatorMenuItem(), export, record, new SeparatorMenuItem(), copy);
        button.setOnShowing(e -> {
            fillRecent();
            boolean has = window.trace() != null;
            open.setDisable(loader == null);
            recentMenu.setDisable(loader == null);
            save.setDisable(!has);
            export.setDisable(!has);
            record.setDisable(!has);
            copy.setDisable(!has || RunCommand.of(window.trace()) == null && !isProgram(window.trace()));
        });
        button.setFocusTraversable(false);
        fillRecent();
    }

    private static MenuItem item(String text, String icon, Shortcut shortcut, KeyMap keys) {
        MenuItem m = new MenuItem(text, new FontIcon(icon));
        // The menu shows the key; JavaFX files it in the scene's accelerators, where the key map's is.
        m.setAccelerator(shortcut.combination());
        m.setOnAction(e -> keys.run(shortcut));
        return m;
    }

    /** Opens a trace file or a Python program dropped on the window. */
    void attach(Scene scene) {
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && (loader != null || isProgram(e.getDragboard().getFiles().get(0)))) {
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

    /** How trace files are read; without a reader the menu cannot open any. */
    void setLoader(TraceLoader traceLoader) {
        loader = traceLoader;
    }

    boolean canOpen() {
        return loader != null;
    }

    /** The dialogs in use (the user's programs open and save through them too). */
    Dialogs dialogs() {
        return dialogs;
    }

    /** Whether a trace is of a user's program. */
    static boolean isProgram(Trace t) {
        return t.scenario().startsWith(UserProgram.SCENARIO_PREFIX);
    }

    /** Whether a file is a Python program by its name. */
    static boolean isProgram(File f) {
        String n = f.getName().toLowerCase(Locale.ROOT);
        return n.endsWith(".py") || n.endsWith(".pyw");
    }

    /** Puts other dialogs in place of the desktop's (tests). */
    void useDialogs(Dialogs d) {
        dialogs = d;
    }

    /** Saves through {@code saver} instead of the trace file writer (tests). */
    void useSaver(TraceExports.Saver saver) {
        saves = new TraceExports(saver);
    }

    // ------------------------------------------------------------------ open

    private void chooseAndOpen() {
        if (loader == null) {
            return;
        }
        FileChooser ch = chooser("Open a trace", null, "Trace files (*.json)", "*.json");
        ch.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = dialogs.open(ch, window.owner());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens the first of the files dropped on the window; false if none can be opened here. */
    boolean dropped(List<File> dropped) {
        if (dropped.isEmpty()) {
            return false;
        }
        Path file = dropped.get(0).toPath();
        if (isProgram(dropped.get(0)) && !Files.isDirectory(file)) {
            window.openProgram(file);
            return true;
        }
        if (loader == null) {
            return false;
        }
        if (Files.isDirectory(file)) {
            window.say("Cannot open " + file.getFileName() + ": it is a folder; drop a trace file (.json).", true);
            return false;
        }
        open(file);
        return true;
    }

    /** Reads a trace file in the background and shows it; a file that cannot be read gets one line. */
    void open(Path file) {
        TraceLoader l = loader;
        if (l == null) {
            window.say("Cannot open " + file.getFileName() + ": this build has no trace file reader.", true);
            return;
        }
        window.say("Opening " + file.getFileName() + "…", false);
        Thread t = new Thread(() -> {
            try {
                Trace trace = l.load(file);
                Platform.runLater(() -> {
                    opened(file, trace);
                    window.show(file, trace);
                });
            } catch (TraceFormatException | IOException e) {
                Platform.runLater(() -> window.say("Could not open " + file.getFileName() + ": "
                        + IoProblems.describe(e), true));
            } catch (OutOfMemoryError e) {
                AppLog.LOG.log(Level.WARNING, "Out of memory opening " + file, e);
                Platform.runLater(() -> window.say("Could not open " + file.getFileName()
                        + ": too large for the memory Threadline has (start it with more, e.g. -Xmx4g)", true));
            } catch (Exception | Error e) {
                // Not a bad file but a fault of the reader: the user gets a line, the log the trace.
                ErrorReporter.report("opening " + file.getFileName(), e);
                Platform.runLater(() -> window.say("Could not open " + file.getFileName() + ": an unexpected error ("
                        + e.getClass().getSimpleName() + "); the details are in the error dialog", true));
            }
        }, "trace-loader");
        t.setDaemon(true);
        t.start();
    }

    /** A trace was opened from {@code file}: it becomes recent, and names the trace. */
    private void opened(Path file, Trace trace) {
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
                    window.say("Cannot open " + p.getFileName() + ": it is no longer at " + p.getParent() + ".",
                            true);
                    return;
                }
                open(p);
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

    /** A folder as a menu shows it: the home folder as ~, long paths cut at the front. */
    static String shorten(Path dir) {
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
        Trace t = window.trace();
        if (t == null) {
            window.say("Nothing to save yet: run a scenario or open a trace first.", true);
            return;
        }
        Path known = files.get(t);
        File f = dialogs.save(chooser("Save the trace", known != null ? known.getFileName().toString()
                : baseName(t) + ".json", "Trace files (*.json)", "*.json"), window.owner());
        if (f != null) {
            saveTo(withExtension(f.toPath(), "json"));
        }
    }

    /**
     * Saves the trace shown to {@code file} in the background; false if there is none. A run still
     * going on is saved as far as it got; a new run or another scenario meanwhile changes nothing
     * in what is saved.
     */
    boolean saveTo(Path file) {
        Trace t = window.trace();
        if (t == null) {
            return false;
        }
        String name = String.valueOf(file.getFileName());
        boolean live = !t.isFinished();
        long upTo = t.endTime();
        window.say("Saving " + name + "…", false);
        saves.save(t, file, new TraceExports.Listener() {
            @Override
            public void saved(Path f) {
                String size = size(f);
                Platform.runLater(() -> {
                    files.put(t, f.toAbsolutePath());
                    lastDir = f.toAbsolutePath().getParent();
                    recent.add(f);
                    window.say("Saved " + name + " (" + size + ")" + (live
                            ? ": the run was still going on, saved up to " + Formats.seconds(upTo) : "") + ".", false);
                    window.named(t);
                });
            }

            @Override
            public void failed(Path f, String reason) {
                Platform.runLater(() -> window.say("Could not save " + name + ": " + reason
                        + ". The file that was there is unchanged.", true));
            }
        });
        return true;
    }

    // ------------------------------------------------------------------ export

    /** What the dialogs offer first: the window's look, the last choices. */
    private ExportRequest defaults(boolean recording) {
        ExportRequest last = recording ? lastRecording : lastPicture;
        TimelineView v = window.timeline();
        double width = Math.max(800, Math.round((v.getWidth() > 0 ? v.getWidth() : 1200) / 10) * 10);
        ExportRequest base = new ExportRequest(recording ? ExportRequest.Kind.GIF : ExportRequest.Kind.PNG,
                recording, recording ? 1 : 2, window.dark(), window.presentation(), width, true, window.speed(),
                10, true);
        return last == null ? base : new ExportRequest(last.kind(), last.wholeRun(), last.scale(), window.dark(),
                window.presentation(), last.width(), last.heading(), window.speed(), last.fps(), last.output());
    }

    private void exportPicture() {
        ask(false);
    }

    private void record() {
        ask(true);
    }

    private void ask(boolean recording) {
        Trace t = window.trace();
        if (t == null) {
            window.say("Nothing to export yet: run a scenario or open a trace first.", true);
            return;
        }
        if (recording && !t.isFinished()) {
            // the playback of a run is recorded once the run has its final length
            window.say("The run is still going: stop it or let it end, then record its playback.", true);
            return;
        }
        dialogs.askExport(window.owner(), recording, defaults(recording), t, r -> options(r, t)).ifPresent(r -> {
            if (recording) {
                lastRecording = r;
                String problem = ExportDialog.check(t, r);
                if (problem != null) {
                    window.say("Cannot record: " + problem + ".", true);
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
            File f = dialogs.save(ch, window.owner());
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
            TimelineView v = window.timeline();
            o = o.withWindow(v.visibleStart(), Math.max(v.visibleEnd(), v.visibleStart() + 1));
        }
        if (r.kind().recording) {
            o = o.withOutputLines(r.output() ? 4 : 0);
        }
        return o;
    }

    /** Writes the export in the background (a recording with a progress dialog); the task, for tests. */
    Task<Path> export(ExportRequest r, Path target) {
        Trace t = window.trace();
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
            window.say((r.kind().recording ? "Recorded " : "Exported ") + target.getFileName()
                    + (r.kind() == ExportRequest.Kind.FRAMES ? "/ (" + count(target) + " frames)" : " (" + size(target)
                    + ")") + ".", false);
        });
        task.setOnCancelled(e -> window.say("Recording cancelled; nothing was written.", false));
        task.setOnFailed(e -> {
            Throwable x = task.getException();
            if (x instanceof CancellationException) {
                window.say("Recording cancelled; nothing was written.", false);
            } else {
                window.say("Could not export " + target.getFileName() + ": " + IoProblems.describe(x) + ".", true);
            }
        });
        window.say((r.kind().recording ? "Recording " : "Exporting ") + target.getFileName() + "…", false);
        start(task, "export");
        if (r.kind().recording) {
            dialogs.showProgress(window.owner(), "Recording " + target.getFileName(), task);
        }
        return task;
    }

    private static Recording recording(ExportRequest r) {
        return new Recording(r.speed(), r.fps(), 2, r.scale());
    }

    // ------------------------------------------------------------------ command line

    /** Copies the {@code run} command that makes the trace shown; returns it, or null. */
    String copyCommandLine() {
        Trace t = window.trace();
        String command = t == null ? null : RunCommand.of(t);
        if (t != null && isProgram(t)) {
            Path file = window.programFile(t);
            if (file == null) {
                window.say("The command line runs a program file: save the program first (Save program…, "
                        + Shortcut.SAVE_PROGRAM.keys() + "), run it, then copy the command line.", true);
                return null;
            }
            command = RunCommand.ofProgram(t, file);
        }
        if (command == null) {
            window.say(t == null ? "Nothing to copy yet: run a scenario first."
                    : "This trace was not made by a scenario of this version: no command makes it again.", true);
            return null;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(command);
        Clipboard.getSystemClipboard().setContent(content);
        window.say("Copied: " + command, false);
        return command;
    }

    // ------------------------------------------------------------------ helpers

    private FileChooser chooser(String title, String name, String filter, String pattern) {
        FileChooser ch = new FileChooser();
        ch.setTitle(title);
        if (name != null) {
            ch.setInitialFileName(name);
        }
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

    /** "chef-soup-seed0", "race-seed0" for a user's program, or the name of the file a foreign trace came from. */
    String baseName(Trace t) {
        if (isProgram(t)) {
            String n = t.scenario().substring(t.scenario().lastIndexOf(':') + 1);
            n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1).replaceAll("\\.pyw?$", "");
            return n.replaceAll("[^A-Za-z0-9._-]", "_") + "-seed" + t.seed();
        }
        if (t.scenario().isEmpty()) {
            Path f = files.get(t);
            String n = f == null ? "trace" : f.getFileName().toString();
            return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
        }
        return t.scenario().replaceAll("[^A-Za-z0-9._-]", "_") + "-seed" + t.seed();
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
        boolean saved = saves.finish(millis);
        for (Thread th : working) {
            long left = deadline - System.currentTimeMillis();
            if (left > 0) {
                th.join(left);
            }
        }
        working.removeIf(th -> !th.isAlive());
        return saved && working.isEmpty();
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
}
