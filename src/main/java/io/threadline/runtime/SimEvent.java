package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.WaitRole;

/** Python's threading.Event: wait() blocks (waiting: event) until another thread calls set(). */
public final class SimEvent {
    private final Scheduler s;
    private final String name;
    private final ResourceRecorder resource;
    private final WaitList waiters;
    private boolean flag;

    SimEvent(Scheduler s, String name) {
        this.s = s;
        this.name = name;
        this.resource = new ResourceRecorder(s, ResourceKind.EVENT, name, s.processOfCaller().id, 0);
        this.waiters = new WaitList(resource, WaitRole.WAITS);
    }

    /** Waits until the event is set; returns at once if it is. */
    public boolean await() {
        return await(-1);
    }

    /** Waits at most {@code seconds}; returns whether the event is set. */
    public boolean await(double seconds) {
        return await(Scheduler.micros(seconds));
    }

    private boolean await(long timeout) {
        SimThread me = s.enter();
        try {
            if (!flag) {
                s.await(me, Reason.EVENT, name, waiters, timeout);
            }
            return flag;
        } finally {
            s.lock.unlock();
        }
    }

    /** Sets the flag and wakes every waiting thread. */
    public void set() {
        SimThread me = s.enter();
        try {
            flag = true;
            resource.set(me);
            for (SimThread w : waiters.all()) {
                s.wake(w, Reason.WOKEN, me);
            }
        } finally {
            s.lock.unlock();
        }
    }

    /** Clears the flag: later waits block again. */
    public void clear() {
        SimThread me = s.enter();
        try {
            flag = false;
            resource.cleared(me);
        } finally {
            s.lock.unlock();
        }
    }

    public boolean isSet() {
        s.lock.lock();
        try {
            return flag;
        } finally {
            s.lock.unlock();
        }
    }
}
