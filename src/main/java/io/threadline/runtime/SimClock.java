package io.threadline.runtime;

import java.util.concurrent.locks.Condition;

/** Decides how long the scheduler waits, in real time, before scenario time may jump forward. */
interface SimClock {
    /**
     * Waits until scenario time {@code to} may begin, releasing the scheduler lock while waiting.
     * Returns early (false) if {@code wakeUp} is signalled, e.g. because the run was stopped.
     */
    boolean awaitTime(long to, Condition wakeUp) throws InterruptedException;

    /** Scenario time that the wall clock has reached, for drawing live lanes. */
    long wallTime();

    /** Pins scenario time {@code at} to the present moment (on start, or a speed change). */
    void anchor(long at);
}
