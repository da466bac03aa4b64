package io.threadline.ui;

import io.threadline.runtime.ClockMode;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;

/**
 * What every screenshot harness does the same way: a window on the virtual clock at a given
 * size, a pause on the JavaFX timeline (never a sleep on its thread), waiting for a run to end,
 * and writing the scene as a PNG.
 */
final class ShotKit {
    private ShotKit() {
    }

    /** The app's window on {@code stage}, not shown yet, runs on the virtual clock. */
    static MainController open(Stage stage, double width, double height) {
        MainController c = ThreadlineApp.build(stage, null);
        c.clockMode = ClockMode.VIRTUAL;
        stage.setWidth(width);
        stage.setHeight(height);
        return c;
    }

    static void later(long millis, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.millis(millis));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    /** Runs {@code then} once the window's run has ended, or after 10 s of polling. */
    static void whenEnded(MainController c, Runnable then) {
        poll(c, then, 0);
    }

    private static void poll(MainController c, Runnable then, int tries) {
        if (c.playback().isRunning() && tries < 200) {
            later(50, () -> poll(c, then, tries + 1));
            return;
        }
        then.run();
    }

    /** The stage's scene as a PNG in {@code file}; a failure is one line on stderr. */
    static void write(Stage stage, File file) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file);
            System.out.println("wrote " + file);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }
}
