package io.threadline.runtime;

import java.util.concurrent.locks.Condition;

/** Never waits: scenario time jumps straight to the next timer. */
final class VirtualClock implements SimClock {
    @Override
    public boolean awaitTime(long to, Condition wakeUp) {
        return true;
    }

    @Override
    public long wallTime() {
        return Long.MAX_VALUE;
    }

    @Override
    public void anchor(long at) {
        // nothing to pin: virtual time is not tied to the wall
    }
}
