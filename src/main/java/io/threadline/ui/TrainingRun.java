package io.threadline.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;

/**
 * The window's part of the build's training run ({@code -Dthreadline.startupProbe=train}): the
 * class-data archive the app image starts from holds what this run loaded, so it does what a
 * user does first. Once the window has painted, it sets the fastest speed, presses Run, follows
 * the run to its end as the timeline draws it, and then hands over to {@code done}.
 */
final class TrainingRun {
    /** Pulses given to the run to get going. */
    private static final int PULSES_BEFORE = 10;
    /** Pulses drawn after the run ended (the end of run's banner, tour and lesson). */
    private static final int PULSES_AFTER = 30;
    /** A run that has not ended by then is left: the archive is only less complete. */
    private static final long LIMIT_NANOS = 60_000_000_000L;

    private TrainingRun() {
    }

    /** Drives the window of {@code scene}; calls {@code done} on the JavaFX thread when finished. */
    static void drive(Scene scene, Runnable done) {
        Node run = scene.lookup("#runButton");
        Node stop = scene.lookup("#stopButton");
        if (!(run instanceof ButtonBase runButton) || stop == null) {
            AppLog.LOG.warning("training run: no Run button in the window; the archive holds its start only");
            done.run();
            return;
        }
        if (scene.lookup("#speedBox") instanceof ComboBox<?> speed && !speed.getItems().isEmpty()) {
            speed.getSelectionModel().selectLast();
        }
        runButton.fire();
        long start = System.nanoTime();
        new AnimationTimer() {
            private int pulses;
            private int after = -1;

            @Override
            public void handle(long now) {
                // The Stop button is enabled exactly while a run goes on; a run on the virtual
                // clock may be over before the first pulse.
                boolean ended = ++pulses > PULSES_BEFORE && stop.isDisabled();
                if (after < 0 && (ended || System.nanoTime() - start > LIMIT_NANOS)) {
                    after = 0;
                }
                if (after >= 0 && ++after > PULSES_AFTER) {
                    stop();
                    done.run();
                }
            }
        }.start();
    }
}
