package io.threadline.ui;

import atlantafx.base.controls.ToggleSwitch;
import io.threadline.export.TraceFormatException;
import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Run;
import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.OutputLine;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import io.threadline.ui.teach.TeachingAids;
import io.threadline.ui.timeline.TimelineLegend;
import io.threadline.ui.timeline.TimelineView;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Wires the window of main.fxml: the scenario list, the toolbar, the parameter form, the output
 * and the status bar, around a {@link PlaybackModel} that says where the window stands in a trace.
 * The JavaFX thread only draws: runs go on in the runtime's own threads, and each frame pulls a
 * snapshot of the live trace.
 */
public final class MainController {
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass GOOD = PseudoClass.getPseudoClass("good");
    /** A stopped run's threads unwind in milliseconds; a thread stuck outside the runtime may not. */
    static final long RUN_END_WAIT_MILLIS = 2_000;
    /** A save writes tens of megabytes a second; this covers the largest traces. */
    static final long EXPORT_WAIT_MILLIS = 60_000;

    @FXML private BorderPane root;
    @FXML private Button runButton;
    @FXML private Button stopButton;
    @FXML private Button replayButton;
    @FXML private Button stepBackButton;
    @FXML private Button playButton;
    @FXML private FontIcon playIcon;
    @FXML private Button stepForwardButton;
    @FXML private ComboBox<Double> speedBox;
    @FXML private Button zoomOutButton;
    @FXML private Button zoomInButton;
    @FXML private Button fitButton;
    @FXML private Button openButton;
    @FXML private Button exportButton;
    @FXML private ToggleButton presentationButton;
    @FXML private Button themeButton;
    @FXML private FontIcon themeIcon;
    @FXML private SplitPane columns;
    @FXML private VBox sidebar;
    @FXML private TextField searchField;
    @FXML private ListView<ScenarioSpec> scenarioList;
    @FXML private GridPane keysGrid;
    @FXML private SplitPane centerSplit;
    @FXML private Label runTitle;
    @FXML private Label runParams;
    @FXML private Label modeChip;
    @FXML private OutcomeBanner outcomeBanner;
    @FXML private StackPane legendSlot;
    @FXML private TimelineView timeline;
    @FXML private VBox emptyState;
    @FXML private FontIcon emptyIcon;
    @FXML private Label emptyTitle;
    @FXML private Label emptyHint;
    @FXML private Button emptyRunButton;
    @FXML private Label outputCount;
    @FXML private OutputPane output;
    @FXML private SplitPane detailSplit;
    @FXML private FontIcon detailIcon;
    @FXML private Label detailTitle;
    @FXML private Label explanation;
    /** The explanation's "Notice:" paragraph, kept back until a run has answered the prediction. */
    @FXML private Label lesson;
    @FXML private Hyperlink lessonLink;
    private final Set<String> lessonsShown = new HashSet<>();
    @FXML private ParamForm paramForm;
    @FXML private CodeView javaCode;
    @FXML private CodeView pythonCode;
    @FXML private Label timeStatus;
    @FXML private Label eventsStatus;
    @FXML private Label threadsStatus;
    @FXML private Label outcomeStatus;
    @FXML private FontIcon outcomeIcon;
    @FXML private Label clockStatus;
    @FXML private Label messageStatus;
    // teaching aids (issue 4)
    @FXML private HBox teachTools;
    @FXML private StackPane tourSlot;
    @FXML private StackPane timelineHolder;
    @FXML private TabPane detailTabs;
    @FXML private Tab threadTab;
    @FXML private TabPane codeTabs;
    private TeachingAids teach;
    // issue 5: the File menu (save, open, export, record) and what makes a run again
    @FXML private MenuButton fileMenuButton;
    @FXML private Label runStatus;
    private FileMenu fileMenu;

