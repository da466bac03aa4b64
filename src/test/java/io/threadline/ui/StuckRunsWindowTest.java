package io.threadline.ui;

import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Program;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.runtime.SimLock;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that cannot go on — a deadlock, a thread spinning or blocked outside the runtime — ends,
 * the window says why in full, and the app goes on working. Closing the window ends a run still
 * going on and every one of its threads.
 */
class StuckRunsWindowTest extends FxTestBase {
    /** Threads in a ring, each holding its lock and wanting the next one's: a cycle of {@code n}. */
    static final class DiningRing extends Program {
        private final int n;

        DiningRing(int n) {
            this.n = n;
        }

        @Override
        protected void main() {
            List<SimLock> locks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                locks.add(lock("fork number " + i));
            }
            for (int i = 0; i < n; i++) {
                SimLock mine = locks.get(i);
                SimLock next = locks.get((i + 1) % n);
                thread("Philosopher with a long name " + i, () -> {
                    mine.acquire();
                    sleep(0.1);
                    next.acquire();
                }).start();
            }
        }
    }

    static final class Spinner extends Program {
        @Override
        protected void main() {
            print("about to spin");
            long x = 0;
            while (x >= 0) {
                x++;
            }
        }
    }

    static final class RawSleeper extends Program {
        @Override
        protected void main() throws Exception {
            print("about to sleep outside the runtime");
            Thread.sleep(60_000);
        }
    }

    private Run start(Program p, RunOptions o) {
        Run r = Run.start(p, "Main", o, "test-program", Map.of());
        fx(() -> c.follow(r));
        return r;
    }

    private void waitForEnd(Run r) {
        waitUntil("the run ended and the window knows", () -> r.isFinished() && !c.playback().isRunning());
    }

    /** The text the label really draws: it differs from getText() when the label is cut with "...". */
    private String drawn(Label label) {
        return fx(() -> {
            label.applyCss();
            label.getParent().layout();
            Node text = label.lookup(".text");
            return text instanceof Text t ? t.getText() : null;
        });
    }

    @Test
    void aDeadlockStopsTheRunAndTheWindowNamesTheWholeCycle() {
        Run r = start(new DiningRing(12), RunOptions.defaults());
        waitForEnd(r);
        Trace t = r.trace();

        assertThat(t.outcome()).isEqualTo(RunOutcome.DEADLOCK);
        OutcomeBanner banner = c.outcomeBanner();
        waitUntil("the banner is up", banner::isVisible);
        assertThat(banner.title()).startsWith("Deadlock");
        assertThat(banner.message()).isEqualTo(t.outcomeMessage())
                .contains("Philosopher with a long name 0 waits for lock fork number 1 held by Philosopher with a long name 1")
                .contains("Philosopher with a long name 11 waits for lock fork number 0 held by Philosopher with a long name 0");
        Label message = (Label) node("outcome-message");
        assertThat(drawn(message)).as("the message as drawn: wrapped, not cut").isEqualTo(t.outcomeMessage());
        assertThat(c.message()).startsWith("Deadlock at 0.1 s: ");
        assertThat(fx(() -> ((Label) node("outcome-title")).isVisible())).isTrue();
    }

    @Test
    void aThreadSpinningOutsideTheRuntimeIsNamedWithItsLineAndTheAppGoesOn() {
        assertStuckRunEndsAndAppGoesOn(new Spinner());
    }

    @Test
    void aThreadBlockedOutsideTheRuntimeIsNamedWithItsLineAndTheAppGoesOn() {
        assertStuckRunEndsAndAppGoesOn(new RawSleeper());
    }

    private void assertStuckRunEndsAndAppGoesOn(Program p) {
        Run r = start(p, RunOptions.defaults().withStallLimit(400));
        long slowest = 0;
        while (!r.isFinished()) {
            long t0 = System.nanoTime();
            fx(() -> null);
            slowest = Math.max(slowest, System.nanoTime() - t0);
            sleep(20);
        }
        waitForEnd(r);

        assertThat(slowest / 1_000_000).as("slowest JavaFX round trip while the run was stuck, ms").isLessThan(500);
        assertThat(r.outcome()).isEqualTo(RunOutcome.FAILED);
        OutcomeBanner banner = c.outcomeBanner();
        waitUntil("the banner is up", banner::isVisible);
        assertThat(banner.title()).startsWith("The run was stopped");
        assertThat(banner.message()).isEqualTo(r.trace().outcomeMessage())
                .startsWith("stopped: Main has not come back to the runtime for")
                .containsPattern("\\(at StuckRunsWindowTest\\.java:\\d+\\)");
        assertThat(drawn((Label) node("outcome-message"))).isEqualTo(r.trace().outcomeMessage());
        waitUntil("the stuck thread has ended", () -> liveRuntimeThreads().isEmpty());

        runToEnd("chef-soup");
        assertThat(c.playback().getTrace().outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(fx(banner::isVisible)).as("a normal end takes the banner down").isFalse();
    }

    @Test
    void aNewRunOrAnotherScenarioTakesTheBannerDownAndAnOldTraceBringsItBack() {
        Run r = start(new DiningRing(2), RunOptions.defaults());
        waitForEnd(r);
        waitUntil("banner", () -> c.outcomeBanner().isVisible());

        fx(() -> c.outcomeBanner().hide());
        assertThat(fx(() -> c.outcomeBanner().isVisible())).isFalse();
        runToEnd("chef-soup");
        assertThat(fx(() -> c.outcomeBanner().isVisible())).isFalse();
    }

    @Test
    void closingTheWindowStopsALiveRunAndNoScenarioThreadOutlivesIt() {
        select("chef-soup");
        fx(() -> {
            c.clockMode = ClockMode.PACED;
            c.paramForm().values();
            c.run();
        });
        waitUntil("the paced run has threads", () -> c.playback().isRunning() && !liveRuntimeThreads().isEmpty());
        Trace t = c.playback().getTrace();

        Platform.setImplicitExit(false);
        fx(() -> stage.hide());

        assertThat(t.outcome()).isEqualTo(RunOutcome.STOPPED);
        assertThat(liveRuntimeThreads()).as("scenario threads alive after the window closed").isEmpty();
        fx(() -> stage.show());
    }

    static List<String> liveRuntimeThreads() {
        return io.threadline.runtime.Run.liveJavaThreads();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
