package io.threadline.ui;

import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Where the window stands in a trace, and how that moves: following a live run, replaying a
 * recorded one at a speed, paused, scrubbed or stepped. No nodes: the window calls {@link #tick()}
 * once per frame and draws what the read-only properties say. Time comes from an injected
 * nanosecond source, so tests move it by hand.
 *
 * <p>Two times: the <em>playhead</em> (the moment looked at) and the <em>reveal</em> time (how far
 * the lanes and the output are drawn). The reveal is the furthest moment watched so far: a live
 * run pushes it with the run, a replay with the playhead; pausing or scrubbing back leaves it, so
 * what was seen stays on screen, and a replay from the start makes the lanes grow again.
 *
 * <p>Pausing a live run freezes the picture while the program goes on recording (it cannot be
 * held: its threads run against the clock); playing on then replays from the frozen moment, and
 * the view follows the run live again once the playhead reaches the live edge.
 */
public final class PlaybackModel {
    /** What moves the playhead. */
    public enum Mode {
        /** Nothing to show yet. */
        EMPTY,
        /** Following a run that is still going on: the playhead is the run's "now". */
        LIVE,
        /** Replaying recorded time at the chosen speed. */
        PLAYING,
        /** Standing still (also at the end of a run). */
        PAUSED
    }

    /**
     * The speeds the toolbar offers, slowest first: slow motion down to a hundredth, for runs of a
     * tenth of a second (race-condition's lost update lasts 9 s at 0.01x).
     */
    public static final List<Double> SPEEDS = List.of(0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0);

    private final LongSupplier nanoTime;
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.EMPTY);
    private final ReadOnlyLongWrapper playhead = new ReadOnlyLongWrapper(this, "playhead");
    private final ReadOnlyLongWrapper reveal = new ReadOnlyLongWrapper(this, "reveal");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<RunOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);

    private LiveRun run;
    private boolean reverting;
    private long anchorTime;
    private long anchorNanos;

    public PlaybackModel(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        speed.addListener((obs, was, now) -> {
            double s = now.doubleValue();
            if (reverting) {
                return;
            }
            if (!(s > 0) || Double.isInfinite(s)) {
                reverting = true;
                speed.set(was.doubleValue());
                reverting = false;
                return;
            }
            if (mode.get() == Mode.PLAYING) {
                anchor(playhead.get());
            }
            if (running.get()) {
                run.setSpeed(s);
            }
        });
    }

    public PlaybackModel() {
        this(System::nanoTime);
    }

    // ---------------------------------------------------------------- sources

    /** Follows {@code live} from its start; a run followed before is left to go on (stop it first). */
    public void follow(LiveRun live) {
        run = live;
        trace.set(live.trace());
        running.set(true);
        outcome.set(RunOutcome.RUNNING);
        playhead.set(0);
        reveal.set(0);
        mode.set(Mode.LIVE);
        tick();
    }

    /** Shows a recorded trace whole, the playhead at its end. */
    public void show(Trace recorded) {
        run = null;
        running.set(false);
        trace.set(recorded);
        if (recorded == null) {
            outcome.set(null);
            playhead.set(0);
            reveal.set(0);
            mode.set(Mode.EMPTY);
            return;
        }
        outcome.set(recorded.outcome());
        long end = recorded.endTime();
        reveal.set(end);
        playhead.set(end);
        mode.set(Mode.PAUSED);
    }

    /** Ends the followed run at once; its trace stays. */
    public void stopRun() {
        if (running.get()) {
            run.stop();
            tick();
        }
    }

    // ---------------------------------------------------------------- per frame

    /** Moves time on by the wall clock; call once per frame. */
    public void tick() {
        Trace t = trace.get();
        if (t == null) {
            return;
        }
        if (running.get() && t.isFinished()) {
            running.set(false);
            run = null;
        }
        outcome.set(t.outcome());
        switch (mode.get()) {
            case LIVE:
                long edge = limit();
                playhead.set(edge);
                reveal.set(edge);
                if (!running.get()) {
                    mode.set(Mode.PAUSED);
                }
                break;
            case PLAYING:
                long at = anchorTime + (long) ((nanoTime.getAsLong() - anchorNanos) * speed.get() / 1000.0);
                long lim = limit();
                if (at >= lim) {
                    moveTo(lim);
                    mode.set(running.get() ? Mode.LIVE : Mode.PAUSED);
                } else {
                    moveTo(at);
                }
                break;
            default:
                if (playhead.get() > limit()) {
                    // A run's final time can fall short of the wall-clock "now" shown a frame before.
                    playhead.set(limit());
                    reveal.set(Math.min(reveal.get(), limit()));
                }
                break;
        }
    }

    // ---------------------------------------------------------------- commands

    public void play() {
        Trace t = trace.get();
        if (t == null || mode.get() == Mode.PLAYING || mode.get() == Mode.LIVE) {
            return;
        }
        if (playhead.get() >= limit()) {
            if (running.get()) {
                mode.set(Mode.LIVE);
                return;
            }
            // At the end: play again from the start, as a video player does.
            playhead.set(0);
            reveal.set(0);
        }
        anchor(playhead.get());
        mode.set(Mode.PLAYING);
    }

    public void pause() {
        if (mode.get() == Mode.PLAYING || mode.get() == Mode.LIVE) {
            mode.set(Mode.PAUSED);
        }
    }

    public void togglePlay() {
        if (mode.get() == Mode.PLAYING || mode.get() == Mode.LIVE) {
            pause();
        } else {
            play();
        }
    }

    /** Replays the recorded trace from time 0 (no new run); the lanes grow again. */
    public void replayFromStart() {
        if (trace.get() == null) {
            return;
        }
        playhead.set(0);
        reveal.set(0);
        anchor(0);
        mode.set(Mode.PLAYING);
    }

    /** Pauses at the next event of any thread after the playhead. */
    public void stepForward() {
        Trace t = trace.get();
        if (t == null) {
            return;
        }
        pause();
        long next = TraceSteps.next(t, playhead.get());
        if (next >= 0 && next <= limit()) {
            moveTo(next);
        } else if (next < 0 && !running.get()) {
            moveTo(limit());
        }
    }

    /** Pauses at the previous event of any thread before the playhead. */
    public void stepBack() {
        Trace t = trace.get();
        if (t == null) {
            return;
        }
        pause();
        long previous = TraceSteps.previous(t, playhead.get());
        moveTo(Math.max(0, previous));
    }

    /**
     * Puts the playhead at {@code time} (clamped to what is recorded). Replay keeps playing from
     * there; a live view pauses, unless the time is the live edge itself.
     */
    public void seek(long time) {
        if (trace.get() == null) {
            return;
        }
        long lim = limit();
        long t = Math.max(0, Math.min(time, lim));
        if (running.get() && t >= lim) {
            mode.set(Mode.LIVE);
            tick();
            return;
        }
        if (mode.get() == Mode.LIVE) {
            mode.set(Mode.PAUSED);
        }
        moveTo(t);
        if (mode.get() == Mode.PLAYING) {
            anchor(t);
        }
    }

    // ---------------------------------------------------------------- state

    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public Trace getTrace() {
        return trace.get();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public Mode getMode() {
        return mode.get();
    }

    /** The moment looked at, microseconds of scenario time. */
    public ReadOnlyLongProperty playheadProperty() {
        return playhead.getReadOnlyProperty();
    }

    public long getPlayhead() {
        return playhead.get();
    }

    /** How far lanes and output are drawn, microseconds of scenario time. */
    public ReadOnlyLongProperty revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    public long getReveal() {
        return reveal.get();
    }

    /** Whether a followed run is still going on. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** How the shown run ended, RUNNING while it goes on, null with nothing shown. */
    public ReadOnlyObjectProperty<RunOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Scenario seconds per wall second, for replay and for the followed run. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public double getSpeed() {
        return speed.get();
    }

    public void setSpeed(double value) {
        speed.set(value);
    }

    /** The latest time there is to show: the live edge of a run, or the end of its trace. */
    public long limit() {
        Trace t = trace.get();
        if (t == null) {
            return 0;
        }
        if (running.get()) {
            return Math.max(t.endTime(), run.liveTime());
        }
        return t.endTime();
    }

    // ---------------------------------------------------------------- internals

    private void moveTo(long t) {
        playhead.set(t);
        if (t > reveal.get()) {
            reveal.set(t);
        }
    }

    private void anchor(long t) {
        anchorTime = t;
        anchorNanos = nanoTime.getAsLong();
    }
}
