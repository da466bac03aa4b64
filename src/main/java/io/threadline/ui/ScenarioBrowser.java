package io.threadline.ui;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The scenario browser (scenario-browser.fxml): the catalogue's scenarios, narrowed by a search
 * that matches every word typed, and the keys card. Picking one tells the window; a search that
 * hides the scenario shown does not change what is shown.
 */
public final class ScenarioBrowser {
    @FXML private VBox sidebar;
    @FXML private TextField searchField;
    @FXML private ListView<ScenarioSpec> scenarioList;
    @FXML private GridPane keysGrid;
    @FXML private VBox programsBox;
    @FXML private ListView<ProgramDraft> programList;
    private Consumer<ProgramDraft> onPickProgram = d -> { };
    private Consumer<ProgramDraft> onCloseProgram = d -> { };
    private ProgramDraft shownProgram;
    private final FilteredList<ScenarioSpec> scenarios = new FilteredList<>(
            FXCollections.observableArrayList(ScenarioCatalog.all()));
    private Consumer<ScenarioSpec> onPick = s -> { };
    /** The scenario the window shows, which the list keeps selected while a search lets it. */
    private ScenarioSpec shown;

    @FXML
    private void initialize() {
        scenarioList.setItems(scenarios);
        scenarioList.setCellFactory(v -> new ScenarioCell());
        Label none = new Label("No scenario matches.");
        none.getStyleClass().add("list-empty-note");
        scenarioList.setPlaceholder(none);
        scenarioList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            // A filter that hides the selection clears it; the scenario shown stays.
            if (b != null && (b != shown || shownProgram != null)) {
                onPick.accept(b);
            }
        });
        searchField.textProperty().addListener((o, a, text) -> {
            String[] words = text == null ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
            scenarios.setPredicate(s -> matches(s, words));
            if (shown != null && scenarios.contains(shown)) {
                scenarioList.getSelectionModel().select(shown);
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
        KeyMap.fillCard(keysGrid);
        programList.setCellFactory(v -> new ProgramCell(d -> onCloseProgram.accept(d)));
        programsBox.managedProperty().bind(programsBox.visibleProperty());
        programsBox.setVisible(false);
        programList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != shownProgram) {
                onPickProgram.accept(b);
            }
        });
    }

    /** Lists the user's own programs above the scenarios (the list is hidden while it is empty). */
    void setPrograms(javafx.collections.ObservableList<ProgramDraft> programs) {
        programList.setItems(programs);
        Runnable fit = () -> {
            programsBox.setVisible(!programs.isEmpty());
            // room for three before it scrolls; the scenarios keep the rest
            programList.setPrefHeight(Math.min(3, programs.size()) * ProgramCell.HEIGHT + 4);
        };
        programs.addListener((javafx.collections.ListChangeListener<ProgramDraft>) c -> fit.run());
        programList.setFixedCellSize(ProgramCell.HEIGHT);
        fit.run();
    }

    /** Hears the program the user picks, and the one they close. */
    void setOnProgram(Consumer<ProgramDraft> pick, Consumer<ProgramDraft> close) {
        onPickProgram = pick;
        onCloseProgram = close;
    }

    /** The window shows the user's program {@code d} (one of the list's): the list marks it. */
    void showingProgram(ProgramDraft d) {
        shownProgram = d;
        shown = null;
        scenarioList.getSelectionModel().clearSelection();
        programList.getSelectionModel().select(d);
        programList.refresh();
    }

    /** A program's name or state changed: its cell says so. */
    void refreshPrograms() {
        programList.refresh();
    }

    ListView<ProgramDraft> programList() {
        return programList;
    }

    /** True if every word is in the scenario's title, summary or id. */
    static boolean matches(ScenarioSpec s, String[] words) {
        String hay = (s.title() + " " + s.summary() + " " + s.id()).toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!w.isEmpty() && !hay.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Hears the scenario the user picks. */
    void setOnPick(Consumer<ScenarioSpec> listener) {
        onPick = listener;
    }

    /** The window shows {@code s} now: the list marks it, with the search cleared if it hid it. */
    void showing(ScenarioSpec s) {
        shown = s;
        shownProgram = null;
        programList.getSelectionModel().clearSelection();
        if (!scenarios.contains(s)) {
            searchField.clear();
        }
        scenarioList.getSelectionModel().select(s);
    }

    /** Picks the first scenario, as the window opens. */
    void pickFirst() {
        if (!scenarios.isEmpty()) {
            scenarioList.getSelectionModel().selectFirst();
        }
    }

    void focusSearch() {
        searchField.requestFocus();
    }

    void focusList() {
        scenarioList.requestFocus();
    }

    /** The column itself, which presentation mode puts away. */
    VBox column() {
        return sidebar;
    }

    ListView<ScenarioSpec> list() {
        return scenarioList;
    }
}
