package io.threadline.ui.timeline;

import io.threadline.picture.PictureMetrics;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {
    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
    }

    private void show(String scenario) {
        show(Traces.of(scenario));
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

    private LaneLayout lane(String name) {
        int id = view.traceProperty().get().threadNamed(name);
        return view.laneLayout().stream().filter(l -> l.thread() == id).findFirst().orElseThrow();
    }

    private Point2D screen(double x, double y) {
        return fx(() -> view.localToScreen(x, y));
    }

    // ---- layout

    @Test
    void aProcessOfOneThreadIsNamedInItsLaneWithoutAHeaderRow() {
        show("pool-map-vs-imap");
        Trace trace = view.traceProperty().get();
        List<LaneLayout> lanes = view.laneLayout();
        PictureMetrics m = view.metrics();

        assertThat(lanes).extracting(LaneLayout::thread).containsExactly(0, 1, 2, 3, 4);
        assertThat(lanes).extracting(LaneLayout::process).containsExactly(0, 1, 2, 3, 4);
        assertThat(trace.processCount()).isEqualTo(5);
        // five processes of one thread each: five rows, no header doubling each
        assertThat(lanes.get(0).y()).isEqualTo(m.rulerHeight());
        for (int i = 1; i < lanes.size(); i++) {
            assertThat(lanes.get(i).y()).isEqualTo(lanes.get(i - 1).y() + m.laneHeight());
            assertThat(lanes.get(i).height()).isEqualTo(m.laneHeight());
        }
        assertThat(view.describeAt(10, lanes.get(1).y() + m.laneHeight() / 2))
                .startsWith("ForkPoolWorker-1").contains("process ForkPoolWorker-1");
    }

    @Test
    void aProcessOfSeveralThreadsKeepsItsHeaderRow() {
        show("executor");
        Trace trace = view.traceProperty().get();
        List<LaneLayout> lanes = view.laneLayout();
        PictureMetrics m = view.metrics();
        int main = trace.threadNamed("MainThread");
        int worker = trace.threadNamed("ForkPoolWorker-1");
        LaneLayout first = lanes.stream().filter(l -> l.thread() == main).findFirst().orElseThrow();
        assertThat(first.y()).as("under MainProcess's header").isEqualTo(m.rulerHeight() + m.processHeight());
        assertThat(view.describeAt(10, first.y() - m.processHeight() / 2)).startsWith("Process MainProcess");
        LaneLayout fork = lanes.stream().filter(l -> l.thread() == worker).findFirst().orElseThrow();
        LaneLayout before = lanes.get(lanes.indexOf(fork) - 1);
        assertThat(fork.y()).as("a worker process of one thread: no header of its own")
                .isEqualTo(before.y() + before.height());
    }

    @Test
    void aSingleProcessHasNoHeaderRows() {
        show("chef-soup");
        List<LaneLayout> lanes = view.laneLayout();
        assertThat(lanes).extracting(LaneLayout::thread).containsExactly(0, 1);
        assertThat(lanes.get(0).y()).isEqualTo(view.rulerHeight());
        assertThat(lanes.get(1).y()).isEqualTo(lanes.get(0).y() + lanes.get(0).height());
    }

    // ---- what is drawn is what the trace says

    @Test
    void theStateDrawnAtEveryPixelIsTheTracesStateThere() {
        for (String scenario : List.of("producer-consumer", "chef-soup", "daemon-cleaner", "pool-map-vs-imap")) {
            show(scenario);
            Trace trace = view.traceProperty().get();
            int checked = fx(() -> {
                int n = 0;
                for (LaneLayout lane : view.laneLayout()) {
                    for (double x = view.gutterWidth(); x < view.gutterWidth() + view.bodyWidth(); x++) {
                        DrawnState d = view.drawnAt(x, lane.centerY());
                        long t = (long) Math.floor(view.timeAt(x + 0.5));
                        ThreadState truth = t < 0 ? null : trace.stateAt(lane.thread(), t);
                        if (d == null) {
                            assertThat(truth == null || truth == ThreadState.DEAD)
                                    .as("%s: nothing drawn at %s for thread %d, trace says %s", scenario, x,
                                            lane.thread(), truth)
                                    .isTrue();
                        } else if (!d.mixed()) {
                            assertThat(d.state()).as("%s thread %d at x=%s", scenario, lane.thread(), x)
                                    .isEqualTo(truth);
                            assertThat(d.thread()).isEqualTo(lane.thread());
                            n++;
                        }
                    }
                }
                return n;
            });
            assertThat(checked).as(scenario).isGreaterThan(1000);
        }
    }

    @Test
    void instantRunsShowWhereAThreadWokeAndWentStraightBackToWaiting() {
        show("chef-soup");
        LaneLayout barron = lane("Barron");
        DrawnState atHalf = fx(() -> view.drawnAt(Math.floor(view.xOf(500_000)), barron.centerY()));
        assertThat(atHalf.mixed()).isTrue();
        assertThat(atHalf.instantRun()).isTrue();
        assertThat(atHalf.state()).isEqualTo(ThreadState.WAITING);
        String text = fx(() -> view.describeAt(Math.floor(view.xOf(500_000)) + 0.5, barron.centerY()));
        assertThat(text).contains("Barron", "3 changes at 0.5 s",
                "waiting: sleep 0.5 s → runnable → running → waiting: join Olivia");
    }

    // ---- hover

    @Test
    void tooltipOfBarronsJoinSaysWhoAndWhenAndWhoEndedIt() {
        show("chef-soup");
        LaneLayout barron = lane("Barron");
        String text = fx(() -> view.describeAt(view.xOf(1_500_000), barron.centerY()));
        assertThat(text).contains("Barron", "join", "Olivia", "start 0.5 s", "duration 2.5 s", "woken by Olivia");

        String sleep = fx(() -> view.describeAt(view.xOf(250_000), barron.centerY()));
        assertThat(sleep).contains("sleep 0.5 s", "start 0 s", "duration 0.5 s", "woken by its timer");
    }

    @Test
    void hoveringShowsTheSameTextInACard(FxRobot robot) {
        show("chef-soup");
        LaneLayout barron = lane("Barron");
        double x = fx(() -> view.xOf(1_500_000));
        robot.moveTo(screen(x, barron.centerY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.hoverText()).isEqualTo(fx(() -> view.describeAt(x, barron.centerY())));
        assertThat(view.hoverText()).contains("join Olivia");
    }

    @Test
    void endCapsTellHowAThreadEnded() {
        show("daemon-cleaner");
        LaneLayout olivia = lane("Olivia");
        String killed = fx(() -> view.describeAt(view.xOf(1_200_000), olivia.centerY()));
        assertThat(killed).contains("Olivia", "killed", "1.2 s");
        LaneLayout barron = lane("Barron");
        assertThat(fx(() -> view.describeAt(view.xOf(1_200_000), barron.centerY()))).contains("returned");
    }

    @Test
    void counterAndResultRowsDescribeWhatTheyShow() {
        show("producer-consumer");
        double below = rowMiddle(r -> r.track() instanceof io.threadline.picture.CounterChartTrack);
        // in the middle of the first stretch with the queue full
        var length = view.traceProperty().get().counters().get(0);
        long full = -1;
        for (int i = 0; i + 1 < length.size() && full < 0; i++) {
            if (length.get(i).value() == 3 && length.get(i + 1).time() - length.get(i).time() > 50_000) {
                full = (length.get(i).time() + length.get(i + 1).time()) / 2;
            }
        }
        long at = full;
        assertThat(at).as("the bounded queue fills up").isPositive();
        assertThat(fx(() -> view.describeAt(view.xOf(at), below))).startsWith("queue length: 3");
        assertThat(fx(() -> view.describeAt(10, below))).contains("highest value 3");

        show("pool-map-vs-imap");
        double mapRow = rowMiddle(r -> r.track() instanceof io.threadline.picture.ResultsTrack x && x.variant().equals("map"));
        double imapRow = rowMiddle(r -> r.track() instanceof io.threadline.picture.ResultsTrack x
                && x.variant().equals("imap_unordered"));
        assertThat(imapRow).as("imap_unordered's row under map's").isGreaterThan(mapRow);
        assertThat(fx(() -> view.describeAt(view.xOf(4_000_000), mapRow)))
                .startsWith("map: 6 results reach MainThread at 4 s").contains("input 5 → 25");
        assertThat(fx(() -> view.describeAt(10, mapRow)))
                .contains("called at 0 s; first result 4 s later (at 4 s), last 4 s later (at 4 s)");
        // imap_unordered is called when map has returned: its times count from there
        assertThat(fx(() -> view.describeAt(10, imapRow)))
                .contains("imap_unordered", "called at 4 s; first result 2 s later (at 6 s), last 4 s later (at 8 s)");
        assertThat(fx(() -> view.describeAt(view.xOf(5_000_000), mapRow))).isNull();
    }

    /** The middle of the first row that {@code which} picks, in view coordinates (the view is not scrolled). */
    private double rowMiddle(java.util.function.Predicate<io.threadline.picture.TimelineRows.Row> which) {
        return fx(() -> {
            for (io.threadline.picture.TimelineRows.Row r : view.rows().rows()) {
                if (which.test(r)) {
                    return view.rulerHeight() + r.y() + r.height() / 2;
                }
            }
            throw new AssertionError("no such row");
        });
    }

    // ---- zoom, pan, fit

    @Test
    void fitShowsTheWholeRunWithASmallMargin() {
        show("chef-soup");
        fx(() -> view.showWindow(1_000_000, 1_200_000));
        assertThat(view.visibleStart()).isEqualTo(1_000_000);
        fx(view::fit);
        assertThat(view.visibleStart()).isBetween(-100_000L, 0L);
        // after the last event, room for its marks and labels: the same pixels however long the run
        assertThat(fx(() -> view.bodyWidth() - view.timeScaleProperty().get().x(3_000_000)))
                .isCloseTo(io.threadline.picture.TimeScale.END_ROOM_PX, org.assertj.core.api.Assertions.within(0.5));
    }

    @Test
    void zoomInAndOutKeepThePlayheadWhereItIs() {
        show("chef-soup");
        fx(() -> view.playheadProperty().set(1_500_000));
        double before = fx(() -> view.xOf(1_500_000));
        long span = view.visibleEnd() - view.visibleStart();
        fx(view::zoomIn);
        assertThat((double) (view.visibleEnd() - view.visibleStart())).isCloseTo(span / TimelineView.ZOOM_STEP, within(2.0));
        assertThat(fx(() -> view.xOf(1_500_000))).isCloseTo(before, within(1e-6));
        assertThat(view.followProperty().get()).isFalse();
        fx(view::zoomOut);
        assertThat((double) (view.visibleEnd() - view.visibleStart())).isCloseTo(span, within(2.0));
        assertThat(fx(() -> view.xOf(1_500_000))).isCloseTo(before, within(1e-6));
    }

    @Test
    void ctrlWheelZoomsAroundThePointerAndKeysZoomToo(FxRobot robot) {
        show("chef-soup");
        LaneLayout olivia = lane("Olivia");
        double x = fx(() -> view.xOf(2_000_000));
        long span = view.visibleEnd() - view.visibleStart();
        // robots disagree on wheel units and signs; a real GTK notch up is +40 with ctrl held
        fx(() -> view.fireEvent(wheel(x, olivia.centerY(), 0, 120, true, false)));
        long zoomed = view.visibleEnd() - view.visibleStart();
        assertThat((double) zoomed).isCloseTo(span / Math.pow(1.25, 3), within(2.0));
        assertThat(fx(() -> view.timeAt(x))).isCloseTo(2_000_000, within(1.0));

        robot.clickOn(screen(x, olivia.centerY())).type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        // both spans are whole microseconds, each rounded: the product's error is up to 1.5 µs plus one
        assertThat((double) (view.visibleEnd() - view.visibleStart())).isCloseTo(zoomed * 1.5, within(3.0));
        robot.type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.visibleEnd() - view.visibleStart()).isEqualTo(span);
    }

    @Test
    void shiftWheelPansTime() {
        show("chef-soup");
        LaneLayout olivia = lane("Olivia");
        long start = view.visibleStart();
        long span = view.visibleEnd() - start;
        double perPixel = view.timeScaleProperty().get().microsPerPixel();
        fx(() -> view.fireEvent(wheel(600, olivia.centerY(), 0, -80, false, true)));
        assertThat((double) view.visibleStart()).isCloseTo(start + 80 * perPixel, within(perPixel));
        assertThat((double) (view.visibleEnd() - view.visibleStart())).isCloseTo(span, within(2.0));
    }

    private static ScrollEvent wheel(double x, double y, double dx, double dy, boolean ctrl, boolean shift) {
        return new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, shift, ctrl, false, false, false, false,
                dx, dy, dx, dy, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    @Test
    void draggingTheLanesPansTime(FxRobot robot) {
        show("chef-soup");
        LaneLayout olivia = lane("Olivia");
        long start = view.visibleStart();
        double perPixel = view.timeScaleProperty().get().microsPerPixel();
        double x = fx(() -> view.xOf(2_000_000));
        robot.drag(screen(x, olivia.centerY()), MouseButton.PRIMARY).moveBy(-100, 0).moveBy(-100, 0)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat((double) view.visibleStart()).isCloseTo(start + 200 * perPixel, within(perPixel * 2));
        assertThat(view.selectedThreadProperty().get()).as("a drag is not a click").isEqualTo(-1);
    }

    // ---- playhead, selection

    @Test
    void draggingThePlayheadMovesIt(FxRobot robot) {
        show("chef-soup");
        fx(() -> view.playheadProperty().set(500_000));
        double from = fx(() -> view.xOf(500_000));
        double to = fx(() -> view.xOf(2_000_000));
        robot.drag(screen(from, view.rulerHeight() * 0.3), MouseButton.PRIMARY)
                .moveTo(screen((from + to) / 2, view.rulerHeight() * 0.3))
                .moveTo(screen(to, view.rulerHeight() * 0.3))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double perPixel = view.timeScaleProperty().get().microsPerPixel();
        assertThat((double) view.playheadProperty().get()).isCloseTo(2_000_000, within(perPixel * 1.5));

        // dragging the line over the lanes works too
        LaneLayout olivia = lane("Olivia");
        double back = fx(() -> view.xOf(1_000_000));
        robot.drag(screen(to, olivia.y() + 3), MouseButton.PRIMARY).moveTo(screen(back, olivia.y() + 3))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat((double) view.playheadProperty().get()).isCloseTo(1_000_000, within(perPixel * 1.5));
    }

    @Test
    void clickingTheRulerMovesThePlayheadThere(FxRobot robot) {
        show("chef-soup");
        double x = fx(() -> view.xOf(2_500_000));
        robot.clickOn(screen(x, view.rulerHeight() / 2));
        double perPixel = view.timeScaleProperty().get().microsPerPixel();
        assertThat((double) view.playheadProperty().get()).isCloseTo(2_500_000, within(perPixel * 1.5));
    }

    @Test
    void clickingALaneSelectsItsThread(FxRobot robot) {
        show("chef-soup");
        LaneLayout olivia = lane("Olivia");
        robot.clickOn(screen(fx(() -> view.xOf(1_000_000)), olivia.centerY()));
        assertThat(view.selectedThreadProperty().get()).isEqualTo(olivia.thread());
        robot.clickOn(screen(40, lane("Barron").centerY()));
        assertThat(view.selectedThreadProperty().get()).isEqualTo(lane("Barron").thread());
        robot.clickOn(screen(600, 650));   // below every lane
        assertThat(view.selectedThreadProperty().get()).isEqualTo(-1);
    }

    @Test
    void withoutATraceTheViewIsEmptyAndQuiet() {
        show("chef-soup");
        show((Trace) null);
        assertThat(view.laneLayout()).isEmpty();
        assertThat(fx(() -> view.describeAt(600, 100))).isNull();
        assertThat(fx(() -> view.drawnAt(600, 100))).isNull();
        fx(() -> {
            view.zoomIn();
            view.fit();
            view.refresh();
        });
    }

    @Test
    void presentationModeMakesLanesAndTextLarger() {
        show("chef-soup");
        double desk = view.laneLayout().get(0).height();
        fx(() -> view.presentationProperty().set(true));
        assertThat(view.laneLayout().get(0).height()).isGreaterThan(desk * 1.3);
        assertThat(view.metrics().fontSize()).isGreaterThan(PictureMetrics.DESK.fontSize());
        fx(() -> view.presentationProperty().set(false));
        assertThat(view.laneLayout().get(0).height()).isEqualTo(desk);
    }
}
