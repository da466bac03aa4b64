package io.threadline.ui.teach;

import io.threadline.picture.StepCursor;
import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.Prediction;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.scenario.TourStep;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.ui.control.LazyTab;
import io.threadline.ui.control.Tips;
import io.threadline.ui.timeline.ArrowMode;
import io.threadline.ui.timeline.TimelineView;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The teaching aids of the window, wired in one place so the window's controller only hands over
 * its nodes and calls {@link #sync} once per frame: cause arrows (a menu), the selected thread's
 * lifecycle and inspector (a tab of the side panel), the code line each thread is at (marks in the
 * Java code), the prediction and the guided tour (a bar over the timeline), and the comparison of
 * two runs (over the timeline, from a header button).
 *
 * <p>Tours and answers are read from a finished trace in the background: a million-event run must
 * not stall the JavaFX thread.
 */
public final class TeachingAids {
    /** Which code a trace's lines are lines of, as the window shows it. */
    public enum Code {
        /** The Java program of the scenario shown. */
        JAVA,
        /** The user's Python program shown, in its editor. */
        PYTHON,
        /** Neither: no line is marked. */
        NONE
    }

    /** What the aids need from the window. */
    public interface Host {
        /** The scenario whose tour and prediction apply, or null (none, or a user's program). */
        ScenarioSpec scenario();

        /** Where the lines of {@code t} are in the code the window shows. */
        Code codeOf(Trace t);

        /** What a comparison of the scenario or program shown runs, or null if none is shown. */
        Comparison comparison();

        /** The parameter form's text values. */
        Map<String, String> formValues();

        /** Moves the playhead (pausing a replay as a scrub would) and brings the window in step. */
        void seek(long time);

        /**
         * Stops just after transition {@code event} of {@code thread}, one of perhaps several at
         * its instant: the window shows the state that transition entered.
         */
        void seekTransition(int thread, int event);

        /** A finished run of the shown scenario has answered its prediction: the lesson may show. */
        void answered(ScenarioSpec s);

        /** The lesson of {@code s} as the run on screen tells it (or as written, before a run). */
        void lesson(ScenarioSpec s, String text);
    }

    /** What a finished trace teaches: its tour, the prediction's answer and the lesson told with its numbers. */
    private record Found(List<TourStep> tour, int answer, String lesson) {
    }

    private final Host host;
    private final TimelineView timeline;
    private final CodeView javaCode;
    private final CodeEditor pythonCode;
    private final ThreadPanel threadPanel;
    private final TourBar tourBar = new TourBar();
    private final ComparePane compare;
    /** Where the comparison goes when first shown (null before install). */
    private StackPane compareHolder;
    /** What the comparison lies right over (what later joins the stack, the graph panel, stays over it). */
    private Node compareAbove;
    private final MenuButton arrows = new MenuButton();
    private final Map<ArrowMode, RadioMenuItem> arrowItems = new EnumMap<>(ArrowMode.class);
    private final ToggleButton compareButton = new ToggleButton("Compare");
    /** Step mode's candidates' lines, numbered, marked in the code instead of every thread's. */
    private List<CodeView.LineMark> choiceMarks = List.of();
    private final ToggleButton allLines = new ToggleButton("All threads");
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "teaching-aids");
        t.setDaemon(true);
        return t;
    });
    /** What the student picked before each run, and what each finished run teaches. */
    private final Map<Trace, Integer> picks = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<Trace, Found> found = new WeakHashMap<>();
    private final Map<Trace, Boolean> finding = new WeakHashMap<>();

    private TabPane detailTabs;
    private Tab threadTab;
    /** The code tab holding the Python program, if the window has one. */
    private Tab pythonTab;
    private SplitPane centerSplit;
    private double[] savedCenter;
    private Trace trace;
    private long playhead;
    private StepCursor cursor;
    private long reveal;
    private int pendingPick = -1;
    private List<Object> teachingKey = List.of();

    public TeachingAids(Host host, ObservableValue<Trace> shown, TimelineView timeline, CodeView javaCode,
                        CodeEditor pythonCode) {
        this.host = host;
        this.timeline = timeline;
        this.javaCode = javaCode;
        this.pythonCode = pythonCode;
        threadPanel = new ThreadPanel(timeline);
        threadPanel.setId("thread-panel");
        threadPanel.setOnSeek(this::seekKeepingThread);
        compare = new ComparePane(timeline);
        compare.setVisible(false);
        compare.setOnClose(() -> compareButton.setSelected(false));

        tourBar.setOnStep(this::goTo);
        tourBar.setOnPick(() -> {
            pendingPick = tourBar.picked();
            refreshTeaching(true);
        });

        setUpArrows();
        compareButton.setId("compareButton");
        compareButton.getStyleClass().addAll("compare-button", "small");
        compareButton.setGraphic(new FontIcon("mdi2c-compare-horizontal"));
        Tips.quick(compareButton, "Run this scenario twice with one parameter changed, the two timelines stacked  (C)");
        compareButton.setFocusTraversable(false);
        compareButton.selectedProperty().addListener((o, a, on) -> showCompare(on));

        allLines.setId("code-all-threads");
        allLines.getStyleClass().addAll("code-all-threads", "small");
        allLines.setGraphic(new FontIcon("mdi2f-format-list-bulleted"));
        allLines.setSelected(true);
        allLines.setFocusTraversable(false);
        Tips.quick(allLines, "Mark the line every thread is at (on), or only the selected thread's (off)");
        allLines.selectedProperty().addListener(obs -> resync());

        timeline.selectedThreadProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0 && detailTabs != null && threadTab != null) {
                detailTabs.getSelectionModel().select(threadTab);
            }
            resync();
        });
        shown.addListener(obs -> refreshTeaching(false));
    }

    private void setUpArrows() {
        arrows.setId("arrowsButton");
        arrows.getStyleClass().addAll("arrows-button", "small");
        arrows.setGraphic(new FontIcon("mdi2a-arrow-top-right"));
        Tips.quick(arrows, "Cause arrows: who woke whom, whose death ended a join, which put released a get  (A)");
        arrows.setFocusTraversable(false);
        ToggleGroup group = new ToggleGroup();
        for (ArrowMode m : ArrowMode.values()) {
            RadioMenuItem item = new RadioMenuItem(m.label());
            item.setId("arrows-" + m.name().toLowerCase());
            item.setToggleGroup(group);
            item.setOnAction(e -> timeline.arrowModeProperty().set(m));
            arrowItems.put(m, item);
            arrows.getItems().add(item);
        }
        timeline.arrowModeProperty().addListener((o, a, m) -> showArrowMode(m));
        showArrowMode(timeline.arrowModeProperty().get());
    }

    private void showArrowMode(ArrowMode m) {
        arrows.setText(switch (m) {
            case ALL -> "Arrows: all";
            case FOCUS -> "Arrows: selected";
            case NONE -> "Arrows: off";
        });
        arrowItems.get(m).setSelected(true);
    }

    /**
     * The window's places for the aids.
     *
     * @param detailTabs     the side panel's tabs; {@code threadTab} gets the thread panel
     * @param tourSlot       over the timeline: the prediction and tour bar
     * @param timelineHolder the timeline's stack: the comparison lies over it
     * @param tools          in the timeline's header: the arrow menu and the compare button
     * @param centerSplit    timeline over output: the output gives way to a comparison
     * @param codeTabs       the code's tabs: the all-threads switch sits in their header
     */
    public record Slots(TabPane detailTabs, Tab threadTab, Pane tourSlot, StackPane timelineHolder, Pane tools,
                        SplitPane centerSplit, TabPane codeTabs) {
    }

    /** Puts the aids in the window. */
    public void install(Slots slots) {
        detailTabs = slots.detailTabs();
        threadTab = slots.threadTab();
        centerSplit = slots.centerSplit();
        threadTab.setContent(threadPanel);
        // the unselected tabs join the scene when first selected: a fifth of the window's first frame
        LazyTab.defer(threadTab);
        slots.tourSlot().getChildren().setAll(tourBar);
        tourBar.managedProperty().bind(tourBar.visibleProperty());
        // The comparison joins the timeline's stack when first shown: hidden, its 130-odd nodes
        // would still go through the first frame's CSS pass and layout (about a tenth of the window).
        compareHolder = slots.timelineHolder();
        compareAbove = compareHolder.getChildren().isEmpty() ? null
                : compareHolder.getChildren().get(compareHolder.getChildren().size() - 1);
        // the empty-state card must not keep the lanes from giving way to the tour bar
        slots.timelineHolder().setMinHeight(140);
        slots.tools().getChildren().setAll(arrows, compareButton);
        slots.tools().setMinWidth(Region.USE_PREF_SIZE);
        arrows.setMinWidth(Region.USE_PREF_SIZE);
        compareButton.setMinWidth(Region.USE_PREF_SIZE);
        // the all-threads switch rides in the code tabs' header, clear of the code
        TabPane code = slots.codeTabs();
        for (Tab tab : code.getTabs()) {
            if (holds(tab.getContent(), pythonCode)) {
                pythonTab = tab;
                // first, so that the code is in the window when the teaching below scrolls it
                LazyTab.defer(tab);
                tab.selectedProperty().addListener(obs -> {
                    refreshTeaching(true);
                    resync();
                });
            }
        }
        if (code.getParent() instanceof StackPane holder) {
            holder.getChildren().add(allLines);
            StackPane.setAlignment(allLines, Pos.TOP_RIGHT);
            StackPane.setMargin(allLines, new Insets(5, 10, 0, 0));
            // in the header's middle, whatever its height (larger in presentation mode): never over the code
            holder.layoutBoundsProperty().addListener(o -> {
                if (code.lookup(".tab-header-area") instanceof Region header) {
                    double top = Math.max(0, Math.floor((header.getHeight() - allLines.prefHeight(-1)) / 2));
                    if (StackPane.getMargin(allLines).getTop() != top) {
                        StackPane.setMargin(allLines, new Insets(top, 10, 0, 0));
                    }
                }
            });
        } else {
            javaCode.getChildren().add(allLines);
            StackPane.setAlignment(allLines, Pos.TOP_RIGHT);
        }
    }

    private static boolean holds(Node outer, Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at == outer) {
                return true;
            }
        }
        return false;
    }

    // ---- from the window

    /** A scenario was selected (its last trace, if any, is shown). */
    public void scenarioShown(ScenarioSpec s) {
        pendingPick = -1;
        Comparison c = host.comparison();
        if (compare.isVisible() && c != null) {
            compare.open(c, host.formValues());
        }
        refreshTeaching(true);
    }

    /** The parameter form changed: the question before the next run may change with it. */
    public void paramsChanged() {
        refreshTeaching(true);
    }

    /** A run started from the form: it answers the prediction picked now. */
    public void runStarted(Trace t) {
        // Run means "show me the run": a comparison lying over it makes way
        closeCompare();
        picks.put(t, pendingPick);
        // the next question starts unanswered
        pendingPick = -1;
        refreshTeaching(true);
    }

    /** Brings every aid in step with the playback; cheap, called once per frame. */
    public void sync(Trace t, long playheadTime, long revealTime) {
        sync(t, playheadTime, revealTime, null);
    }

    /** As {@link #sync(Trace, long, long)}, following a cursor that steps through an instant (null: none). */
    public void sync(Trace t, long playheadTime, long revealTime, StepCursor stepCursor) {
        trace = t;
        playhead = playheadTime;
        reveal = revealTime;
        cursor = stepCursor != null && stepCursor.order().trace() == t ? stepCursor : null;
        resync();
        refreshTeaching(false);
    }

    private void resync() {
        Trace t = trace;
        int sel = timeline.selectedThreadProperty().get();
        if (t == null || sel >= t.threadCount()) {
            sel = -1;
        }
        long horizon = t == null ? 0 : reveal;
        threadPanel.show(t, sel, playhead, horizon, sel < 0 || cursor == null ? Integer.MAX_VALUE : cursor.lastEvent(sel));
        markLines(t, sel, Math.min(playhead, horizon));
    }

    /** The line each thread is at, from the call sites the runtime recorded: in the Java code, or the user's Python. */
    private void markLines(Trace t, int selected, long time) {
        Code code = t == null ? Code.NONE : host.codeOf(t);
        if (code != Code.JAVA) {
            javaCode.setMarks(List.of());
        }
        if (code != Code.PYTHON) {
            pythonCode.setMarks(List.of());
        }
        if (code == Code.NONE) {
            return;
        }
        List<CodeView.LineMark> marks = new ArrayList<>();
        if (!choiceMarks.isEmpty()) {
            javaCode.setMarks(choiceMarks);
            pythonCode.setMarks(List.of());
            return;
        }
        // a scenario's Python program is its Java program's twin: the same marks, through the twins' line
        // map, while its tab is in front (the editor's gutters are costly to redraw at every frame)
        ScenarioSpec twin = code == Code.JAVA && (pythonTab == null || pythonTab.isSelected()) ? host.scenario() : null;
        List<CodeView.LineMark> twinMarks = new ArrayList<>();
        boolean all = allLines.isSelected();
        for (int th = 0, n = t.threadCount(); th < n; th++) {
            if (!all && th != selected) {
                continue;
            }
            LaneColumns lane = t.lane(th);
            int i = Math.min(lane.indexAt(time), lane.size() - 1);
            if (cursor != null) {
                i = Math.min(i, cursor.lastEvent(th));
            }
            if (i < 0 || (lane.state(i) == ThreadState.DEAD && th != selected)) {
                continue;
            }
            int line = lane.line(i);
            if (line > 0) {
                marks.add(new CodeView.LineMark(line, t.thread(th).name(), th, th == selected));
            }
            // a death's line is not the twin's (a Java lambda ends at its call, a Python block at its last line)
            int py = twin == null || line <= 0 || lane.state(i) == ThreadState.DEAD ? 0 : twin.pythonLine(lane, i);
            if (py > 0) {
                twinMarks.add(new CodeView.LineMark(py, t.thread(th).name(), th, th == selected));
            }
        }
        if (code == Code.JAVA) {
            javaCode.setMarks(marks);
            pythonCode.setMarks(twinMarks);
        } else {
            pythonCode.setMarks(marks);
        }
    }

    // ---- prediction and tour

    private void refreshTeaching(boolean force) {
        ScenarioSpec s = host.scenario();
        Trace t = trace;
        Map<String, String> form = host.formValues();
        boolean finished = t != null && t.isFinished();
        Found f = t == null ? null : found.get(t);
        List<Object> key = Arrays.asList(s, t, finished, form, f, pendingPick);
        if (!force && key.equals(teachingKey)) {
            return;
        }
        teachingKey = key;
        if (s == null) {
            // a user's program has no question of its own; its run's moments make its tour
            tourBar.setPrediction(null, TourBar.Stage.ASK, -1, -1);
            boolean moments = finished && host.codeOf(t) == Code.PYTHON;
            if (moments && f == null) {
                find(null, t);
            }
            tourBar.setTour(moments && f != null ? f.tour() : List.of());
            tourBar.setVisible(!compare.isVisible() && tourBar.hasContent());
            return;
        }
        boolean ofThis = t != null && s.id().equals(t.scenario());
        ParamValues formValues = values(s, form);
        showCodeOf(s, ofThis ? values(s, t.params()) : formValues);
        boolean sameParams = ofThis && formValues != null && formValues.asText().equals(t.params());
        if (ofThis && (sameParams || formValues == null)) {
            // the question is the one the shown run answers
            ParamValues ran = values(s, t.params());
            Prediction p = ran == null ? null : s.prediction(ran);
            int pick = picks.getOrDefault(t, -1);
            if (finished && !answers(t)) {
                tourBar.setPrediction(p, TourBar.Stage.STOPPED, pick, -1);
            } else if (finished && f != null) {
                tourBar.setPrediction(p, TourBar.Stage.ANSWERED, pick, f.answer());
                host.answered(s);
            } else {
                tourBar.setPrediction(p, TourBar.Stage.WATCH, pick, -1);
            }
        } else {
            tourBar.setPrediction(formValues == null ? null : s.prediction(formValues), TourBar.Stage.ASK,
                    pendingPick, -1);
            pendingPick = tourBar.picked();
        }
        boolean told = ofThis && finished && answers(t);
        if (told && f == null) {
            find(s, t);
        }
        // a stopped run's moments would tell of an end that never came
        tourBar.setTour(told && f != null ? f.tour() : List.of());
        host.lesson(s, told && f != null ? f.lesson() : s.lesson());
        tourBar.setVisible(!compare.isVisible() && tourBar.hasContent());
    }

    /**
     * Whether a finished run can answer its question: one that reached its end (completed, raised,
     * deadlocked, or, for a program that never ends, its time limit), not one stopped by the user
     * or by the watchdog part way.
     */
    static boolean answers(Trace t) {
        return t.outcome() != RunOutcome.STOPPED && t.outcome() != RunOutcome.FAILED;
    }

    /**
     * The scenario's Python program with the values of the run on screen (before a run, the form's),
     * once its tab is in front: its constants say what ran. Its lines stay the same, so the marks stay true.
     */
    private void showCodeOf(ScenarioSpec s, ParamValues v) {
        if (pythonCode.isEditable() || (pythonTab != null && !pythonTab.isSelected())) {
            // behind the Java tab it waits: a new text is highlighted anew, too costly at a run's start
            return;
        }
        String text = s.pythonSource(v == null ? s.defaults() : v);
        if (!text.equals(pythonCode.text())) {
            pythonCode.show(text);
        }
    }

    private static ParamValues values(ScenarioSpec s, Map<String, String> text) {
        try {
            return s.values(text);
        } catch (ParamException | RuntimeException e) {
            return null;
        }
    }

    /** Reads the tour and the answer of a finished run in the background; without a scenario, its moments. */
    private void find(ScenarioSpec s, Trace t) {
        if (finding.containsKey(t)) {
            return;
        }
        finding.put(t, true);
        background.submit(() -> {
            List<TourStep> tour;
            int answer;
            try {
                tour = List.copyOf(s == null ? TraceMoments.of(t) : s.tour(t));
            } catch (RuntimeException e) {
                tour = List.of();
            }
            try {
                answer = s == null ? -1 : s.prediction(s.values(t.params())).answerFor(t);
            } catch (ParamException | RuntimeException e) {
                answer = -1;
            }
            String lesson;
            try {
                lesson = s == null ? "" : s.lesson(t);
            } catch (RuntimeException e) {
                lesson = s.lesson();
            }
            Found result = new Found(tour, answer, lesson);
            Platform.runLater(() -> {
                found.put(t, result);
                finding.remove(t);
                refreshTeaching(true);
            });
        });
    }

    /** A tour step: the playhead goes there, its thread is selected, and the view keeps it in sight. */
    private void goTo(TourStep step) {
        int event = step.state() == null || trace == null ? -1 : transitionOf(trace, step);
        if (event >= 0) {
            host.seekTransition(step.thread(), event);
        } else {
            host.seek(step.time());
        }
        if (step.thread() >= 0) {
            timeline.selectedThreadProperty().set(step.thread());
        }
        long start = timeline.visibleStart();
        long end = timeline.visibleEnd();
        if (step.time() < start || step.time() > end) {
            long half = Math.max(1, (end - start) / 2);
            timeline.showWindow(step.time() - half, step.time() + half);
        }
    }

    /** The tour step's thread's first transition into its state at its time, or -1. */
    static int transitionOf(Trace t, TourStep step) {
        if (step.thread() < 0 || step.thread() >= t.threadCount()) {
            return -1;
        }
        LaneColumns lane = t.lane(step.thread());
        for (int e = lane.indexAt(step.time() - 1) + 1; e < lane.size() && lane.time(e) == step.time(); e++) {
            if (lane.state(e) == step.state()) {
                return e;
            }
        }
        return -1;
    }

    private void seekKeepingThread(long time) {
        host.seek(time);
    }

    /** Next tour step (Page Down); true if it moved. */
    public boolean nextStep() {
        return tourBar.isVisible() && tourBar.next();
    }

    /** Previous tour step (Page Up); true if it moved. */
    public boolean previousStep() {
        return tourBar.isVisible() && tourBar.previous();
    }

    /** All arrows → the selected thread's → none → all (A). */
    public void cycleArrows() {
        ArrowMode m = timeline.arrowModeProperty().get();
        ArrowMode[] all = ArrowMode.values();
        timeline.arrowModeProperty().set(all[(m.ordinal() + 1) % all.length]);
    }

    // ---- compare

    /** Opens or closes the comparison (C); Escape closes it. */
    public void toggleCompare() {
        compareButton.setSelected(!compareButton.isSelected());
    }

    /** Closes the comparison if open; true if it was. */
    public boolean closeCompare() {
        if (!compareButton.isSelected()) {
            return false;
        }
        compareButton.setSelected(false);
        return true;
    }

    private void showCompare(boolean on) {
        Comparison c = host.comparison();
        boolean show = on && c != null;
        if (show) {
            attachCompare();
            compare.open(c, host.formValues());
        }
        if (show != compare.isVisible() && centerSplit != null) {
            // two timelines need the height; the single run's output gives it for a while
            if (show) {
                savedCenter = centerSplit.getDividerPositions();
                centerSplit.setDividerPositions(1.0);
            } else if (savedCenter != null) {
                centerSplit.setDividerPositions(savedCenter);
            }
        }
        compare.setVisible(show);
        refreshTeaching(true);
    }

    private void attachCompare() {
        if (compareHolder != null && compare.getParent() == null) {
            int at = compareHolder.getChildren().indexOf(compareAbove) + 1;
            compareHolder.getChildren().add(at, compare);
        }
    }

    public boolean isComparing() {
        return compare.isVisible();
    }

    /**
     * A fork: run {@code a} and run {@code b}, which follows it up to a choice and then takes another
     * branch, in the compare view on one time axis, the playhead where they part.
     */
    public void showFork(Trace a, Trace b, long partAt, String captionA, String captionB) {
        if (!compareButton.isSelected()) {
            compareButton.setSelected(true);
        }
        attachCompare();
        compare.showFork(a, b, partAt, captionA, captionB);
    }

    /** Step mode: the code view marks the lines of the threads a choice waits on, numbered; empty for the usual marks. */
    public void setChoiceMarks(List<CodeView.LineMark> marks) {
        choiceMarks = List.copyOf(marks);
        resync();
    }

    /** Ends background work; the window is closing. */
    public void shutdown() {
        background.shutdownNow();
        compare.shutdown();
    }

    // ---- for tests and the screenshot tour

    public TourBar tourBar() {
        return tourBar;
    }

    public ThreadPanel threadPanel() {
        return threadPanel;
    }

    public ComparePane comparePane() {
        return compare;
    }

    public MenuButton arrowsButton() {
        return arrows;
    }

    public ToggleButton allLinesButton() {
        return allLines;
    }

    /** For a node lookup by the window's tests. */
    public Node compareButton() {
        return compareButton;
    }
}
