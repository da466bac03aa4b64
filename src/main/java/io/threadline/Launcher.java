package io.threadline;

import io.threadline.cli.Cli;
import io.threadline.cli.WindowOpener;
import io.threadline.export.TraceFile;
import io.threadline.ui.StartupProbe;
import io.threadline.ui.ThreadlineApp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Entry point of the jar. A plain class, not the Application, so the shaded jar starts on the
 * classpath ("JavaFX runtime components are missing" otherwise). With no arguments it opens
 * the window; with any, it is the command line, which loads no JavaFX class unless the
 * command is {@code show}. Without a desktop session the window says so in one line.
 */
public final class Launcher {
    /**
     * JavaFX warns on every start from the classpath, where the jar runs by design; the warning
     * means nothing to a user. Held here: java.util.logging keeps its loggers only weakly.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    private static final String CLASSPATH_WARNING = "Unsupported JavaFX configuration";
    /**
     * Set by {@code mvn javafx:run}, whose plugin prints a stack trace of its own for any exit
     * status but 0: there the window's one line about a missing desktop ends with 0.
     */
    static final String UNDER_MAVEN = "threadline.underMaven";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            // Pictures are drawn on Java2D images, never in AWT windows: no AWT toolkit beside JavaFX's.
            System.setProperty("java.awt.headless", "true");
        }
        // A lambda, not a method reference: that would load the JavaFX class (and need its
        // runtime) as soon as it is created, even for "list".
        Cli cli = new Cli(file -> openWindow(file));
        if (args.length == 0) {
            int status = cli.openWindow(null, System.err);
            System.exit(status == Cli.BAD_INPUT && Boolean.getBoolean(UNDER_MAVEN) ? Cli.OK : status);
        }
        System.exit(cli.run(args, System.out, System.err));
    }

    /** Opens the window, able to open trace files (File > Open, drag and drop, {@code show}). */
    private static void openWindow(Path file) {
        String missing = missingDisplay(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (missing != null) {
            // before the toolkit starts: it would print a stack trace and a warning first
            throw new WindowOpener.NoDesktop(missing);
        }
        StartupProbe.mark("main");
        quietClasspathWarning();
        if (!Boolean.getBoolean("threadline.noWarmup")) {
            ClassWarmer.start();
        }
        StartupProbe.installIfAsked();
        ThreadlineApp.setTraceLoader(TraceFile::load);
        try {
            ThreadlineApp.open(file);
        } catch (UnsupportedOperationException e) {
            // GTK's words when DISPLAY names no X server that answers
            if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
                throw new WindowOpener.NoDesktop("cannot open the display " + System.getenv("DISPLAY"));
            }
            throw e;
        }
        if (StartupProbe.training()) {
            trainCommandLine();
        }
    }

    /**
     * The build's training run goes on where the window's ended, with what the command line does
     * most (list, run with a trace file, info), so the app image's archive serves it too.
     */
    private static void trainCommandLine() {
        PrintStream none = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Cli cli = new Cli(file -> { });
        try {
            Path dir = Files.createTempDirectory("threadline-training");
            Path trace = dir.resolve("trace.json");
            cli.run(new String[] {"list"}, none, none);
            cli.run(new String[] {"run", "producer-consumer", "--trace", trace.toString()}, none, none);
            cli.run(new String[] {"info", trace.toString()}, none, none);
            Files.deleteIfExists(trace);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // the archive then holds the window's classes only
        }
    }

    /**
     * Why there is no display to open a window on, or null if there may be one. On Linux and
     * the BSDs the window needs X11 or Wayland; Windows and macOS always have a desktop, and a
     * {@code glass.platform} (Monocle, for headless tests) brings its own.
     */
    static String missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (glassPlatform != null || os.startsWith("windows") || os.startsWith("mac")) {
            return null;
        }
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return "no display: DISPLAY is not set";
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Drops JavaFX's classpath warning, and only it: its CSS and other warnings still show. */
    private static void quietClasspathWarning() {
        Filter before = JAVAFX_LOG.getFilter();
        JAVAFX_LOG.setFilter(r -> {
            String m = r.getMessage();
            if (m != null && m.startsWith(CLASSPATH_WARNING)) {
                return false;
            }
            return before == null || before.isLoggable(r);
        });
    }
}
