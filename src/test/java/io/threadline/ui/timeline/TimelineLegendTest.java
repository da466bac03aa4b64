package io.threadline.ui.timeline;

import io.threadline.trace.ThreadState;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class TimelineLegendTest {
    private TimelineView view;
    private TimelineLegend legend;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        legend = new TimelineLegend(view);
        view.traceProperty().set(Traces.of("chef-soup"));
        stage.setScene(new Scene(new BorderPane(view, legend, null, null, null), 1000, 500));
        stage.show();
    }

    @Test
    void listsTheFiveStates() {
        for (ThreadState s : ThreadState.values()) {
            assertThat(legend.item(s).getText()).isEqualTo(s.label());
            assertThat(legend.item(s).isVisible()).isTrue();
        }
    }

    @Test
    void clickingAStateHighlightsItAndClickingAgainClears(FxRobot robot) {
        robot.clickOn(legend.item(ThreadState.WAITING));
        assertThat(view.highlightedStateProperty().get()).isEqualTo(ThreadState.WAITING);
        robot.clickOn(legend.item(ThreadState.RUNNING));
        assertThat(view.highlightedStateProperty().get()).isEqualTo(ThreadState.RUNNING);
        assertThat(legend.item(ThreadState.WAITING).isSelected()).isFalse();
        robot.clickOn(legend.item(ThreadState.RUNNING));
        assertThat(view.highlightedStateProperty().get()).isNull();
    }

    @Test
    void followsTheViewWhenTheHighlightIsSetElsewhere() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.highlightedStateProperty().set(ThreadState.DEAD));
        assertThat(legend.item(ThreadState.DEAD).isSelected()).isTrue();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.highlightedStateProperty().set(null));
        assertThat(legend.item(ThreadState.DEAD).isSelected()).isFalse();
    }
}
