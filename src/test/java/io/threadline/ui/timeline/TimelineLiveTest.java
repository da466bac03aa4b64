package io.threadline.ui.timeline;

import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A trace that grows while shown, as in a live run: lanes appear, the view follows, frames are not wasted. */
@ExtendWith(ApplicationExtension.class)
class TimelineLiveTest {
    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        stage.setScene(new Scene(view, 1000, 500));
        stage.show();
    }

    private static <T> T fx(Supplier<T> s) {
        AtomicReference<T> out = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> out.set(s.get()));
        WaitForAsyncUtils.waitForFxEvents();
        return out.get();
    }

    /** One animation tick of the shell: the live time, then refresh. */
    private void tick(long live) {
        fx(() -> {
            view.revealTimeProperty().set(live);
            view.refresh();
            return null;
        });
    }

    @Test
    void lanesAppearAsThreadsAreCreatedAndTheViewFollowsTheGrowingEnd() {
        Trace trace = new Trace();
        int p = trace.addProcess("MainProcess");
        int main = trace.addThread("Main", p, false, ThreadRole.MAIN);
        trace.transition(main, 0, ThreadState.NEW, Reason.CREATED, -1, null, 0);
        trace.transition(main, 0, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 0);
        fx(() -> {
            view.traceProperty().set(trace);
            return null;
        });
        tick(0);
        assertThat(view.laneLayout()).hasSize(1);
        assertThat(view.followProperty().get()).isTrue();
        long firstEnd = view.visibleEnd();

        int helper = trace.addThread("Helper", p, false, ThreadRole.THREAD);
        trace.transition(helper, 400_000, ThreadState.NEW, Reason.CREATED, main, null, 0);
        trace.transition(helper, 400_000, ThreadState.WAITING, Reason.SLEEP, -1, "5 s", 0);
        trace.transition(main, 400_000, ThreadState.WAITING, Reason.JOIN, -1, "Helper", 0);
        tick(3_000_000);
        assertThat(view.laneLayout()).extracting(LaneLayout::thread).containsExactly(main, helper);
        assertThat(view.visibleEnd()).as("follow widened the window").isGreaterThan(Math.max(firstEnd, 3_000_000));

        // a living thread's lane reaches the live time, and nothing is drawn beyond it
        LaneLayout lane = view.laneLayout().get(1);
        DrawnState justBefore = fx(() -> view.drawnAt(view.xOf(2_990_000), lane.centerY()));
        assertThat(justBefore.state()).isEqualTo(ThreadState.WAITING);
        assertThat(fx(() -> view.drawnAt(view.xOf(3_050_000), lane.centerY()))).isNull();
        assertThat(fx(() -> view.drawnAt(view.xOf(300_000), lane.centerY()))).as("before it was created").isNull();

        // the user zooms: following stops, the window stays while the run grows
        fx(() -> {
            view.zoomIn();
            return null;
        });
        long start = view.visibleStart();
        long end = view.visibleEnd();
        tick(4_000_000);
        assertThat(view.followProperty().get()).isFalse();
        assertThat(view.visibleStart()).isEqualTo(start);
        assertThat(view.visibleEnd()).isEqualTo(end);

        // the run ends: fit shows all of it
        trace.transition(helper, 5_400_000, ThreadState.DEAD, Reason.RETURNED, -1, null, 0);
        trace.transition(main, 5_400_000, ThreadState.DEAD, Reason.RETURNED, -1, null, 0);
        trace.finish(5_400_000, RunOutcome.COMPLETED, "");
        fx(() -> {
            view.revealTimeProperty().set(Long.MAX_VALUE);
            view.fit();
            view.refresh();
            return null;
        });
        assertThat(view.visibleEnd()).isGreaterThan(5_400_000L);
        assertThat(fx(() -> view.bodyWidth() - view.timeScaleProperty().get().x(5_400_000)))
                .as("room after the end").isCloseTo(io.threadline.picture.TimeScale.END_ROOM_PX,
                        org.assertj.core.api.Assertions.within(0.5));
    }

    @Test
    void refreshDrawsOnlyWhenSomethingChanged() {
        Trace trace = new Trace();
        int p = trace.addProcess("MainProcess");
        int main = trace.addThread("Main", p, false, ThreadRole.MAIN);
        trace.transition(main, 0, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 0);
        fx(() -> {
            view.traceProperty().set(trace);
            view.refresh();
            return null;
        });
        long frames = view.framesDrawn();
        for (int i = 0; i < 5; i++) {
            fx(() -> {
                view.refresh();
                return null;
            });
        }
        assertThat(view.framesDrawn()).as("idle ticks draw nothing").isEqualTo(frames);

        trace.transition(main, 100_000, ThreadState.WAITING, Reason.SLEEP, -1, "1 s", 0);
        fx(() -> {
            view.refresh();
            return null;
        });
        assertThat(view.framesDrawn()).as("the trace grew: one frame").isEqualTo(frames + 1);

        fx(() -> {
            view.selectedThreadProperty().set(main);
            view.highlightedStateProperty().set(ThreadState.WAITING);
            return null;
        });
        assertThat(view.framesDrawn()).as("two changes in one pulse: one frame").isEqualTo(frames + 2);

        fx(() -> {
            view.playheadProperty().set(50_000);
            return null;
        });
        assertThat(view.framesDrawn()).as("the playhead is a node: lanes are not repainted").isEqualTo(frames + 2);
    }
}
