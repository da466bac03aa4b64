package io.threadline.ui.teach;

import io.threadline.scenario.Prediction;
import io.threadline.scenario.TourStep;
import io.threadline.ui.control.Tips;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The slim bar over the timeline that lets a student go through a scenario alone: a question to
 * answer before running (the run then says whether the pick was right), and after the run a guided
 * tour of its moments, each a step that moves the playhead there with a note.
 */
public final class TourBar extends VBox {
    private static final PseudoClass RIGHT = PseudoClass.getPseudoClass("right");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final PseudoClass ANSWERED = PseudoClass.getPseudoClass("answered");

    /** Where the prediction stands. */
    public enum Stage {
        /** Pick an answer, then run. */
        ASK,
        /** The run is going on; the pick is locked. */
        WATCH,
        /** The run has ended and answered. */
        ANSWERED,
        /** The run was stopped (or failed) before its end: it answers nothing. */
        STOPPED
    }

    private final Label question = new Label();
    private final FlowPane choiceBox = new FlowPane();
    private final ToggleGroup choices = new ToggleGroup();
    private final List<ToggleButton> buttons = new ArrayList<>();
    private final Label verdict = new Label();
    private final HBox predictRow;

    private final Label counter = new Label();
    private final Button prev = new Button();
    private final Button next = new Button();
    private final Label stepTitle = new Label();
    private final Label stepNote = new Label();
    private final HBox tourRow;

    private Prediction prediction;
    private Stage stage = Stage.ASK;
    private int answer = -1;
    private List<TourStep> steps = List.of();
    private int index = -1;
    private Consumer<TourStep> onStep = s -> {
    };
    private Runnable onPick = () -> {
    };

