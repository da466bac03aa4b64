package io.threadline.ui;

import io.threadline.scenario.ScenarioSpec;
import io.threadline.ui.teach.CodeView;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The side panel (side-panel.fxml): the scenario shown, what its program does, its parameters
 * and its code in Java and Python. The lesson (the explanation's "Notice:" paragraph) is held
 * back until a run has answered the prediction, as it would give the answer away; a link shows
 * it at once for a teacher who wants it.
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
    @FXML private CodeView pythonCode;
    /** The scenarios whose lesson may show: answered by a run, or asked for. */
    private final Set<String> lessonsShown = new HashSet<>();
    private ScenarioSpec shown;

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
        pythonCode.show(s.pythonSource(), CodeView.Language.PYTHON);
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
