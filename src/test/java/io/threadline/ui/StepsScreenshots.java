package io.threadline.ui;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.File;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Pictures of the window at 1280x720 for a look at the steps axis and the end of a run: each
 * scenario named (default: all) at the end of its run on the time axis, then on the steps axis
 * stopped a few transitions in. Run on a real display or Xvfb, not Monocle:
 * <pre>
 * DISPLAY=:57 java -Dprism.order=sw -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     io.threadline.ui.StepsScreenshots /tmp/shots [chef-soup daemon-cleaner ...]
 * </pre>
 */
public final class StepsScreenshots {
    private static File dir;
    private static List<String> ids;

    public static void main(String[] args) {
        dir = new File(args.length > 0 ? args[0] : "/tmp/steps-shots");
        ids = args.length > 1 ? List.of(args).subList(1, args.length)
                : ScenarioCatalog.all().stream().map(ScenarioSpec::id).toList();
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create " + dir);
        }
        Application.launch(Shots.class, args);
    }

    /** The Application itself: a separate class, so main() starts on the classpath. */
    public static final class Shots extends Application {
        private final Deque<String> todo = new ArrayDeque<>(ids);
        private MainController c;
        private Stage stage;

        @Override
        public void start(Stage s) {
            stage = s;
            c = ShotKit.open(stage, 1280, 720);
            stage.show();
            later(600, this::next);
        }

        private void next() {
            String id = todo.poll();
            if (id == null) {
                Platform.exit();
                return;
            }
            c.timeline().stepsAxisProperty().set(false);
            c.scenarioList().getSelectionModel().select(ScenarioCatalog.byId(id));
            c.run();
            awaitEnd(id);
        }

        private void awaitEnd(String id) {
            ShotKit.whenEnded(c, () -> afterEnd(id));
        }

        private void afterEnd(String id) {
            later(400, () -> {
                shoot(id + "-time");
                c.timeline().stepsAxisProperty().set(true);
                c.playback().seekStep(7);
                c.stepForward();
                later(400, () -> {
                    shoot(id + "-steps");
                    c.keys().run(KeyMap.Shortcut.TO_END);
                    later(300, () -> {
                        shoot(id + "-steps-end");
                        next();
                    });
                });
            });
        }

        private void shoot(String name) {
            ShotKit.write(stage, new File(dir, name + ".png"));
        }

        private static void later(long millis, Runnable r) {
            ShotKit.later(millis, r);
        }
    }
}
