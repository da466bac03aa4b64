package io.threadline.ui;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.ui.KeyMap.Shortcut;
import io.threadline.ui.control.Tips;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * The toolbar (toolbar.fxml): run and stop, playback, speed, zoom, the File menu, presentation
 * mode and the theme. Each button runs its command through the {@link KeyMap}, whose keys its
 * tooltip names; the buttons never take the focus, so the keys stay timeline keys.
 */
public final class Toolbar {
    @FXML private Label brandName;
    @FXML private ComboBox<ScenarioSpec> scenarioPicker;
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
    @FXML private ToggleButton stepsButton;
    @FXML private MenuButton fileMenuButton;
    @FXML private Button openButton;
    @FXML private Button saveButton;
    @FXML private ToggleButton presentationButton;
    @FXML private Button themeButton;
    @FXML private FontIcon themeIcon;
    private KeyMap keys;
    private boolean picking;

    @FXML
    private void initialize() {
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
        tooltip(speedBox, "Speed: scenario seconds per second",
                Shortcut.SLOWER.keys() + " and " + Shortcut.FASTER.keys());
        speedBox.setValue(1.0);
        // On a narrow screen the picker gives up width, never Run or File (they were cut to "R…" and "…")
        runButton.setMinWidth(Control.USE_PREF_SIZE);
        fileMenuButton.setMinWidth(Control.USE_PREF_SIZE);
        scenarioPicker.setMinWidth(140);
        scenarioPicker.getItems().setAll(ScenarioCatalog.all());
        scenarioPicker.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScenarioSpec s) {
                return s == null ? "" : s.title();
            }

