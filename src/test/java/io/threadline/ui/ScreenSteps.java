package io.threadline.ui;

import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

/**
 * The steps of a screenshot harness, run one after another on the JavaFX thread with a pause
 * between them, so the window lays out and paints before each picture.
 */
final class ScreenSteps {
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private final Stage stage;
    private final File dir;

    ScreenSteps(Stage stage, File dir) {
        this.stage = stage;
        this.dir = dir;
    }

    void add(Runnable r) {
        steps.add(r);
    }

    /** Runs {@code r} next, before the steps already added (a step that repeats until done). */
    void addFirst(Runnable r) {
        steps.addFirst(r);
    }

    /** Waits (up to 200 steps) until {@code condition} holds. */
    void waitFor(BooleanSupplier condition) {
        steps.add(new Runnable() {
            private int tries;

            @Override
            public void run() {
                if (!condition.getAsBoolean() && tries++ < 200) {
                    steps.addFirst(this);
                }
            }
        });
    }

    /** Writes the window as it is then to {@code name}.png. */
    void shoot(String name) {
        steps.add(() -> {
            WritableImage img = stage.getScene().snapshot(null);
            File f = new File(dir, name + ".png");
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", f);
                System.out.println("wrote " + f);
            } catch (IOException e) {
                System.err.println("could not write " + f + ": " + e.getMessage());
            }
        });
    }

    /** Runs the next step, and the rest after it. */
    void next() {
        Runnable r = steps.poll();
        if (r == null) {
            return;
        }
        PauseTransition p = new PauseTransition(Duration.millis(350));
        p.setOnFinished(e -> {
            r.run();
            next();
        });
        p.play();
    }
}
