package io.threadline.ui;

import io.threadline.runtime.ClockMode;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The one toolkit helper of the UI tests: a fresh window per test on the primary stage (headless
 * Monocle under surefire), runs on the virtual clock unless a test asks for the paced one, and
 * small helpers to act on the JavaFX thread and wait for a condition there.
 */
abstract class FxTestBase {
    protected static final long TIMEOUT_SECONDS = 10;
    private static final long BUILD_SECONDS = 30;

    protected final FxRobot robot = new FxRobot();
    protected Stage stage;
    protected MainController c;
    /** This test's own app folder: the programs a window keeps are the test's alone. */
    protected Path home;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openWindow() throws Exception {
        stage = FxToolkit.toolkitContext().getRegisteredStage();
        Path base = Path.of(System.getProperty("threadline.home", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        home = Files.createTempDirectory(base, "window-");
        // the first window of a test run loads the window's classes: give it longer on a busy machine
        c = fx(BUILD_SECONDS, () -> {
            MainController m = ThreadlineApp.build(stage, loader(), home);
            m.clockMode = ClockMode.VIRTUAL;
            // Monocle's headless screen is 1920x1080 (the pom); a larger window overflows its frame buffer.
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            stage.toFront();
            return m;
        });
        fx(() -> null);
        waitUntil("the programs kept are read", () -> !c.restoring());
    }

    @AfterEach
    void closeWindow() {
        fx(() -> c.shutdown());
    }

    /** The trace loader the window gets; none by default (a window that cannot open files). */
    protected TraceLoader loader() {
        return null;
    }

    protected <T> T fx(Callable<T> action) {
        return fx(TIMEOUT_SECONDS, action);
    }

    private <T> T fx(long seconds, Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    protected void fx(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition}, evaluated on the JavaFX thread, holds. */
    protected void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    protected <T extends Node> T node(String id) {
        T n = fx(() -> {
            @SuppressWarnings("unchecked")
            T found = (T) stage.getScene().lookup("#" + id);
            return found;
        });
        if (n == null) {
            throw new AssertionError("no node #" + id);
        }
        return n;
    }

    protected void select(String scenarioId) {
        ScenarioSpec s = ScenarioCatalog.byId(scenarioId);
        fx(() -> c.scenarioList().getSelectionModel().select(s));
        waitUntil("scenario " + scenarioId + " shown", () -> c.currentScenario() == s);
    }

    /** Selects a scenario, runs it with the form's values and waits for the end of the run. */
    protected void runToEnd(String scenarioId) {
        select(scenarioId);
        fx(() -> c.run());
        waitUntil(scenarioId + " ended", () -> c.playback().getTrace() != null && !c.playback().isRunning()
                && c.playback().getMode() == PlaybackModel.Mode.PAUSED);
    }
}
