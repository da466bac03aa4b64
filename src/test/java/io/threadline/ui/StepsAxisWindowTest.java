package io.threadline.ui;

import io.threadline.picture.TimeScale;
import io.threadline.picture.TransitionOrder;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.TourStep;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.ui.teach.TourBar;
import io.threadline.ui.timeline.DrawnState;
import io.threadline.ui.timeline.LaneLayout;
import io.threadline.ui.timeline.TimelineView;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps axis and stepping through an instant: chef soup's Olivia is new, runnable, running and
 * waiting all at 0 s; each must be seen, and ←/→ must pass through each.
 */
class StepsAxisWindowTest extends FxTestBase {

    private String events() {
        Label l = node("eventsStatus");
        return fx(l::getText);
    }

    private void press(KeyCode k) {
        fx(() -> c.timeline().requestFocus());
        robot.type(k);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theKeyAndTheButtonTurnTheAxisToStepsAndEachOfOliviasInstantStatesGetsItsColumn() {
        runToEnd("chef-soup");
        TimelineView v = c.timeline();
        ToggleButton button = node("stepsButton");
        assertThat(fx(() -> v.stepsAxisProperty().get())).isFalse();
        press(KeyCode.D);
        assertThat(fx(() -> v.stepsAxisProperty().get())).isTrue();
        assertThat(fx(button::isSelected)).as("the toolbar shows the axis").isTrue();

        Trace t = c.playback().getTrace();
        int olivia = t.threadNamed("Olivia");
        WaitForAsyncUtils.waitForFxEvents(4);
        List<ThreadState> seen = fx(() -> {
            TimeScale s = v.timeScaleProperty().get();
            LaneLayout lane = v.laneLayout().stream().filter(l -> l.thread() == olivia).findFirst().orElseThrow();
            List<ThreadState> out = new ArrayList<>();
            for (int e = 0; e < 4; e++) {
                // the middle of the event's column
                double x = v.gutterWidth() + (s.eventX(t, olivia, e) + s.xOfPosition(s.eventPosition(t, olivia, e) + 1))
                        / 2;
                DrawnState d = v.drawnAt(x, lane.centerY());
                out.add(d == null ? null : d.state());
            }
            return out;
        });
        assertThat(seen).containsExactly(ThreadState.NEW, ThreadState.RUNNABLE, ThreadState.RUNNING,
                ThreadState.WAITING);

        // the toolbar's button turns it back
        robot.clickOn("#stepsButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> v.stepsAxisProperty().get())).isFalse();
        assertThat(fx(() -> v.timeScaleProperty().get().steps())).isNull();
    }

    @Test
    void arrowsStepThroughEveryTransitionOfAnInstantOnBothAxes() {
        runToEnd("chef-soup");
        Trace t = c.playback().getTrace();
        int total = (int) t.eventCount();
        int olivia = t.threadNamed("Olivia");
        fx(() -> c.timeline().selectedThreadProperty().set(olivia));
        for (boolean steps : new boolean[] {false, true}) {
            fx(() -> c.timeline().stepsAxisProperty().set(steps));
            fx(() -> {
                c.playback().seekStep(0);
                c.keys().run(KeyMap.Shortcut.FIT);
            });
            List<ThreadState> olivias = new ArrayList<>();
            for (int i = 1; i <= total; i++) {
                press(KeyCode.RIGHT);
                int at = i;
                waitUntil("event " + i, () -> events().equals("Events " + at + " / " + total));
                ThreadState s = fx(() -> c.teach().threadPanel().diagram().state());
                if (olivias.isEmpty() ? s != null : olivias.get(olivias.size() - 1) != s) {
                    olivias.add(s);
                }
            }
            assertThat(olivias).as("steps axis " + steps).containsExactly(ThreadState.NEW, ThreadState.RUNNABLE,
                    ThreadState.RUNNING, ThreadState.WAITING, ThreadState.RUNNABLE, ThreadState.RUNNING,
                    ThreadState.DEAD);
            // and back, one at a time, through the same instant
            for (int i = total - 1; i >= 0; i--) {
                press(KeyCode.LEFT);
                int at = i;
                waitUntil("back to event " + i, () -> events().equals("Events " + at + " / " + total));
            }
        }
    }

    @Test
    void theOutputAndTheCodeLineFollowEachStepOfAnInstant() {
        runToEnd("chef-soup");
        Trace t = c.playback().getTrace();
        TransitionOrder order = fx(() -> c.playback().order());
        int barron = t.threadNamed("Barron");
        fx(() -> c.timeline().selectedThreadProperty().set(barron));
        // before Olivia runs, only Barron's first prints are out
        int oliviaRuns = order.step(t.threadNamed("Olivia"), 2);
        fx(() -> {
            c.playback().seekStep(oliviaRuns - 1);
            c.stepForward();
        });
        WaitForAsyncUtils.waitForFxEvents(2);
        assertThat(fx(() -> c.output().currentIndex())).as("Barron's three lines before Olivia's").isEqualTo(2);
        fx(() -> c.stepForward());
        WaitForAsyncUtils.waitForFxEvents(2);
        assertThat(fx(() -> c.output().lines().get(c.output().currentIndex()).text()))
                .startsWith("Olivia started");
        // Barron's line: the start() call while he waits for the handshake
        int handshake = order.step(barron, 3);
        fx(() -> {
            c.playback().seekStep(handshake);
            c.stepForward();
        });
        WaitForAsyncUtils.waitForFxEvents(2);
        io.threadline.ui.teach.CodeView code = node("javaCode");
        waitUntil("Barron's line", () -> code.primaryLine() > 0);
        String line = ScenarioCatalog.byId("chef-soup").javaSource().split("\n", -1)[fx(code::primaryLine) - 1];
        assertThat(line).contains("start()");
    }

    @Test
    void aProducerThatRanForNoTimeShowsNoRunningColumnInTheWindowAtAnyZoom() throws Exception {
        // the case: Producer-1 runs for 0 µs and waits 15 s; zoomed out its lane looked half green
        io.threadline.scenario.ScenarioSpec spec = ScenarioCatalog.byId("producer-consumer");
        Trace t = spec.execute(spec.values(java.util.Map.of("consumers", "32", "items", "1000", "make", "0.01",
                "consume", "0.5")));
        int producer = t.threadNamed("Producer-1");
        fx(() -> {
            c.playback().show(t);
            c.keys().run(KeyMap.Shortcut.FIT);
        });
        TimelineView v = c.timeline();
        for (int zoom = 0; zoom < 6; zoom++) {
            WaitForAsyncUtils.waitForFxEvents(2);
            int[] counts = fx(() -> {
                LaneLayout lane = v.laneLayout().stream().filter(l -> l.thread() == producer).findFirst()
                        .orElseThrow();
                int running = 0;
                int waiting = 0;
                for (double x = v.gutterWidth(); x < v.gutterWidth() + v.timeScaleProperty().get().width(); x++) {
                    DrawnState d = v.drawnAt(x, lane.centerY());
                    if (d != null && d.state() == ThreadState.RUNNING) {
                        running++;
                    } else if (d != null && d.state() == ThreadState.WAITING) {
                        waiting++;
                    }
                }
                return new int[] {running, waiting};
            });
            assertThat(counts[0]).as("running columns at zoom step " + zoom).isZero();
            assertThat(counts[1]).as("it waits, visibly").isPositive();
            fx(() -> v.zoomIn());
        }
    }

    @Test
    void theTourStepAboutOliviaBeingNewShowsHerNew() {
        runToEnd("chef-soup");
        Trace t = c.playback().getTrace();
        List<TourStep> steps = ScenarioCatalog.byId("chef-soup").tour(t);
        TourBar bar = c.teach().tourBar();
        waitUntil("the tour is ready", () -> bar.tour().size() == steps.size() && node("tour-row").isVisible());
        robot.clickOn("#tour-next");
        waitUntil("step 1", () -> bar.index() == 0);
        waitUntil("Olivia is new", () -> c.teach().threadPanel().diagram().state() == ThreadState.NEW);
        int olivia = t.threadNamed("Olivia");
        TransitionOrder order = fx(() -> c.playback().order());
        assertThat(events()).isEqualTo("Events " + (order.step(olivia, 0) + 1) + " / " + t.eventCount());
        robot.clickOn("#tour-next");
        waitUntil("step 2", () -> bar.index() == 1);
        int barron = t.threadNamed("Barron");
        waitUntil("Barron waits for the handshake",
                () -> c.teach().threadPanel().diagram().state() == ThreadState.WAITING);
        assertThat(events()).isEqualTo("Events " + (order.step(barron, 3) + 1) + " / " + t.eventCount());
    }
}
