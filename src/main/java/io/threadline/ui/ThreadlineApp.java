package io.threadline.ui;

import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;

/** The desktop app: one window with the scenarios, the timeline, playback and the program's output. */
public class ThreadlineApp extends Application {
    private static volatile Path initialTrace;
    private static volatile TraceLoader traceLoader;

    private MainController controller;

    /** Opens the window; with a trace file, shows that trace instead of a scenario. Blocks until closed. */
    public static void open(Path traceFile) {
        initialTrace = traceFile;
        Application.launch(ThreadlineApp.class);
    }

    /**
     * Sets how the window reads trace files (the command line sets the trace file reader before
     * {@link #open}). Without one, the window cannot open files and says so.
     */
    public static void setTraceLoader(TraceLoader loader) {
        traceLoader = loader;
    }

    /** The trace file given on the command line, or null. */
    protected static Path initialTrace() {
        return initialTrace;
    }

    /** Loads the window's node tree and its controller from main.fxml. */
    static MainController loadWindow() {
        preferFreshStylesheets();
        // Before the first control: a control's class sets JavaFX's own theme (Modena) when it finds none,
        // which costs a twentieth of the start to load and is then replaced by ours.
        Theme.LIGHT.apply(null);
        Fonts.load();
        StartupProbe.mark("fonts");
        FXMLLoader fxml = new FXMLLoader(ThreadlineApp.class.getResource("main.fxml"));
        try {
            fxml.load();
        } catch (IOException e) {
            throw new UncheckedIOException("main.fxml could not be loaded", e);
        }
        return fxml.getController();
    }

    /**
     * The build writes each stylesheet's binary form beside it (pom: binary-css), which JavaFX reads
     * in place of the text, never comparing the two. Run from a folder of classes (an IDE's build,
     * {@code mvn compile}), a .bss may be older than an edited .css, and the window would take
     * yesterday's rules unseen: there the text is parsed. From a jar (the app, java -jar) both were
     * made together.
     */
    static void preferFreshStylesheets() {
        URL css = ThreadlineApp.class.getResource("threadline.css");
        if (css != null && "file".equals(css.getProtocol()) && System.getProperty("binary.css") == null) {
            System.setProperty("binary.css", "false");
        }
    }

    /** Builds the window on {@code stage}: scene, theme, shortcuts. Returns its controller. */
    static MainController build(Stage stage, TraceLoader loader) {
        return build(stage, loader, AppFolders.standard().state());
    }

    /** As {@link #build(Stage, TraceLoader)}, with the user's programs kept under {@code home}. */
    static MainController build(Stage stage, TraceLoader loader, Path home) {
        MainController c = loadWindow();
        StartupProbe.mark("fxml");
        c.useProgramHome(home);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(1480, screen.getWidth() * 0.94);
        double h = Math.min(920, screen.getHeight() * 0.92);
        Scene scene = new Scene(c.root(), w, h);
        c.setTheme(Theme.LIGHT);
        c.setTraceLoader(loader);
        c.attach(stage, scene);
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        try (InputStream icon = ThreadlineApp.class.getResourceAsStream("icons/threadline-64.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (IOException ignored) {
            // The window works without its icon.
        }
        return c;
    }

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("toolkit");
        // Before anything else, so that no fault of the window goes unseen or unlogged.
        AppLog.install(AppLog.defaultDirectory());
        ErrorReporter.install().setOwner(stage);
        AppLog.LOG.info("Threadline started (Java " + Runtime.version() + ", JavaFX "
                + System.getProperty("javafx.runtime.version") + ")");
        StartupProbe.mark("log");
        controller = build(stage, traceLoader);
        StartupProbe.mark("scene");
        stage.show();
        StartupProbe.mark("shown");
        Path file = initialTrace;
        if (file != null) {
            controller.openTrace(file);
        }
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.shutdown();
        }
        AppLog.LOG.info("Threadline closed");
        AppLog.flush();
    }
}
