package io.threadline;

import io.threadline.cli.Cli;
import io.threadline.export.TraceFile;
import io.threadline.ui.StartupProbe;
import io.threadline.ui.ThreadlineApp;

import java.nio.file.Path;

/**
 * Entry point of the jar. A plain class, not the Application, so the shaded jar starts on the
 * classpath ("JavaFX runtime components are missing" otherwise). With no arguments it opens
 * the window; with any, it is the command line, which loads no JavaFX class unless the
 * command is {@code show}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            // Pictures are drawn on Java2D images, never in AWT windows: no AWT toolkit beside JavaFX's.
            System.setProperty("java.awt.headless", "true");
        }
        if (args.length == 0) {
            openWindow(null);
            return;
        }
        // A lambda, not a method reference: that would load the JavaFX class (and need its
        // runtime) as soon as it is created, even for "list".
        int status = new Cli(file -> openWindow(file)).run(args, System.out, System.err);
        System.exit(status);
    }

    /** Opens the window, able to open trace files (File > Open, drag and drop, {@code show}). */
    private static void openWindow(Path file) {
        if (!Boolean.getBoolean("threadline.noWarmup")) {
            ClassWarmer.start();
        }
        StartupProbe.installIfAsked();
        ThreadlineApp.setTraceLoader(TraceFile::load);
        ThreadlineApp.open(file);
    }
}
