package io.threadline.ui;

import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Run;
import io.threadline.scenario.LessonWindow;
import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.OutputLine;
import io.threadline.picture.StepCursor;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import io.threadline.ui.KeyMap.Shortcut;
import io.threadline.ui.teach.CodeView;
import io.threadline.ui.teach.Comparison;
import io.threadline.ui.teach.LessonPace;
import io.threadline.ui.teach.TeachingAids;
import io.threadline.ui.timeline.TimelineLegend;
import io.threadline.ui.timeline.TimelineView;
import io.threadline.ui.timeline.WaitForGraphPanel;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the window of main.fxml around a {@link PlaybackModel} that says where the window stands
 * in a trace. The parts have their own files and classes: the {@link Toolbar}, the
 * {@link ScenarioBrowser}, the {@link ScenarioPanel}, the {@link StatusBar}, the
 * {@link WindowTitle}, the {@link WindowLayout}, the {@link FileMenu}, and the {@link KeyMap} that
 * every shortcut is declared in; this class holds the centre column (timeline and output), runs
 * the commands and brings every part in step once a frame ({@link #sync}). The JavaFX thread only
 * draws: runs go on in the runtime's own threads, and each frame pulls a snapshot of the live trace.
 */
public final class MainController {
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    /** A stopped run's threads unwind in milliseconds; a thread stuck outside the runtime may not. */
    static final long RUN_END_WAIT_MILLIS = 2_000;
    /** A save writes tens of megabytes a second; this covers the largest traces. */
    static final long EXPORT_WAIT_MILLIS = 60_000;

    @FXML private BorderPane root;
    @FXML private Toolbar toolbarController;
    @FXML private SplitPane columns;
    @FXML private ScenarioBrowser sidebarController;
    @FXML private SplitPane centerSplit;
    @FXML private HBox timelineHeader;
    @FXML private Label runTitle;
    @FXML private Label runParams;
    @FXML private HBox teachTools;
    @FXML private Label modeChip;
    @FXML private OutcomeBanner outcomeBanner;
    @FXML private StackPane legendSlot;
    @FXML private StackPane tourSlot;
    @FXML private StackPane timelineHolder;
    @FXML private TimelineView timeline;
    @FXML private VBox emptyState;
    @FXML private FontIcon emptyIcon;
    @FXML private Label emptyTitle;
    @FXML private Label emptyHint;
    @FXML private Button emptyRunButton;
    @FXML private Label outputCount;
    @FXML private OutputPane output;
    @FXML private VBox outputArea;
    @FXML private ScenarioPanel detailSplitController;
    @FXML private StatusBar statusBarController;

    private Toolbar toolbar;
    private ScenarioBrowser browser;
    private ScenarioPanel panel;
    private StatusBar status;
    private ParamForm paramForm;
    private WindowLayout layout;
    private TeachingAids teach;
    private StepMode step;
    private FileMenu fileMenu;
    private final KeyMap keys = new KeyMap();
    private final PlaybackModel playback = new PlaybackModel();
    /** The user's own programs and the edits of scenarios' programs, and the one shown. */
    private ProgramDesk desk;
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

    /** The clock new runs use; tests switch to the virtual clock so a run takes milliseconds. */
    ClockMode clockMode = ClockMode.PACED;
    /** The run started last, kept so closing the window can wait for its threads to end. */
    private LiveRun liveRun;
    private boolean shutDown;
    private final EventHandler<WindowEvent> onHidden = e -> shutdown();
    private ScenarioSpec current;
    /** Slow motion over the lesson's window of the run it was made for (null: the speed is the user's). */
    private LessonPace pace;
    private Trace pacedTrace;
    /** True while the pace itself moves the speed box. */
    private boolean pacing;
    private final LessonPace.Finder paceFinder = new LessonPace.Finder();
    private Stage stage;
    private Theme theme = Theme.LIGHT;
    private boolean syncing;

    @FXML
    private void initialize() {
        toolbar = toolbarController;
        browser = sidebarController;
        panel = detailSplitController;
        status = statusBarController;
        paramForm = panel.form();
        toolbar.wire(keys, paramForm.validProperty(), speed -> {
            playback.setSpeed(speed);
            if (!pacing) {
                // the user's own choice: the lesson's pace gives way to it
                pace = null;
                sync();
            }
        }, on -> layout.setPresentation(on));
        browser.setOnPick(this::select);
        toolbar.setOnScenarioPicked(this::select);
        setUpTimeline();
        setUpTeaching();
        setUpStepMode();
        fileMenu = new FileMenu(new FileHost(), toolbar.fileMenuButton(), RecentFiles.standard(), keys);
        bindKeys();
        desk = new ProgramDesk(new DeskWindow(), panel, browser, keys);
        desk.useHome(AppFolders.standard().state());
        output.setOnPick(this::pickOutputLine);
        paramForm.setOnChange(() -> {
            if (desk.shown() != null) {
                desk.programs().paramsChanged(desk.shown(), paramForm.values());
            } else if (current != null) {
                edited.put(current.id(), paramForm.values());
            }
            updateTitle();
            teach.paramsChanged();
        });
        emptyRunButton.disableProperty().bind(paramForm.validProperty().not());
        paramForm.problemProperty().addListener((o, a, b) -> updateRunProblem());
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
        runTitle.setMinWidth(Region.USE_PREF_SIZE);
        modeChip.setMinWidth(Region.USE_PREF_SIZE);
        layout = new WindowLayout(new WindowLayout.Nodes(root, columns, browser.column(), centerSplit, outputArea,
                panel.split(), tourSlot, timeline, status.foldStrip(),
                List.of(toolbar.brandName()), List.of(toolbar.scenarioPicker(), status.foldStrip())));
        new HeaderFit(timelineHeader, runTitle, runParams).install();
        // what sits over the timeline keeps its height; the lanes make way (they fit the rest)
        for (Region r : new Region[]{timelineHeader, legendSlot, tourSlot, outcomeBanner}) {
            r.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox area = (VBox) timelineHolder.getParent();
        Runnable roomForRows = () -> area.setMinHeight(leastAreaHeight(area));
        timeline.leastHeightProperty().addListener(o -> roomForRows.run());
        area.widthProperty().addListener(o -> roomForRows.run());
        centerSplit.heightProperty().addListener(o -> roomForRows.run());
        centerSplit.getItems().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) ch -> roomForRows.run());
        // the tour bar grows when a run ends, the banner comes and goes
        area.getChildren().forEach(n -> {
            if (n != timelineHolder) {
                n.layoutBoundsProperty().addListener(o -> roomForRows.run());
                n.managedProperty().addListener(o -> roomForRows.run());
            }
        });
        updateButtons();
        updateRunProblem();
        browser.pickFirst();
        sync();
    }

    // ------------------------------------------------------------------ set-up

    private void setUpTimeline() {
        timeline.playheadProperty().addListener((o, a, b) -> {
            if (!syncing) {
                // The user dragged the playhead.
                playback.seek(b.longValue());
                sync();
            }
        });
        timeline.setOnSeekStep(k -> {
            playback.seekStep(k);
            sync();
        });
        timeline.stepsAxisProperty().addListener((o, a, on) -> toolbar.showSteps(on));
        emptyState.visibleProperty().bind(playback.traceProperty().isNull());
        // the rows fill the timeline's height, and shrink so every thread is on screen
        timeline.fitLanesProperty().set(true);
        emptyIcon.setIconLiteral("mdi2c-chart-timeline-variant");
        // "Run Pool: map vs imap_unordered" keeps its underscore
        emptyRunButton.setMnemonicParsing(false);
        legendSlot.getChildren().setAll(new TimelineLegend(timeline));
    }

    /** The teaching aids: arrows, thread panel, code marks, prediction and tour, compare. */
    private void setUpTeaching() {
        teach = new TeachingAids(new TeachingAids.Host() {
            @Override
            public ScenarioSpec scenario() {
                // a user's program has no tour or prediction of its own
                return desk.shown() == null ? current : null;
            }

            @Override
            public Comparison comparison() {
                if (desk.shown() != null) {
                    return desk.comparison();
                }
                return current == null ? null : Comparison.of(current);
            }

            @Override
            public TeachingAids.Code codeOf(Trace t) {
                if (desk.shown() != null) {
                    return desk.codeOf(t);
                }
                return current != null && current.id().equals(t.scenario()) ? TeachingAids.Code.JAVA
                        : TeachingAids.Code.NONE;
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
            public void seekTransition(int thread, int event) {
                playback.seekTransition(thread, event);
                sync();
            }

            @Override
            public void answered(ScenarioSpec s) {
                panel.answered(s);
            }

            @Override
            public void lesson(ScenarioSpec s, String text) {
                panel.showLesson(s, text);
            }
        }, playback.traceProperty(), timeline, panel.javaCode(), panel.pythonCode());
        teach.install(new TeachingAids.Slots(panel.detailTabs(), panel.threadTab(), tourSlot, timelineHolder,
                teachTools, centerSplit, panel.codeTabs()));
    }

    /** Step mode, fork and find it: their tools in the header, their bar over the timeline, numbers on its lanes. */
    private void setUpStepMode() {
        step = new StepMode(new StepMode.Host() {
            @Override
            public ScenarioSpec scenario() {
                return current;
            }

            @Override
            public ParamValues values() {
                if (current == null || !paramForm.isValid()) {
                    return null;
                }
                try {
                    return current.values(paramForm.values());
                } catch (ParamException e) {
                    setMessage(e.getMessage(), true);
                    return null;
                }
            }

            @Override
            public void follow(Run r) {
                lastTrace.put(current.id(), r.trace());
                teach.runStarted(r.trace());
                MainController.this.follow(r);
                updateTitle();
            }

            @Override
            public void show(Trace trace) {
                playback.stopRun();
                step.released();
                if (current != null) {
                    lastTrace.put(current.id(), trace);
                }
                playback.show(trace);
                updateTitle();
                sync();
            }

            @Override
            public void compare(Trace a, Trace b, long partAt, String captionA, String captionB) {
                teach.showFork(a, b, partAt, captionA, captionB);
            }

            @Override
            public void say(String message, boolean error) {
                setMessage(message, error);
            }

            @Override
            public Trace shown() {
                return playback.getTrace();
            }

            @Override
            public long playhead() {
                return playback.getPlayhead();
            }

            @Override
            public void choiceMarks(List<CodeView.LineMark> marks) {
                teach.setChoiceMarks(marks);
                updateTitle();
            }
        }, timeline, keys);
        HBox header = (HBox) teachTools.getParent();
        header.getChildren().addAll(header.getChildren().indexOf(teachTools), step.tools());
        VBox area = (VBox) tourSlot.getParent();
        area.getChildren().add(area.getChildren().indexOf(tourSlot) + 1, step.bar());
        timelineHolder.getChildren().add(timelineHolder.getChildren().indexOf(timeline) + 1, step.overlay());
        installWaitForGraph();
    }

    /** The wait-for graph panel over the timeline's corner, and the button in the heading that opens it. */
    private void installWaitForGraph() {
        WaitForGraphPanel graph = new WaitForGraphPanel(timeline);
        timelineHolder.getChildren().add(graph);
        HBox header = (HBox) teachTools.getParent();
        header.getChildren().add(header.getChildren().indexOf(teachTools) + 1, graph.opener());
    }

    /** What each shortcut does; the File menu binds its own. */
    private void bindKeys() {
        keys.bind(Shortcut.RUN, () -> {
            if (!toolbar.runDisabled()) {
                run();
            }
        });
        keys.bind(Shortcut.STOP, this::stop);
        keys.bind(Shortcut.PLAY, this::togglePlay);
        keys.bind(Shortcut.STEP_BACK, this::stepBack);
        keys.bind(Shortcut.STEP_FORWARD, this::stepForward);
        keys.bind(Shortcut.REPLAY, this::replay);
        keys.bind(Shortcut.TO_END, () -> {
            playback.seek(Long.MAX_VALUE);
            sync();
        });
        keys.bind(Shortcut.SLOWER, () -> toolbar.changeSpeed(-1));
        keys.bind(Shortcut.FASTER, () -> toolbar.changeSpeed(+1));
        keys.bind(Shortcut.ZOOM_IN, timeline::zoomIn);
        keys.bind(Shortcut.ZOOM_OUT, timeline::zoomOut);
        keys.bind(Shortcut.FIT, timeline::fit);
        keys.bind(Shortcut.STEPS_AXIS, () -> timeline.stepsAxisProperty().set(!timeline.stepsAxisProperty().get()));
        keys.bind(Shortcut.THEME, () -> setTheme(theme.other()));
        keys.bind(Shortcut.TOUR_NEXT, () -> tourStep(+1));
        keys.bind(Shortcut.TOUR_BACK, () -> tourStep(-1));
        keys.bindIf(Shortcut.SHOW_TOUR, () -> layout.toggle(WindowLayout.Part.TOUR));
        keys.bindIf(Shortcut.SHOW_OUTPUT, () -> layout.toggle(WindowLayout.Part.OUTPUT));
        keys.bindIf(Shortcut.SHOW_CODE, () -> layout.toggle(WindowLayout.Part.CODE));
        keys.bindIf(Shortcut.SHOW_PANEL, () -> layout.toggle(WindowLayout.Part.PANEL));
        keys.bind(Shortcut.ARROWS, teach::cycleArrows);
        keys.bind(Shortcut.COMPARE, teach::toggleCompare);
        keys.bind(Shortcut.PRESENTATION, () -> setPresentation(!toolbar.presentation()));
        keys.bindIf(Shortcut.BACK_OUT, () -> {
            if (teach.closeCompare()) {
                return true;
            }
            if (toolbar.presentation()) {
                setPresentation(false);
                return true;
            }
            return false;
        });
        keys.bind(Shortcut.SEARCH, () -> {
            if (panel.pythonCode().area().isFocused()) {
                panel.pythonCode().openFind();
            } else {
                browser.focusSearch();
            }
        });
    }

    /**
     * The timeline column's least height: what sits over the timeline, and the timeline's rows at
     * their least height, so the divider above the output stops where a lane would be cut.
     */
    private double leastAreaHeight(VBox area) {
        double h = area.snappedTopInset() + area.snappedBottomInset() + timeline.leastHeightProperty().get();
        for (javafx.scene.Node c : area.getChildren()) {
            if (c.isManaged() && c != timelineHolder) {
                // whole pixels each, as the column lays them out
                h += Math.ceil(c.prefHeight(area.getWidth())) + 1 + area.getSpacing();
            }
        }
        // never more than the column has: rows that still do not fit scroll, the window does not grow
        double output = centerSplit.getItems().contains(outputArea) ? outputArea.minHeight(-1) : 0;
        return centerSplit.getHeight() <= 0 ? h : Math.min(h, centerSplit.getHeight() - output - 8);
    }

    /**
     * A step of the tour ({@code +1} Page Down, {@code -1} Page Up), its note shown; in presentation
     * mode, past the tour's end (or its start) the next (or previous) scenario, so a class goes on
     * without the mode being left.
     */
    private void tourStep(int direction) {
        if (direction > 0 ? teach.nextStep() : teach.previousStep()) {
            layout.reveal(WindowLayout.Part.TOUR);
        } else if (layout.presentation() && desk.shown() == null && current != null) {
            List<ScenarioSpec> all = ScenarioCatalog.all();
            int i = all.indexOf(current) + direction;
            if (i >= 0 && i < all.size()) {
                select(all.get(i));
            } else {
                setMessage(direction > 0 ? "This is the last scenario." : "This is the first scenario.", false);
            }
        }
    }

    // ------------------------------------------------------------------ the user's programs

    /** Keeps the user's programs and the interpreter setting under {@code home}; before {@link #attach}. */
    void useProgramHome(Path home) {
        desk.useHome(home);
    }

    /** Whether the programs kept last time are still being read. */
    boolean restoring() {
        return desk.restoring();
    }

    /** A program of the user's own picked in the sidebar (an edit shows with its scenario). */
    private void selectProgram(ProgramDraft d) {
        if (d.origin() != null) {
            select(d.origin());
            return;
        }
        String left = leaveShown();
        current = null;
        browser.showingProgram(d);
        toolbar.showScenario(null);
        desk.showPanel(d);
        emptyTitle.setText("Press Run to start " + d.name());
        emptyRunButton.setText("Run " + d.name());
        emptyIcon.setIconLiteral("mdi2l-language-python");
        playback.show(lastTrace.get(d.key()));
        setMessage(left, false);
        updateTitle();
        sync();
    }

    /**
     * What the shown scenario or program leaves behind when another is shown: the run it was
     * following, stopped. Returns what the status line says of it (empty if nothing was running).
     */
    private String leaveShown() {
        String name = desk.shown() != null ? desk.shown().name() : current != null ? current.title() : null;
        desk.leave();
        endPace();
        if (!playback.isRunning()) {
            return "";
        }
        // The window follows one run at a time; the stopped run's trace stays with its scenario.
        playback.stopRun();
        return name == null ? "" : "The run of " + name + " was stopped: the window follows one run at a time, and a"
                + " stopped run answers no prediction.";
    }

    /** What the user's programs' desk sees of the window. */
    private final class DeskWindow implements ProgramDesk.Window {
        @Override
        public ScenarioSpec current() {
            return current;
        }

        @Override
        public void select(ScenarioSpec s) {
            MainController.this.select(s);
        }

        @Override
        public void showOwn(ProgramDraft d) {
            selectProgram(d);
        }

        @Override
        public void follow(Run r, String key) {
            lastTrace.put(key, r.trace());
            teach.runStarted(r.trace());
            MainController.this.follow(r);
            updateTitle();
            sync();
        }

        @Override
        public void say(String message, boolean error) {
            setMessage(message, error);
        }

        @Override
        public void changed(ScenarioSpec teachFor) {
            updateTitle();
            teach.scenarioShown(desk.shown() == null ? teachFor : null);
            updateRunProblem();
        }

        @Override
        public void edited() {
            updateTitle();
        }

        @Override
        public Map<String, String> scenarioForm(ScenarioSpec s) {
            return edited.getOrDefault(s.id(), Map.of());
        }

        @Override
        public Map<String, String> form() {
            return paramForm.values();
        }

        @Override
        public void roomForCode(boolean editing) {
            layout.roomForCode(editing);
        }

        @Override
        public FileMenu.Dialogs dialogs() {
            return fileMenu.dialogs();
        }

        @Override
        public Window owner() {
            return stage;
        }

        @Override
        public ClockMode clockMode() {
            return clockMode;
        }

        @Override
        public double speed() {
            return playback.getSpeed();
        }
    }

    /** Installs the keyboard shortcuts and the title on the window that shows this controller. */
    void attach(Stage window, Scene scene) {
        stage = window;
        layout.attach(window);
        layout.setOnLeftFullScreen(() -> setPresentation(false));
        // Closing the window ends the run shown and its threads, whatever closes it.
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden);
        keys.install(scene);
        fileMenu.attach(scene);
        desk.restore();
        updateTitle();
        // Keyboard shortcuts need the focus inside the window, and the list is where a new user starts.
        Platform.runLater(() -> {
            if (layout.presentation()) {
                timeline.requestFocus();
            } else {
                browser.focusList();
            }
        });
    }

    void setTraceLoader(TraceLoader traceLoader) {
        fileMenu.setLoader(traceLoader);
        toolbar.canOpen(traceLoader != null);
    }

    /** What the File menu sees of the window. */
    private final class FileHost implements FileMenu.Host {
        @Override
        public Window owner() {
            return stage;
        }

        @Override
        public Trace trace() {
            return playback.getTrace();
        }

        @Override
        public TimelineView timeline() {
            return timeline;
        }

        @Override
        public double speed() {
            return playback.getSpeed();
        }

        @Override
        public boolean dark() {
            return theme == Theme.DARK;
        }

        @Override
        public boolean presentation() {
            return layout.presentation();
        }

        @Override
        public void show(Path file, Trace trace) {
            showLoaded(file, trace);
        }

        @Override
        public void say(String message, boolean error) {
            setMessage(message, error);
        }

        @Override
        public void named(Trace trace) {
            updateTitle();
        }

        @Override
        public Path programFile(Trace trace) {
            return desk.programFile(trace);
        }

        @Override
        public void openProgram(Path file) {
            desk.programs().open(file);
        }
    }

    // ------------------------------------------------------------------ scenario

    private void select(ScenarioSpec s) {
        String left = leaveShown();
        current = s;
        browser.showing(s);
        toolbar.showScenario(s);
        step.released();
        step.scenarioShown(s);
        boolean edit = desk.scenarioShown(s);
        if (!edit) {
            panel.show(s, edited.getOrDefault(s.id(), Map.of()));
        }
        emptyTitle.setText("Press Run to start " + s.title());
        emptyRunButton.setText("Run " + s.title());
        emptyIcon.setIconLiteral(s.icon());
        playback.show(lastTrace.get(s.id()));
        setMessage(left, false);
        updateTitle();
        teach.scenarioShown(edit ? null : s);
        updateRunProblem();
        sync();
    }

    private void showLoaded(Path file, Trace trace) {
        playback.stopRun();
        step.released();
        ScenarioSpec s = ScenarioCatalog.byId(trace.scenario());
        ProgramDraft d = desk.adopt(trace);
        if (d != null) {
            // a user's program: it opens with the code that made it
            lastTrace.put(d.key(), trace);
            selectProgram(d);
            setMessage("Opened " + file.getFileName() + ", a run of your program " + d.name() + ".", false);
            updateTitle();
            sync();
            return;
        }
        if (s != null) {
            lastTrace.put(s.id(), trace);
            edited.put(s.id(), new HashMap<>(trace.params()));
            select(s);
        } else {
            playback.show(trace);
        }
        setMessage("Opened " + file.getFileName() + (trace.scenario().isEmpty() ? ": " + trace.outcomeMessage()
                : s == null ? " (scenario '" + trace.scenario() + "' is not in this version's list)" : ""), false);
        updateTitle();
        sync();
    }

    // ------------------------------------------------------------------ commands

    @FXML
    void run() {
        if (desk.shown() != null) {
            if (paramForm.isValid()) {
                playback.stopRun();
                desk.run();
            }
            return;
        }
        ScenarioSpec s = current;
        if (s == null || !paramForm.isValid()) {
            return;
        }
        if (step.runs()) {
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
        step.released();
        double normal = pace != null ? pace.normal() : playback.getSpeed();
        endPace();
        if (clockMode == ClockMode.PACED && s.namesLessonWindow()) {
            // the same values make the same run: find its lesson window first, on the virtual clock
            setMessage("Preparing the run…", false);
            paceFinder.prepare(s, values, window -> {
                if (current == s) {
                    setMessage("", false);
                    start(s, values, window == null ? null : LessonPace.of(window, PlaybackModel.SPEEDS, normal));
                }
            });
            return;
        }
        start(s, values, null);
    }

    /** Starts a run of {@code s}, in slow motion over its lesson's window if {@code lessonPace} is set. */
    private void start(ScenarioSpec s, ParamValues values, LessonPace lessonPace) {
        pace = lessonPace;
        if (pace != null) {
            showPacedSpeed(pace.speedAt(0));
        }
        try {
            Run r = s.start(values, s.options(values, clockMode, playback.getSpeed()));
            lastTrace.put(s.id(), r.trace());
            pacedTrace = pace == null ? null : r.trace();
            teach.runStarted(r.trace());
            follow(r);
            if (pace != null) {
                // the view fitted to the window from the start: it fills the width as it plays
                LessonWindow w = pace.window();
                // a little room before, more after: the last moment's marks and labels sit past its end
                long margin = Math.max(w.length() / 25, 1_000);
                timeline.showWindow(w.from() - margin, w.to() + 3 * margin);
            }
        } catch (RuntimeException e) {
            // The form checked the values: a scenario that still cannot start is a fault of the app.
            ErrorReporter.report("starting " + s.title(), e);
            setMessage("Could not start " + s.title() + ": " + IoProblems.describe(e), true);
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

    void stop() {
        endPace();
        desk.leave();
        playback.stopRun();
        sync();
    }

    void replay() {
        playback.replayFromStart();
        sync();
    }

    void togglePlay() {
        playback.togglePlay();
        sync();
    }

    void stepBack() {
        playback.stepBack();
        sync();
    }

    void stepForward() {
        playback.stepForward();
        sync();
    }

    void setTheme(Theme t) {
        theme = t;
        t.apply(root);
        timeline.darkProperty().set(t == Theme.DARK);
        toolbar.showTheme(t);
    }

    void setPresentation(boolean on) {
        toolbar.setPresentation(on);
    }

    /** Opens a trace file in the background and shows it; a file that cannot be read gets one line. */
    void openTrace(Path file) {
        fileMenu.open(file);
    }

    private void pickOutputLine(OutputLine line) {
        playback.seek(line.time());
        timeline.selectedThreadProperty().set(line.thread());
        sync();
    }

    // ------------------------------------------------------------------ drawing

    /** Brings every view in step with the playback model; cheap, called on each frame. */
    private void sync() {
        Trace t = playback.getTrace();
        StepCursor cursor = playback.cursor();
        syncing = true;
        try {
            timeline.revealTimeProperty().set(t == null ? 0 : playback.getReveal());
            timeline.playheadProperty().set(playback.getPlayhead());
            timeline.shownStepsProperty().set(cursor == null ? -1 : cursor.shown());
        } finally {
            syncing = false;
        }
        timeline.refresh();
        output.update(t, playback.getReveal(), playback.getPlayhead(), cursor);
        int lines = output.lines().size();
        outputCount.setText(lines == 1 ? "1 line" : lines + " lines");
        status.update(t, playback.getPlayhead(), playback.getSpeed(), clockMode, playback.outcomeProperty().get(),
                cursor);
        updateModeChip();
        updateButtons();
        teach.sync(t, playback.getPlayhead(), t == null ? 0 : playback.getReveal(), cursor);
        step.sync();
        followPace(t);
    }

    /**
     * In slow motion over the lesson's window of the paced run, live or replayed; the user's speed
     * elsewhere. A paused playhead keeps the speed of where it stands, so playing on starts right.
     */
    private void followPace(Trace t) {
        PlaybackModel.Mode m = playback.getMode();
        if (pace == null || t != pacedTrace || m == PlaybackModel.Mode.EMPTY) {
            return;
        }
        double want = pace.speedAt(m == PlaybackModel.Mode.LIVE ? playback.getReveal() : playback.getPlayhead());
        if (want != playback.getSpeed()) {
            showPacedSpeed(want);
        }
    }

    /** No more slow motion: a preparation under way is forgotten, and the speed is the user's again. */
    private void endPace() {
        paceFinder.cancel();
        if (pace != null) {
            showPacedSpeed(pace.normal());
            pace = null;
        }
    }

    private void showPacedSpeed(double speed) {
        pacing = true;
        try {
            toolbar.showSpeed(speed);
        } finally {
            pacing = false;
        }
    }

    private void updateModeChip() {
        String text;
        String style;
        switch (playback.getMode()) {
            case LIVE -> {
                text = "LIVE";
                style = "chip-live";
            }
            case PLAYING -> {
                text = "REPLAY";
                style = "chip-replay";
            }
            case PAUSED -> {
                boolean atEnd = !playback.isRunning() && playback.getPlayhead() >= playback.limit();
                text = atEnd ? "END" : "PAUSED";
                style = atEnd ? "chip-end" : "chip-paused";
            }
            default -> {
                text = "";
                style = "chip-none";
            }
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
        boolean moving = playback.getMode() == PlaybackModel.Mode.LIVE
                || playback.getMode() == PlaybackModel.Mode.PLAYING;
        toolbar.update(playback.getTrace() != null, playback.isRunning(), moving);
    }

    private void updateRunProblem() {
        String problem = paramForm.problemProperty().get();
        emptyHint.setText(problem == null ? "or press " + Shortcut.RUN.keys()
                : "Fix the marked parameter to run: " + problem);
        emptyHint.pseudoClassStateChanged(BAD, problem != null);
        toolbar.showRunProblem(problem);
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
        String end = Formats.seconds(t == null ? 0 : t.endTime());
        switch (now) {
            case DEADLOCK -> setMessage(Formats.headed("Deadlock", why), true);
            case TIME_LIMIT -> setMessage(Formats.headed("Time limit", why), true);
            case FAILED -> setMessage("The run failed — " + why, true);
            case STOPPED -> setMessage("Stopped at " + end + ". A stopped run answers no prediction: run it to the end"
                    + " to see.", false);
            default -> setMessage("Finished at " + end + ". Press Space to replay, or drag the playhead.", false);
        }
    }

    private void setMessage(String text, boolean error) {
        status.setMessage(text, error);
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
        Trace t = playback.getTrace();
        Path file = fileMenu == null ? null : fileMenu.fileOf(t);
        WindowTitle title = desk.shown() != null ? WindowTitle.ofProgram(desk.shown(), t, paramForm.values())
                : WindowTitle.of(current, t, paramForm.values(), file);
        runTitle.setText(title.heading());
        runParams.setText(title.params());
        status.setRun(title.status());
        if (stage != null) {
            stage.setTitle(title.window());
        }
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
        paceFinder.shutdown();
        teach.shutdown();
        step.shutdown();
        try {
            desk.shutdown(EXPORT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
            if (!fileMenu.finish(EXPORT_WAIT_MILLIS)) {
                AppLog.LOG.warning("A save or export was still being written " + EXPORT_WAIT_MILLIS
                        + " ms after the window closed; it is written to a temporary file first, so the file it"
                        + " replaces is unchanged");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        return browser.list();
    }

    ScenarioSpec currentScenario() {
        return current;
    }

    BorderPane root() {
        return root;
    }

    String message() {
        return status.message();
    }

    OutcomeBanner outcomeBanner() {
        return outcomeBanner;
    }

    TeachingAids teach() {
        return teach;
    }

    FileMenu fileMenu() {
        return fileMenu;
    }

    KeyMap keys() {
        return keys;
    }

    StepMode step() {
        return step;
    }

    String statusRun() {
        return status.run();
    }

    UserPrograms programs() {
        return desk.programs();
    }

    /** The user's program shown, or null. */
    ProgramDraft shownProgram() {
        return desk.shown();
    }

    ScenarioPanel panel() {
        return panel;
    }

    ScenarioBrowser browser() {
        return browser;
    }

    WindowLayout layout() {
        return layout;
    }
}
