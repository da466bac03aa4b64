package io.threadline.bench;

import io.threadline.trace.ResourceKind;
import io.threadline.trace.ResourceOp;
import io.threadline.trace.Trace;
import io.threadline.trace.WaitRole;

/**
 * Adds contended locks to a made trace, for the frame bench's resource lanes: {@code locks}
 * locks sharing {@code events} resource events, each passed between the trace's threads over
 * its whole length: one thread holds it, the next waits, is woken by the release and takes it.
 */
public final class ResourceTraceMaker {
    private ResourceTraceMaker() {
    }

    /** {@link TraceMaker#make} with {@code locks} locks and {@code events} lock events in all. */
    public static Trace make(long threadEvents, int threads, int locks, long events, long seed) {
        Trace t = TraceMaker.make(threadEvents, threads, seed);
        long end = Math.max(1, t.endTime());
        long perLock = events / locks;
        // 4 events a hand-over: wait, release, woken, acquire
        long rounds = Math.max(1, perLock / 4);
        for (int k = 0; k < locks; k++) {
            int id = t.addResource(ResourceKind.LOCK, "lock " + (k + 1), 0, 1);
            int holder = k % threads;
            t.resourceEvent(id, 0, ResourceOp.ACQUIRE, holder, 1);
            for (long r = 0; r < rounds; r++) {
                long at = (r * end) / rounds + k % 7;
                long next = at + Math.max(1, end / rounds / 2);
                int waiter = (int) ((holder + 1 + r % 3) % threads);
                t.resourceEvent(id, at, ResourceOp.WAIT, waiter, WaitRole.WAITS.ordinal());
                t.resourceEvent(id, next, ResourceOp.RELEASE, holder, 0);
                t.resourceEvent(id, next, ResourceOp.WOKEN, waiter, holder);
                t.resourceEvent(id, next, ResourceOp.ACQUIRE, waiter, 1);
                holder = waiter;
            }
        }
        return t;
    }
}
