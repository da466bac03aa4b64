package io.threadline.ui;

import io.threadline.runtime.ClockMode;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.trace.Trace;
import io.threadline.ui.KeyMap.Shortcut;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Pictures of a user's program for the README: the race condition's Python program edited to take
 * the lock, run, a thread selected mid-run (its line marked in the editor), and a SyntaxError on its
 * line. Run on a real display or Xvfb, as {@link TeachScreenshots}, at the projector's 1280x720 and
 * at a desk's 1480x920:
 * <pre>
 * DISPLAY=:57 java -Dprism.order=sw -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     io.threadline.ui.ProgramScreenshots assets/screenshots 1280 720 [dark]
 * </pre>
 */
public final class ProgramScreenshots {
    private static File dir;
    private static int width = 1480;
    private static int height = 920;
    private static boolean dark;

    public static void main(String[] args) {
        dir = new File(args.length > 0 ? args[0] : "assets/screenshots");
        if (args.length > 2) {
            width = Integer.parseInt(args[1]);
            height = Integer.parseInt(args[2]);
        }
        dark = List.of(args).contains("dark");
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create " + dir);
        }
        Application.launch(Shots.class, args);
    }

    /** The Application itself: a separate class, so main() starts on the classpath. */
    public static final class Shots extends Application {
        private MainController c;

        @Override
        public void start(Stage s) throws IOException {
            Stage stage = s;
            ScreenSteps steps = new ScreenSteps(stage, dir);
            // a folder of its own: the pictures never show programs someone kept
            c = ThreadlineApp.build(stage, null, Files.createTempDirectory("threadline-shots"));
            c.clockMode = ClockMode.VIRTUAL;
            stage.setWidth(width);
            stage.setHeight(height);
            c.setTheme(dark ? Theme.DARK : Theme.LIGHT);
            stage.show();
            String size = "-" + width + (dark ? "-dark" : "");

            steps.add(() -> c.scenarioList().getSelectionModel().select(ScenarioCatalog.byId("race-condition")));
            steps.add(() -> c.keys().run(Shortcut.EDIT));
            // "what if they take the lock?"
            steps.add(() -> {
                CodeArea a = c.panel().pythonCode().area();
                int start = a.getAbsolutePosition(9, 0);
                a.replaceText(start, start + a.getParagraph(9).length(), "USE_LOCK = True    # parameter \"lock\"");
                a.moveTo(9, 15);
            });
            steps.add(() -> c.run());
            steps.waitFor(this::ended);
            steps.add(() -> {
                Trace t = c.playback().getTrace();
                c.timeline().selectedThreadProperty().set(t.threadNamed("Thread-2"));
                c.timeline().playheadProperty().set(t.endTime() * 2 / 5);
            });
            steps.shoot("your-program" + size);

            steps.add(() -> {
                CodeArea a = c.panel().pythonCode().area();
                int start = a.getAbsolutePosition(36, 0);
                a.replaceText(start, start + a.getParagraph(36).length(), "        if USE_LOCK");
            });
            steps.add(() -> c.run());
            steps.waitFor(() -> c.panel().pythonCode().problem() != null);
            steps.shoot("your-program-syntax-error" + size);
            steps.add(Platform::exit);
            steps.next();
        }

        private boolean ended() {
            return c.playback().getTrace() != null && !c.playback().isRunning()
                    && c.playback().getMode() == PlaybackModel.Mode.PAUSED;
        }
    }
}
