package io.threadline.ui;

import javafx.application.Platform;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.logging.Level;

/**
 * Where errors of the app itself end up: every one is logged ({@link AppLog}) and shown in an
 * {@link ErrorDialog}, never dropped. Installed as the default uncaught exception handler, so a
 * fault on the JavaFX thread (an event or frame handler) or on any background thread reaches it,
 * and called directly by code that catches something it did not expect.
 *
 * <p>Errors in a scenario's code are not errors of the app: the runtime records them in the
 * trace (the thread dies "raised") and the window shows them as output.
 */
public final class ErrorReporter {
    private static volatile ErrorReporter installed;

    private final Thread.UncaughtExceptionHandler previous;
    private volatile Window owner;
    private ErrorDialog dialog;

    private ErrorReporter(Thread.UncaughtExceptionHandler previous) {
        this.previous = previous;
    }

    /** Becomes the handler of every uncaught exception; returns the reporter installed. */
    public static synchronized ErrorReporter install() {
        if (installed == null) {
            ErrorReporter r = new ErrorReporter(Thread.getDefaultUncaughtExceptionHandler());
            Thread.setDefaultUncaughtExceptionHandler(r::uncaught);
            installed = r;
        }
        if (Platform.isFxApplicationThread()) {
            // JavaFX hands an event handler's exception to this thread's handler.
            Thread.currentThread().setUncaughtExceptionHandler(installed::uncaught);
        }
        return installed;
    }

    /** Puts back the handler there was before {@link #install()}. */
    public static synchronized void uninstall() {
        ErrorReporter r = installed;
        if (r != null) {
            Thread.setDefaultUncaughtExceptionHandler(r.previous);
            installed = null;
        }
    }

    /** Reports {@code error} through the installed reporter, or only logs it if there is none. */
    public static void report(String doing, Throwable error) {
        ErrorReporter r = installed;
        if (r != null) {
            r.handle(doing, error);
        } else {
            AppLog.LOG.log(Level.SEVERE, doing, error);
        }
    }

    /** The window that error dialogs stay above. */
    public void setOwner(Window window) {
        owner = window;
    }

    void uncaught(Thread t, Throwable e) {
        if (isThreadDeath(e)) {
            // Thread.stop's way of ending a stuck scenario thread (the watchdog), not a fault.
            return;
        }
        handle(Platform.isFxApplicationThread() ? "the window" : "background work (thread '" + t.getName() + "')",
                e);
    }

    @SuppressWarnings("removal")
    private static boolean isThreadDeath(Throwable e) {
        return e instanceof ThreadDeath;
    }

    private void handle(String doing, Throwable e) {
        String sentence = sentence(doing, e);
        try {
            AppLog.LOG.log(Level.SEVERE, sentence, e);
        } catch (RuntimeException | Error logFailure) {
            // The log must never take the report down with it; stderr still gets the trace.
            e.printStackTrace();
        }
        String details = AppLog.stackTrace(e);
        try {
            if (Platform.isFxApplicationThread()) {
                show(sentence, details);
            } else {
                Platform.runLater(() -> show(sentence, details));
            }
        } catch (IllegalStateException noToolkit) {
            // No window (command line, or the toolkit has ended): the log has it.
        }
    }

    private void show(String sentence, String details) {
        try {
            if (dialog == null || !dialog.isShowing()) {
                Path log = AppLog.currentFile();
                dialog = new ErrorDialog(owner, log == null ? "The details went to the error output."
                        : "The details are also in " + log + ".");
            }
            dialog.add(sentence, details);
            dialog.show();
        } catch (RuntimeException | Error e) {
            // A dialog that cannot open (during layout, or a broken scene) must not loop back here.
            AppLog.LOG.log(Level.SEVERE, "Could not show the error dialog", e);
        }
    }

    /** The installed reporter's latest dialog, or null; for tests. */
    static ErrorDialog currentDialog() {
        ErrorReporter r = installed;
        return r == null ? null : r.dialog;
    }

    /** One sentence for the user: what was going on and what went wrong, no stack trace. */
    static String sentence(String doing, Throwable e) {
        String what = e.getMessage();
        what = what == null || what.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + what.strip();
        int nl = what.indexOf('\n');
        if (nl >= 0) {
            what = what.substring(0, nl).strip() + " …";
        }
        if (what.length() > 300) {
            what = what.substring(0, 297) + "…";
        }
        return "An unexpected error in " + doing + " (" + what + ").";
    }
}
