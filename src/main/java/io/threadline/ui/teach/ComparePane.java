package io.threadline.ui.teach;

import io.threadline.scenario.ParamSpec;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.ResultMark;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import io.threadline.picture.TimeScale;
import io.threadline.ui.control.Tips;
import io.threadline.ui.timeline.TimelineView;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One scenario run twice with one parameter changed (GIL on vs off, a bounded vs an unbounded
 * queue, 2 vs 8 workers …), the two timelines stacked on one time axis: zooming, panning or moving
 * the playhead in one moves the other. Each says when its run ended and, for pools, when the first
 * and the last result arrived. Both runs go on in the background on the virtual clock (they take
 * milliseconds); the JavaFX thread only shows them.
 */
public final class ComparePane extends VBox {
    private final ComboBox<ParamSpec> param = new ComboBox<>();
    private final TextField valueA = new TextField();
    private final TextField valueB = new TextField();
    private final Button runBoth = new Button("Run both");
    private final Button close = new Button();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label status = new Label();
    private final TimelineView viewA = new TimelineView();
    private final TimelineView viewB = new TimelineView();
    private final Label captionA = new Label();
    private final Label captionB = new Label();
    private final VBox runs;
    private final Label emptyNote = new Label();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "compare-runs");
        t.setDaemon(true);
        return t;
    });

    private Comparison spec;
    private Map<String, String> form = Map.of();
    private int generation;
    private boolean linking;
    private Runnable onClose = () -> {
    };

    public ComparePane(TimelineView main) {
        getStyleClass().add("compare-pane");
        setId("compare-pane");

        FontIcon icon = new FontIcon("mdi2c-compare-horizontal");
        icon.getStyleClass().add("tour-icon");
        Label title = new Label("COMPARE", icon);
        title.getStyleClass().addAll("section-title", "tour-tag");
        title.setMinWidth(Region.USE_PREF_SIZE);
        param.setId("compare-param");
        Tips.set(param, "The parameter to change between the two runs");
        param.getStyleClass().add("compare-param");
        param.setConverter(new StringConverter<>() {
            @Override
            public String toString(ParamSpec p) {
                return p == null ? "" : p.label();
            }

            @Override
            public ParamSpec fromString(String s) {
                return null;
            }
        });
        param.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ParamSpec p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.label());
            }
        });
        param.valueProperty().addListener((o, a, p) -> {
            if (p != null) {
                List<String> pair = p.comparisonPair(form.get(p.name()));
                valueA.setText(pair.get(0));
                valueB.setText(pair.get(1));
            }
        });
        valueA.setId("compare-a");
        valueB.setId("compare-b");
        for (TextField f : new TextField[] {valueA, valueB}) {
            f.getStyleClass().add("compare-value");
            f.setPrefColumnCount(6);
            f.setOnAction(e -> run());
        }
        Label a = badge("A");
        Label b = badge("B");
        runBoth.setId("compare-run");
        runBoth.getStyleClass().addAll("accent", "compare-run");
        runBoth.setGraphic(new FontIcon("mdi2p-play"));
        runBoth.setOnAction(e -> run());
        runBoth.setMinWidth(Region.USE_PREF_SIZE);
        busy.setVisible(false);
        busy.setPrefSize(18, 18);
        busy.setMaxSize(18, 18);
        status.setId("compare-status");
        status.getStyleClass().add("compare-status");
        status.setMinWidth(0);
        close.setId("compare-close");
        close.setGraphic(new FontIcon("mdi2c-close"));
        close.getStyleClass().addAll("button-icon", "flat");
        Tips.set(close, "Back to the single run (Esc)");
        close.setOnAction(e -> onClose.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox controls = new HBox(title, param, a, valueA, b, valueB, runBoth, busy, status, grow, close);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("compare-controls");

        for (TimelineView v : new TimelineView[] {viewA, viewB}) {
            v.darkProperty().bind(main.darkProperty());
            v.presentationProperty().bind(main.presentationProperty());
            v.arrowModeProperty().bind(main.arrowModeProperty());
            v.highlightedStateProperty().bind(main.highlightedStateProperty());
            VBox.setVgrow(v, Priority.ALWAYS);
            // equal shares of the height, whatever each run's number of lanes
            v.setPrefHeight(100);
            v.setMinHeight(100);
        }
        viewA.setId("compare-view-a");
        viewB.setId("compare-view-b");
        captionA.setId("compare-caption-a");
        captionB.setId("compare-caption-b");
        HBox capA = caption("A", captionA);
        HBox capB = caption("B", captionB);
        runs = new VBox(capA, viewA, capB, viewB);
        runs.getStyleClass().add("compare-runs");
        VBox.setVgrow(runs, Priority.ALWAYS);
        emptyNote.setId("compare-empty-note");
        emptyNote.getStyleClass().add("compare-empty-note");
        emptyNote.setWrapText(true);
        StackPane body = new StackPane(runs, emptyNote);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(controls, body);
        link(viewA, viewB);
        link(viewB, viewA);
        viewA.playheadProperty().bindBidirectional(viewB.playheadProperty());
        showRuns(false);
    }

    private static Label badge(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("compare-badge", "compare-badge-" + text.toLowerCase());
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static HBox caption(String which, Label text) {
        text.getStyleClass().add("compare-caption");
        text.setMinWidth(0);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox h = new HBox(badge(which), text);
        h.setAlignment(Pos.TOP_LEFT);
        h.getStyleClass().add("compare-caption-row");
        return h;
    }

    /** One view follows the other's visible window, so both share a time axis. */
    private void link(TimelineView from, TimelineView to) {
        from.timeScaleProperty().addListener((o, was, s) -> {
            if (linking || to.traceProperty().get() == null) {
                return;
            }
            linking = true;
            try {
                to.showWindow(Math.round(s.start()), Math.round(s.end()));
            } finally {
                linking = false;
            }
        });
    }

    /** Called when the user closes the comparison. */
    public void setOnClose(Runnable action) {
        onClose = action;
    }

    /**
     * Prepares a comparison of {@code s}, starting from the form's values; keeps the runs shown if
     * they are of the same scenario or program.
     */
    public void open(Comparison s, Map<String, String> formValues) {
        form = new LinkedHashMap<>(formValues);
        boolean same = spec != null && s.id().equals(spec.id());
        spec = s;
        if (!same) {
            generation++;
            busy.setVisible(false);
            status.setText("");
            viewA.traceProperty().set(null);
            viewB.traceProperty().set(null);
            param.getItems().setAll(s.params());
            param.setValue(null);
            param.setValue(s.startWith());
            showRuns(false);
        }
    }

    /** As {@link #open(Comparison, Map)} for a built-in scenario. */
    public void open(ScenarioSpec s, Map<String, String> formValues) {
        open(Comparison.of(s), formValues);
    }

    /** Runs the scenario with A's value, then with B's, in the background, and shows both. */
    public void run() {
        ParamSpec p = param.getValue();
        if (spec == null || p == null || busy.isVisible()) {
            return;
        }
        Comparison s = spec.now();
        String a = valueA.getText() == null ? "" : valueA.getText().trim();
        String b = valueB.getText() == null ? "" : valueB.getText().trim();
        String problem = p.problem(a) != null ? p.problem(a) : p.problem(b);
        if (problem != null) {
            status.setText(p.label() + ": " + problem);
            status.getStyleClass().add("bad");
            return;
        }
        status.getStyleClass().remove("bad");
        int gen = ++generation;
        busy.setVisible(true);
        status.setText("Running both…");
        Map<String, String> f = new LinkedHashMap<>(form);
        background.submit(() -> {
            try {
                Trace ta = s.execute(f, p, a);
                Trace tb = s.execute(f, p, b);
                Platform.runLater(() -> shown(gen, s.setting(p, a), ta, s.setting(p, b), tb));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                Platform.runLater(() -> failed(gen, e));
            }
        });
    }

    private void failed(int gen, Exception e) {
        if (gen != generation) {
            return;
        }
        busy.setVisible(false);
        status.setText("Could not run: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        status.getStyleClass().add("bad");
    }

    private void shown(int gen, String settingA, Trace a, String settingB, Trace b) {
        if (gen != generation) {
            return;
        }
        busy.setVisible(false);
        status.setText("");
        viewA.traceProperty().set(a);
        viewB.traceProperty().set(b);
        captionA.setText(describe(settingA, a, null));
        captionB.setText(describe(settingB, b, a));
        showRuns(true);
        fitBoth();
        viewA.playheadProperty().set(Math.min(a.endTime(), b.endTime()));
    }

    /**
     * Two runs of one scenario that part at a choice (a fork): shown on one time axis, the playhead
     * where they part, each captioned with what was chosen there.
     */
    public void showFork(Trace a, Trace b, long partAt, String whatA, String whatB) {
        generation++;
        busy.setVisible(false);
        status.setText("");
        viewA.traceProperty().set(a);
        viewB.traceProperty().set(b);
        captionA.setText(whatA + " — " + ending(a));
        captionB.setText(whatB + " — " + ending(b));
        showRuns(true);
        fitBoth();
        viewA.playheadProperty().set(partAt);
    }

    private static String ending(Trace t) {
        return (t.outcome() == RunOutcome.COMPLETED ? "ended at " : outcome(t) + " at ") + Words.seconds(t.endTime());
    }

    /** Both views show the longer run whole, on the same window. */
    public void fitBoth() {
        Trace a = viewA.traceProperty().get();
        Trace b = viewB.traceProperty().get();
        if (a == null || b == null) {
            return;
        }
        long end = Math.max(Math.max(a.endTime(), b.endTime()), 1);
        double margin = Math.max(end * 0.02, 5);
        viewA.showWindow(Math.round(-margin), Math.round(end + margin * 1.5));
    }

    private void showRuns(boolean has) {
        runs.setVisible(has);
        emptyNote.setVisible(!has);
        emptyNote.setText("Run " + (spec == null ? "the scenario" : spec.title()) + " twice with one parameter "
                + "changed: pick it and its two values above, then Run both. The two runs appear one above the other "
                + "on one time axis, each with its end time (and, for pools, its first and last result).");
    }

    /** "capacity 0 (unbounded) — ended at 12.000 s (3.000 s later than A) · map: first … last …". */
    static String describe(String setting, Trace t, Trace other) {
        StringBuilder s = new StringBuilder(setting);
        s.append(" — ").append(t.outcome() == RunOutcome.COMPLETED ? "ended at " : outcome(t) + " at ")
                .append(Words.seconds(t.endTime()));
        if (other != null) {
            long d = t.endTime() - other.endTime();
            s.append(d == 0 ? " (as A)" : " (" + Words.seconds(Math.abs(d)) + (d < 0 ? " sooner" : " later") + " than A)");
        }
        Map<String, long[]> byVariant = new LinkedHashMap<>();
        for (ResultMark r : t.results()) {
            long[] fl = byVariant.computeIfAbsent(r.variant(), v -> new long[] {r.time(), r.time()});
            fl[0] = Math.min(fl[0], r.time());
            fl[1] = Math.max(fl[1], r.time());
        }
        List<String> parts = new ArrayList<>();
        byVariant.forEach((v, fl) -> parts.add(v + ": first result " + Words.seconds(fl[0]) + ", last "
                + Words.seconds(fl[1])));
        if (!parts.isEmpty()) {
            s.append("\n").append(String.join("  ·  ", parts));
        }
        return s.toString();
    }

    private static String outcome(Trace t) {
        return switch (t.outcome()) {
            case DEADLOCK -> "deadlocked";
            case RAISED -> "raised (exit status " + t.exitStatus() + ")";
            case TIME_LIMIT -> "stopped by the time limit";
            case FAILED -> "failed";
            case STOPPED -> "stopped";
            default -> "ended";
        };
    }

    // ---- for the window and tests

    public TimelineView viewA() {
        return viewA;
    }

    public TimelineView viewB() {
        return viewB;
    }

    public String captionA() {
        return captionA.getText();
    }

    public String captionB() {
        return captionB.getText();
    }

    public boolean isBusy() {
        return busy.isVisible();
    }

    public ComboBox<ParamSpec> param() {
        return param;
    }

    public TextField valueA() {
        return valueA;
    }

    public TextField valueB() {
        return valueB;
    }

    /** The shared visible window. */
    public TimeScale scale() {
        return viewA.timeScaleProperty().get();
    }

    /** Ends the background thread (the window is closing). */
    public void shutdown() {
        background.shutdownNow();
    }
}
