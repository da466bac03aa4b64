package io.threadline.ui;

import io.threadline.python.ScenarioSource;
import io.threadline.python.UserRunParams;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.ui.KeyMap.Shortcut;
import io.threadline.ui.teach.CodeEditor;
import io.threadline.ui.teach.CodeView;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The side panel (side-panel.fxml): the scenario shown, what its program does, its parameters
 * and its code in Java and Python. The lesson (the explanation's "Notice:" paragraph) is held
 * back until a run has answered the prediction, as it would give the answer away; a link shows
 * it at once for a teacher who wants it.
 *
 * <p>The Python tab's bar makes the program the user's (Edit), brings the original back (Reset)
 * and saves it; a user's program shows its run settings in place of the scenario's parameters,
 * and the interpreter it runs with.
 */
public final class ScenarioPanel {
    @FXML private SplitPane detailSplit;
    @FXML private TabPane detailTabs;
    @FXML private Tab threadTab;
    @FXML private TabPane codeTabs;
    @FXML private FontIcon detailIcon;
    @FXML private Label detailTitle;
    @FXML private Label explanation;
    @FXML private Label lesson;
    @FXML private Hyperlink lessonLink;
    @FXML private ParamForm paramForm;
    @FXML private CodeView javaCode;
    @FXML private CodeEditor pythonCode;
    @FXML private Tab javaTab;
    @FXML private Tab pythonTab;
    @FXML private Label programName;
    @FXML private Label programState;
    @FXML private Button editButton;
    @FXML private Button resetButton;
    @FXML private Button saveProgramButton;
    @FXML private VBox interpreterBox;
    @FXML private TextField interpreterField;
    private KeyMap keys;
    private Runnable onReset = () -> { };
    /** The scenarios whose lesson may show: answered by a run, or asked for. */
    private final Set<String> lessonsShown = new HashSet<>();
    private ScenarioSpec shown;

    @FXML
    private void initialize() {
        interpreterBox.managedProperty().bind(interpreterBox.visibleProperty());
        interpreterBox.setVisible(false);
        editButton.managedProperty().bind(editButton.visibleProperty());
        resetButton.managedProperty().bind(resetButton.visibleProperty());
        saveProgramButton.managedProperty().bind(saveProgramButton.visibleProperty());
        for (Button b : new Button[] {editButton, resetButton, saveProgramButton}) {
            b.setFocusTraversable(false);
        }
        // the scenario's program follows the run on screen: say when its values are not the defaults
        pythonCode.textProperty().addListener((o, a, text) -> {
            if (!pythonCode.isEditable() && shown != null) {
                programState.setText(text.equals(shown.pythonSource()) ? "as it ships" : "with this run's values");
            }
        });
    }

    /** Edit and Save program run through {@code keys}; Reset runs {@code reset}. */
    void wire(KeyMap keyMap, Runnable reset) {
        keys = keyMap;
        onReset = reset;
        Toolbar.tooltip(editButton, "Edit this program and run your version", Shortcut.EDIT.keys());
        Toolbar.tooltip(resetButton, "Back to the program as it ships (your edit is dropped)", null);
        Toolbar.tooltip(saveProgramButton, "Save the program to a .py file", Shortcut.SAVE_PROGRAM.keys());
    }

    /** Shows {@code s} with the form holding {@code edited} over its defaults. */
    void show(ScenarioSpec s, Map<String, String> edited) {
        shown = s;
        detailIcon.setIconLiteral(s.icon());
        detailTitle.setText(s.title());
        explanation.setText(s.setup());
        lesson.setText(s.lesson());
        showLesson();
        paramForm.show(s, edited);
        javaCode.show(s.javaSource(), CodeView.Language.JAVA);
        pythonCode.setEditable(false);
        pythonCode.show(s.pythonSource());
        javaTab.setDisable(false);
        interpreterBox.setVisible(false);
        programName.setText(ScenarioSource.fileName(s));
        programState.setText("as it ships");
        editButton.setVisible(true);
        resetButton.setVisible(false);
        saveProgramButton.setVisible(true);
    }

    /**
     * Shows the user's program {@code d}: its scenario's texts (an edit) or its own, its run
     * settings, and its text, editable, in the Python tab.
     */
    void showProgram(ProgramDraft d, String interpreter) {
        ScenarioSpec s = d.origin();
        shown = s;
        if (s != null) {
            detailIcon.setIconLiteral(s.icon());
            detailTitle.setText(s.title() + ": your edit");
            explanation.setText("You are running your own version of this program: the Python tab's text, in a real "
                    + "CPython, its threads carried out by the same runtime. Its parameters are in the code now (the "
                    + "lines marked # parameter). Reset brings the original back.\n\n" + s.setup());
            lesson.setText(s.lesson());
            javaCode.show(s.javaSource(), CodeView.Language.JAVA);
            javaTab.setDisable(false);
        } else {
            detailIcon.setIconLiteral("mdi2l-language-python");
            detailTitle.setText(d.name());
            explanation.setText("Your own Python program. It runs in a real CPython, so the language and the standard "
                    + "library are CPython's; its threads, locks, queues, sleeps and processes are carried out by "
                    + "Threadline's runtime, so every state on the timeline is what the runtime did. Press Run to see "
                    + "it; the same program, settings and seed give the same run."
                    + (d.file() != null ? "\n\nFile: " + d.file() : ""));
            lesson.setText("");
            javaCode.show("", CodeView.Language.JAVA);
            javaTab.setDisable(true);
            codeTabs.getSelectionModel().select(pythonTab);
        }
        showLesson();
        paramForm.showParams(UserRunParams.PARAMS, d.params());
        interpreterBox.setVisible(true);
        if (!interpreterField.isFocused()) {
            interpreterField.setText(interpreter);
        }
        if (!d.text().equals(pythonCode.text())) {
            pythonCode.show(d.text());
        }
        pythonCode.setEditable(true);
        programName.setText(d.name());
        editButton.setVisible(false);
        resetButton.setVisible(true);
        saveProgramButton.setVisible(true);
        showProgramState(d);
    }

    /** The bar's word on the program: edited, saved, as it ships. */
    void showProgramState(ProgramDraft d) {
        programState.setText(d.origin() != null ? (d.modified() ? "your edit" : "your edit, unchanged so far")
                : d.file() == null ? "not saved to a file" : d.modified() ? "changed since saved" : "saved");
        programName.setText(d.name());
    }

    /** The Python tab to the front (Edit, a SyntaxError). */
    void showPython() {
        codeTabs.getSelectionModel().select(pythonTab);
    }

    @FXML
    void edit() {
        keys.run(Shortcut.EDIT);
    }

    @FXML
    void reset() {
        onReset.run();
    }

    @FXML
    void saveProgram() {
        keys.run(Shortcut.SAVE_PROGRAM);
    }

    CodeEditor pythonCode() {
        return pythonCode;
    }

    TextField interpreterField() {
        return interpreterField;
    }

    /** The lesson of {@code s}, shown or held back as before, as the run on screen tells it. */
    void showLesson(ScenarioSpec s, String text) {
        if (s == shown && !text.equals(lesson.getText())) {
            lesson.setText(text);
        }
    }

    /** A run of {@code s} has answered its prediction: its lesson may show. */
    void answered(ScenarioSpec s) {
        if (lessonsShown.add(s.id())) {
            showLesson();
        }
    }

    private void showLesson() {
        boolean on = shown != null && (lessonsShown.contains(shown.id()) || shown.lesson().isEmpty());
        lesson.setVisible(on);
        lesson.setManaged(on);
        lessonLink.setVisible(!on && shown != null);
        lessonLink.setManaged(!on && shown != null);
    }

    @FXML
    void revealLesson() {
        if (shown != null) {
            lessonsShown.add(shown.id());
            showLesson();
        }
    }

    @FXML
    void resetParams() {
        paramForm.resetToDefaults();
    }

    ParamForm form() {
        return paramForm;
    }

    CodeView javaCode() {
        return javaCode;
    }

    SplitPane split() {
        return detailSplit;
    }

    TabPane detailTabs() {
        return detailTabs;
    }

    Tab threadTab() {
        return threadTab;
    }

    TabPane codeTabs() {
        return codeTabs;
    }
}
