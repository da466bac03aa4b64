package io.threadline.ui.timeline;

import io.threadline.picture.StateMarks;
import io.threadline.picture.StateStyle;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Pixels of real frames: the picture is not blank and its colours come from the CSS themes. */
@ExtendWith(ApplicationExtension.class)
class TimelineSnapshotTest {
    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        stage.setScene(new Scene(view, 1200, 600));
        stage.show();
    }

    private static <T> T fx(Supplier<T> s) {
        AtomicReference<T> out = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> out.set(s.get()));
        WaitForAsyncUtils.waitForFxEvents();
        return out.get();
    }

    private WritableImage snapshot() {
        return fx(() -> {
            view.refresh();
            return view.snapshot(null, null);
        });
    }

    private LaneLayout lane(String name) {
        int id = view.traceProperty().get().threadNamed(name);
        return view.laneLayout().stream().filter(l -> l.thread() == id).findFirst().orElseThrow();
    }

    /** The y of the top outline of a waiting box in this lane. */
    private int waitingOutlineY(LaneLayout lane) {
        double pad = view.metrics().barPadding();
        return (int) (lane.y() + StateMarks.shapeTop(StateStyle.of(ThreadState.WAITING), pad, lane.height() - 2 * pad));
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    private static void assertColor(Color actual, String expected) {
        Color e = Color.web(expected);
        assertThat(Math.abs(actual.getRed() - e.getRed()) + Math.abs(actual.getGreen() - e.getGreen())
                + Math.abs(actual.getBlue() - e.getBlue()))
                .as("%s should be %s", actual, expected).isLessThan(0.06);
    }

    @Test
    void aChefSoupFrameIsNotBlankAndDrawsTheStatesInTheirColours() {
        Trace chef = Traces.of("chef-soup");
        fx(() -> {
            view.traceProperty().set(chef);
            return null;
        });
        WritableImage img = snapshot();
        PixelReader px = img.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(px.getArgb(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in the frame").isGreaterThan(30);

        LaneLayout barron = lane("Barron");
        LaneLayout olivia = lane("Olivia");
        int joinX = (int) (double) fx(() -> view.xOf(2_000_000));
        assertColor(px.getColor(joinX, (int) barron.centerY()), "#d6ecfa");        // waiting fill
        assertColor(px.getColor(joinX, waitingOutlineY(barron)), "#0072b2");    // waiting outline
        int capX = (int) Math.round(fx(() -> view.xOf(3_000_000)));
        assertColor(px.getColor(capX, (int) olivia.centerY()), "#1b1f24");         // returned: a filled dot
        assertColor(px.getColor(joinX + 5, 580), "#ffffff");                          // empty body below the lanes

        fx(() -> {
            view.darkProperty().set(true);
            return null;
        });
        // The canvas repaints on the next pulse after the restyle: wait for it, briefly.
        PixelReader dark = snapshot().getPixelReader();
        for (int i = 0; i < 40 && distance(dark.getColor(joinX, (int) barron.centerY()), Color.web("#15334a")) >= 0.06; i++) {
            org.testfx.util.WaitForAsyncUtils.sleep(25, java.util.concurrent.TimeUnit.MILLISECONDS);
            dark = snapshot().getPixelReader();
        }
        assertColor(dark.getColor(joinX, (int) barron.centerY()), "#15334a");
        assertColor(dark.getColor(joinX + 5, 580), "#15181d");
    }

    @Test
    void highlightingAStateDimsTheOthers() {
        fx(() -> {
            view.traceProperty().set(Traces.of("chef-soup"));
            return null;
        });
        LaneLayout barron = lane("Barron");
        int x = (int) (double) fx(() -> view.xOf(2_000_000));
        Color normal = snapshot().getPixelReader().getColor(x, waitingOutlineY(barron));
        fx(() -> {
            view.highlightedStateProperty().set(ThreadState.RUNNING);
            return null;
        });
        Color dimmed = snapshot().getPixelReader().getColor(x, waitingOutlineY(barron));
        // dimmed: most of the way to the white background
        assertThat(distance(dimmed, Color.WHITE)).isLessThan(distance(normal, Color.WHITE) * 0.3);
        fx(() -> {
            view.highlightedStateProperty().set(ThreadState.WAITING);
            return null;
        });
        assertColor(snapshot().getPixelReader().getColor(x, waitingOutlineY(barron)), "#0072b2");
    }

    @Test
    void aRunningSpanIsASolidFullHeightBarAndRunnableIsHatched() {
        Trace trace = new Trace();
        int p = trace.addProcess("MainProcess");
        int a = trace.addThread("Worker", p, false, io.threadline.trace.ThreadRole.THREAD);
        trace.transition(a, 0, ThreadState.RUNNING, io.threadline.trace.Reason.SCHEDULED, -1, null, 0);
        trace.transition(a, 1_000_000, ThreadState.RUNNABLE, io.threadline.trace.Reason.PREEMPTED, -1, null, 0);
        trace.transition(a, 2_000_000, ThreadState.DEAD, io.threadline.trace.Reason.RAISED, -1, "ValueError", 0);
        trace.finish(2_000_000, io.threadline.trace.RunOutcome.COMPLETED, "");
        fx(() -> {
            view.traceProperty().set(trace);
            return null;
        });
        LaneLayout lane = view.laneLayout().get(0);
        PixelReader px = snapshot().getPixelReader();
        int run = (int) (double) fx(() -> view.xOf(700_000));
        double pad = view.metrics().barPadding();
        for (double y = lane.y() + pad + 1; y < lane.y() + lane.height() - pad - 1; y++) {
            assertColor(px.getColor(run, (int) y), "#00866b");
        }
        int ready = (int) (double) fx(() -> view.xOf(1_700_000));
        Set<Integer> stripes = new HashSet<>();
        for (int dx = 0; dx < 8; dx++) {
            stripes.add(px.getArgb(ready + dx, (int) lane.centerY() + 3));
        }
        assertThat(stripes.size()).as("a hatched span has more than one colour along a row").isGreaterThan(2);
        String cap = fx(() -> view.describeAt(view.xOf(2_000_000), lane.centerY()));
        assertThat(cap).contains("raised", "ValueError");
    }
}
