package io.threadline.ui;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import atlantafx.base.controls.ToggleSwitch;

import java.io.File;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The README's pictures of resource lanes, taken from the window at the end of a run:
 * race-condition with its lock lane, deadlock with the wait-for graph, gil-cpu-vs-io with the GIL
 * lane; at the given window size (default 1480x920). Run on Xvfb as {@link ScreenshotTour} is:
 * <pre>
 * DISPLAY=:57 java -Dprism.order=sw -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     io.threadline.ui.ResourceScreenshots assets/screenshots [WIDTHxHEIGHT]
 * </pre>
 */
public final class ResourceScreenshots {
    private static File dir;
    private static double width = 1480;
    private static double height = 920;
    private static String suffix = "";

    public static void main(String[] args) {
        dir = new File(args.length > 0 ? args[0] : "assets/screenshots");
        if (args.length > 1) {
            String[] wh = args[1].split("x");
            width = Double.parseDouble(wh[0]);
            height = Double.parseDouble(wh[1]);
            suffix = "-" + args[1];
        }
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create " + dir);
        }
        Application.launch(Shots.class, args);
    }

    /** The Application itself: a separate class, so main() starts on the classpath. */
    public static final class Shots extends Application {
        private final Deque<String[]> todo = new ArrayDeque<>(java.util.List.of(
                new String[] {"race-condition", "lock", "resources-race-condition"},
                new String[] {"deadlock", null, "resources-deadlock"},
                new String[] {"gil-cpu-vs-io", null, "resources-gil-cpu-vs-io"}));
        private MainController c;
        private Stage stage;

        @Override
        public void start(Stage s) {
            stage = s;
            c = ShotKit.open(stage, width, height);
            stage.show();
            later(600, this::next);
        }

        private void next() {
            String[] shot = todo.poll();
            if (shot == null) {
                Platform.exit();
                return;
            }
            // the graph panel a deadlock opened stays for the next run unless closed
            stage.getScene().getRoot().lookupAll(".wait-for-graph").forEach(n -> {
                if (n instanceof io.threadline.ui.timeline.WaitForGraphPanel p) {
                    p.showingProperty().set(false);
                }
            });
            ScenarioSpec s = ScenarioCatalog.byId(shot[0]);
            c.scenarioList().getSelectionModel().select(s);
            later(300, () -> {
                if (shot[1] != null && stage.getScene().lookup("#param-" + shot[1]) instanceof ToggleSwitch t) {
                    t.setSelected(true);
                }
                c.run();
                awaitEnd(shot[2]);
            });
        }

        private void awaitEnd(String name) {
            ShotKit.whenEnded(c, () -> afterEnd(name));
        }

        private void afterEnd(String name) {
            if (name.contains("gil")) {
                // the CPU-bound phase, four checkers taking turns at the GIL, its lane in view
                c.timeline().showWindow(380_000, 830_000);
                later(300, () -> {
                    var t = c.timeline().traceProperty().get();
                    for (int r = 0; r < t.resourceCount(); r++) {
                        if (t.resource(r).name().startsWith("GIL")) {
                            c.timeline().showResource(r);
                        }
                    }
                });
            }
            later(900, () -> shoot(name));
        }

        private void shoot(String name) {
            ShotKit.write(stage, new File(dir, name + suffix + ".png"));
            c.stop();
            next();
        }

        private static void later(long millis, Runnable r) {
            ShotKit.later(millis, r);
        }
    }
}
