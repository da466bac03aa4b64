package io.threadline.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;

import java.lang.management.ManagementFactory;

/**
 * For measuring start-up ({@code -Dthreadline.startupProbe=print} or {@code =exit}): prints one
 * line when the first window has painted its first frame, with the wall-clock time, then
 * (with {@code exit}) ends the program. The benchmark suite starts {@code java -jar} and the app
 * image's launcher and reads it. With {@code train}, the build's training run for the app
 * image's class-data archive: once painted, the window runs a scenario ({@link TrainingRun}) and
 * closes.
 */
public final class StartupProbe {
    /** The line printed: this prefix, then {@code epochMillis=... uptimeMillis=...}. */
    public static final String PREFIX = "threadline-startup first-frame";
    static final String PROPERTY = "threadline.startupProbe";

    /** Phases of the start marked so far ({@link #mark}), when the probe is asked for. */
    private static final StringBuilder PHASES = System.getProperty(PROPERTY) == null ? null : new StringBuilder();

    private StartupProbe() {
    }

    /**
     * Notes the wall-clock moment a phase of the start ends (only when the probe is asked for):
     * the first-frame line lists them, so a slow start says which part grew.
     */
    public static void mark(String phase) {
        if (PHASES != null) {
            synchronized (PHASES) {
                PHASES.append(' ').append(phase).append('=').append(System.currentTimeMillis());
            }
        }
    }

    /** Whether this is the build's training run. */
    public static boolean training() {
        return "train".equals(System.getProperty(PROPERTY));
    }

    /** Installs the probe if the system property asks for it; call before the window opens. */
    public static void installIfAsked() {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        Thread waiter = new Thread(() -> {
            // The toolkit is started by Application.launch on another thread: wait until it takes work.
            while (true) {
                try {
                    Platform.runLater(() -> watch(mode));
                    return;
                } catch (IllegalStateException notYet) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "threadline-startup-probe");
        waiter.setDaemon(true);
        waiter.start();
    }

    private static void watch(String mode) {
        Runnable onShown = new Runnable() {
            private boolean started;

            @Override
            public void run() {
                if (started) {
                    return;
                }
                started = true;
                new AnimationTimer() {
                    private int pulses;

                    @Override
                    public void handle(long now) {
                        // The pulse after the first one: the first frame has been painted by then.
                        if (++pulses < 2) {
                            return;
                        }
                        stop();
                        long painted = System.currentTimeMillis();
                        // none when the property was set after this class was loaded
                        String phases = "";
                        if (PHASES != null) {
                            synchronized (PHASES) {
                                phases = PHASES.toString();
                            }
                        }
                        System.out.println(PREFIX + " epochMillis=" + painted + " uptimeMillis="
                                + ManagementFactory.getRuntimeMXBean().getUptime() + " phases:" + phases);
                        System.out.flush();
                        if (mode.equals("exit")) {
                            Platform.exit();
                            System.exit(0);
                        } else if (mode.equals("train")) {
                            Window shown = Window.getWindows().stream().filter(Window::isShowing).findFirst()
                                    .orElse(null);
                            if (shown == null || shown.getScene() == null) {
                                Platform.exit();
                            } else {
                                TrainingRun.drive(shown.getScene(), Platform::exit);
                            }
                        }
                    }
                }.start();
            }
        };
        if (Window.getWindows().stream().anyMatch(Window::isShowing)) {
            onShown.run();
            return;
        }
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window w : change.getAddedSubList()) {
                    if (w.isShowing()) {
                        onShown.run();
                    } else {
                        w.showingProperty().addListener((obs, was, now) -> {
                            if (now) {
                                onShown.run();
                            }
                        });
                    }
                }
            }
        });
    }
}
