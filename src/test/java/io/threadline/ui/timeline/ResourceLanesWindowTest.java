package io.threadline.ui.timeline;

import io.threadline.picture.ResourceFoldTrack;
import io.threadline.picture.TimelineRows;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.ResourceState;
import io.threadline.trace.Trace;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource lanes in the window: a lock's hover card says who holds it and who waits, in order,
 * since when; clicking a waiter selects it and brings its lane into view; the folded row opens;
 * the wait-for graph panel follows the playhead and opens by itself when a deadlock closes.
 */
@ExtendWith(ApplicationExtension.class)
class ResourceLanesWindowTest {
    private TimelineView view;
    private WaitForGraphPanel graph;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        graph = new WaitForGraphPanel(view);
        stage.setScene(new Scene(new StackPane(view, graph), 1200, 700));
        stage.show();
    }

    private static Trace run(String id, Map<String, String> given) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        return spec.execute(spec.values(given));
    }

    private void show(Trace trace) {
        fx(() -> {
            view.traceProperty().set(trace);
            view.refresh();
        });
    }

    private static void fx(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Supplier<T> s) {
        AtomicReference<T> out = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> out.set(s.get()));
        return out.get();
    }

    private Point2D screen(double x, double y) {
        return fx(() -> view.localToScreen(x, y));
    }

    private static int resourceNamed(Trace t, String name) {
        for (int r = 0; r < t.resourceCount(); r++) {
            if (t.resource(r).name().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no resource " + name);
    }

    @Test
    void aLocksHoverCardSaysWhoHoldsItAndWhoWaitsAndAWaitersClickGoesToItsLane(FxRobot robot) throws Exception {
        Trace t = run("deadlock", Map.of());
        show(t);
        int a = resourceNamed(t, "account A");
        TimelineRows.Row row = fx(() -> view.rows().rowOfResource(a));
        assertThat(row).as("the lesson's lock is open").isNotNull();
        double top = view.rulerHeight() + row.y() - fx(view::scrollY);
        double x = fx(() -> view.xOf(750_000));
        String card = fx(() -> view.describeAt(x, top + row.height() * 0.3));
        long at = Math.round(fx(() -> view.timeAt(x)));
        ResourceState s = t.resourceLane(a).stateAt(at);
        assertThat(s.holderCount()).isEqualTo(1);
        assertThat(card).contains("account A", "held by Alice since 0 s", "1. Bob waits since 0.5 s");

        fx(() -> view.selectedThreadProperty().set(-1));
        // Bob's wait is the stretch under the holder, in the waiters' band at the lane's bottom
        double waiterY = top + row.height() - 8;
        robot.clickOn(screen(x, waiterY));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.selectedThreadProperty().get()).isEqualTo(t.threadNamed("Bob"));
        robot.clickOn(screen(x, top + row.height() * 0.3));
        assertThat(view.selectedThreadProperty().get()).isEqualTo(t.threadNamed("Alice"));
    }

    @Test
    void theFoldedRowOpensAndFoldsOnAClick(FxRobot robot) throws Exception {
        Trace t = run("deadlock", Map.of());
        show(t);
        int gil = t.gilOf(0);
        assertThat(fx(() -> view.rows().rowOfResource(gil))).isNull();
        TimelineRows.Row fold = fx(() -> view.rows().rows().stream()
                .filter(r -> r.track() instanceof ResourceFoldTrack).findFirst().orElseThrow());
        double y = view.rulerHeight() + fold.y() + fold.height() / 2;
        robot.clickOn(screen(600, y));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.rows().rowOfResource(gil))).as("opened").isNotNull();
        robot.clickOn(screen(600, y));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.rows().rowOfResource(gil))).as("folded again").isNull();
    }

    @Test
    void theGraphFollowsThePlayheadAndOpensWhenTheDeadlockCloses() throws Exception {
        Trace t = run("deadlock", Map.of());
        show(t);
        fx(() -> view.playheadProperty().set(250_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.isVisible()).as("nothing to see yet").isFalse();
        fx(() -> graph.showingProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.shown().graph().hasDeadlock()).isFalse();
        assertThat(graph.shown().describe()).contains("account A holds Alice", "no deadlock").doesNotContain("(cycle)");
        fx(() -> graph.showingProperty().set(false));
        fx(() -> view.playheadProperty().set(500_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.isVisible()).as("opened by the cycle closing").isTrue();
        assertThat(graph.shown().describe()).contains("deadlock", "Alice waits for account B, held by Bob",
                "Bob waits for account A, held by Alice");
        fx(() -> view.playheadProperty().set(100_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.shown().graph().hasDeadlock()).as("scrubbed back before it").isFalse();

        // the panel the deadlock opened does not follow to another scenario's run
        show(run("chef-soup", Map.of()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.isVisible()).as("closed with the run whose deadlock opened it").isFalse();
    }

    @Test
    void theOpenGraphIsDockedBesideTheLanesAndCoversNone() throws Exception {
        Trace t = run("deadlock", Map.of());
        show(t);
        fx(() -> view.playheadProperty().set(t.endTime()));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.isVisible()).as("the deadlock opened it").isTrue();
        double lanesEnd = fx(() -> view.gutterWidth() + view.bodyWidth());
        double panelLeft = fx(() -> view.sceneToLocal(graph.localToScene(graph.getLayoutBounds())).getMinX());
        assertThat(lanesEnd).as("the lanes end before the panel").isLessThanOrEqualTo(panelLeft);
        assertThat(fx(() -> view.xOf(t.endTime()))).as("the moment it was stopped is on screen")
                .isLessThanOrEqualTo(lanesEnd + 0.5);
        assertThat(fx(() -> view.bodyWidth())).as("the lanes keep room").isGreaterThan(400);
        fx(() -> graph.showingProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.gutterWidth() + view.bodyWidth())).as("closed, the lanes take the width back")
                .isGreaterThan(panelLeft + 100);
    }

    @Test
    void aRunWithoutADeadlockNeverShowsACycle() throws Exception {
        Trace t = run("deadlock", Map.of("ordered", "true"));
        show(t);
        fx(() -> graph.showingProperty().set(true));
        for (long at = 0; at <= t.endTime(); at += Math.max(1, t.endTime() / 40)) {
            long time = at;
            fx(() -> view.playheadProperty().set(time));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(graph.shown().graph().hasDeadlock()).as("at " + at).isFalse();
        }
    }
}
