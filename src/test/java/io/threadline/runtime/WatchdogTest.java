package io.threadline.runtime;

import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenario code that stops calling the runtime is noticed, named, and the run ends instead of hanging. */
class WatchdogTest {
    private static final RunOptions QUICK = RunOptions.defaults().withStallLimit(300);

    @Test
    void aRawSleepOutsideTheRuntimeStopsTheRunAndSaysWhereAndWho() throws Exception {
        Run run = Run.start(new Program() {
            @Override
            protected void main() throws Exception {
                thread("Sleepy", () -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).start();
            }
        }, "Main", QUICK, "test", Map.of());
        assertThat(run.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        Trace t = run.trace();
        assertThat(t.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(t.outcomeMessage())
                .startsWith("stopped: Sleepy has not come back to the runtime for")
                .contains("(at WatchdogTest.java:")
                .contains("spins or blocks outside the runtime");
        assertThat(transitions(t, "Sleepy")).last().asString().endsWith("dead killed stuck outside the runtime");
        assertThat(transitions(t, "Main")).last().asString().endsWith("dead killed stuck outside the runtime");
    }

    @Test
    void aBusyLoopStopsTheRunAndItsThreadIsEnded() throws Exception {
        Run run = Run.start(new Program() {
            @Override
            protected void main() {
                long x = 0;
                while (x >= 0) {
                    x++;
                }
                print(x);
            }
        }, "Spinner", QUICK, "test", Map.of());
        assertThat(run.awaitEnd(5, TimeUnit.SECONDS)).as("run and its threads end").isTrue();
        assertThat(run.trace().outcomeMessage()).startsWith("stopped: Spinner has not come back");
    }

    @Test
    void aLongButProgressingVirtualRunIsNotStopped() throws Exception {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                for (int i = 0; i < 20_000; i++) {
                    sleep(0.001);
                }
            }
        }, QUICK);
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void aPacedRunWaitingForItsClockIsNotStalled() throws Exception {
        Run run = Run.start(new Program() {
            @Override
            protected void main() {
                sleep(0.8);
            }
        }, "Main", QUICK.paced(1), "test", Map.of());
        assertThat(run.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
    }
}
