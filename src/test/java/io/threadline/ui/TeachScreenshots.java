package io.threadline.ui;

import io.threadline.runtime.ChoicePoint;
import io.threadline.runtime.ClockMode;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.ChoiceKind;
import io.threadline.trace.Trace;
import io.threadline.ui.KeyMap.Shortcut;
import io.threadline.ui.teach.ComparePane;
import io.threadline.ui.teach.TeachingAids;
import io.threadline.ui.timeline.ArrowMode;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Pictures of the teaching aids (tour, lifecycle and inspector, compare, arrows, step mode, a found
 * schedule, a fork), for the README and for a look as a teacher would. Run it on a real display
 * (or Xvfb), as {@link ScreenshotTour}:
 * <pre>
 * DISPLAY=:57 java -Dprism.order=sw -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     io.threadline.ui.TeachScreenshots assets/screenshots [dark] [presentation]
 * </pre>
 */
public final class TeachScreenshots {
    private static File dir;
    private static Theme theme = Theme.LIGHT;
    private static boolean presentation;
    private static String suffix = "";

    public static void main(String[] args) {
        dir = new File(args.length > 0 ? args[0] : "assets/screenshots");
        List<String> rest = List.of(args).subList(Math.min(1, args.length), args.length);
        theme = rest.contains("dark") ? Theme.DARK : Theme.LIGHT;
        presentation = rest.contains("presentation");
        suffix = (theme == Theme.DARK ? "-dark" : "") + (presentation ? "-presentation" : "");
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create " + dir);
        }
        Application.launch(Shots.class, args);
    }

    /** The Application itself: a separate class, so main() starts on the classpath. */
    public static final class Shots extends Application {
        private ScreenSteps steps;
        private MainController c;
        private Stage stage;

        @Override
        public void start(Stage s) {
            stage = s;
            steps = new ScreenSteps(stage, dir);
            c = ThreadlineApp.build(stage, null);
            c.clockMode = ClockMode.VIRTUAL;
            stage.setWidth(1480);
            stage.setHeight(920);
            c.setTheme(theme);
            c.setPresentation(presentation);
            stage.show();
            TeachingAids t = c.teach();

            // 0. before a run: the question, one choice picked
            add(() -> select("daemon-cleaner"));
            add(() -> t.tourBar().pick(0));
            shoot("predict");

            // 1. chef soup: predicted, run, toured to "Barron joins Olivia"
            add(() -> select("chef-soup"));
            add(() -> t.tourBar().pick(1));
            add(() -> c.run());
            waitFor(() -> ended() && !t.tourBar().tour().isEmpty());
            add(() -> {
                for (int i = 0; i < 4; i++) {
                    t.nextStep();
                }
            });
            shoot("tour");

            // 2. the daemon cut off in its sleep: waiting → dead (killed) in the diagram
            add(() -> select("daemon-cleaner"));
            add(() -> c.run());
            waitFor(this::ended);
            add(() -> {
                Trace tr = c.playback().getTrace();
                c.timeline().selectedThreadProperty().set(tr.threadNamed("Olivia"));
            });
            shoot("lifecycle");

            // 3. producer and consumer: every arrow, one consumer selected
            add(() -> select("producer-consumer"));
            add(() -> c.run());
            waitFor(this::ended);
            add(() -> {
                Trace tr = c.playback().getTrace();
                c.timeline().arrowModeProperty().set(ArrowMode.ALL);
                c.timeline().selectedThreadProperty().set(tr.threadNamed("Consumer-1"));
                c.timeline().playheadProperty().set(tr.endTime() / 3);
            });
            shoot("arrows");

            // 4. compare: GIL on vs off
            compare("gil-cpu-vs-io", "gil", "compare-gil");
            // 5. compare: a bounded vs an unbounded queue
            compare("producer-consumer", "capacity", "compare-queue");
            // 6. compare: 2 vs 8 workers in the pool
            compare("pool-map-vs-imap", "workers", "compare-pool");
            beTheScheduler();
            add(Platform::exit);
            steps.next();
        }

        private void compare(String scenario, String param, String name) {
            add(() -> select(scenario));
            add(() -> {
                c.timeline().selectedThreadProperty().set(-1);
                if (!c.teach().isComparing()) {
                    c.teach().toggleCompare();
                }
            });
            add(() -> {
                ComparePane p = c.teach().comparePane();
                ScenarioSpec s = ScenarioCatalog.byId(scenario);
                p.param().setValue(s.param(param));
                p.run();
            });
            waitFor(() -> !c.teach().comparePane().isBusy());
            shoot(name);
            add(() -> c.teach().closeCompare());
        }

        /** Step mode at the first switch interval; the simplest lost update found; a fork at its preemption. */
        private void beTheScheduler() {
            ScenarioSpec race = ScenarioCatalog.byId("race-condition");
            add(() -> select("race-condition"));
            add(() -> c.paramForm().show(race, Map.of("threads", "2", "rounds", "2")));
            add(() -> c.keys().run(Shortcut.STEP_MODE));
            steps.add(new Runnable() {
                private int tries;

                @Override
                public void run() {
                    Trace tr = c.playback().getTrace();
                    ChoicePoint p = tr == null ? null : c.step().pendingOf(tr);
                    if (tries++ < 200 && (p == null || p.kind() != ChoiceKind.PREEMPT)) {
                        if (p != null) {
                            c.keys().run(Shortcut.NEXT_CHOICE);
                        }
                        steps.addFirst(this);
                    }
                }
            });
            add(() -> c.timeline().fit());
            shoot("step-mode");
            add(() -> c.keys().run(Shortcut.STEP_MODE));
            add(() -> c.keys().run(Shortcut.FIND_IT));
            waitFor(() -> !c.step().searching());
            add(() -> c.playback().seek(c.playback().getTrace().endTime()));
            shoot("found-schedule");
            add(() -> {
                Trace tr = c.playback().getTrace();
                int k = 0;
                while (k < tr.choiceCount() - 1 && !tr.choice(k).preemption()) {
                    k++;
                }
                c.playback().seek(tr.choice(k).time());
                c.keys().run(Shortcut.FORK);
            });
            waitFor(() -> c.teach().isComparing() && c.teach().comparePane().viewB().traceProperty().get() != null);
            shoot("fork");
            add(() -> c.teach().closeCompare());
        }

        private boolean ended() {
            return c.playback().getTrace() != null && !c.playback().isRunning()
                    && c.playback().getMode() == PlaybackModel.Mode.PAUSED;
        }

        private void select(String id) {
            c.scenarioList().getSelectionModel().select(ScenarioCatalog.byId(id));
        }

        private void add(Runnable r) {
            steps.add(r);
        }

        private void waitFor(BooleanSupplier condition) {
            steps.waitFor(condition);
        }

        private void shoot(String name) {
            steps.shoot(name + suffix);
        }
    }
}
