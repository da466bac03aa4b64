package io.threadline.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The desktop app. Skeleton: the window is built in the UI work (issue 3). */
public class ThreadlineApp extends Application {
    private static volatile Path initialTrace;

    /** Opens the window; with a trace file, shows that trace instead of a scenario. Blocks until closed. */
    public static void open(Path traceFile) {
        initialTrace = traceFile;
        Application.launch(ThreadlineApp.class);
    }

    /** The trace file given on the command line, or null. */
    protected static Path initialTrace() {
        return initialTrace;
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Threadline");
        stage.setScene(new Scene(new Label("Threadline"), 800, 600));
        stage.show();
    }
}
