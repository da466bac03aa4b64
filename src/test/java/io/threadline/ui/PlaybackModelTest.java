package io.threadline.ui;

import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.ui.PlaybackModel.Mode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The playback state machine on a hand-made trace and a hand-moved clock: no window, no runtime. */
class PlaybackModelTest {
    private static final long MS = 1_000;
    private static final long S = 1_000_000;

    private long nanos;
    private PlaybackModel model;

    @BeforeEach
    void setUp() {
        nanos = 1_000_000_000L;
        model = new PlaybackModel(() -> nanos);
    }

    private void wall(long millis) {
        nanos += millis * 1_000_000L;
    }

    /** Two threads: A runs 0..1 s then waits until 3 s then dies; B is born at 0.5 s and dies at 2 s. */
    private static Trace recorded() {
        Trace t = new Trace();
        t.addProcess("MainProcess");
        int a = t.addThread("A", 0, false, ThreadRole.MAIN);
        int b = t.addThread("B", 0, false, ThreadRole.THREAD);
        t.transition(a, 0, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 0);
        t.transition(b, 500 * MS, ThreadState.NEW, Reason.CREATED, -1, null, 0);
        t.transition(a, 1 * S, ThreadState.WAITING, Reason.JOIN, -1, null, 0);
        t.transition(b, 1 * S, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 0);
        t.output(1500 * MS, b, "hello from B", false);
        t.transition(b, 2 * S, ThreadState.DEAD, Reason.RETURNED, -1, null, 0);
        t.transition(a, 2 * S, ThreadState.RUNNING, Reason.SCHEDULED, b, null, 0);
        t.transition(a, 3 * S, ThreadState.DEAD, Reason.RETURNED, -1, null, 0);
        t.finish(3 * S, RunOutcome.COMPLETED, "");
        return t;
    }

    /** A run whose "now" the test sets, over a trace the test writes. */
    private static final class FakeRun implements LiveRun {
        final Trace trace = new Trace();
        long live;
        final List<Double> speeds = new ArrayList<>();
        int stops;

        FakeRun() {
            trace.addProcess("MainProcess");
            trace.addThread("main", 0, false, ThreadRole.MAIN);
            trace.transition(0, 0, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 0);
        }

        @Override
        public Trace trace() {
            return trace;
        }

        @Override
        public long liveTime() {
            return live;
        }

        @Override
        public void setSpeed(double speed) {
            speeds.add(speed);
        }

        @Override
        public void stop() {
            stops++;
            trace.transition(0, live, ThreadState.DEAD, Reason.KILLED, -1, null, 0);
            trace.finish(live, RunOutcome.STOPPED, "stopped by the user");
        }

        void end(long at) {
            live = at;
            trace.transition(0, at, ThreadState.DEAD, Reason.RETURNED, -1, null, 0);
            trace.finish(at, RunOutcome.COMPLETED, "");
        }
    }

    @Test
    void startsEmptyAndIgnoresCommandsWithoutATrace() {
        model.play();
        model.stepForward();
        model.seek(5 * S);
        model.tick();
        assertThat(model.getMode()).isEqualTo(Mode.EMPTY);
        assertThat(model.getPlayhead()).isZero();
        assertThat(model.outcomeProperty().get()).isNull();
    }

