package io.threadline.ui;

import io.threadline.export.AtomicFile;
import io.threadline.python.ProgramException;
import io.threadline.python.ScenarioSource;
import io.threadline.python.UserProgram;
import io.threadline.python.UserRunParams;
import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;

/**
 * The user's own Python programs in the window: a scenario's program opened for editing (Edit),
 * programs of the user's own (New program, Open program…, a dropped .py), each kept by the
 * {@link ProgramStore} as it is typed; running one (CPython is started off the JavaFX thread);
 * saving one to a file. The window shows a program through its {@link Host}; this class decides
 * nothing about the layout.
 */
final class UserPrograms {
    /** Files larger than this are not programs one edits in a window. */
    static final long MAX_FILE_BYTES = 1 << 20;

    /** The program File > New program starts from. */
    static final String TEMPLATE = """
            # Your own program: it runs in a real CPython, and its threads are lanes on the timeline.
            import threading
            import time


            def worker(name, seconds):
                print(name, "starts")
                time.sleep(seconds)
                print(name, "is done")


            threads = [threading.Thread(target=worker, args=(f"Worker-{i}", 0.5 * i), name=f"Worker-{i}")
                       for i in range(1, 4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            print("All done")
            """;

    /** What the programs need of the window. */
    interface Host {
        /** Shows {@code d}: its scenario with the program in place of the scenario's, or the program alone. */
        void show(ProgramDraft d);

        /** Shows the scenario {@code s} as it ships (after Reset). */
        void showScenario(ScenarioSpec s);

        /** Follows a run of {@code d} that has started. */
        void follow(Run run, ProgramDraft d);

        /** The program could not start: {@code problem} says why, in one line. */
        void notStarted(ProgramDraft d, ProgramException problem);

        void say(String message, boolean error);

        FileMenu.Dialogs dialogs();

        javafx.stage.Window owner();

        ClockMode clockMode();

        double speed();
    }

