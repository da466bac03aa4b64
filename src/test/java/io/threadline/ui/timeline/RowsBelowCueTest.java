package io.threadline.ui.timeline;

import io.threadline.picture.TimelineRows;
import io.threadline.trace.Trace;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows that do not fit are announced at the view's foot: on a projector at 1280x720
 * pool-the-rest's last results rows were cut by the status bar with nothing to say more followed.
 */
@ExtendWith(ApplicationExtension.class)
class RowsBelowCueTest {
    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        view.presentationProperty().set(true);
        view.fitLanesProperty().set(true);
        // the timeline's share of a 1280x720 window in presentation mode, whatever size the
        // primary stage (shared by the test classes) was left at
        view.setMinSize(1265, 530);
        view.setPrefSize(1265, 530);
        view.setMaxSize(1265, 530);
        stage.setScene(new Scene(new Pane(view), 1265, 530));
        stage.show();
    }

    private void show(String scenario) {
        Trace t = Traces.of(scenario);
        fx(() -> {
            view.traceProperty().set(t);
            view.refresh();
            view.layout();
        });
    }

    private static void fx(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Supplier<T> s) {
        AtomicReference<T> out = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> out.set(s.get()));
        return out.get();
    }

    private Label cue() {
        return fx(() -> (Label) view.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("rows-below"))
                .findFirst().orElseThrow());
    }

    /** Rows whose bottom is not above the cue's top (the view's foot when it is hidden). */
    private int hidden() {
        return fx(() -> {
            Label cue = cue();
            double foot = cue.isVisible() ? cue.getLayoutY() : view.getHeight();
            double top = view.metrics().rulerHeight() - view.scrollY();
            int n = 0;
            for (TimelineRows.Row r : view.rows().rows()) {
                if (top + r.bottom() > foot + 0.5) {
                    n++;
                }
            }
            return n;
        });
    }

    @Test
    void rowsBelowTheViewAreCountedAtItsFootAndAClickShowsTheLast(FxRobot robot) {
        show("pool-the-rest");
        Label cue = cue();
        assertThat(fx(view::getHeight)).isEqualTo(530);
        int hidden = hidden();
        assertThat(hidden).as("pool-the-rest's rows do not all fit 530 px").isGreaterThan(1);
        assertThat(fx(cue::isVisible)).isTrue();
        assertThat(fx(cue::getText)).isEqualTo("↓ " + hidden + " more rows below");
        assertThat(fx(() -> cue.getLayoutY() + cue.getHeight())).isEqualTo(fx(view::getHeight));

        robot.clickOn(cue);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hidden()).as("after a click the last row is whole above the strip").isZero();
        assertThat(fx(cue::getText)).isEmpty();
    }

    @Test
    void rowsThatFitHaveNoCue() {
        show("chef-soup");
        assertThat(fx(() -> cue().isVisible())).isFalse();
        assertThat(hidden()).isZero();
    }
}