    @Test
    void followsALiveRunToItsEndThenRestsThere() {
        FakeRun run = new FakeRun();
        model.follow(run);
        assertThat(model.getMode()).isEqualTo(Mode.LIVE);
        assertThat(model.isRunning()).isTrue();

        run.live = 700 * MS;
        model.tick();
        assertThat(model.getPlayhead()).isEqualTo(700 * MS);
        assertThat(model.getReveal()).isEqualTo(700 * MS);
        assertThat(model.outcomeProperty().get()).isEqualTo(RunOutcome.RUNNING);

        run.end(1200 * MS);
        model.tick();
        assertThat(model.isRunning()).isFalse();
        assertThat(model.getMode()).isEqualTo(Mode.PAUSED);
        assertThat(model.getPlayhead()).isEqualTo(1200 * MS);
        assertThat(model.getReveal()).isEqualTo(1200 * MS);
        assertThat(model.outcomeProperty().get()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void pausingALiveRunFreezesThePictureWhileTheRunGoesOn() {
        FakeRun run = new FakeRun();
        model.follow(run);
        run.live = 400 * MS;
        model.tick();
        model.pause();

        run.live = 900 * MS;
        wall(500);
        model.tick();
        assertThat(model.getMode()).isEqualTo(Mode.PAUSED);
        assertThat(model.getPlayhead()).isEqualTo(400 * MS);
        assertThat(model.getReveal()).isEqualTo(400 * MS);
        assertThat(model.limit()).isEqualTo(900 * MS);

        // Playing on replays from the frozen moment at the speed...
        model.play();
        assertThat(model.getMode()).isEqualTo(Mode.PLAYING);
        wall(200);
        model.tick();
        assertThat(model.getPlayhead()).isEqualTo(600 * MS);
        // ...and follows the run live again once it reaches the live edge.
        wall(400);
        model.tick();
        assertThat(model.getMode()).isEqualTo(Mode.LIVE);
        assertThat(model.getPlayhead()).isEqualTo(900 * MS);
    }

    @Test
    void showsARecordedTraceWholeWithThePlayheadAtItsEnd() {
        model.show(recorded());
        assertThat(model.getMode()).isEqualTo(Mode.PAUSED);
        assertThat(model.getPlayhead()).isEqualTo(3 * S);
        assertThat(model.getReveal()).isEqualTo(3 * S);
        assertThat(model.isRunning()).isFalse();
        model.show(null);
        assertThat(model.getMode()).isEqualTo(Mode.EMPTY);
        assertThat(model.getTrace()).isNull();
    }

    @Test
    void replayGrowsTheLanesAgainAtTheChosenSpeedAndStopsAtTheEnd() {
        model.show(recorded());
        model.replayFromStart();
        assertThat(model.getPlayhead()).isZero();
        assertThat(model.getReveal()).isZero();
        assertThat(model.getMode()).isEqualTo(Mode.PLAYING);

        wall(250);
        model.tick();
        assertThat(model.getPlayhead()).isEqualTo(250 * MS);
        assertThat(model.getReveal()).isEqualTo(250 * MS);

        model.setSpeed(4);
        wall(250);
        model.tick();
        assertThat(model.getPlayhead()).as("speed change re-anchors without a jump").isEqualTo(1250 * MS);

        wall(5_000);
        model.tick();
        assertThat(model.getPlayhead()).isEqualTo(3 * S);
        assertThat(model.getMode()).isEqualTo(Mode.PAUSED);
    }

    @Test
    void playAtTheEndStartsAgainFromZero() {
        model.show(recorded());
        model.play();
        assertThat(model.getMode()).isEqualTo(Mode.PLAYING);
        assertThat(model.getPlayhead()).isZero();
        assertThat(model.getReveal()).isZero();
    }

    @Test
    void pauseHoldsThePlayheadAndTogglePlayResumesFromIt() {
        model.show(recorded());
        model.replayFromStart();
        wall(800);
        model.tick();
        model.togglePlay();
        assertThat(model.getMode()).isEqualTo(Mode.PAUSED);
        wall(1_000);
        model.tick();
        assertThat(model.getPlayhead()).isEqualTo(800 * MS);
        model.togglePlay();
        wall(100);
        model.tick();
        assertThat(model.getPlayhead()).isEqualTo(900 * MS);
    }

    @Test
    void stepsGoFromTransitionToTransitionOverAllThreadsAlsoWithinAnInstant() {
        model.show(recorded());
        model.seek(0);
        assertThat(model.transitionsShown()).isEqualTo(1);
        model.stepForward();
        assertThat(model.getPlayhead()).isEqualTo(500 * MS);
        assertThat(model.transitionsShown()).isEqualTo(2);
        model.stepForward();
        assertThat(model.getPlayhead()).isEqualTo(1 * S);
        assertThat(model.transitionsShown()).as("A's wait first").isEqualTo(3);
        model.stepForward();
        assertThat(model.getPlayhead()).as("the same instant, one transition on").isEqualTo(1 * S);
        assertThat(model.transitionsShown()).isEqualTo(4);
        model.stepForward();
        assertThat(model.getPlayhead()).isEqualTo(2 * S);
        assertThat(model.order().thread(4)).as("B's death before the run it caused").isEqualTo(1);
        model.stepBack();
        assertThat(model.getPlayhead()).isEqualTo(1 * S);
        assertThat(model.transitionsShown()).isEqualTo(4);
        model.stepBack();
        assertThat(model.getPlayhead()).isEqualTo(1 * S);
        assertThat(model.transitionsShown()).isEqualTo(3);
        model.stepBack();
        model.stepBack();
        assertThat(model.getPlayhead()).isZero();
        assertThat(model.transitionsShown()).isEqualTo(1);
        model.stepBack();
        assertThat(model.getPlayhead()).isZero();
        assertThat(model.transitionsShown()).as("before the first transition").isZero();
        model.stepBack();
        assertThat(model.getPlayhead()).isZero();
        // a seek shows its whole instant again
        model.seek(1 * S);
        assertThat(model.transitionsShown()).isEqualTo(4);
        model.seekTransition(0, 1);
        assertThat(model.getPlayhead()).isEqualTo(1 * S);
        assertThat(model.transitionsShown()).isEqualTo(3);
        assertThat(model.getMode()).isEqualTo(Mode.PAUSED);
    }

    @Test
    void stepForwardPausesAReplay() {
        model.show(recorded());
        model.replayFromStart();
        wall(100);
        model.tick();
        model.stepForward();
        assertThat(model.getMode()).isEqualTo(Mode.PAUSED);
        assertThat(model.getPlayhead()).isEqualTo(500 * MS);
    }

    @Test
    void scrubbingBackKeepsWhatWasSeenAndClampsToTheTrace() {
        model.show(recorded());
        model.seek(1200 * MS);
        assertThat(model.getPlayhead()).isEqualTo(1200 * MS);
        assertThat(model.getReveal()).as("lanes already seen stay drawn").isEqualTo(3 * S);
        model.seek(-5);
        assertThat(model.getPlayhead()).isZero();
        model.seek(99 * S);
        assertThat(model.getPlayhead()).isEqualTo(3 * S);
    }

    @Test
    void seekingWhilePlayingKeepsPlayingFromThere() {
        model.show(recorded());
        model.replayFromStart();
        wall(100);
        model.tick();
        model.seek(2 * S);
        wall(100);
        model.tick();
        assertThat(model.getMode()).isEqualTo(Mode.PLAYING);
        assertThat(model.getPlayhead()).isEqualTo(2100 * MS);
    }

    @Test
    void seekingBackInALiveRunPausesAndSeekingToTheEdgeGoesLive() {
        FakeRun run = new FakeRun();
        model.follow(run);
        run.live = 2 * S;
        model.tick();
        model.seek(1 * S);
        assertThat(model.getMode()).isEqualTo(Mode.PAUSED);
        assertThat(model.getPlayhead()).isEqualTo(1 * S);
        run.live = 3 * S;
        model.seek(Long.MAX_VALUE);
        assertThat(model.getMode()).isEqualTo(Mode.LIVE);
        assertThat(model.getPlayhead()).isEqualTo(3 * S);
    }

    @Test
    void speedReachesTheRunningRunAndBadSpeedsAreRefused() {
        FakeRun run = new FakeRun();
        model.follow(run);
        model.setSpeed(8);
        assertThat(run.speeds).containsExactly(8.0);
        model.setSpeed(0);
        model.setSpeed(Double.NaN);
        assertThat(model.getSpeed()).isEqualTo(8.0);
        assertThat(run.speeds).containsExactly(8.0);
    }

    @Test
    void stopEndsTheRunAtOnceAndKeepsItsTrace() {
        FakeRun run = new FakeRun();
        model.follow(run);
        run.live = 600 * MS;
        model.tick();
        model.stopRun();
        assertThat(run.stops).isEqualTo(1);
        assertThat(model.isRunning()).isFalse();
        assertThat(model.getTrace()).isSameAs(run.trace);
        assertThat(model.outcomeProperty().get()).isEqualTo(RunOutcome.STOPPED);
        assertThat(model.getPlayhead()).isEqualTo(600 * MS);
        model.stopRun();
        assertThat(run.stops).as("stopping twice asks the run once").isEqualTo(1);
    }

    @Test
    void traceStepsCountEventsAndOutputUpToATime() {
        Trace t = recorded();
        assertThat(TraceSteps.countUpTo(t, 0)).isEqualTo(1);
        assertThat(TraceSteps.countUpTo(t, 1 * S)).isEqualTo(4);
        assertThat(TraceSteps.countUpTo(t, 3 * S)).isEqualTo(t.eventCount());
        assertThat(TraceSteps.outputUpTo(t, 1 * S, t.outputCount())).isZero();
        assertThat(TraceSteps.outputUpTo(t, 1500 * MS, t.outputCount())).isEqualTo(1);
        assertThat(TraceSteps.next(t, 3 * S)).isEqualTo(-1);
        assertThat(TraceSteps.previous(t, 0)).isEqualTo(-1);
    }
}
