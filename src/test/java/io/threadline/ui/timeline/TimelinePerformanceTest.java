package io.threadline.ui.timeline;

import io.threadline.trace.Trace;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The cost of a frame follows the screen, not the trace. */
@ExtendWith(ApplicationExtension.class)
class TimelinePerformanceTest {
    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        stage.setScene(new Scene(view, 1260, 780));
        stage.show();
    }

    /** The best of several frames, each panned by a pixel so every lane is binned afresh. */
    private double bestFrameMillis() {
        AtomicLong best = new AtomicLong(Long.MAX_VALUE);
        for (int i = 0; i < 25; i++) {
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
                long t0 = System.nanoTime();
                view.panBy(1);
                view.redrawNow();
                best.set(Math.min(best.get(), System.nanoTime() - t0));
            });
        }
        return best.get() / 1e6;
    }

    @Test
    void aMillionEventsDrawInAFewMilliseconds() {
        // 4 threads switching the GIL every 40 µs for 20 s: about a million transitions
        Trace big = SyntheticTraces.gil(4, 20.1, 40);
        assertThat(big.eventCount()).isGreaterThan(1_000_000);
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> view.traceProperty().set(big));
        WaitForAsyncUtils.waitForFxEvents();
        bestFrameMillis();   // warm up: the first frames run interpreted
        double whole = bestFrameMillis();

        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> view.showWindow(10_000_000, 10_004_000));
        double zoomed = bestFrameMillis();
        System.out.printf("frame on the FX thread, 1M events: whole run %.2f ms, 4 ms window %.2f ms%n", whole, zoomed);
        // generous bounds: the build machine is shared; typical is a few ms
        assertThat(whole).isLessThan(25.0);
        assertThat(zoomed).isLessThan(25.0);
    }
}