            @Override
            public ScenarioSpec fromString(String text) {
                return null;
            }
        });
        scenarioPicker.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ScenarioSpec s, boolean empty) {
                super.updateItem(s, empty);
                // titles such as "map vs imap_unordered" keep their underscore
                setMnemonicParsing(false);
                setText(empty || s == null ? null : s.title());
            }
        });
        scenarioPicker.setButtonCell(scenarioPicker.getCellFactory().call(null));
        tooltip(scenarioPicker, "The scenario shown; Page Down past a tour's end goes to the next",
                null);
        scenarioPicker.setFocusTraversable(false);
        speedBox.setFocusTraversable(false);
        tip(stopButton, "Stop the run", Shortcut.STOP);
        tip(replayButton, "Replay from the start", Shortcut.REPLAY);
        tip(stepBackButton, "Step back to the previous event", Shortcut.STEP_BACK);
        tip(playButton, "Play / pause", Shortcut.PLAY);
        tip(stepForwardButton, "Step to the next event", Shortcut.STEP_FORWARD);
        tip(zoomOutButton, "Zoom out", Shortcut.ZOOM_OUT);
        tip(zoomInButton, "Zoom in", Shortcut.ZOOM_IN);
        tip(fitButton, "Fit the whole run", Shortcut.FIT);
        tip(stepsButton, "Steps axis: one column per transition, so what happens in one instant is spread out",
                Shortcut.STEPS_AXIS);
        tip(openButton, "Open a trace file", Shortcut.OPEN);
        tip(saveButton, "Save the trace (Chrome trace JSON; opens in Perfetto too)", Shortcut.SAVE);
        tip(presentationButton, "Presentation mode: large text for a projector", Shortcut.PRESENTATION);
        tip(themeButton, "Light or dark theme", Shortcut.THEME);
        showRunProblem(null);
        for (Control c : new Control[]{stopButton, replayButton, stepBackButton, playButton, stepForwardButton,
                zoomOutButton, zoomInButton, fitButton, stepsButton, openButton, saveButton, presentationButton,
                themeButton, runButton}) {
            // Keys belong to the timeline shortcuts, not to whichever toolbar button had focus.
            c.setFocusTraversable(false);
        }
    }

    /**
     * Wires the toolbar: its buttons run through {@code keys}; {@code onSpeed} hears the speed
     * chosen, {@code onPresentation} presentation mode switched; Run is enabled while {@code canRun}.
     */
    void wire(KeyMap keys, ObservableBooleanValue canRun, DoubleConsumer onSpeed, Consumer<Boolean> onPresentation) {
        this.keys = keys;
        runButton.disableProperty().bind(Bindings.not(canRun));
        speedBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                onSpeed.accept(b);
            }
        });
        presentationButton.selectedProperty().addListener((o, a, on) -> onPresentation.accept(on));
    }

    private static void tip(Control c, String text, Shortcut key) {
        tooltip(c, text, key.keys());
    }

    /** {@code c}'s tip: {@code text}, then the keys that do the same (null: none), after the quick delay. */
    static void tooltip(Control c, String text, String key) {
        Tips.quick(c, key == null ? text : text + "  (" + key + ")");
    }

    /** Run's tooltip: what it does, or what keeps it from running. */
    void showRunProblem(String problem) {
        if (problem == null) {
            tooltip(runButton, "Run the scenario with these parameters", Shortcut.RUN.keys());
        } else {
            tooltip(runButton, "Fix the marked parameter first: " + problem, null);
        }
    }

    /** Enables what has something to work on, and shows play or pause. */
    void update(boolean hasTrace, boolean running, boolean moving) {
        stopButton.setDisable(!running);
        for (Button b : new Button[]{replayButton, stepBackButton, stepForwardButton, playButton, zoomInButton,
                zoomOutButton, fitButton, saveButton}) {
            b.setDisable(!hasTrace);
        }
        String icon = moving ? "mdi2p-pause" : "mdi2p-play";
        if (!icon.equals(playIcon.getIconLiteral())) {
            playIcon.setIconLiteral(icon);
        }
    }

    /** One step slower ({@code -1}) or faster ({@code +1}) on the speed list. */
    void changeSpeed(int direction) {
        int i = PlaybackModel.SPEEDS.indexOf(speedBox.getValue());
        int j = Math.max(0, Math.min(PlaybackModel.SPEEDS.size() - 1,
                (i < 0 ? PlaybackModel.SPEEDS.indexOf(1.0) : i) + direction));
        speedBox.setValue(PlaybackModel.SPEEDS.get(j));
    }

    /** Shows whether the timeline's axis counts steps. */
    void showSteps(boolean on) {
        stepsButton.setSelected(on);
    }

    /** Shows {@code speed} as the one chosen (the lesson's pace sets it as the run goes). */
    void showSpeed(double speed) {
        speedBox.setValue(speed);
    }

    boolean presentation() {
        return presentationButton.isSelected();
    }

    void setPresentation(boolean on) {
        presentationButton.setSelected(on);
    }

    void showTheme(Theme t) {
        themeIcon.setIconLiteral(t == Theme.DARK ? "mdi2w-white-balance-sunny" : "mdi2w-weather-night");
    }

    /** The scenario picker says {@code s} (null: a program of the user's own); picking one calls {@code onPick}. */
    void showScenario(ScenarioSpec s) {
        picking = true;
        try {
            scenarioPicker.setValue(s);
        } finally {
            picking = false;
        }
    }

    /** Hears the scenario picked in presentation mode's picker. */
    void setOnScenarioPicked(Consumer<ScenarioSpec> onPick) {
        scenarioPicker.valueProperty().addListener((o, a, b) -> {
            if (!picking && b != null) {
                onPick.accept(b);
            }
        });
    }

    /** The brand's name, which presentation mode leaves out for room. */
    Label brandName() {
        return brandName;
    }

    ComboBox<ScenarioSpec> scenarioPicker() {
        return scenarioPicker;
    }

    /** Opening files needs a reader: without one the Open button is not there. */
    void canOpen(boolean yes) {
        openButton.setVisible(yes);
        openButton.setManaged(yes);
    }

    MenuButton fileMenuButton() {
        return fileMenuButton;
    }

    boolean runDisabled() {
        return runButton.isDisabled();
    }

    @FXML
    void run() {
        keys.run(Shortcut.RUN);
    }

    @FXML
    void stop() {
        keys.run(Shortcut.STOP);
    }

    @FXML
    void replay() {
        keys.run(Shortcut.REPLAY);
    }

    @FXML
    void stepBack() {
        keys.run(Shortcut.STEP_BACK);
    }

    @FXML
    void togglePlay() {
        keys.run(Shortcut.PLAY);
    }

    @FXML
    void stepForward() {
        keys.run(Shortcut.STEP_FORWARD);
    }

    @FXML
    void zoomOut() {
        keys.run(Shortcut.ZOOM_OUT);
    }

    @FXML
    void zoomIn() {
        keys.run(Shortcut.ZOOM_IN);
    }

    @FXML
    void fit() {
        keys.run(Shortcut.FIT);
    }

    @FXML
    void toggleSteps() {
        // the key map flips the axis, which sets the button back in step with it
        keys.run(Shortcut.STEPS_AXIS);
    }

    @FXML
    void open() {
        keys.run(Shortcut.OPEN);
    }

    @FXML
    void save() {
        keys.run(Shortcut.SAVE);
    }

    @FXML
    void toggleTheme() {
        keys.run(Shortcut.THEME);
    }
}
