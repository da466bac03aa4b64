package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.WaitRole;

import java.util.ArrayDeque;

/**
 * One end of a {@link SimPipe}, Python's multiprocessing.connection.Connection: send() pickles
 * an object to the other end (the receiver gets a copy), recv() waits (waiting: recv) until
 * one arrives, woken by the sender; EOFError once the other end is closed and nothing is left.
 */
public final class SimConnection {
    private final Scheduler s;
    private final String name;
    private final boolean readable;
    private final boolean writable;
    private final ArrayDeque<Object> inbox = new ArrayDeque<>();
    /** What is sent to this end, as items: put by the sender, taken by the receiver. */
    private final ResourceRecorder resource;
    private final WaitList receivers;
    private int taken;
    private SimConnection peer;
    private boolean closed;

    SimConnection(Scheduler s, String name, boolean readable, boolean writable) {
        this.s = s;
        this.name = name;
        this.readable = readable;
        this.writable = writable;
        this.resource = new ResourceRecorder(s, ResourceKind.PIPE, name, s.processOfCaller().id, 0);
        this.receivers = new WaitList(resource, WaitRole.WAITS);
    }

    static void connect(SimConnection a, SimConnection b) {
        a.peer = b;
        b.peer = a;
    }

    /** Sends a copy of {@code obj} to the other end. */
    public void send(Object obj) {
        SimThread me = s.enter();
        try {
            if (closed) {
                throw new PyError("OSError", "handle is closed");
            }
            if (!writable) {
                throw new PyError("OSError", "connection is read-only");
            }
            peer.inbox.addLast(new Object[] {ForkCopy.value(obj)});
            peer.resource.put(me, PyText.of(obj));
            s.wakeOne(peer.receivers, me);
        } finally {
            s.lock.unlock();
        }
    }

    /** The next object sent from the other end, waiting for it. */
    public Object recv() {
        SimThread me = s.enter();
        try {
            if (closed) {
                throw new PyError("OSError", "handle is closed");
            }
            if (!readable) {
                throw new PyError("OSError", "connection is write-only");
            }
            while (inbox.isEmpty()) {
                if (peer.closed) {
                    throw new PyError("EOFError", "");
                }
                s.await(me, Reason.RECV, name, receivers, -1);
            }
            resource.got(me, taken++);
            return ((Object[]) inbox.pollFirst())[0];
        } finally {
            s.lock.unlock();
        }
    }

    /** Whether there is something to recv(), waiting at most {@code seconds} for it. */
    public boolean poll(double seconds) {
        SimThread me = s.enter();
        try {
            long deadline = s.now + Scheduler.micros(seconds);
            while (inbox.isEmpty() && !peer.closed && s.now < deadline) {
                s.await(me, Reason.RECV, name, receivers, deadline - s.now);
            }
            return !inbox.isEmpty();
        } finally {
            s.lock.unlock();
        }
    }

    /** Closes this end; a recv() at the other end then raises EOFError once its data is read. */
    public void close() {
        SimThread me = s.enter();
        try {
            closed = true;
            for (SimThread r : peer.receivers.all()) {
                s.wake(r, Reason.WOKEN, me);
            }
        } finally {
            s.lock.unlock();
        }
    }

    public String name() {
        return name;
    }
}