    public TourBar() {
        getStyleClass().add("tour-bar");
        setId("tour-bar");

        FontIcon qIcon = new FontIcon("mdi2h-help-circle-outline");
        qIcon.getStyleClass().add("tour-icon");
        Label qTitle = new Label("PREDICT", qIcon);
        qTitle.getStyleClass().addAll("section-title", "tour-tag");
        qTitle.setMinWidth(Label.USE_PREF_SIZE);
        question.setId("predict-question");
        question.getStyleClass().add("predict-question");
        question.setWrapText(true);
        question.setMinWidth(120);
        question.setMinHeight(Label.USE_PREF_SIZE);
        choiceBox.setId("predict-choices");
        choiceBox.getStyleClass().add("predict-choices");
        verdict.setId("predict-verdict");
        verdict.getStyleClass().add("predict-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Label.USE_PREF_SIZE);
        VBox qText = new VBox(question, choiceBox);
        qText.getStyleClass().add("predict-text");
        HBox.setHgrow(qText, Priority.ALWAYS);
        predictRow = new HBox(qTitle, qText);
        predictRow.setId("predict-row");
        predictRow.getStyleClass().addAll("tour-row", "predict-row");
        choices.selectedToggleProperty().addListener((o, a, b) -> {
            if (stage == Stage.ASK) {
                onPick.run();
            }
        });

        FontIcon tIcon = new FontIcon("mdi2m-map-marker-path");
        tIcon.getStyleClass().add("tour-icon");
        Label tTitle = new Label("TOUR", tIcon);
        tTitle.getStyleClass().addAll("section-title", "tour-tag");
        tTitle.setMinWidth(Label.USE_PREF_SIZE);
        counter.setId("tour-counter");
        counter.getStyleClass().add("tour-counter");
        counter.setMinWidth(Label.USE_PREF_SIZE);
        prev.setId("tour-prev");
        prev.setGraphic(new FontIcon("mdi2c-chevron-left"));
        prev.getStyleClass().addAll("button-icon", "flat", "tour-nav");
        prev.setOnAction(e -> previous());
        Tips.quick(prev, "Previous moment (Page Up)");
        next.setId("tour-next");
        next.setGraphic(new FontIcon("mdi2c-chevron-right"));
        next.getStyleClass().addAll("button-icon", "flat", "tour-nav");
        next.setOnAction(e -> next());
        Tips.quick(next, "Next moment (Page Down)");
        // Keys belong to the timeline shortcuts, not to a button that was clicked.
        prev.setFocusTraversable(false);
        next.setFocusTraversable(false);
        HBox nav = new HBox(prev, counter, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        nav.getStyleClass().add("tour-nav-box");
        stepTitle.setId("tour-title");
        stepTitle.getStyleClass().add("tour-title");
        stepTitle.setMinWidth(Label.USE_PREF_SIZE);
        stepNote.setId("tour-note");
        stepNote.getStyleClass().add("tour-note");
        stepNote.setWrapText(true);
        stepNote.setMinWidth(80);
        stepNote.setMinHeight(Label.USE_PREF_SIZE);
        HBox.setHgrow(stepNote, Priority.ALWAYS);
        HBox text = new HBox(stepTitle, stepNote);
        text.setAlignment(Pos.BASELINE_LEFT);
        text.getStyleClass().add("tour-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        tourRow = new HBox(tTitle, nav, text);
        tourRow.setId("tour-row");
        tourRow.getStyleClass().addAll("tour-row", "tour-steps-row");
        tourRow.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(predictRow, tourRow);
        // the bar keeps its height; the timeline under it gives way
        setMinHeight(USE_PREF_SIZE);
        setPrediction(null, Stage.ASK, -1, -1);
        setTour(List.of());
    }

    /** Called when the tour moves to a step. */
    public void setOnStep(Consumer<TourStep> action) {
        onStep = action;
    }

    /** Called when the student picks a choice. */
    public void setOnPick(Runnable action) {
        onPick = action;
    }

    // ---- prediction

    /**
     * Shows a question (null: none) with {@code pick} picked (-1: none). In {@link Stage#ASK} the
     * choices can be picked; in {@link Stage#ANSWERED} {@code answerIndex} is the right one (-1: the
     * run cannot tell).
     */
    public void setPrediction(Prediction p, Stage s, int pick, int answerIndex) {
        boolean same = p != null && prediction != null && p.question().equals(prediction.question())
                && p.choices().equals(prediction.choices());
        prediction = p;
        stage = s;
        answer = answerIndex;
        if (!same) {
            choices.getToggles().clear();
            buttons.clear();
            if (p != null) {
                for (int i = 0; i < p.choices().size(); i++) {
                    ToggleButton b = new ToggleButton(p.choices().get(i));
                    b.setId("predict-choice-" + i);
                    // "imap_unordered" keeps its underscore: it is no mnemonic
                    b.setMnemonicParsing(false);
                    b.getStyleClass().add("predict-choice");
                    b.setUserData(i);
                    b.setToggleGroup(choices);
                    b.setFocusTraversable(false);
                    b.setWrapText(true);
                    b.setMinHeight(USE_PREF_SIZE);
                    buttons.add(b);
                }
            }
            choiceBox.getChildren().setAll(buttons);
            choiceBox.getChildren().add(verdict);
        }
        // a new question starts unanswered; selecting here is not taken for the student's click
        Stage was = stage;
        stage = null;
        pick(!same && s == Stage.ASK ? -1 : pick);
        stage = was;
        int picked = picked();
        predictRow.setVisible(p != null);
        predictRow.setManaged(p != null);
        if (p == null) {
            return;
        }
        question.setText(p.question());
        boolean answered = s == Stage.ANSWERED && answer >= 0 && answer < buttons.size();
        for (int i = 0; i < buttons.size(); i++) {
            ToggleButton b = buttons.get(i);
            boolean right = answered && i == answer;
            boolean wrong = answered && i != answer && b.isSelected();
            // once answered, the bar shrinks to the right answer (and a wrong pick): the timeline needs the room
            boolean shown = !answered || right || wrong;
            b.setVisible(shown);
            b.setManaged(shown);
            b.setDisable((s == Stage.WATCH || s == Stage.STOPPED) && !b.isSelected());
            b.pseudoClassStateChanged(ANSWERED, answered);
            b.pseudoClassStateChanged(RIGHT, right);
            b.pseudoClassStateChanged(WRONG, wrong);
            b.setGraphic(right ? mark("mdi2c-check-circle", "predict-mark-right")
                    : wrong ? mark("mdi2c-close-circle", "predict-mark-wrong") : null);
            b.setMouseTransparent(s != Stage.ASK);
        }
        verdict.pseudoClassStateChanged(RIGHT, false);
        verdict.pseudoClassStateChanged(WRONG, false);
        switch (s) {
            case ASK -> verdict.setText(picked < 0 ? "Pick an answer, then run." : "Now run it and see.");
            case WATCH -> verdict.setText(picked < 0 ? "Watch the run: it will tell." : "The run will tell…");
            case STOPPED -> verdict.setText("This run was stopped before its end, so it answers nothing: "
                    + "run it to the end to see.");
            default -> {
                if (!answered) {
                    verdict.setText("This run cannot tell the answer.");
                } else if (picked < 0) {
                    verdict.setText("← the run's answer");
                } else if (picked == answer) {
                    verdict.setText("Right! The run agrees.");
                    verdict.pseudoClassStateChanged(RIGHT, true);
                } else {
                    verdict.setText("Not quite: the run says otherwise.");
                    verdict.pseudoClassStateChanged(WRONG, true);
                }
            }
        }
    }

    /** The index of the picked choice, or -1. */
    public int picked() {
        return choices.getSelectedToggle() == null ? -1 : (Integer) choices.getSelectedToggle().getUserData();
    }

    /** Picks a choice (as a click would), -1 for none. */
    public void pick(int i) {
        choices.selectToggle(i < 0 || i >= buttons.size() ? null : buttons.get(i));
    }

    private static FontIcon mark(String icon, String style) {
        FontIcon f = new FontIcon(icon);
        f.getStyleClass().add(style);
        return f;
    }

    public Stage stage() {
        return stage;
    }

    /** The verdict or hint under the question. */
    public String verdict() {
        return verdict.getText();
    }

    // ---- tour

    /** The tour of the run shown (empty: no tour row); it starts before its first step. */
    public void setTour(List<TourStep> tour) {
        List<TourStep> now = tour == null ? List.of() : new ArrayList<>(tour);
        if (!now.equals(steps)) {
            steps = List.copyOf(now);
            index = -1;
        }
        tourRow.setVisible(!steps.isEmpty());
        tourRow.setManaged(!steps.isEmpty());
        showStep();
    }

    public List<TourStep> tour() {
        return steps;
    }

    /** The step shown, -1 before the first. */
    public int index() {
        return index;
    }

    /** Goes to the next step, if any; true if it moved. */
    public boolean next() {
        return go(index + 1);
    }

    /** Goes to the previous step, if any; true if it moved. */
    public boolean previous() {
        return go(index - 1);
    }

    private boolean go(int i) {
        if (i < 0 || i >= steps.size() || i == index) {
            return false;
        }
        index = i;
        showStep();
        onStep.accept(steps.get(i));
        return true;
    }

    private void showStep() {
        int n = steps.size();
        prev.setDisable(index <= 0);
        next.setDisable(index >= n - 1);
        if (index < 0) {
            counter.setText("0 / " + n);
            stepTitle.setText(n + (n == 1 ? " moment" : " moments") + " to look at");
            stepNote.setText("Press ▶ or Page Down: the playhead goes to each, with a note.");
        } else {
            TourStep s = steps.get(index);
            counter.setText((index + 1) + " / " + n);
            stepTitle.setText(s.title());
            stepNote.setText(s.note());
        }
    }

    /** The step's title and note as shown. */
    public String stepText() {
        return stepTitle.getText() + " — " + stepNote.getText();
    }

    public boolean hasContent() {
        return predictRow.isVisible() || tourRow.isVisible();
    }
}
