package io.threadline.ui.teach;

import io.threadline.scenario.LessonWindow;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioSpec;
import javafx.application.Platform;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Slow motion over the stretch a scenario's lesson is about: that window plays at the fastest of
 * the window's speeds that makes it last at least {@link #SECONDS_ON_SCREEN} on screen, the rest
 * of the run at the speed the user chose.
 *
 * <p>A scenario's run is its parameters and seed, so the window of the run about to start is
 * found by making the same run on the virtual clock first ({@link Finder#prepare}), in the
 * background: a run of these scenarios takes milliseconds there.
 */
public final class LessonPace {
    /** How long the lesson's window should last on screen, at least (wall seconds). */
    public static final double SECONDS_ON_SCREEN = 4;
    /** A run of the virtual clock that takes longer than this is not waited for: no pacing. */
    private static final long PREPARE_MILLIS = 2_000;
    /** Slow down this much before the window (µs of scenario time): a frame at full speed must not skip into it. */
    private static final long LEAD = 20_000;

    private final LessonWindow window;
    private final double slow;
    private final double normal;

    public LessonPace(LessonWindow window, double slow, double normal) {
        this.window = window;
        this.slow = slow;
        this.normal = normal;
    }

    /** The pace for {@code window} among {@code speeds} (slowest first), the rest at {@code normal}. */
    public static LessonPace of(LessonWindow window, List<Double> speeds, double normal) {
        return new LessonPace(window, slowSpeed(window, speeds, normal), normal);
    }

    /**
     * The fastest speed of {@code speeds} at which {@code window} lasts at least
     * {@link #SECONDS_ON_SCREEN}; never faster than {@code normal}; the slowest if none is slow enough.
     */
    static double slowSpeed(LessonWindow window, List<Double> speeds, double normal) {
        double best = speeds.get(0);
        for (double s : speeds) {
            if (window.length() / 1e6 / s >= SECONDS_ON_SCREEN && s <= normal) {
                best = s;
            }
        }
        return Math.min(best, normal);
    }

    public LessonWindow window() {
        return window;
    }

    /** The speed the playback should have at scenario time {@code t}. */
    public double speedAt(long t) {
        return t >= window.from() - LEAD && t < window.to() ? slow : normal;
    }

    public double slow() {
        return slow;
    }

    public double normal() {
        return normal;
    }

    /** Finds lesson windows of runs about to start, one at a time, off the JavaFX thread. */
    public static final class Finder {
        private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lesson-pace");
            t.setDaemon(true);
            return t;
        });
        private int generation;

        /**
         * Runs {@code values} of {@code s} on the virtual clock and hands its lesson window (null:
         * none, or the run took too long) to {@code then} on the JavaFX thread, unless another
         * preparation or {@link #cancel} came meanwhile.
         */
        public void prepare(ScenarioSpec s, ParamValues values, Consumer<LessonWindow> then) {
            int mine = ++generation;
            background.submit(() -> {
                LessonWindow w;
                try {
                    w = s.findLessonWindow(values, PREPARE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    w = null;
                }
                LessonWindow found = w;
                Platform.runLater(() -> {
                    if (mine == generation) {
                        then.accept(found);
                    }
                });
            });
        }

        /** Forgets a preparation under way: its window is never handed over. */
        public void cancel() {
            generation++;
        }

        public void shutdown() {
            background.shutdownNow();
        }
    }
}
