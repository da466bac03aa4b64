package io.threadline.ui.timeline;

import io.threadline.trace.CauseKind;
import io.threadline.trace.CauseLink;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's teaching parts: cause arrows by mode, the mark of an instant "new", the lifecycle diagram. */
@ExtendWith(ApplicationExtension.class)
class TeachingTimelineTest {
    private TimelineView view;
    private LifecycleDiagram diagram;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        diagram = new LifecycleDiagram(view);
        VBox box = new VBox(view, diagram);
        view.setPrefHeight(500);
        stage.setScene(new Scene(box, 1200, 760));
        stage.show();
    }

    private void show(Trace trace) {
        fx(() -> {
            view.traceProperty().set(trace);
            view.refresh();
        });
        settle();
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

    /** Redraws happen on the next pulse: wait for them. */
    private void settle() {
        WaitForAsyncUtils.waitForFxEvents(4);
        fx(() -> view.redrawNow());
    }

    private List<CauseLink> arrows() {
        settle();
        return fx(() -> List.copyOf(view.shownArrows()));
    }

    private static boolean has(List<CauseLink> links, Trace t, String from, CauseKind kind, String to) {
        return links.stream().anyMatch(l -> l.kind() == kind && l.from() == t.threadNamed(from)
                && l.to() == t.threadNamed(to));
    }

    // ---- arrows

    @Test
    void allArrowsShowTheJoinAndTheStartButNotTheHandshakeOrTheCreation() {
        Trace t = Traces.of("chef-soup");
        show(t);
        List<CauseLink> shown = arrows();
        assertThat(has(shown, t, "Olivia", CauseKind.JOIN, "Barron")).as("her death ends his join").isTrue();
        assertThat(has(shown, t, "Barron", CauseKind.START, "Olivia")).isTrue();
        assertThat(shown).extracting(CauseLink::kind).doesNotContain(CauseKind.CREATE, CauseKind.STARTED);
    }

    @Test
    void focusModeDrawsOnlyTheFocusedThreadsArrowsAndNoneWithoutFocus() {
        Trace t = Traces.of("producer-consumer");
        show(t);
        List<CauseLink> all = arrows();
        int producer = t.threadNamed("Producer-1");
        assertThat(all).anyMatch(l -> l.from() != producer && l.to() != producer);

        fx(() -> view.arrowModeProperty().set(ArrowMode.FOCUS));
        assertThat(arrows()).as("nothing selected or hovered").isEmpty();

        fx(() -> view.selectedThreadProperty().set(producer));
        List<CauseLink> mine = arrows();
        assertThat(mine).isNotEmpty().allMatch(l -> l.from() == producer || l.to() == producer);
        assertThat(has(mine, t, "Producer-1", CauseKind.JOIN, "MainThread")).as("its death ends main's join").isTrue();
        assertThat(has(mine, t, "MainThread", CauseKind.START, "Producer-1")).isTrue();
        assertThat(all).containsAll(mine);

        fx(() -> view.arrowModeProperty().set(ArrowMode.NONE));
        assertThat(arrows()).isEmpty();
    }

    @Test
    void zoomedOutTheArrowsIntoOneLaneThinOut() {
        // a consumer woken by many puts: 200 items made every 10 ms
        Trace t = new Trace();
        t.describe("synthetic", Map.of(), 0, "virtual");
        int p = t.addProcess("MainProcess");
        int prod = t.addThread("P", p, false, ThreadRole.MAIN);
        int cons = t.addThread("C", p, false, ThreadRole.THREAD);
        t.transition(prod, 0, ThreadState.NEW, Reason.CREATED, -1, null, 0);
        t.transition(prod, 0, ThreadState.WAITING, Reason.SLEEP, -1, "5 s", 0);
        t.transition(cons, 0, ThreadState.NEW, Reason.CREATED, prod, null, 0);
        for (int i = 0; i < 200; i++) {
            long at = i * 10_000L;
            t.transition(cons, at, ThreadState.WAITING, Reason.QUEUE_GET, -1, "q", 3);
            t.transition(cons, at + 9_000, ThreadState.RUNNABLE, Reason.WOKEN, prod, null, 3);
            t.transition(cons, at + 9_000, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 3);
        }
        t.transition(cons, 2_000_000, ThreadState.DEAD, Reason.RETURNED, -1, null, 4);
        t.transition(prod, 2_000_000, ThreadState.DEAD, Reason.RETURNED, -1, null, 0);
        t.finish(2_000_000, RunOutcome.COMPLETED, "");
        show(t);
        fx(() -> view.showWindow(0, 2_000_000));
        int wide = arrows().size();
        fx(() -> view.showWindow(0, 100_000));
        int close = arrows().size();
        assertThat(wide).as("200 wake-ups over ~900 px: thinned").isLessThan(200).isGreaterThan(10);
        assertThat(close).as("zoomed in on 10 of them: every one").isEqualTo(10);
    }

    // ---- new for an instant

    @Test
    void aThreadNewForAnInstantGetsARingWithItsStoryAndALongNewSpanDoesNot() {
        Trace t = Traces.of("chef-soup");
        show(t);
        LaneLayout olivia = fx(() -> view.laneLayout().get(t.threadNamed("Olivia")));
        String ring = fx(() -> view.describeAt(view.xOf(0), olivia.centerY()));
        assertThat(ring).startsWith("Olivia — new for an instant").contains("created by Barron at 0 s and started at the same instant")
                .contains("dotted ring");

        Trace late = new Trace();
        late.describe("synthetic", Map.of(), 0, "virtual");
        int p = late.addProcess("MainProcess");
        int main = late.addThread("Main", p, false, ThreadRole.MAIN);
        int w = late.addThread("W", p, false, ThreadRole.THREAD);
        late.transition(main, 0, ThreadState.NEW, Reason.CREATED, -1, null, 0);
        late.transition(main, 0, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 0);
        late.transition(w, 0, ThreadState.NEW, Reason.CREATED, main, null, 0);
        late.transition(w, 1_000_000, ThreadState.RUNNABLE, Reason.STARTED, main, null, 0);
        late.transition(w, 2_000_000, ThreadState.DEAD, Reason.RETURNED, -1, null, 0);
        late.transition(main, 2_000_000, ThreadState.DEAD, Reason.RETURNED, -1, null, 0);
        late.finish(2_000_000, RunOutcome.COMPLETED, "");
        show(late);
        LaneLayout lane = fx(() -> view.laneLayout().get(w));
        // a pixel in: the column where the lane starts is the lane's if its middle is
        assertThat(fx(() -> view.describeAt(view.xOf(0) + 1, lane.centerY())))
                .as("a new span a second long shows for itself").startsWith("W — new");
        assertThat(fx(() -> view.describeAt(view.xOf(0) + 1, lane.centerY()))).doesNotContain("instant");
        assertThat(fx(() -> view.drawnAt(view.xOf(500_000), lane.centerY()).state())).isEqualTo(ThreadState.NEW);
    }

    @Test
    void aThreadMadeRunAndDeadInOneInstantShowsItsRingAndItsEndSideBySide() {
        // no-join's MainThread: created, started, ran and returned at 0 s; its cap was drawn under its ring
        Trace t = Traces.of("no-join");
        show(t);
        int main = t.threadNamed("MainThread");
        LaneLayout lane = fx(() -> view.laneLayout().get(main));
        double at = fx(() -> view.xOf(0));
        String left = fx(() -> view.describeAt(at - 4, lane.centerY()));
        String right = fx(() -> view.describeAt(at + 4, lane.centerY()));
        assertThat(left).as("the ring, left of the instant").contains("new for an instant");
        assertThat(right).as("the end, right of it").doesNotContain("new for an instant").contains("returned");
        WritableImage shot = fx(() -> view.snapshot(null, null));
        int y = (int) Math.round(lane.centerY());
        assertThat(shot.getPixelReader().getColor((int) Math.round(at + 6), y).getBrightness())
                .as("the returned cap is a filled dark dot, not under the ring").isLessThan(0.35);
    }

    // ---- the lifecycle diagram

    @Test
    void theDiagramRingsTheStateAndLightsTheTransitionsOfTheInstant() {
        Trace t = Traces.of("chef-soup");
        int barron = t.threadNamed("Barron");
        int olivia = t.threadNamed("Olivia");
        // at 1 s Barron waits in join since 0.5 s, where his sleep ended, he ran and he joined at one instant
        fx(() -> diagram.show(ThreadMoment.at(t, barron, 1_000_000)));
        assertThat(fx(diagram::state)).isEqualTo(ThreadState.WAITING);
        assertThat(fx(diagram::litTransitions)).containsExactly("waiting → runnable", "runnable → running",
                "running → waiting");
        assertThat(ThreadMoment.at(t, barron, 1_000_000).last().reason()).isEqualTo(Reason.JOIN);
        fx(() -> diagram.show(ThreadMoment.at(t, barron, 250_000)));
        assertThat(ThreadMoment.at(t, barron, 250_000).last().reason()).isEqualTo(Reason.SLEEP);

        fx(() -> diagram.show(ThreadMoment.at(t, barron, 3_000_000)));
        assertThat(fx(diagram::state)).isEqualTo(ThreadState.DEAD);
        assertThat(fx(diagram::litTransitions)).containsExactly("waiting → runnable", "runnable → running",
                "running → dead");

        // Olivia is new, runnable, running and waiting at 0.000 s: the diagram shows all of it
        fx(() -> diagram.show(ThreadMoment.at(t, olivia, 0)));
        assertThat(fx(diagram::litTransitions)).containsExactly("created → new", "new → runnable",
                "runnable → running", "running → waiting");
        ThreadMoment m = ThreadMoment.at(t, olivia, 0);
        assertThat(m.state()).isEqualTo(ThreadState.WAITING);
        assertThat(m.last().reason()).isEqualTo(Reason.SLEEP);
        assertThat(m.trail().get(0).cause()).isEqualTo(barron);

        Trace daemon = Traces.of("daemon-cleaner");
        fx(() -> diagram.show(ThreadMoment.at(daemon, daemon.threadNamed("Olivia"), daemon.endTime())));
        assertThat(fx(diagram::litTransitions)).as("a daemon cut off in its sleep").containsExactly("waiting → dead");
        assertThat(ThreadMoment.at(daemon, daemon.threadNamed("Olivia"), daemon.endTime()).last().reason())
                .isEqualTo(Reason.KILLED);
    }

    @Test
    void theDiagramStaysInsideANarrowPanel() {
        show(Traces.of("chef-soup"));
        for (double w : new double[] {400, 260, 200}) {
            assertThat(fx(() -> diagram.drawnWidth(w))).as("drawn at " + w + " px wide").isLessThanOrEqualTo(w);
        }
    }

    @Test
    void beforeItsCreationAThreadHasNoMoment() {
        Trace t = Traces.of("producer-consumer");
        ThreadMoment m = ThreadMoment.at(t, 0, -1);
        assertThat(m.event()).isEqualTo(-1);
        assertThat(m.state()).isNull();
        assertThat(m.trail()).isEmpty();
    }
}
