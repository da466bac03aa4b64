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

    @Test
    void namesTheEndMarksWhereTheyFitAndDropsTheWordsBeforeWrapping() {
        double wide = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> laidOut(1000));
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5_000, legend::endWordsShown))
                .as("room for 'returned raised killed' at 1000 px").isTrue();
        // a little short of one line with the words (they take about 170 px)
        double oneLineWithWords = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            double sum = legend.snappedLeftInset() + legend.snappedRightInset() + legend.getHgap() * 4;
            for (ThreadState s : ThreadState.values()) {
                sum += legend.item(s).prefWidth(-1);
            }
            return sum;
        });
        // read in the same turn of the JavaFX thread: a pulse in between lays the legend out at its
        // BorderPane's 1000 px again (the test failed so under load)
        double[] narrow = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> new double[] {
            laidOut(oneLineWithWords - 60), legend.endWordsShown() ? 1 : 0});
        assertThat(narrow[1]).as("the words go before the legend wraps").isZero();
        assertThat(narrow[0]).as("still one line").isEqualTo(wide);
        assertThat(legend.item(ThreadState.DEAD).getText()).isEqualTo("dead");
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5_000, () -> laidOut(1000) > 0 && legend.endWordsShown()))
                .as("and come back with the room").isTrue();
    }

    /** The legend's height once laid out at {@code width} (two passes: dropping the words changes the entries' widths). */
    private double laidOut(double width) {
        for (int i = 0; i < 3; i++) {
            legend.applyCss();
            legend.resize(width, legend.prefHeight(width));
            legend.layout();
        }
        return legend.getHeight();
    }
}
