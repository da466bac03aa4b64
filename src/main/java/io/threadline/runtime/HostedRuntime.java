package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.WaitRole;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The runtime as seen by a program that runs outside the JVM, such as a Python program in a
 * CPython process: each of the program's threads has a proxy scenario thread, which makes that
 * thread's runtime calls through these methods. So its states, reasons, causes, cores, GIL and
 * clock come out of the same scheduler as the built-in scenarios'.
 *
 * <p>Every method but {@link #reportStalls} is called on a proxy thread (a scenario thread of
 * the run); the source line of a call is the one the proxy stamped with {@link Lines#at(int)}.
 */
public final class HostedRuntime {
    private final Scheduler s;

    HostedRuntime(Scheduler s) {
        this.s = s;
    }

    /** Threads waiting for one thing of the hosted program (one of its locks), woken in order. */
    public static final class WaitQueue {
        WaitList list = new WaitList();
    }

    /**
     * One of the hosted program's locks, queues, events ... with a lane of its own: it records
     * through the same {@link ResourceRecorder} as the runtime's own primitives, so its lane,
     * the wait-for graph and the trace file treat both alike.
     */
    public final class Resource {
        final ResourceRecorder recorder;

        private Resource(ResourceRecorder recorder) {
            this.recorder = recorder;
        }

        private void record(Consumer<SimThread> event) {
            SimThread me = s.enter();
            try {
                event.accept(me);
            } finally {
                s.lock.unlock();
            }
        }

        /** The caller takes it; {@code depth}: how often it holds it now (1 but for an RLock). */
        public void acquired(int depth) {
            record(me -> recorder.acquired(me, depth));
        }

        /** The caller gives it back, still holding it {@code left} times. */
        public void released(int left) {
            record(me -> recorder.released(me, left));
        }

        public void set() {
            record(recorder::set);
        }

        public void cleared() {
            record(recorder::cleared);
        }

        /** The caller puts an item shown as {@code text}, numbered in put order from 0. */
        public void put(String text) {
            record(me -> recorder.put(me, text));
        }

        /** The caller takes item number {@code item}. */
        public void got(int item) {
            record(me -> recorder.got(me, item));
        }

        /** The caller notifies, waking {@code woken} waiters. */
        public void notified(int woken) {
            record(me -> recorder.notified(me, woken));
        }

        /** The caller is a barrier's last party: everyone goes on. */
        public void passed() {
            record(recorder::passed);
        }
    }

    /**
     * A resource of the caller's process; its lane appears at its first event. {@code name}
     * blank: named after its kind and a number, as the runtime's own.
     */
    public Resource resource(ResourceKind kind, String name, int capacity) {
        SimThread me = s.enter();
        try {
            return new Resource(new ResourceRecorder(s, kind, name, me.process.id, capacity));
        } finally {
            s.lock.unlock();
        }
    }

    /** A new thread (state new, created by the calling thread) in the caller's process. */
    public SimThread newThread(String name, Runnable body, boolean daemon) {
        return new SimThread(s, name, body, daemon, null, ThreadRole.THREAD);
    }

    /**
     * A new simulated process with its own GIL, and its first thread (state new), e.g. a
     * multiprocessing child.
     */
    public SimThread newProcess(String processName, String threadName, Runnable body, ThreadRole role) {
        Interpreter p = s.newProcess(processName);
        return new SimThread(s, threadName, body, false, p, role);
    }

    /** Starts {@code t}; unlike {@link SimThread#start()} without waiting for it to begin. */
    public void start(SimThread t) {
        s.start(t, false);
    }

    /** Waits (join) at most {@code timeoutMicros} (negative: no limit); whether {@code t} has ended. */
    public boolean join(SimThread t, long timeoutMicros) {
        s.join(t, timeoutMicros);
        return !s.isAlive(t);
    }

    public boolean isAlive(SimThread t) {
        return s.isAlive(t);
    }

    /**
     * Waits on {@code q} for {@code reason} until woken or {@code timeoutMicros} (negative: no
     * limit) have passed; {@code holder}, if known, holds what the caller waits for (so a
     * deadlock report can name the cycle). False if the timeout ended the wait.
     */
    public boolean await(WaitQueue q, Reason reason, String detail, long timeoutMicros, SimThread holder) {
        return await(q, null, WaitRole.WAITS, reason, detail, timeoutMicros, holder);
    }

    /**
     * As {@link #await(WaitQueue, Reason, String, long, SimThread)}, waiting for {@code resource}
     * (null: for nothing with a lane) in the way {@code role} says, so its lane lists the caller
     * among its waiters from now until it is woken, times out or is gone; the wait is named
     * after the lane.
     */
    public boolean await(WaitQueue q, Resource resource, WaitRole role, Reason reason, String detail,
                         long timeoutMicros, SimThread holder) {
        if (reason.state() != io.threadline.trace.ThreadState.WAITING) {
            throw new IllegalArgumentException("not a reason to wait: " + reason);
        }
        SimThread me = s.enter();
        try {
            ResourceRecorder r = resource == null ? null : resource.recorder;
            // one lock of the program may be waited for as different things (itself, the
            // condition it serves): its list records on the lane of those waiting now
            if (q.list.isEmpty() && !q.list.recordsOn(r, role)) {
                q.list = new WaitList(r, role);
            }
            return s.await(me, reason, r == null ? detail : r.laneName(), q.list, timeoutMicros, holder);
        } finally {
            s.lock.unlock();
        }
    }

    /** Wakes the first {@code n} threads waiting on {@code q} (woken by the caller); returns how many. */
    public int wake(WaitQueue q, int n) {
        SimThread me = s.enter();
        try {
            List<SimThread> all = q.list.all();
            int woken = Math.min(n, all.size());
            for (int i = 0; i < woken; i++) {
                s.wake(all.get(i), Reason.WOKEN, me);
            }
            return woken;
        } finally {
            s.lock.unlock();
        }
    }

    /**
     * Ends {@code t} at once (dead, killed by the caller, with {@code detail}), wherever it is: a
     * terminated process's threads. A thread that is not alive is left as it is.
     */
    public void kill(SimThread t, String detail) {
        SimThread me = s.enter();
        try {
            s.killHosted(t, me, detail);
        } finally {
            s.lock.unlock();
        }
    }

    public void sleep(long micros) {
        s.sleep(micros);
    }

    public void cpu(long micros) {
        s.cpu(micros);
    }

    /** A printed line of the calling thread; {@code error} for the program's stderr. */
    public void print(String text, boolean error) {
        SimThread me = s.enter();
        try {
            s.trace.output(s.now, me.id, text, error);
        } finally {
            s.lock.unlock();
        }
    }

    /** Scenario time now, in microseconds. */
    public long now() {
        return s.now();
    }

    /**
     * Scenario time up to which the calling thread may compute without another runtime call:
     * nothing can change before it (see {@link Scheduler#horizon}).
     */
    public long horizon() {
        SimThread me = s.enter();
        try {
            return s.horizon(me);
        } finally {
            s.lock.unlock();
        }
    }

    public void setDaemon(SimThread t, boolean on) {
        t.setDaemon(on);
    }

    /** Renames {@code t} and its lane. */
    public void rename(SimThread t, String name) {
        s.enter();
        try {
            s.rename(t, name);
        } finally {
            s.lock.unlock();
        }
    }

    /** The switch interval of the calling thread's process from now on (sys.setswitchinterval). */
    public void setSwitchInterval(long micros) {
        if (micros <= 0) {
            throw new PyError("ValueError", "switch interval must be strictly positive");
        }
        SimThread me = s.enter();
        try {
            me.process.switchInterval = micros;
        } finally {
            s.lock.unlock();
        }
    }

    /** Ends the run as failed with {@code message} (a limit, an unsupported call); does not return. */
    public void fail(String message) {
        s.enter();
        try {
            s.fail(message);
        } finally {
            s.lock.unlock();
        }
        throw new Killed();
    }

    /**
     * What the watchdog adds after "NAME has not come back to the runtime for N s" when one of
     * this run's threads stalls: where it is and why, in the hosted program's terms.
     */
    public void reportStalls(Function<SimThread, String> report) {
        s.stallReport = report;
    }
}
