package io.threadline.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/** Lets scenario time pass at {@code speed} times the wall clock, for live demonstrations. */
final class PacedClock implements SimClock {
    private volatile double speed;
    private volatile long anchorScenario;
    private volatile long anchorNanos = System.nanoTime();

    PacedClock(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        this.speed = speed;
    }

    @Override
    public boolean awaitTime(long to, Condition wakeUp) throws InterruptedException {
        for (;;) {
            long waitNanos = wallNanosFor(to) - System.nanoTime();
            if (waitNanos <= 0) {
                return true;
            }
            if (wakeUp.awaitNanos(Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(50))) > 0) {
                return false;
            }
        }
    }

    private long wallNanosFor(long scenarioMicros) {
        return anchorNanos + (long) ((scenarioMicros - anchorScenario) * 1000.0 / speed);
    }

    @Override
    public long wallTime() {
        return anchorScenario + (long) ((System.nanoTime() - anchorNanos) * speed / 1000.0);
    }

    @Override
    public void anchor(long at) {
        anchorScenario = at;
        anchorNanos = System.nanoTime();
    }

    /** Changes the speed from now on; scenario time already passed is kept. */
    void setSpeed(double newSpeed, long scenarioNow) {
        long at = Math.max(scenarioNow, Math.min(wallTime(), Long.MAX_VALUE / 2));
        speed = newSpeed;
        anchor(at);
    }
}
