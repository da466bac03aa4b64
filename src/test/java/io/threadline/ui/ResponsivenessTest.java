package io.threadline.ui;

import io.threadline.runtime.ClockMode;
import javafx.animation.AnimationTimer;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JavaFX thread only draws: while the largest scenario runs live (64 threads on 64 cores, tens of
 * thousands of transitions), no pulse does more than 100 ms of work on it (a guard against work that
 * grows with the run, such as a rescan per frame; frame costs are figures of the bench suite: this
 * test printed 25 to 58 ms as its worst pulse here, the other test JVM busy on the second core). Work is measured as
 * the JavaFX thread's own CPU time between consecutive frames, so a CI machine that starves
 * the thread (2 cores, busy scenario threads) does not count against the window. One short
 * run first warms the JIT up, as any run before it in a class would: the first pulses of a
 * freshly started JVM run interpreted code and measure the JVM, not the window.
 */
class ResponsivenessTest extends FxTestBase {
    private static final Map<String, String> LARGEST = Map.of(
            "producers", "32", "consumers", "32", "items", "20000", "capacity", "8",
            "make", "0.001", "consume", "0.002", "cores", "64");

    @Test
    void noPulseDoesMoreThanATenthOfASecondOfWorkWhileTheLargestScenarioRuns() {
        runToEnd("producer-consumer");
        c.clockMode = ClockMode.PACED;
        for (Map.Entry<String, String> e : LARGEST.entrySet()) {
            fx(() -> ((TextField) node("param-" + e.getKey())).setText(e.getValue()));
        }
        // making and consuming are computation: without the GIL the 64 threads do it side by side, as
        // they did when it was sleep, so the run is as busy and as short (under the GIL it would last 60 s)
        fx(() -> ((atlantafx.base.controls.ToggleSwitch) node("param-gil")).setSelected(false));
        fx(() -> c.playback().setSpeed(1));

        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] worst = {0};
        long[] frames = {0};
        AnimationTimer probe = new AnimationTimer() {
            private long lastCpu = -1;

            @Override
            public void handle(long now) {
                long cpu = mx.getCurrentThreadCpuTime();
                if (lastCpu >= 0) {
                    worst[0] = Math.max(worst[0], cpu - lastCpu);
                    frames[0]++;
                }
                lastCpu = cpu;
            }
        };
        fx(probe::start);
        fx(() -> c.run());
        waitUntil("the run is live", () -> c.playback().isRunning());
        waitUntil("the run ends", () -> !c.playback().isRunning());
        fx(probe::stop);

        long events = fx(() -> c.playback().getTrace().eventCount());
        System.out.printf("responsiveness: %d events, %d frames, worst pulse %.1f ms of JavaFX-thread CPU%n",
                events, frames[0], worst[0] / 1e6);
        assertThat(events).as("a large run").isGreaterThan(50_000);
        assertThat(frames[0]).as("frames drawn during the run").isGreaterThan(10);
        assertThat(worst[0] / 1_000_000.0).as("worst JavaFX-thread work in one pulse, ms").isLessThan(100.0);
    }
}
