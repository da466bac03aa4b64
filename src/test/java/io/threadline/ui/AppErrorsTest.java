package io.threadline.ui;

import io.threadline.export.TraceFile;
import io.threadline.trace.RunOutcome;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault of the app itself, on the JavaFX thread or any other, is logged to the file and to
 * stderr and shown in one non-modal dialog: a plain sentence, the stack trace only under the
 * details, a button that copies them. A bad trace file is not such a fault: it gets its line in
 * the status bar and no dialog.
 */
class AppErrorsTest extends FxTestBase {
    @TempDir
    static Path home;

    private volatile TraceLoader testLoader = TraceFile::load;

    @Override
    protected TraceLoader loader() {
        return file -> testLoader.load(file);
    }

    @BeforeEach
    void installReporter() {
        AppLog.install(home.resolve("logs"));
        fx(() -> ErrorReporter.install().setOwner(stage));
    }

    @AfterEach
    void removeReporter() {
        fx(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
        });
        ErrorReporter.uninstall();
        AppLog.uninstall();
    }

    private ErrorDialog waitForDialog(int errors) {
        waitUntil(errors + " error(s) in the dialog", () -> {
            ErrorDialog d = dialog();
            return d != null && d.isShowing() && d.count() == errors;
        });
        return dialog();
    }

    private static ErrorDialog dialog() {
        return ErrorReporter.currentDialog();
    }

    private static String log() throws Exception {
        AppLog.flush();
        return Files.readString(AppLog.currentFile());
    }

    @Test
    void aFaultOnTheJavaFxThreadIsShownAsOneSentenceWithTheDetailsFoldedAway() throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("boom in a handler");
        });

        ErrorDialog d = waitForDialog(1);
        String summary = fx(() -> ((Label) d.alert().getDialogPane().lookup("#error-summary")).getText());
        assertThat(summary).isEqualTo("An unexpected error in the window (IllegalStateException: boom in a handler).")
                .doesNotContain("\n");
        assertThat(fx(() -> d.alert().getDialogPane().isExpanded())).as("details folded").isFalse();
        assertThat(d.details()).contains("java.lang.IllegalStateException: boom in a handler")
                .contains("\tat ");
        assertThat(fx(() -> d.alert().getModality())).isEqualTo(Modality.NONE);
        assertThat(log()).contains("SEVERE [JavaFX Application Thread] An unexpected error in the window")
                .contains("java.lang.IllegalStateException: boom in a handler").contains("\tat ");
    }

    @Test
    void copyDetailsPutsThemOnTheClipboardAndKeepsTheDialogOpen() {
        Platform.runLater(() -> {
            throw new IllegalArgumentException("copy me");
        });
        ErrorDialog d = waitForDialog(1);

        fx(() -> ((Button) d.alert().getDialogPane().lookupButton(ErrorDialog.COPY)).fire());

        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(copied).startsWith("An unexpected error in the window (IllegalArgumentException: copy me).")
                .contains("java.lang.IllegalArgumentException: copy me").contains("\tat ");
        assertThat(fx(d::isShowing)).isTrue();
    }

    @Test
    void aBackgroundFaultGetsTheSameDialogAndRepeatedFaultsDoNotPileUpDialogs() throws Exception {
        Thread worker = new Thread(() -> {
            throw new UnsupportedOperationException("from a worker");
        }, "some-worker");
        worker.start();
        worker.join();
        ErrorDialog d = waitForDialog(1);

        for (int i = 0; i < 100; i++) {
            Platform.runLater(() -> {
                throw new IllegalStateException("every frame");
            });
        }
        waitForDialog(101);

        assertThat(dialog()).isSameAs(d);
        long dialogs = fx(() -> Window.getWindows().stream().filter(w -> w != stage).count());
        assertThat(dialogs).isEqualTo(1);
        assertThat(fx(() -> ((Label) d.alert().getDialogPane().lookup("#error-more")).getText()))
                .isEqualTo("100 more errors since; the latest: An unexpected error in the window"
                        + " (IllegalStateException: every frame).");
        assertThat(log()).contains("SEVERE [some-worker] An unexpected error in background work (thread 'some-worker')")
                .contains("java.lang.UnsupportedOperationException: from a worker");
    }

    @Test
    void theWindowGoesOnWorkingWithTheDialogOpen() {
        Platform.runLater(() -> {
            throw new IllegalStateException("not modal");
        });
        waitForDialog(1);

        runToEnd("chef-soup");

        assertThat(c.playback().getTrace().outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void aBrokenTraceFileGetsOneLineAndNoDialog() throws Exception {
        Path file = home.resolve("broken.json");
        Files.writeString(file, "{\"otherData\":{\"format\":\"threadline-trace\",\"version\":1,\"outcome\":\"completed\","
                + "\"end\":\"soon\"},\"traceEvents\":[]}");

        fx(() -> c.openTrace(file));
        waitUntil("message", () -> c.message().startsWith("Could not open"));

        assertThat(c.message()).isEqualTo("Could not open broken.json: line 1, column 83: 'otherData.end' must be"
                + " a number of microseconds, got a string ('soon')");
        Thread.sleep(200);
        assertThat(dialog() == null || !fx(dialog()::isShowing)).isTrue();
    }

    @Test
    void aFaultInTheReaderIsAnErrorOfTheAppAndIsShownAsOne() throws Exception {
        testLoader = file -> {
            throw new NullPointerException("a bug in the reader");
        };

        fx(() -> c.openTrace(home.resolve("any.json")));

        ErrorDialog d = waitForDialog(1);
        assertThat(fx(() -> ((Label) d.alert().getDialogPane().lookup("#error-summary")).getText()))
                .isEqualTo("An unexpected error in opening any.json (NullPointerException: a bug in the reader).");
        waitUntil("status line", () -> c.message().startsWith("Could not open any.json"));
        assertThat(c.message()).isEqualTo("Could not open any.json: an unexpected error (NullPointerException);"
                + " the details are in the error dialog");
    }

    @Test
    void theLogRotatesAndAnUnwritableHomeLeavesStderrOnly() throws Exception {
        Path dir = home.resolve("rotating");
        AppLog.install(dir, 2_000);
        for (int i = 0; i < 40; i++) {
            AppLog.LOG.info("line " + i + " " + "x".repeat(100));
        }
        AppLog.flush();
        assertThat(dir.resolve("threadline.1.log")).exists();

        Path file = Files.writeString(home.resolve("not-a-dir"), "x");
        AppLog.install(file.resolve("logs"));
        assertThat(AppLog.currentFile()).isNull();
        AppLog.LOG.info("still logging");
    }
}
