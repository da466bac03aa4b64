package io.threadline.ui;

import io.threadline.explore.ChoiceWords;
import io.threadline.explore.Exploration;
import io.threadline.explore.Explorer;
import io.threadline.explore.Strategy;
import io.threadline.runtime.ChoicePoint;
import io.threadline.runtime.ClockMode;
import io.threadline.runtime.ReplayChooser;
import io.threadline.runtime.Run;
import io.threadline.runtime.StepChooser;
import io.threadline.scenario.ParamException;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.scenario.SearchGoal;
import io.threadline.trace.Choice;
import io.threadline.trace.ChoiceKind;
import io.threadline.trace.ChoiceList;
import io.threadline.trace.Trace;
import io.threadline.ui.KeyMap.Shortcut;
import io.threadline.ui.teach.CodeView;
import io.threadline.ui.timeline.LaneLayout;
import io.threadline.ui.timeline.TimelineView;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Acting on a run instead of watching it. Step mode: the student is the scheduler; the run waits
 * at every real choice with the candidates' lanes numbered, a key or a click picks, N takes the
 * scheduler's pick, G lets it choose the rest, Backspace steps back (the run again without its last
 * pick, on the virtual clock). Fork: at a choice of a finished run, the other branch, both runs in
 * the compare view from the point where they part. Find it: the search for the scenario's bug, in
 * the background with progress and cancel, its schedule shown as a run.
 *
 * <p>Runs of step mode go on the virtual clock: between two choices nothing waits for the wall.
 */
final class StepMode {
    /** What step mode sees of the window. */
    interface Host {
        ScenarioSpec scenario();

        /** The form's values, checked; null (and the reason said) if they are not valid. */
        ParamValues values();

        /** Shows {@code run} live, as the window's run. */
        void follow(Run run);

        /** Shows a finished trace as the window's run. */
        void show(Trace trace);

        /** Shows two runs in the compare view, marked where they part. */
        void compare(Trace a, Trace b, long partAt, String captionA, String captionB);

        void say(String message, boolean error);

        Trace shown();

        long playhead();

        /** The pending choice's candidates changed: the code marks their lines, numbered (empty for none). */
        void choiceMarks(List<CodeView.LineMark> marks);
    }