    private final PlaybackModel playback = new PlaybackModel();
    private final FilteredList<ScenarioSpec> scenarios = new FilteredList<>(
            FXCollections.observableArrayList(ScenarioCatalog.all()));
    /** What the user typed per scenario, so switching scenarios loses nothing. */
    private final Map<String, Map<String, String>> edited = new HashMap<>();
    /** The last trace of each scenario, shown again when it is selected again. */
    private final Map<String, Trace> lastTrace = new HashMap<>();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            playback.tick();
            sync();
        }
    };

    /** Saves traces in the background; closing the window lets them end. */
    TraceExports exports = new TraceExports();
    /** The clock new runs use; tests switch to the virtual clock so a run takes milliseconds. */
    ClockMode clockMode = ClockMode.PACED;
    /** The run started last, kept so closing the window can wait for its threads to end. */
    private LiveRun liveRun;
    private boolean shutDown;
    private final Tooltip messageTip = new Tooltip();
    private final javafx.event.EventHandler<WindowEvent> onHidden = e -> shutdown();
    private ScenarioSpec current;
    private Stage stage;
    private Theme theme = Theme.LIGHT;
    private TraceLoader loader;
    private String message = "";
    private boolean messageIsError;
    private boolean syncing;
    private double[] savedDividers = {0.2, 0.7};

    @FXML
    private void initialize() {
        setUpScenarioList();
        setUpToolbar();
        setUpTimeline();
        setUpTeaching();
        fileMenu = new FileMenu(this, fileMenuButton, RecentFiles.standard());
        output.setOnPick(this::pickOutputLine);
        paramForm.setOnChange(() -> {
            if (current != null) {
                edited.put(current.id(), paramForm.values());
            }
            updateTitle();
            teach.paramsChanged();
        });
        runButton.disableProperty().bind(paramForm.validProperty().not());
        emptyRunButton.disableProperty().bind(paramForm.validProperty().not());
        paramForm.problemProperty().addListener((o, a, b) -> updateRunTooltip());
        playback.modeProperty().addListener((o, a, b) -> {
            updateFrames();
            sync();
        });
        playback.outcomeProperty().addListener((o, a, b) -> {
            outcomeChanged(a, b);
            updateBanner();
        });
        playback.runningProperty().addListener((o, a, b) -> {
            updateFrames();
            updateButtons();
        });
        playback.traceProperty().addListener((o, a, b) -> {
            timeline.traceProperty().set(b);
            updateBanner();
            updateButtons();
        });
        for (Label l : new Label[]{timeStatus, eventsStatus, threadsStatus, outcomeStatus, clockStatus}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        messageStatus.setMinWidth(0);
        // The status line may be cut at the window's edge; its tooltip has all of it.
        messageTip.setWrapText(true);
        messageTip.setMaxWidth(640);
        messageTip.setShowDelay(Duration.millis(300));
        runTitle.setMinWidth(Region.USE_PREF_SIZE);
        modeChip.setMinWidth(Region.USE_PREF_SIZE);
        runParams.setMinWidth(0);
        columns.setDividerPositions(0.2, 0.7);
        SplitPane.setResizableWithParent(sidebar, false);
        SplitPane.setResizableWithParent(detailSplit, false);
        centerSplit.setDividerPositions(0.66);
        detailSplit.setDividerPositions(0.6);
        fillKeys();
        updateButtons();
        updateRunTooltip();
        if (!scenarios.isEmpty()) {
            scenarioList.getSelectionModel().selectFirst();
        }
        sync();
    }

    // ------------------------------------------------------------------ set-up

    private void setUpScenarioList() {
        scenarioList.setItems(scenarios);
        scenarioList.setCellFactory(v -> new ScenarioCell());
        Label none = new Label("No scenario matches.");
        none.getStyleClass().add("list-empty-note");
        scenarioList.setPlaceholder(none);
        scenarioList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            // A filter that hides the selection clears it; the scenario shown stays.
            if (b != null && b != current) {
                select(b);
            }
        });
        searchField.textProperty().addListener((o, a, text) -> {
            String[] words = text == null ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
            scenarios.setPredicate(s -> matches(s, words));
            if (current != null && scenarios.contains(current)) {
                scenarioList.getSelectionModel().select(current);
            }
        });
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !scenarios.isEmpty()) {
                scenarioList.getSelectionModel().select(scenarios.get(0));
                scenarioList.requestFocus();
            } else if (e.getCode() == KeyCode.ESCAPE && !searchField.getText().isEmpty()) {
                searchField.clear();
                e.consume();
            }
        });
    }

    static boolean matches(ScenarioSpec s, String[] words) {
        String hay = (s.title() + " " + s.summary() + " " + s.id()).toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!w.isEmpty() && !hay.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private void setUpToolbar() {
        tip(runButton, "Run the scenario with these parameters", "R");
        tip(stopButton, "Stop the run", "S");
        tip(replayButton, "Replay from the start", "Home");
        tip(stepBackButton, "Step back to the previous event", "Left");
        tip(playButton, "Play / pause", "Space");
        tip(stepForwardButton, "Step to the next event", "Right");
        tip(zoomOutButton, "Zoom out", "-");
        tip(zoomInButton, "Zoom in", "+");
        tip(fitButton, "Fit the whole run", "F");
        tip(openButton, "Open a trace file", "Ctrl+O");
        tip(exportButton, "Save the trace (Chrome trace JSON; opens in Perfetto too)", "Ctrl+S");
        tip(presentationButton, "Presentation mode: large text for a projector", "F11");
        tip(themeButton, "Light or dark theme", "T");
        speedBox.getItems().setAll(PlaybackModel.SPEEDS);
        speedBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : Formats.speed(v);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("x", "").trim());
            }
        });
        speedBox.setButtonCell(new ListCell<>() {
            private final FontIcon icon = new FontIcon("mdi2s-speedometer");

            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Formats.speed(v));
                setGraphic(icon);
            }
        });
        speedBox.setTooltip(tooltip("Speed: scenario seconds per second", "[ and ]"));
        speedBox.setValue(1.0);
        speedBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                playback.setSpeed(b);
                sync();
            }
        });
        speedBox.setFocusTraversable(false);
        presentationButton.selectedProperty().addListener((o, a, on) -> applyPresentation(on));
        openButton.setVisible(false);
        openButton.setManaged(false);
        for (Node n : new Node[]{stopButton, replayButton, stepBackButton, playButton, stepForwardButton,
                zoomOutButton, zoomInButton, fitButton, openButton, exportButton, presentationButton, themeButton,
                runButton}) {
            // Keys belong to the timeline shortcuts, not to whichever toolbar button had focus.
            n.setFocusTraversable(false);
        }
    }

    private void setUpTimeline() {
        timeline.playheadProperty().addListener((o, a, b) -> {
            if (!syncing) {
                // The user dragged the playhead.
                playback.seek(b.longValue());
                sync();
            }
        });
        emptyState.visibleProperty().bind(playback.traceProperty().isNull());
        emptyIcon.setIconLiteral("mdi2c-chart-timeline-variant");
        legendSlot.getChildren().setAll(new TimelineLegend(timeline));
    }

    /** The teaching aids (issue 4): arrows, thread panel, code marks, prediction and tour, compare. */
    private void setUpTeaching() {
        teach = new TeachingAids(new TeachingAids.Host() {
            @Override
            public ScenarioSpec scenario() {
                return current;
            }

            @Override
            public Map<String, String> formValues() {
                return paramForm.values();
            }

            @Override
            public void seek(long time) {
                playback.seek(time);
                sync();
            }

            @Override
            public void answered(ScenarioSpec s) {
                if (lessonsShown.add(s.id())) {
                    showLesson();
                }
            }
        }, playback, timeline, javaCode);
        teach.install(new TeachingAids.Slots(detailTabs, threadTab, tourSlot, timelineHolder, teachTools,
                centerSplit, codeTabs));
    }

    /** The shortcuts a first-time user needs, in the sidebar where the eye is anyway. */
    private void fillKeys() {
        String[][] keys = {
            {"R", "run"}, {"Space", "play / pause"}, {"\u2190 \u2192", "step"},
            {"+ \u2212 F", "zoom, fit"}, {"PgDn PgUp", "tour"}, {"A  C", "arrows, compare"},
            {"F11", "presentation"},
        };
        for (int i = 0; i < keys.length; i++) {
            Label key = new Label(keys[i][0]);
            key.getStyleClass().add("key-cap");
            Label what = new Label(keys[i][1]);
            what.getStyleClass().add("key-what");
            keysGrid.addRow(i, key, what);
        }
    }

    private static void tip(javafx.scene.control.Control c, String text, String key) {
        c.setTooltip(tooltip(text, key));
    }

    private static Tooltip tooltip(String text, String key) {
        Tooltip t = new Tooltip(key == null ? text : text + "  (" + key + ")");
        t.setShowDelay(Duration.millis(400));
        return t;
    }

    /** Installs the keyboard shortcuts and the title on the window that shows this controller. */
    void attach(Stage window, Scene scene) {
        stage = window;
        // Closing the window ends the run shown and its threads, whatever closes it.
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        fileMenu.attach(scene);
        updateTitle();
        // Keyboard shortcuts need the focus inside the window, and the list is where a new user starts.
        Platform.runLater(scenarioList::requestFocus);
    }

    void setTraceLoader(TraceLoader traceLoader) {
        loader = traceLoader;
        openButton.setVisible(loader != null);
        openButton.setManaged(loader != null);
    }

    // ------------------------------------------------------------------ scenario

    /** Shows the lesson once a run has answered the prediction, or when asked to. */
    private void showLesson() {
        boolean shown = current != null && (lessonsShown.contains(current.id()) || current.lesson().isEmpty());
        lesson.setVisible(shown);
        lesson.setManaged(shown);
        lessonLink.setVisible(!shown && current != null);
        lessonLink.setManaged(!shown && current != null);
    }

    @FXML
    void revealLesson() {
        if (current != null) {
            lessonsShown.add(current.id());
            showLesson();
        }
    }

    private void select(ScenarioSpec s) {
        if (playback.isRunning()) {
            // The window follows one run at a time; the stopped run's trace stays with its scenario.
            playback.stopRun();
        }
        current = s;
        detailIcon.setIconLiteral(s.icon());
        detailTitle.setText(s.title());
        explanation.setText(s.setup());
        lesson.setText(s.lesson());
        showLesson();
        paramForm.show(s, edited.getOrDefault(s.id(), Map.of()));
        javaCode.show(s.javaSource(), CodeView.Language.JAVA);
        pythonCode.show(s.pythonSource(), CodeView.Language.PYTHON);
        emptyTitle.setText("Press Run to start " + s.title());
        emptyRunButton.setText("Run " + s.title());
        emptyIcon.setIconLiteral(s.icon());
        playback.show(lastTrace.get(s.id()));
        setMessage("", false);
        updateTitle();
        teach.scenarioShown(s);
        sync();
    }

    // ------------------------------------------------------------------ commands

    @FXML
    void run() {
        ScenarioSpec s = current;
        if (s == null || !paramForm.isValid()) {
            return;
        }
        ParamValues values;
        try {
            values = s.values(paramForm.values());
        } catch (ParamException e) {
            setMessage(e.getMessage(), true);
            return;
        }
        playback.stopRun();
        try {
            Run r = s.start(values, s.options(values, clockMode, playback.getSpeed()));
            lastTrace.put(s.id(), r.trace());
            teach.runStarted(r.trace());
            follow(r);
        } catch (RuntimeException e) {
            // The form checked the values: a scenario that still cannot start is a fault of the app.
            ErrorReporter.report("starting " + s.title(), e);
            setMessage("Could not start " + s.title() + ": " + oneLine(e), true);
        }
        updateTitle();
        sync();
    }

    /** Follows {@code r} live (a scenario's run, or a test's own program). */
    void follow(Run r) {
        playback.stopRun();
        setMessage("", false);
        liveRun = LiveRun.of(r);
        playback.follow(liveRun);
        sync();
    }

    @FXML
    void stop() {
        playback.stopRun();
        sync();
    }

    @FXML
    void replay() {
        playback.replayFromStart();
        sync();
    }

    @FXML
    void togglePlay() {
        playback.togglePlay();
        sync();
    }

    @FXML
    void stepBack() {
        playback.stepBack();
        sync();
    }

    @FXML
    void stepForward() {
        playback.stepForward();
        sync();
    }

    @FXML
    void zoomIn() {
        timeline.zoomIn();
    }

    @FXML
    void zoomOut() {
        timeline.zoomOut();
    }

    @FXML
    void fit() {
        timeline.fit();
    }

    @FXML
    void toggleTheme() {
        setTheme(theme.other());
    }

    @FXML
    void resetParams() {
        paramForm.resetToDefaults();
    }

    @FXML
    void openFile() {
        if (loader == null || stage == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a trace");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Trace files (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openTrace(f.toPath());
        }
    }

    @FXML
    void exportFile() {
        Trace t = playback.getTrace();
        if (t == null || stage == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the trace");
        chooser.setInitialFileName(suggestedFileName(t));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Trace files (*.json)", "*.json"));
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    static String suggestedFileName(Trace t) {
        String name = t.scenario().isEmpty() ? "trace" : t.scenario().replaceAll("[^A-Za-z0-9._-]", "_");
        return name + "-seed" + t.seed() + ".json";
    }

    /**
     * Saves the trace shown to {@code file} in the background. A run still going on is saved as
     * far as it got; a new run or another scenario meanwhile does not change what is saved.
     */
    void exportTo(Path file) {
        Trace t = playback.getTrace();
        if (t == null) {
            return;
        }
        String name = String.valueOf(file.getFileName());
        setMessage("Saving " + name + "…", false);
        exports.save(t, file, new TraceExports.Listener() {
            @Override
            public void saved(Path f) {
                Platform.runLater(() -> setMessage("Saved " + name + (t.isFinished() ? ""
                        : " (the run was still going on: saved up to " + Formats.seconds(t.endTime()) + ")"), false));
            }

            @Override
            public void failed(Path f, String reason) {
                Platform.runLater(() -> setMessage("Could not save " + name + ": " + reason
                        + ". The file that was there is unchanged.", true));
            }
        });
    }

    void setTheme(Theme t) {
        theme = t;
        t.apply(root);
        timeline.darkProperty().set(t == Theme.DARK);
        themeIcon.setIconLiteral(t == Theme.DARK ? "mdi2w-white-balance-sunny" : "mdi2w-weather-night");
    }

    void setPresentation(boolean on) {
        presentationButton.setSelected(on);
    }

    private void applyPresentation(boolean on) {
        timeline.presentationProperty().set(on);
        root.getStyleClass().remove("presentation");
        if (on) {
            root.getStyleClass().add("presentation");
            // The room looks at the timeline: the scenario list gives it its width.
            if (columns.getItems().contains(sidebar)) {
                savedDividers = columns.getDividerPositions();
                columns.getItems().remove(sidebar);
                columns.setDividerPositions(0.68);
            }
        } else if (!columns.getItems().contains(sidebar)) {
            columns.getItems().add(0, sidebar);
            columns.setDividerPositions(savedDividers);
        }
    }

    private void changeSpeed(int direction) {
        int i = PlaybackModel.SPEEDS.indexOf(playback.getSpeed());
        int j = Math.max(0, Math.min(PlaybackModel.SPEEDS.size() - 1, (i < 0 ? 2 : i) + direction));
        speedBox.setValue(PlaybackModel.SPEEDS.get(j));
    }

    private void pickOutputLine(OutputLine line) {
        playback.seek(line.time());
        timeline.selectedThreadProperty().set(line.thread());
        sync();
    }

    /** Opens a trace file in the background and shows it; a file that cannot be read gets one line. */
    void openTrace(Path file) {
        if (loader == null) {
            setMessage("Cannot open " + file.getFileName() + ": this build has no trace file reader.", true);
            return;
        }
        setMessage("Opening " + file.getFileName() + "…", false);
        TraceLoader l = loader;
        Thread t = new Thread(() -> {
            try {
                Trace trace = l.load(file);
                Platform.runLater(() -> showLoaded(file, trace));
            } catch (TraceFormatException e) {
                Platform.runLater(() -> setMessage("Could not open " + file.getFileName() + ": " + oneLine(e), true));
            } catch (IOException e) {
                Platform.runLater(() -> setMessage("Could not open " + file.getFileName() + ": "
                        + IoProblems.describe(e), true));
            } catch (OutOfMemoryError e) {
                AppLog.LOG.log(java.util.logging.Level.WARNING, "Out of memory opening " + file, e);
                Platform.runLater(() -> setMessage("Could not open " + file.getFileName()
                        + ": too large for the memory Threadline has (start it with more, e.g. -Xmx4g)", true));
            } catch (Exception | Error e) {
                // Not a bad file but a fault of the reader: the user gets a line, the log the trace.
                ErrorReporter.report("opening " + file.getFileName(), e);
                Platform.runLater(() -> setMessage("Could not open " + file.getFileName() + ": an unexpected error ("
                        + e.getClass().getSimpleName() + "); the details are in the error dialog", true));
            }
        }, "trace-loader");
        t.setDaemon(true);
        t.start();
    }

    private void showLoaded(Path file, Trace trace) {
        fileMenu.opened(file, trace);
        playback.stopRun();
        ScenarioSpec s = ScenarioCatalog.byId(trace.scenario());
        if (s != null) {
            lastTrace.put(s.id(), trace);
            edited.put(s.id(), new HashMap<>(trace.params()));
            current = null;
            searchField.clear();
            scenarioList.getSelectionModel().select(s);
            if (current != s) {
                select(s);
            }
        } else {
            playback.show(trace);
        }
        setMessage("Opened " + file.getFileName() + (trace.scenario().isEmpty() ? ": " + trace.outcomeMessage()
                : s == null ? " (scenario '" + trace.scenario() + "' is not in this version's list)" : ""), false);
        updateTitle();
        sync();
    }

    // ------------------------------------------------------------------ keys

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (k == KeyCode.F11) {
            setPresentation(!presentationButton.isSelected());
            e.consume();
            return;
        }
        if (k == KeyCode.ESCAPE && teach.closeCompare()) {
            e.consume();
            return;
        }
        if (k == KeyCode.ESCAPE && presentationButton.isSelected()) {
            setPresentation(false);
            e.consume();
            return;
        }
        if (e.isShortcutDown()) {
            if (k == KeyCode.F) {
                searchField.requestFocus();
                e.consume();
            } else if (k == KeyCode.O) {
                openFile();
                e.consume();
            } else if (k == KeyCode.S) {
                exportFile();
                e.consume();
            }
            return;
        }
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (focus instanceof TextInputControl || focus instanceof ToggleSwitch || e.isAltDown()) {
            return;
        }
        boolean handled = true;
        switch (k) {
            case SPACE:
                togglePlay();
                break;
            case LEFT:
                stepBack();
                break;
            case RIGHT:
                stepForward();
                break;
            case PLUS:
            case ADD:
            case EQUALS:
                zoomIn();
                break;
            case MINUS:
            case SUBTRACT:
                zoomOut();
                break;
            case F:
                fit();
                break;
            case R:
                if (!runButton.isDisabled()) {
                    run();
                }
                break;
            case S:
                stop();
                break;
            case T:
                toggleTheme();
                break;
            case HOME:
                replay();
                break;
            case END:
                playback.seek(Long.MAX_VALUE);
                sync();
                break;
            case OPEN_BRACKET:
                changeSpeed(-1);
                break;
            case PAGE_DOWN:
                teach.nextStep();
                break;
            case PAGE_UP:
                teach.previousStep();
                break;
            case A:
                teach.cycleArrows();
                break;
            case C:
                teach.toggleCompare();
                break;
            case CLOSE_BRACKET:
                changeSpeed(+1);
                break;
            default:
                handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    // ------------------------------------------------------------------ drawing

    /** Brings every view in step with the playback model; cheap, called on each frame. */
    private void sync() {
        Trace t = playback.getTrace();
        syncing = true;
        try {
            timeline.revealTimeProperty().set(t == null ? 0 : playback.getReveal());
            timeline.playheadProperty().set(playback.getPlayhead());
        } finally {
            syncing = false;
        }
        timeline.refresh();
        output.update(t, playback.getReveal(), playback.getPlayhead());
        int lines = output.lines().size();
        outputCount.setText(lines == 1 ? "1 line" : lines + " lines");
        updateStatus(t);
        updateModeChip();
        updateButtons();
        teach.sync(t, playback.getPlayhead(), t == null ? 0 : playback.getReveal());
    }

    private void updateStatus(Trace t) {
        timeStatus.setText(Formats.seconds(playback.getPlayhead()));
        if (t == null) {
            eventsStatus.setText("No events");
            threadsStatus.setText("No threads");
            clockStatus.setText("Clock: " + clockMode.label() + " " + Formats.speed(playback.getSpeed()));
        } else {
            long total = t.eventCount();
            long upTo = Math.min(total, TraceSteps.countUpTo(t, playback.getPlayhead()));
            eventsStatus.setText("Events " + upTo + " / " + total);
            int n = t.threadCount();
            threadsStatus.setText(n == 1 ? "1 thread" : n + " threads");
            boolean paced = ClockMode.PACED.label().equals(t.clock());
            clockStatus.setText("Clock: " + t.clock() + (paced ? " " + Formats.speed(playback.getSpeed()) : ""));
        }
        RunOutcome o = playback.outcomeProperty().get();
        outcomeStatus.setText(Formats.outcome(o));
        String icon;
        boolean bad = false;
        boolean good = false;
        if (o == null) {
            icon = "mdi2c-circle-outline";
        } else {
            switch (o) {
                case RUNNING:
                    icon = "mdi2r-record-circle-outline";
                    break;
                case COMPLETED:
                    icon = "mdi2c-check-circle-outline";
                    good = true;
                    break;
                case STOPPED:
                    icon = "mdi2s-stop-circle-outline";
                    break;
                default:
                    icon = "mdi2a-alert-circle-outline";
                    bad = true;
            }
        }
        if (!icon.equals(outcomeIcon.getIconLiteral())) {
            outcomeIcon.setIconLiteral(icon);
        }
        outcomeStatus.pseudoClassStateChanged(BAD, bad);
        outcomeStatus.pseudoClassStateChanged(GOOD, good);
        outcomeStatus.pseudoClassStateChanged(LIVE, o == RunOutcome.RUNNING);
        messageStatus.setText(message);
        messageStatus.pseudoClassStateChanged(BAD, messageIsError);
    }

    private void updateModeChip() {
        String text;
        String style;
        switch (playback.getMode()) {
            case LIVE:
                text = "LIVE";
                style = "chip-live";
                break;
            case PLAYING:
                text = "REPLAY";
                style = "chip-replay";
                break;
            case PAUSED:
                boolean atEnd = !playback.isRunning() && playback.getPlayhead() >= playback.limit();
                text = atEnd ? "END" : "PAUSED";
                style = atEnd ? "chip-end" : "chip-paused";
                break;
            default:
                text = "";
                style = "chip-none";
        }
        modeChip.setText(text);
        modeChip.setVisible(!text.isEmpty());
        if (!modeChip.getStyleClass().contains(style)) {
            modeChip.getStyleClass().removeIf(c -> c.startsWith("chip-"));
            modeChip.getStyleClass().add(style);
        }
    }

    /**
     * Frames run while anything moves: the playhead, or a run that goes on behind a paused view
     * (its end must still reach the status bar).
     */
    private void updateFrames() {
        PlaybackModel.Mode m = playback.getMode();
        if (m == PlaybackModel.Mode.LIVE || m == PlaybackModel.Mode.PLAYING || playback.isRunning()) {
            frames.start();
        } else {
            frames.stop();
        }
    }

    private void updateButtons() {
        boolean hasTrace = playback.getTrace() != null;
        stopButton.setDisable(!playback.isRunning());
        replayButton.setDisable(!hasTrace);
        stepBackButton.setDisable(!hasTrace);
        stepForwardButton.setDisable(!hasTrace);
        playButton.setDisable(!hasTrace);
        zoomInButton.setDisable(!hasTrace);
        zoomOutButton.setDisable(!hasTrace);
        fitButton.setDisable(!hasTrace);
        exportButton.setDisable(!hasTrace);
        boolean moving = playback.getMode() == PlaybackModel.Mode.LIVE
                || playback.getMode() == PlaybackModel.Mode.PLAYING;
        String icon = moving ? "mdi2p-pause" : "mdi2p-play";
        if (!icon.equals(playIcon.getIconLiteral())) {
            playIcon.setIconLiteral(icon);
        }
    }

    private void updateRunTooltip() {
        String problem = paramForm.problemProperty().get();
        emptyHint.setText(problem == null ? "or press R" : "Fix the marked parameter to run: " + problem);
        emptyHint.pseudoClassStateChanged(BAD, problem != null);
        runButton.setTooltip(problem == null
                ? tooltip("Run the scenario with these parameters", "R")
                : tooltip("Fix the marked parameter first: " + problem, null));
    }

    private void outcomeChanged(RunOutcome was, RunOutcome now) {
        if (was != RunOutcome.RUNNING || now == null || now == RunOutcome.RUNNING) {
            return;
        }
        Trace t = playback.getTrace();
        String why = t == null ? "" : t.outcomeMessage();
        if (timeline.followProperty().get()) {
            // The run has its final length: show all of it, without the room left to grow into.
            timeline.fit();
        }
        switch (now) {
            case DEADLOCK:
                setMessage("Deadlock — " + why, true);
                break;
            case TIME_LIMIT:
                setMessage("Time limit — " + why, true);
                break;
            case FAILED:
                setMessage("The run failed — " + why, true);
                break;
            case STOPPED:
                setMessage("Stopped at " + Formats.seconds(t == null ? 0 : t.endTime()) + ".", false);
                break;
            default:
                setMessage("Finished at " + Formats.seconds(t == null ? 0 : t.endTime())
                        + ". Press Space to replay, or drag the playhead.", false);
        }
    }

    private void setMessage(String text, boolean error) {
        message = text == null ? "" : text;
        messageIsError = error;
        messageStatus.setText(message);
        messageStatus.pseudoClassStateChanged(BAD, error);
        messageTip.setText(message);
        messageStatus.setTooltip(message.isEmpty() ? null : messageTip);
    }

    /** The banner tells how the trace shown ended, once it has, if that was not a normal end. */
    private void updateBanner() {
        Trace t = playback.getTrace();
        if (t == null || !t.isFinished()) {
            outcomeBanner.show(null, null);
        } else {
            outcomeBanner.show(t.outcome(), t.outcomeMessage());
        }
    }

    private void updateTitle() {
        ScenarioSpec s = current;
        String params = "";
        if (s != null) {
            Trace t = playback.getTrace();
            Map<String, String> values = t != null && s.id().equals(t.scenario()) ? t.params() : paramForm.values();
            params = Formats.keyParams(s, values);
        }
        runTitle.setText(s == null ? "" : s.title());
        runParams.setText(params);
        if (stage != null) {
            stage.setTitle(s == null ? "Threadline"
                    : s.title() + (params.isEmpty() ? "" : " (" + params + ")") + " — Threadline");
        }
        titleForRecording(s);
    }

    /**
     * Issue 5: a screencast shows what made the run. The title and the status bar name the
     * scenario, its parameters and the seed; a trace from a file of no known scenario, its file.
     */
    private void titleForRecording(ScenarioSpec s) {
        Trace t = playback.getTrace();
        if (t != null && ScenarioCatalog.byId(t.scenario()) == null) {
            Path file = fileMenu.fileOf(t);
            String name = file != null ? file.getFileName().toString()
                    : t.scenario().isEmpty() ? "Trace" : t.scenario();
            runTitle.setText(name);
            runParams.setText(t.scenario().isEmpty() ? "from another tool" : "scenario not in this version");
            runStatus.setText(name);
            if (stage != null) {
                stage.setTitle(name + " — Threadline");
            }
            return;
        }
        if (s == null) {
            runStatus.setText("");
            return;
        }
        Map<String, String> values = t != null && s.id().equals(t.scenario()) ? t.params() : paramForm.values();
        String seed = values.getOrDefault(ScenarioSpec.SEED, "0");
        String params = Formats.keyParams(s, values);
        if (stage != null) {
            stage.setTitle(s.title() + " (" + (params.isEmpty() ? "" : params + ", ") + "seed " + seed + ")"
                    + " — Threadline");
        }
        StringBuilder status = new StringBuilder(s.id());
        s.settings(values).forEach(p -> status.append(' ').append(p.assignment()));
        runStatus.setText(status.append(" · seed ").append(seed).toString());
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Called when the window closes: ends the run still going on and waits (briefly) for its
     * threads, then lets saves under way finish. Asks nothing: there is nothing to lose, as a
     * trace not saved was never promised to anyone, and a save asked for is carried out.
     */
    void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        if (stage != null) {
            stage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden);
        }
        frames.stop();
        playback.stopRun();
        teach.shutdown();
        LiveRun r = liveRun;
        liveRun = null;
        try {
            if (r != null && !r.awaitEnd(RUN_END_WAIT_MILLIS)) {
                AppLog.LOG.warning("The run's threads had not ended " + RUN_END_WAIT_MILLIS
                        + " ms after the window closed (they are daemon threads and end with the app)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (fileMenu != null && !fileMenu.finish(EXPORT_WAIT_MILLIS)) {
                AppLog.LOG.warning("An export was still being written " + EXPORT_WAIT_MILLIS
                        + " ms after the window closed; it is written to a temporary file first, so nothing is lost");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!exports.finish(EXPORT_WAIT_MILLIS)) {
            AppLog.LOG.warning("A trace save was still going on " + EXPORT_WAIT_MILLIS
                    + " ms after the window closed; the file it was replacing is unchanged");
        }
    }


    // ------------------------------------------------------------------ for tests and the app

    PlaybackModel playback() {
        return playback;
    }

    TimelineView timeline() {
        return timeline;
    }

    OutputPane output() {
        return output;
    }

    ParamForm paramForm() {
        return paramForm;
    }

    ListView<ScenarioSpec> scenarioList() {
        return scenarioList;
    }

    ScenarioSpec currentScenario() {
        return current;
    }

    BorderPane root() {
        return root;
    }

    /** The legend's place above the timeline. */
    StackPane legendSlot() {
        return legendSlot;
    }

    String message() {
        return message;
    }

    OutcomeBanner outcomeBanner() {
        return outcomeBanner;
    }

    TeachingAids teach() {
        return teach;
    }

    // ------------------------------------------------------------------ for the File menu (issue 5)

    Stage stage() {
        return stage;
    }

    TraceLoader loader() {
        return loader;
    }

    boolean darkTheme() {
        return theme == Theme.DARK;
    }

    boolean presentation() {
        return presentationButton.isSelected();
    }

    void showMessage(String text, boolean error) {
        setMessage(text, error);
    }

    void refreshTitle() {
        updateTitle();
    }

    FileMenu fileMenu() {
        return fileMenu;
    }
}
