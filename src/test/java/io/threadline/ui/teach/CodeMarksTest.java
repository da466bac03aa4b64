package io.threadline.ui.teach;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A line's tag names its threads without covering the line's code, however long the line. */
@ExtendWith(ApplicationExtension.class)
class CodeMarksTest {
    private CodeView view;

    @Start
    void start(Stage stage) {
        view = new CodeView();
        stage.setScene(new Scene(view, 420, 300));
        stage.show();
    }

    @Test
    void aTagFollowsCodeThatReachesTheViewsEdge() throws Exception {
        String program = "x = 1\nsleep(durations[worker_number_of_this_process] * factor)\ny = 2\n";
        WaitForAsyncUtils.asyncFx(() -> {
            view.show(program, CodeView.Language.PYTHON);
            view.setMarks(List.of(new CodeView.LineMark(1, "short", 0, false),
                    new CodeView.LineMark(2, "ForkPoolWorker-2", 1, true)));
            view.applyCss();
            view.layout();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds[] tags = WaitForAsyncUtils.asyncFx(() -> view.lookupAll(".code-mark-tag").stream()
                .map(n -> n.localToScene(n.getLayoutBounds())).toArray(Bounds[]::new)).get(10, TimeUnit.SECONDS);
        double codeEnd = WaitForAsyncUtils.asyncFx(() -> {
            double end = 0;
            // the long line is the widest: where the code's tokens end furthest right
            for (Node n : view.lookupAll(".code-token")) {
                if (n instanceof Text t) {
                    end = Math.max(end, t.localToScene(t.getLayoutBounds()).getMaxX());
                }
            }
            return end;
        }).get(10, TimeUnit.SECONDS);
        assertThat(tags).hasSize(2);
        assertThat(codeEnd).as("the long line is drawn").isGreaterThan(0);
        Bounds longLine = tags[0].getMinY() > tags[1].getMinY() ? tags[0] : tags[1];
        assertThat(longLine.getMinX()).as("the tag starts after the code, not over it").isGreaterThan(codeEnd);
    }
}
