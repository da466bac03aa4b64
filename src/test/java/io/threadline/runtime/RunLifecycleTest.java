package io.threadline.runtime;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs end cleanly: stopped from outside, paced against the wall clock, and with no thread left behind. */
class RunLifecycleTest {

    private static Run startPaced(String id, double speed) {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        return s.start(s.defaults(), s.options(s.defaults(), ClockMode.PACED, speed));
    }

    @Test
    void thePacedClockFollowsTheWallClockTimesTheSpeed() throws Exception {
        long t0 = System.nanoTime();
        Run run = startPaced("chef-soup", 20);
        assertThat(run.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        long wallMillis = (System.nanoTime() - t0) / 1_000_000;
        // 3 s of scenario time at 20x is 150 ms; generous on the slow side for noisy CI machines.
        assertThat(wallMillis).isBetween(140L, 2_000L);
        assertThat(run.trace().endTime()).isEqualTo(3_000_000);
        assertThat(run.trace().clock()).isEqualTo("paced");
    }

    @Test
    void thePacedTraceIsTheVirtualTrace() throws Exception {
        Run paced = startPaced("producer-consumer", 100);
        assertThat(paced.awaitEnd(20, TimeUnit.SECONDS)).isTrue();
        ScenarioSpec s = ScenarioCatalog.byId("producer-consumer");
        Trace virtual = s.execute(s.defaults());
        String a = io.threadline.testing.TraceText.dump(paced.trace()).replace("paced", "virtual");
        assertThat(a.substring(a.indexOf('\n'))).isEqualTo(
                io.threadline.testing.TraceText.dump(virtual).substring(a.indexOf('\n')));
    }

    @Test
    void liveTimeAdvancesWithTheWallClockBetweenEvents() throws Exception {
        Run run = startPaced("chef-soup", 10);
        Thread.sleep(120);
        long live = run.liveTime();
        // Olivia sleeps from 0 to 3 s: no event, but the lanes must still grow.
        assertThat(live).isBetween(600_000L, 3_000_000L);
        assertThat(run.trace().endTime()).isLessThanOrEqualTo(live);
        run.stop();
        assertThat(run.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void speedCanChangeDuringARun() throws Exception {
        Run run = startPaced("chef-soup", 1);
        Thread.sleep(50);
        long t0 = System.nanoTime();
        run.setSpeed(50);
        assertThat(run.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        long wallMillis = (System.nanoTime() - t0) / 1_000_000;
        // The rest (under 3 s of scenario time) at 50x takes at most 60 ms, not 3 s.
        assertThat(wallMillis).isLessThan(1_500L);
        assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void stoppingARunKillsEveryThreadAtOnceAtTheCurrentTime() throws Exception {
        Run run = startPaced("daemon-cleaner", 1);
        Thread.sleep(300);
        run.stop();
        assertThat(run.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        Trace t = run.trace();
        assertThat(t.outcome()).isEqualTo(RunOutcome.STOPPED);
        assertThat(t.outcomeMessage()).isEqualTo("stopped by the user");
        assertThat(t.endTime()).isBetween(250_000L, 600_000L);
        assertThat(transitions(t, "Barron")).last().asString().endsWith("dead killed stopped by the user");
        assertThat(transitions(t, "Olivia")).last().asString().endsWith("dead killed stopped by the user");
        run.stop();   // a second stop is harmless
        assertThat(t.outcome()).isEqualTo(RunOutcome.STOPPED);
    }

    @Test
    void backToBackRunsSomeStoppedMidwayLeaveNoThreadBehind() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            ScenarioSpec s = ScenarioCatalog.all().get(i % ScenarioCatalog.all().size());
            if (i % 3 == 0) {
                Run run = s.start(s.defaults(), s.options(s.defaults(), ClockMode.PACED, 50));
                Thread.sleep(random.nextInt(4));
                run.stop();
                assertThat(run.awaitEnd(5, TimeUnit.SECONDS)).as("run %d ends", i).isTrue();
            } else {
                Run run = s.start(s.defaults(), s.options(s.defaults(), ClockMode.VIRTUAL, 1));
                if (i % 3 == 1) {
                    run.stop();
                }
                assertThat(run.awaitEnd(5, TimeUnit.SECONDS)).as("run %d ends", i).isTrue();
            }
        }
        assertThat(Runs.liveRuntimeThreads()).isZero();
    }
}
