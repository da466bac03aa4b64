package io.threadline.ui.timeline;

import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Run;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows one scenario's trace in a window, to look at the timeline by eye.
 *
 * <pre>
 * TimelineDemo [scenario | synthetic-gil[:threads:seconds:quantumMicros]] [--live] [--speed=1]
 *              [--dark] [--presentation] [--size=1400x800] [--window=startMicros,endMicros]
 *              [--highlight=waiting] [--select=Barron] [--hover=Barron@1.5] [--playhead=micros]
 *              [--param=name=value] [--snapshot=out.png] [--wait=600]
 * </pre>
 * With --snapshot it writes the window's scene to a PNG once drawn and exits.
 */
public final class TimelineDemo {
    private TimelineDemo() {
    }

    public static void main(String[] args) {
        // a plain launcher class: with the Application itself as main class on the classpath,
        // Java refuses to start ("JavaFX runtime components are missing")
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            TimelineDemo.start(getParameters().getRaw(), stage);
        }
    }

    private static void start(List<String> raw, Stage stage) throws Exception {
        Map<String, String> opt = new HashMap<>();
        Map<String, String> params = new HashMap<>();
        String id = "chef-soup";
        for (String a : raw) {
            if (a.startsWith("--param=")) {
                String[] kv = a.substring(8).split("=", 2);
                params.put(kv[0], kv[1]);
            } else if (a.startsWith("--")) {
                String[] kv = a.substring(2).split("=", 2);
                opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
            } else {
                id = a;
            }
        }

        TimelineView view = new TimelineView();
        String title;
        if (id.startsWith("synthetic-gil")) {
            String[] g = (id + ":4:10:5000").split(":");
            view.traceProperty().set(SyntheticTraces.gil(Integer.parseInt(g[1]), Double.parseDouble(g[2]),
                    Long.parseLong(g[3])));
            title = "CPU-bound threads under one GIL (synthetic)";
        } else {
            ScenarioSpec spec = ScenarioCatalog.byId(id);
            if (spec == null) {
                throw new IllegalArgumentException("no scenario " + id);
            }
            title = spec.title();
            ParamValues values = spec.values(params);
            if (opt.containsKey("live")) {
                double speed = Double.parseDouble(opt.getOrDefault("speed", "1"));
                Run run = spec.start(values, spec.options(values, ClockMode.PACED, speed));
                view.traceProperty().set(run.trace());
                // what the shell does on each animation tick
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        boolean done = run.isFinished();
                        long live = run.liveTime();
                        view.revealTimeProperty().set(done ? Long.MAX_VALUE : live);
                        view.playheadProperty().set(done ? run.trace().endTime() : live);
                        view.refresh();
                        if (done) {
                            stop();
                        }
                    }
                }.start();
                stage.setOnCloseRequest(e -> run.stop());
            } else {
                view.traceProperty().set(spec.execute(values));
            }
        }
        show(stage, view, title, opt);
    }

    private static void show(Stage stage, TimelineView view, String titleText, Map<String, String> opt) {
        TimelineLegend legend = new TimelineLegend(view);
        view.darkProperty().set(opt.containsKey("dark"));
        view.presentationProperty().set(opt.containsKey("presentation"));

        Button fit = new Button("Fit");
        fit.setOnAction(e -> view.fit());
        Button in = new Button("+");
        in.setOnAction(e -> view.zoomIn());
        Button out = new Button("−");
        out.setOnAction(e -> view.zoomOut());
        ToggleButton dark = new ToggleButton("Dark");
        dark.selectedProperty().bindBidirectional(view.darkProperty());
        ToggleButton big = new ToggleButton("Projector");
        big.selectedProperty().bindBidirectional(view.presentationProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label(titleText);
        HBox bar = new HBox(8, title, legend, spacer, out, in, fit, dark, big);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        BorderPane root = new BorderPane(view, bar, null, null, null);
        dark.selectedProperty().addListener((obs, was, now) -> style(root, bar, title, now));
        style(root, bar, title, view.darkProperty().get());

        String[] size = opt.getOrDefault("size", "1400x800").split("x");
        stage.setScene(new Scene(root, Double.parseDouble(size[0]), Double.parseDouble(size[1])));
        stage.setTitle("Threadline timeline — " + titleText);
        stage.show();

        if (opt.containsKey("window")) {
            String[] w = opt.get("window").split(",");
            view.showWindow(Long.parseLong(w[0]), Long.parseLong(w[1]));
        }
        if (opt.containsKey("highlight")) {
            view.highlightedStateProperty().set(ThreadState.ofLabel(opt.get("highlight")));
        }
        if (opt.containsKey("select")) {
            view.selectedThreadProperty().set(view.traceProperty().get().threadNamed(opt.get("select")));
        }
        if (opt.containsKey("playhead")) {
            view.playheadProperty().set(Long.parseLong(opt.get("playhead")));
        }
        if (opt.containsKey("snapshot")) {
            PauseTransition wait = new PauseTransition(Duration.millis(Double.parseDouble(opt.getOrDefault("wait", "600"))));
            wait.setOnFinished(e -> {
                hover(view, opt.get("hover"));
                view.refresh();
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                            new File(opt.get("snapshot")));
                } catch (Exception ex) {
                    ex.printStackTrace();
                }
                Platform.exit();
                System.exit(0);
            });
            wait.play();
        } else if (opt.containsKey("hover")) {
            Platform.runLater(() -> hover(view, opt.get("hover")));
        }
    }

    /** "Barron@1.5": puts the hover card over Barron's lane at 1.5 s. */
    private static void hover(TimelineView view, String spec) {
        if (spec == null) {
            return;
        }
        String[] p = spec.split("@");
        Trace trace = view.traceProperty().get();
        int thread = trace.threadNamed(p[0]);
        for (LaneLayout lane : view.laneLayout()) {
            if (lane.thread() == thread) {
                double x = view.xOf(Math.round(Double.parseDouble(p[1]) * 1_000_000));
                view.hoverAt(x, lane.centerY());
            }
        }
    }

    private static void style(BorderPane root, HBox bar, Label title, boolean dark) {
        root.setStyle(dark ? "-fx-background-color: #15181d;" : "-fx-background-color: #ffffff;");
        bar.setStyle(dark ? "-fx-background-color: #1c2027; -fx-base: #2a2f37;"
                : "-fx-background-color: #f1f3f6; -fx-border-color: transparent transparent #c9d1d9 transparent;");
        title.setStyle("-fx-font-size: 15px; -fx-font-weight: bold; -fx-text-fill: "
                + (dark ? "#eef1f4;" : "#1b1f24;"));
    }
}