    private final Host host;
    private final ProgramStore store;
    private final InterpreterSetting interpreter;
    private final Map<String, ProgramDraft> drafts = new LinkedHashMap<>();
    /** The programs of the user's own, as the sidebar lists them. */
    private final ObservableList<ProgramDraft> own = FXCollections.observableArrayList();
    /** The program each run was made by, for the title and the command line. */
    private final Map<Trace, ProgramDraft> madeBy = Collections.synchronizedMap(new WeakHashMap<>());
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "user-programs");
        t.setDaemon(true);
        return t;
    });
    /** Counts starts: a start that finishes after a newer Run or a Stop is ended, never shown. */
    private int generation;
    private boolean starting;
    private Path lastDir;

    UserPrograms(Host host, ProgramStore store, InterpreterSetting interpreter) {
        this.host = host;
        this.store = store;
        this.interpreter = interpreter;
    }

    /** Reads the programs kept last time in the background; {@code done} gets them on the JavaFX thread. */
    void restore(Runnable done) {
        background.submit(() -> {
            List<ProgramDraft> kept = store.load();
            interpreter.load();
            Platform.runLater(() -> {
                for (ProgramDraft d : kept) {
                    if (!drafts.containsKey(d.key())) {
                        add(d);
                    }
                }
                done.run();
            });
        });
    }

    private void add(ProgramDraft d) {
        drafts.put(d.key(), d);
        if (d.origin() == null) {
            own.add(d);
        }
    }

    /** The programs of the user's own, for the sidebar. */
    ObservableList<ProgramDraft> own() {
        return own;
    }

    /** The edit of {@code s}, or null if its program is as it ships. */
    ProgramDraft editOf(ScenarioSpec s) {
        return s == null ? null : drafts.get(ProgramDraft.keyOf(s));
    }

    /** All drafts restored or made, edits of scenarios first as they came (for a status line). */
    List<ProgramDraft> all() {
        return List.copyOf(drafts.values());
    }

    /** The program that made {@code t}, or null. */
    ProgramDraft madeBy(Trace t) {
        return t == null ? null : madeBy.get(t);
    }

    // ------------------------------------------------------------------ edit, reset, new

    /**
     * Edit on a scenario's Python tab: its program, with the form's values written into it, becomes
     * the user's to change; Run runs it from now on. The runtime settings carry over, with no cost
     * per line (the scenario's program accounts its work with cpu(), as the built-in one does).
     */
    ProgramDraft edit(ScenarioSpec s, Map<String, String> form) {
        ProgramDraft d = editOf(s);
        if (d == null) {
            ParamValues v;
            try {
                v = s.values(form);
            } catch (ParamException e) {
                v = s.defaults();
            }
            d = ProgramDraft.ofScenario(s, ScenarioSource.fileName(s), ScenarioSource.render(s, v));
            Map<String, String> params = new LinkedHashMap<>();
            for (String name : List.of(ScenarioSpec.CORES, ScenarioSpec.GIL, ScenarioSpec.SEED)) {
                params.put(name, v.asText().getOrDefault(name, s.param(name).defaultValue()));
            }
            params.put("line_cost", "0");
            d.setParams(params);
            add(d);
            store.keep(d);
        }
        host.show(d);
        return d;
    }

    /**
     * Reset: an edit of a scenario is dropped (the scenario's own program runs again); a program of
     * the user's own gets back the text it was opened, saved or made with.
     */
    void reset(ProgramDraft d) {
        if (d.origin() != null) {
            drafts.remove(d.key());
            store.forget(d.key());
            host.showScenario(d.origin());
            return;
        }
        d.setText(d.original());
        store.keep(d);
        host.show(d);
    }

    /** File > New program: a program of the user's own from the template. */
    ProgramDraft newProgram() {
        ProgramDraft d = ProgramDraft.ofOwn(freeKey(), freeName("untitled.py"), null, TEMPLATE);
        d.setParams(Map.of());
        add(d);
        store.keep(d);
        host.show(d);
        host.say("A new program: edit it and press Run. It is kept as you type; Save program writes it to a file.",
                false);
        return d;
    }

    /**
     * A trace of a user's program, opened from a file, with the program's text: the program it
     * names, if one open has that name and text, else a new one of the user's own.
     */
    ProgramDraft adopt(Trace t) {
        String named = t.scenario().substring(UserProgram.SCENARIO_PREFIX.length());
        String name = named.substring(Math.max(named.lastIndexOf('/'), named.lastIndexOf('\\')) + 1);
        if (name.isBlank()) {
            name = "program.py";
        }
        for (ProgramDraft d : own) {
            if (d.name().equals(name) && d.text().equals(t.source())) {
                return d;
            }
        }
        ProgramDraft d = ProgramDraft.ofOwn(freeKey(), freeName(name), null, t.source());
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : List.of(ScenarioSpec.CORES, ScenarioSpec.GIL, ScenarioSpec.SEED, "line_cost")) {
            if (t.params().containsKey(p)) {
                params.put(p, t.params().get(p));
            }
        }
        d.setParams(params);
        add(d);
        store.keep(d);
        return d;
    }

    /** Closes a program of the user's own (the sidebar's Close): it is no longer kept. */
    void close(ProgramDraft d) {
        if (d.origin() != null) {
            reset(d);
            return;
        }
        drafts.remove(d.key());
        own.remove(d);
        store.forget(d.key());
    }

    /** The text of {@code d} changed in the editor: kept at once (written in the background). */
    void typed(ProgramDraft d, String text) {
        if (!text.equals(d.text())) {
            d.setText(text);
            store.keep(d);
        }
    }

    /** The run form of {@code d} changed. */
    void paramsChanged(ProgramDraft d, Map<String, String> values) {
        if (!values.equals(d.params())) {
            d.setParams(values);
            store.keep(d);
        }
    }

    private String freeKey() {
        int i = 1;
        while (drafts.containsKey("program-" + i)) {
            i++;
        }
        return "program-" + i;
    }

    private String freeName(String wanted) {
        String base = wanted.endsWith(".py") ? wanted.substring(0, wanted.length() - 3) : wanted;
        String name = wanted;
        for (int i = 2; taken(name); i++) {
            name = base + "-" + i + ".py";
        }
        return name;
    }

    private boolean taken(String name) {
        for (ProgramDraft d : own) {
            if (d.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ run

    /** Starts {@code d} with the run form's {@code values}: CPython starts in the background. */
    void run(ProgramDraft d, Map<String, String> values) {
        UserRunParams params;
        try {
            params = UserRunParams.of(values, interpreter.get());
        } catch (ParamException e) {
            host.say(e.getMessage(), true);
            return;
        }
        RunOptions o = params.options();
        if (host.clockMode() == ClockMode.PACED) {
            o = o.paced(host.speed());
        }
        RunOptions options = o;
        String name = d.name();
        String text = d.text();
        int gen = ++generation;
        starting = true;
        host.say("Starting Python for " + name + "…", false);
        background.submit(() -> {
            try {
                Run r = UserProgram.of(name, text).start(options, params.settings());
                madeBy.put(r.trace(), d);
                Platform.runLater(() -> {
                    if (gen != generation) {
                        r.stop();
                        return;
                    }
                    starting = false;
                    host.follow(r, d);
                });
            } catch (ProgramException e) {
                Platform.runLater(() -> {
                    if (gen == generation) {
                        starting = false;
                        host.notStarted(d, e);
                    }
                });
            } catch (RuntimeException e) {
                ErrorReporter.report("starting " + name, e);
                Platform.runLater(() -> {
                    if (gen == generation) {
                        starting = false;
                        host.say("Could not start " + name + ": " + IoProblems.describe(e), true);
                    }
                });
            }
        });
    }

    /** A start still under way is forgotten (Stop, another run, another scenario): its run is ended. */
    void cancelStart() {
        if (starting) {
            generation++;
            starting = false;
        }
    }

    boolean isStarting() {
        return starting;
    }

    // ------------------------------------------------------------------ files

    /** File > Open program…: a .py file chosen, read in the background. */
    void chooseAndOpen() {
        FileChooser ch = chooser("Open a Python program", null);
        ch.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = host.dialogs().open(ch, host.owner());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens the program in {@code file} (also a dropped one); one that is already open is shown. */
    void open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (ProgramDraft d : own) {
            if (abs.equals(d.file() == null ? null : d.file().toAbsolutePath().normalize())) {
                host.show(d);
                host.say(d.name() + " is open already" + (d.modified() ? ", with your changes" : "") + ".", false);
                return;
            }
        }
        String name = String.valueOf(file.getFileName());
        host.say("Opening " + name + "…", false);
        background.submit(() -> {
            try {
                String text = readProgram(abs);
                Platform.runLater(() -> {
                    ProgramDraft d = ProgramDraft.ofOwn(freeKey(), freeName(name), abs, text);
                    d.setParams(Map.of());
                    add(d);
                    store.keep(d);
                    lastDir = abs.getParent();
                    host.show(d);
                    host.say("Opened " + name + ". Press Run to see its threads.", false);
                });
            } catch (IOException e) {
                Platform.runLater(() -> host.say("Could not open " + name + ": " + IoProblems.describe(e), true));
            }
        });
    }

    /** The program text in {@code file}: UTF-8, not too large for an editor. */
    static String readProgram(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("it is a folder, not a Python file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("it is larger than " + (MAX_FILE_BYTES >> 20) + " MB: not a program to edit here");
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replace("\r\n", "\n");
        } catch (CharacterCodingException e) {
            throw new IOException("it is not UTF-8 text (a Python program is)");
        }
    }

    /** File > Save program…: where to write {@code d}, then written in the background. */
    void chooseAndSave(ProgramDraft d) {
        if (d == null) {
            host.say("No program to save: press Edit on a scenario's Python tab, or File > New program.", true);
            return;
        }
        FileChooser ch = chooser("Save the program", d.file() != null ? String.valueOf(d.file().getFileName())
                : d.name());
        File f = host.dialogs().save(ch, host.owner());
        if (f != null) {
            Path p = f.toPath();
            String n = String.valueOf(p.getFileName());
            saveTo(d, n.toLowerCase(Locale.ROOT).endsWith(".py") ? p : p.resolveSibling(n + ".py"));
        }
    }

    /** Writes {@code d} to {@code file} atomically in the background; the old file stays if it fails. */
    void saveTo(ProgramDraft d, Path file) {
        String text = d.text();
        String name = String.valueOf(file.getFileName());
        host.say("Saving " + name + "…", false);
        background.submit(() -> {
            try {
                AtomicFile.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
                String size = FileMenu.size(file);
                Platform.runLater(() -> {
                    d.savedTo(file.toAbsolutePath(), text);
                    lastDir = file.toAbsolutePath().getParent();
                    if (drafts.get(d.key()) == d) {
                        store.keep(d);
                        host.show(d);
                    }
                    host.say("Saved " + name + " (" + size + ").", false);
                });
            } catch (IOException e) {
                AppLog.LOG.log(Level.INFO, "Saving " + file + " failed", e);
                Platform.runLater(() -> host.say("Could not save " + name + ": " + IoProblems.describe(e)
                        + ". The file that was there is unchanged.", true));
            }
        });
    }

    private FileChooser chooser(String title, String name) {
        FileChooser ch = new FileChooser();
        ch.setTitle(title);
        if (name != null) {
            ch.setInitialFileName(name);
        }
        if (lastDir != null && Files.isDirectory(lastDir)) {
            ch.setInitialDirectory(lastDir.toFile());
        }
        ch.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("Python programs (*.py)", "*.py"));
        return ch;
    }

    /** The window closes: waits (briefly) for what is being kept. */
    void shutdown(long millis) throws InterruptedException {
        cancelStart();
        background.shutdown();
        store.finish(millis);
    }
}
