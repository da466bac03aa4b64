package io.threadline.ui;

import io.threadline.runtime.Run;
import io.threadline.trace.Trace;

import java.util.concurrent.TimeUnit;

/**
 * A run the window follows while it goes on: its growing trace and where "now" is. Every method
 * returns at once, so the JavaFX thread may call them; tests stand in a fake for the runtime.
 */
public interface LiveRun {
    /** The trace, filled while the run goes on; finished once {@link Trace#isFinished()}. */
    Trace trace();

    /** Scenario time to show as "now" (it follows the wall clock on a paced run). */
    long liveTime();

    /** Changes the pace from now on; ignored by a run on the virtual clock. */
    void setSpeed(double speed);

    /** Ends the run at once; the trace records every live thread as killed. */
    void stop();

    /**
     * Waits at most {@code millis} for the run and every one of its Java threads to end; true if
     * they have. Blocks: only for closing the window, never on a frame.
     */
    default boolean awaitEnd(long millis) throws InterruptedException {
        return trace().isFinished();
    }

    static LiveRun of(Run run) {
        return new LiveRun() {
            @Override
            public Trace trace() {
                return run.trace();
            }

            @Override
            public long liveTime() {
                return run.liveTime();
            }

            @Override
            public void setSpeed(double speed) {
                run.setSpeed(speed);
            }

            @Override
            public void stop() {
                run.stop();
            }

            @Override
            public boolean awaitEnd(long millis) throws InterruptedException {
                return run.awaitEnd(millis, TimeUnit.MILLISECONDS);
            }
        };
    }
}
