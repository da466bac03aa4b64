package io.threadline.ui;

import io.threadline.trace.Trace;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's training run (the app image's class-data archive holds what it loaded) does in the
 * window what a user does first: the fastest speed, Run, the run to its end, then it hands over.
 * It finds the controls by their ids: this test fails when they are renamed.
 */
class TrainingRunTest extends FxTestBase {
    @Test
    void theTrainingRunRunsTheScenarioShownToItsEndThenHandsOver() {
        AtomicBoolean done = new AtomicBoolean();
        assertThat(fx(() -> c.playback().getTrace())).isNull();

        fx(() -> TrainingRun.drive(stage.getScene(), () -> done.set(true)));
        waitUntil("the training run to hand over", done::get);

        Trace ran = fx(() -> c.playback().getTrace());
        assertThat(ran).isNotNull();
        assertThat(ran.isFinished()).isTrue();
        assertThat(ran.eventCount()).isGreaterThan(5);
        ComboBox<?> speed = fx(() -> (ComboBox<?>) stage.getScene().lookup("#speedBox"));
        assertThat(fx(() -> speed.getSelectionModel().getSelectedIndex())).isEqualTo(speed.getItems().size() - 1);
    }

    @Test
    void aWindowWithoutItsControlsHandsOverAtOnce() {
        AtomicBoolean done = new AtomicBoolean();
        fx(() -> TrainingRun.drive(new javafx.scene.Scene(new javafx.scene.layout.Pane()), () -> done.set(true)));
        assertThat(done).isTrue();
    }
}
