package io.threadline.ui;

import io.threadline.ui.KeyMap.Shortcut;
import io.threadline.ui.teach.CodeEditor;
import io.threadline.ui.teach.CodeView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Python tab's editor: typing Python, undo that undoes only typing, find, marks and colours. */
class CodeEditorTest extends FxTestBase {
    private CodeEditor editor() {
        return fx(() -> c.panel().pythonCode());
    }

    private void editSoup() {
        select("chef-soup");
        fx(() -> c.keys().run(Shortcut.EDIT));
        waitUntil("editable", () -> editor().isEditable());
    }

    @Test
    void marksAndColoursAreNoEditsUndoUndoesTheTypingOnly() {
        editSoup();
        String original = fx(() -> editor().text());
        fx(() -> editor().area().replaceText(0, 0, "# mine\n"));
        fx(() -> editor().setMarks(List.of(new CodeView.LineMark(3, "Barron", 0, true),
                new CodeView.LineMark(3, "Olivia", 1, false))));
        fx(() -> editor().showProblem(2, "Line 2: a problem"));
        assertThat(fx(() -> editor().area().getParagraph(2).getParagraphStyle())).contains("code-mark-line", "primary");
        assertThat(fx(() -> editor().area().getParagraph(1).getParagraphStyle())).contains("code-problem-line");
        assertThat(fx(() -> editor().area().getStyleOfChar(1))).contains("code-comment");

        fx(() -> editor().area().undo());
        assertThat(fx(() -> editor().text())).isEqualTo(original);
        assertThat(fx(() -> editor().area().isUndoAvailable())).as("the marks were never edits").isFalse();
        assertThat(fx(() -> editor().marks())).hasSize(2);
        assertThat(fx(() -> node("code-problem").isVisible())).isTrue();

        fx(() -> editor().setMarks(List.of()));
        assertThat(fx(() -> editor().area().getParagraph(2).getParagraphStyle())).doesNotContain("code-mark-line");
    }

    @Test
    void enterKeepsTheIndentationAndAddsALevelAfterAColonTabIsFourSpaces() {
        editSoup();
        fx(() -> {
            editor().area().replaceText("def f():");
            editor().area().requestFocus();
            editor().area().moveTo(8);
        });
        robot.push(KeyCode.ENTER);
        robot.write("x = 1");
        robot.push(KeyCode.ENTER);
        robot.push(KeyCode.TAB);
        robot.write("y");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> editor().text())).isEqualTo("def f():\n    x = 1\n        y");
        assertThat(fx(() -> c.shownProgram().text())).as("kept as typed").isEqualTo("def f():\n    x = 1\n        y");
    }

    @Test
    void findSelectsEachMatchInTurnWhateverItsCase() {
        editSoup();
        fx(() -> {
            editor().area().requestFocus();
            editor().area().moveTo(0);
        });
        robot.push(KeyCode.CONTROL, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> editor().isFinding())).isTrue();
        TextField field = node("code-find-field");
        assertThat(fx(() -> stage.getScene().getFocusOwner())).isSameAs(field);
        robot.write("olivia.");
        WaitForAsyncUtils.waitForFxEvents();
        String text = fx(() -> editor().text()).toLowerCase();
        int first = text.indexOf("olivia.");
        assertThat(fx(() -> editor().area().getSelection().getStart())).isEqualTo(first);
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> editor().area().getSelection().getStart())).isEqualTo(text.indexOf("olivia.", first + 1));
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> editor().isFinding())).isFalse();
        assertThat(fx(() -> editor().area().isFocused())).isTrue();
    }
}
