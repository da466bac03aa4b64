package io.threadline.ui;

import io.threadline.runtime.ClockMode;
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
 * Takes a picture of the window at the end of each scenario's run, for the README and for a
 * look as a teacher would. Run it on a real display (or Xvfb), not Monocle:
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * DISPLAY=:57 java -Dprism.order=sw -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     io.threadline.ui.ScreenshotTour assets/screenshots [light|dark] [presentation] [WxH] [only=id,id]
 * </pre>
 * The window is 1480x920 unless a size is given; presentation mode fills the screen, so give Xvfb
 * the size too. The projector set of the README: {@code xvfb-run -a -s "-screen 0 1280x720x24" ...
 * ScreenshotTour assets/screenshots/projector light presentation 1280x720}.
 */
public final class ScreenshotTour {
    private static File dir;
    private static Theme theme = Theme.LIGHT;
    private static boolean presentation;
    /** "live": a paced run caught in the middle; "fresh": before any run, with a bad value typed. */
    private static String moment = "end";
    private static double width = 1480;
    private static double height = 920;
    /** Only these scenarios (ids), or all when empty. */
    private static List<String> only = List.of();

    public static void main(String[] args) {
        dir = new File(args.length > 0 ? args[0] : "assets/screenshots");
        List<String> rest = List.of(args).subList(Math.min(1, args.length), args.length);
        theme = rest.contains("dark") ? Theme.DARK : Theme.LIGHT;
        presentation = rest.contains("presentation");
        moment = rest.contains("live") ? "live" : rest.contains("fresh") ? "fresh" : "end";
        for (String a : rest) {
            if (a.matches("\\d+x\\d+")) {
                width = Double.parseDouble(a.substring(0, a.indexOf('x')));
                height = Double.parseDouble(a.substring(a.indexOf('x') + 1));
            } else if (a.startsWith("only=")) {
                only = List.of(a.substring(5).split(","));
            }
        }
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create " + dir);
        }
        Application.launch(Tour.class, args);
    }

    /** The Application itself: a separate class, so main() starts on the classpath. */
    public static final class Tour extends Application {
    private final Deque<ScenarioSpec> todo = new ArrayDeque<>(ScenarioCatalog.all().stream()
            .filter(s -> only.isEmpty() || only.contains(s.id())).toList());
    private MainController c;
    private Stage stage;

    @Override
    public void start(Stage s) {
        stage = s;
        c = ShotKit.open(stage, width, height);
        c.setTheme(theme);
        c.setPresentation(presentation);
        stage.show();
        later(600, this::next);
    }

    private void next() {
        ScenarioSpec s = todo.poll();
        if (s == null) {
            Platform.exit();
            return;
        }
        c.scenarioList().getSelectionModel().select(s);
        if (moment.equals("fresh")) {
            if (stage.getScene().lookup("#param-" + s.params().get(0).name())
                    instanceof javafx.scene.control.TextField f) {
                f.setText("abc");
            }
            later(300, () -> shoot(s));
            return;
        }
        if (moment.equals("live")) {
            c.clockMode = ClockMode.PACED;
            c.run();
            later(1500, () -> shoot(s));
            return;
        }
        c.run();
        awaitEnd(s);
    }

    private void awaitEnd(ScenarioSpec s) {
        // A few frames for the last output lines and the status bar.
        ShotKit.whenEnded(c, () -> later(400, () -> shoot(s)));
    }

    private void shoot(ScenarioSpec s) {
        ShotKit.write(stage, new File(dir, s.id() + ".png"));
        c.stop();
        next();
    }

    private static void later(long millis, Runnable r) {
        ShotKit.later(millis, r);
    }
    }
}