    private final Host host;
    private final TimelineView timeline;
    private final KeyMap keys;
    private final ToggleButton toggle = new ToggleButton("You schedule");
    private final Button findButton = new Button("Find it");
    private final VBox bar = new VBox();
    private final Pane overlay = new Pane();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "threadline-step");
        t.setDaemon(true);
        return t;
    });

    private Run run;
    private StepChooser chooser;
    private ChoicePoint shownPoint;
    private boolean shownEnded;
    private Explorer search;
    private Timeline searchProgress;
    private int generation;

    StepMode(Host host, TimelineView timeline, KeyMap keys) {
        this.host = host;
        this.timeline = timeline;
        this.keys = keys;
        toggle.setId("stepModeToggle");
        toggle.getStyleClass().addAll("step-toggle", "small");
        toggle.setGraphic(new FontIcon("mdi2h-hand-pointing-right"));
        Toolbar.tooltip(toggle, "Be the scheduler: the run waits at every choice and you pick who goes on",
                Shortcut.STEP_MODE.keys());
        toggle.setFocusTraversable(false);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setOnAction(e -> {
            // the toggle's state is the key map's to set: one command, whether clicked or pressed
            toggle.setSelected(!toggle.isSelected());
            keys.run(Shortcut.STEP_MODE);
        });
        findButton.setId("findItButton");
        findButton.getStyleClass().addAll("find-button", "small");
        findButton.setGraphic(new FontIcon("mdi2m-magnify-scan"));
        findButton.setFocusTraversable(false);
        findButton.setMinWidth(Region.USE_PREF_SIZE);
        findButton.setOnAction(e -> keys.run(Shortcut.FIND_IT));
        bar.getStyleClass().add("step-bar");
        bar.setVisible(false);
        bar.setManaged(false);
        overlay.getStyleClass().add("step-overlay");
        overlay.setPickOnBounds(false);
        overlay.setMouseTransparent(false);
        bind();
    }

    private void bind() {
        keys.bind(Shortcut.STEP_MODE, this::toggle);
        for (int i = 0; i < KeyMap.PICKS.size(); i++) {
            int pick = i;
            keys.bindIf(KeyMap.PICKS.get(i), () -> pick(pick));
        }
        keys.bindIf(Shortcut.NEXT_CHOICE, this::schedulersPick);
        keys.bindIf(Shortcut.LET_GO, this::letGo);
        keys.bindIf(Shortcut.CHOICE_BACK, this::back);
        keys.bindIf(Shortcut.FORK, this::fork);
        keys.bind(Shortcut.FIND_IT, this::findIt);
    }

    /** The toggle and the find button, for the timeline's header. */
    List<Node> tools() {
        return List.of(toggle, findButton);
    }

    /** The bar over the timeline: the choice asked, the search under way. */
    Node bar() {
        return bar;
    }

    /** Goes over the timeline: the candidates' lanes, numbered. */
    Node overlay() {
        return overlay;
    }

    /** A scenario was selected: the find button shows where a search has a goal. */
    void scenarioShown(ScenarioSpec s) {
        boolean goal = s != null && !s.searchGoals(s.defaults()).isEmpty();
        findButton.setVisible(goal);
        findButton.setManaged(goal);
        if (goal) {
            Toolbar.tooltip(findButton, "Search the interleavings for " + s.searchGoals(s.defaults()).get(0)
                    .what() + " and show the simplest schedule that has it", Shortcut.FIND_IT.keys());
        }
    }

    boolean on() {
        return toggle.isSelected();
    }

    // ------------------------------------------------------------------ step mode

    /** P: step mode on (a step run starts) or off (the scheduler finishes the run). */
    private void toggle() {
        if (toggle.isSelected()) {
            toggle.setSelected(false);
            if (chooser != null) {
                letGo();
            }
            clear();
            return;
        }
        toggle.setSelected(true);
        start(new int[0]);
    }

    /** The window's Run, in step mode: a step run. */
    boolean runs() {
        if (!toggle.isSelected()) {
            return false;
        }
        start(new int[0]);
        return true;
    }

    private void start(int[] given) {
        ScenarioSpec s = host.scenario();
        ParamValues values = s == null ? null : host.values();
        if (values == null) {
            return;
        }
        chooser = new StepChooser(given);
        run = s.start(values, s.options(values, ClockMode.VIRTUAL, 1), chooser);
        shownPoint = null;
        shownEnded = false;
        host.follow(run);
        host.say(given.length == 0 ? "You are the scheduler: at every choice, press the number of the thread that goes"
                + " on (N: the scheduler's pick, G: let it run, Backspace: back one choice)." : "Back to choice "
                + (given.length + 1) + ".", false);
    }

    /** The candidate {@code i} goes on; false if no choice waits or there is no such candidate. */
    boolean pick(int i) {
        ChoicePoint p = pending();
        return p != null && i < p.size() && run.choose(i);
    }

    private boolean schedulersPick() {
        ChoicePoint p = pending();
        return p != null && run.choose(p.ownPick());
    }

    private boolean letGo() {
        if (chooser == null) {
            return false;
        }
        chooser.letGo();
        ChoicePoint p = pending();
        if (p != null) {
            run.choose(p.ownPick());
        }
        return true;
    }

    /** Backspace: the run again without its last pick, waiting at that choice. */
    private boolean back() {
        if (run == null || !toggle.isSelected()) {
            return false;
        }
        int[] picks = ChoiceList.all(run.trace());
        if (picks.length == 0) {
            host.say("No choice to go back to: this is the first.", false);
            return true;
        }
        start(Arrays.copyOf(picks, picks.length - 1));
        return true;
    }

    private ChoicePoint pending() {
        return run == null ? null : run.pendingChoice();
    }

    /** Once a frame: the bar and the numbered lanes follow the choice waiting, if any. */
    void sync() {
        ChoicePoint p = pending();
        if (search != null) {
            overlay.getChildren().clear();
            return;
        }
        if (p != shownPoint || (run != null && run.isFinished()) != shownEnded) {
            shownPoint = p;
            shownEnded = run != null && run.isFinished();
            fillBar(p);
            host.choiceMarks(p == null ? List.of() : marks(p));
        }
        placeBadges(p);
    }

    private void fillBar(ChoicePoint p) {
        bar.getChildren().clear();
        if (p != null) {
            Label q = new Label("Choice " + (p.number() + 1) + " · " + Formats.seconds(p.time()) + " · " + question(p));
            q.getStyleClass().add("step-question");
            FlowPane picks = new FlowPane();
            picks.getStyleClass().add("step-picks");
            for (int i = 0; i < p.size(); i++) {
                int pick = i;
                Button b = new Button((i + 1) + "  " + candidate(p, i));
                // thread names such as ThreadPoolExecutor-0_0 keep their underscore
                b.setMnemonicParsing(false);
                b.getStyleClass().addAll("step-candidate-button", "small");
                b.setId("stepPick" + (i + 1));
                b.setFocusTraversable(false);
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setOnAction(e -> keys.run(KeyMap.PICKS.get(Math.min(pick, KeyMap.PICKS.size() - 1))));
                if (i == p.ownPick()) {
                    b.getStyleClass().add("step-own");
                }
                picks.getChildren().add(b);
            }
            Label help = new Label(Shortcut.NEXT_CHOICE.keys() + ": the scheduler's pick (" + (p.ownPick() + 1)
                    + ")   " + Shortcut.LET_GO.keys() + ": let it run   " + Shortcut.CHOICE_BACK.keys() + ": back");
            help.getStyleClass().add("step-help");
            picks.getChildren().add(help);
            bar.getChildren().addAll(q, picks);
        } else if (run != null && run.isFinished() && toggle.isSelected()) {
            Trace t = run.trace();
            Label done = new Label("Your run ended (" + Formats.outcome(t.outcome()).toLowerCase() + ") after "
                    + t.choiceCount() + " choice" + (t.choiceCount() == 1 ? "" : "s") + ".");
            done.getStyleClass().add("step-question");
            Label help = new Label(Shortcut.CHOICE_BACK.keys() + ": back one choice   " + Shortcut.FORK.keys()
                    + ": what if another thread had run at the choice before the playhead?");
            help.getStyleClass().add("step-help");
            help.setWrapText(true);
            bar.getChildren().addAll(done, help);
        }
        boolean show = !bar.getChildren().isEmpty();
        bar.setVisible(show);
        bar.setManaged(show);
    }

    private static String question(ChoicePoint p) {
        return switch (p.kind()) {
            case CORE -> "who gets the free core?";
            case RUN -> "who runs first?";
            case WAKE -> "whom does the release wake?";
            case PREEMPT -> p.name(p.size() - 1) + "'s switch interval is up: who runs on?";
        };
    }

    private static String candidate(ChoicePoint p, int i) {
        if (p.kind() == ChoiceKind.PREEMPT && i == p.size() - 1) {
            return p.name(i) + " keeps going";
        }
        return p.name(i) + (p.line(i) > 0 ? " · line " + p.line(i) : "");
    }

    /** Each candidate's line in the code, with its number; the first is scrolled to. */
    private static List<CodeView.LineMark> marks(ChoicePoint p) {
        List<CodeView.LineMark> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            if (p.line(i) > 0) {
                out.add(new CodeView.LineMark(p.line(i), (i + 1) + " " + p.name(i), p.thread(i), out.isEmpty()));
            }
        }
        return out;
    }

    /** A band and a number on each candidate's lane; a click on one picks it. */
    private void placeBadges(ChoicePoint p) {
        if (p == null) {
            overlay.getChildren().clear();
            return;
        }
        Map<Integer, LaneLayout> lanes = new HashMap<>();
        for (LaneLayout l : timeline.laneLayout()) {
            lanes.put(l.thread(), l);
        }
        int want = p.size() * 2;
        if (overlay.getChildren().size() != want) {
            overlay.getChildren().clear();
            for (int i = 0; i < p.size(); i++) {
                int pick = i;
                Region band = new Region();
                band.getStyleClass().add("step-lane");
                // placed here, not by the pane (which would size them to their preferred size)
                band.setManaged(false);
                band.setOnMouseClicked(e -> keys.run(KeyMap.PICKS.get(Math.min(pick, KeyMap.PICKS.size() - 1))));
                Label badge = new Label(Integer.toString(i + 1));
                badge.getStyleClass().add("step-badge");
                badge.setMouseTransparent(true);
                badge.setManaged(false);
                overlay.getChildren().addAll(band, badge);
            }
        }
        double left = timeline.gutterWidth();
        double width = Math.max(0, timeline.getWidth() - left);
        for (int i = 0; i < p.size(); i++) {
            Region band = (Region) overlay.getChildren().get(2 * i);
            Label badge = (Label) overlay.getChildren().get(2 * i + 1);
            LaneLayout l = lanes.get(p.thread(i));
            boolean visible = l != null;
            band.setVisible(visible);
            badge.setVisible(visible);
            if (!visible) {
                continue;
            }
            band.resizeRelocate(left, l.y(), width, l.height());
            double size = Math.max(18, Math.min(26, l.height() - 4));
            badge.resizeRelocate(Math.max(0, left - size - 4), l.centerY() - size / 2, size, size);
        }
    }

    private void clear() {
        chooser = null;
        shownPoint = null;
        fillBar(null);
        overlay.getChildren().clear();
        host.choiceMarks(List.of());
    }

    /** The window started a run of its own, or showed another trace: step mode lets go of its run. */
    void released() {
        run = null;
        clear();
    }

    // ------------------------------------------------------------------ fork

    /** W: the shown finished run again, but at its choice before the playhead another candidate goes on. */
    private boolean fork() {
        Trace a = host.shown();
        if (a == null || !a.isFinished()) {
            return false;
        }
        ScenarioSpec s = ScenarioCatalog.byId(a.scenario());
        List<Choice> cs = a.choices();
        if (s == null || cs.isEmpty()) {
            host.say("This run made no choice: there is nothing to fork.", false);
            return true;
        }
        int k = choiceBefore(cs, host.playhead());
        Choice c = cs.get(k);
        int alt = (c.pick() + 1) % c.size();
        int[] picks = Arrays.copyOf(ChoiceList.all(a), k + 1);
        picks[k] = alt;
        ParamValues values;
        try {
            values = s.values(a.params());
        } catch (ParamException e) {
            host.say("Cannot fork: " + e.getMessage(), true);
            return true;
        }
        int gen = ++generation;
        String was = ChoiceWords.describe(a, c, s, null);
        host.say("What if " + a.thread(c.candidate(alt)).name() + " had gone at choice " + (k + 1) + "? Running…", false);
        background.submit(() -> {
            try {
                Trace b = s.execute(values, new ReplayChooser(picks));
                Platform.runLater(() -> {
                    if (gen != generation) {
                        return;
                    }
                    Choice fc = b.choiceCount() > k ? b.choice(k) : c;
                    host.compare(a, b, c.time(), "as run — choice " + (k + 1) + ": " + was,
                            "what if — choice " + (k + 1) + ": " + ChoiceWords.describe(b, fc, s, null));
                    host.say("The runs part at " + Formats.seconds(c.time()) + " (choice " + (k + 1) + "). "
                            + Shortcut.FORK.keys() + " again at another moment to fork there.", false);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                Platform.runLater(() -> host.say("The fork could not run: " + IoProblems.describe(e), true));
            }
        });
        return true;
    }

    /** The last choice at or before {@code at}, else the first. */
    private static int choiceBefore(List<Choice> cs, long at) {
        int k = 0;
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).time() <= at) {
                k = i;
            }
        }
        return k;
    }

    // ------------------------------------------------------------------ find it

    /** X: searches for the scenario's bug in the background; the simplest schedule found becomes the run shown. */
    private void findIt() {
        if (search != null) {
            return;
        }
        ScenarioSpec s = host.scenario();
        ParamValues values = s == null ? null : host.values();
        if (values == null) {
            return;
        }
        List<SearchGoal> goals = s.searchGoals(values);
        if (goals.isEmpty()) {
            host.say(s.title() + " has no bug to search for here; the command line searches any goal: threadline"
                    + " explore " + s.id() + " --find deadlock", false);
            return;
        }
        SearchGoal goal = goals.get(0);
        Strategy strategy = new Strategy.Exhaustive(Strategy.DEFAULT_BOUND, Strategy.DEFAULT_LIMIT);
        Explorer e = new Explorer(s, values, goal, strategy);
        search = e;
        int gen = ++generation;
        showSearch(goal, e);
        background.submit(() -> {
            Exploration x;
            try {
                x = e.run();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException re) {
                Platform.runLater(() -> searchEnded(gen, null, re));
                return;
            }
            Platform.runLater(() -> searchEnded(gen, x, null));
        });
    }

    private void showSearch(SearchGoal goal, Explorer e) {
        bar.getChildren().clear();
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("step-spinner");
        Label what = new Label("Searching for " + goal.what() + " (every schedule with at most "
                + Strategy.DEFAULT_BOUND + " preemptions)…");
        what.getStyleClass().add("step-question");
        Label count = new Label("0 schedules");
        count.setId("searchCount");
        count.getStyleClass().add("step-help");
        Button cancel = new Button("Cancel");
        cancel.setId("searchCancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(ev -> e.cancel());
        HBox row = new HBox(spinner, what, count, cancel);
        row.getStyleClass().add("step-search");
        bar.getChildren().setAll(row);
        bar.setVisible(true);
        bar.setManaged(true);
        findButton.setDisable(true);
        searchProgress = new Timeline(new KeyFrame(Duration.millis(100),
                ev -> count.setText(String.format(java.util.Locale.ROOT, "%,d schedules", e.schedules()))));
        searchProgress.setCycleCount(Timeline.INDEFINITE);
        searchProgress.play();
    }

    private void searchEnded(int gen, Exploration x, RuntimeException error) {
        searchProgress.stop();
        search = null;
        findButton.setDisable(false);
        fillBar(null);
        if (gen != generation) {
            return;
        }
        if (error != null) {
            host.say("The search failed: " + IoProblems.describe(error), true);
        } else if (x.isFound()) {
            host.show(x.found().trace());
            host.say(capitalized(x.summary()) + ". The simplest: " + x.found().cost() + "; "
                    + x.found().decidedBy() + ".", false);
        } else {
            host.say(capitalized(x.summary()) + ".", false);
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The choice {@code shown} waits at, if it is this mode's run (for tests and the window). */
    ChoicePoint pendingOf(Trace shown) {
        return run != null && run.trace() == shown ? run.pendingChoice() : null;
    }

    /** Numbers shown on lanes now (for tests). */
    int badges() {
        int n = 0;
        for (Node child : overlay.getChildren()) {
            if (child instanceof Label && child.isVisible()) {
                n++;
            }
        }
        return n;
    }

    /** The bar's first line (for tests). */
    String question() {
        return bar.getChildren().isEmpty() || !(bar.getChildren().get(0) instanceof Label l) ? "" : l.getText();
    }

    /** The band over candidate {@code i}'s lane (for tests). */
    Node laneOf(int i) {
        return overlay.getChildren().get(2 * i);
    }

    /** Whether a search is under way (for tests). */
    boolean searching() {
        return search != null;
    }

    /** Cancels a search and ends the step run: the window closes. */
    void shutdown() {
        Explorer e = search;
        if (e != null) {
            e.cancel();
        }
        generation++;
        background.shutdownNow();
    }
}
