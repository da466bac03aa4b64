package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadRole;

import java.util.function.Function;

/**
 * Python's multiprocessing.Manager(): a server process ("SyncManager-N", its own GIL) that owns
 * shared objects; every operation on a proxy ({@link SimDict}) is a request to it. The caller
 * waits (waiting: result) while the server's thread, woken by the request, does the work and
 * replies, waking the caller: both directions are causes on the timeline. Each request costs the
 * server {@link #REQUEST_COST} of CPU, a round trip measured with CPython 3.11 here.
 */
public final class SimManager {
    /** Microseconds of server CPU per request (pickling, socket, unpickling): about 100 µs here. */
    static final long REQUEST_COST = 100;

    private final Scheduler s;
    private final String name;
    private final SimQueue<Request> requests;
    private final SimThread server;
    private boolean shutdown;

    /** One call on a proxy, answered by the server. */
    static final class Request {
        final Function<Object, Object> op;
        final Object target;
        final WaitList waiter = new WaitList();
        boolean done;
        Object value;
        RuntimeException error;

        Request(Object target, Function<Object, Object> op) {
            this.target = target;
            this.op = op;
        }
    }

    SimManager(Scheduler s) {
        this.s = s;
        this.name = "SyncManager-" + s.nextChildNumber();
        this.requests = new SimQueue<>(s, name + " requests", 0, false);
        requests.showItemsAs(r -> r == null ? "None" : "request");
        // A daemon: at exit the finalizer shuts it down; the run does not wait for it.
        this.server = new SimThread(s, name, this::serve, true, s.newProcess(name), ThreadRole.HELPER);
        s.start(server, false);
    }

    private void serve() {
        for (;;) {
            Request r = requests.get();
            if (r == null) {
                return;
            }
            s.cpu(REQUEST_COST);
            SimThread me = s.enter();
            try {
                try {
                    r.value = ForkCopy.value(r.op.apply(r.target));
                } catch (Killed k) {
                    throw k;
                } catch (RuntimeException e) {
                    r.error = e;
                }
                r.done = true;
                SimThread caller = r.waiter.first();
                if (caller != null) {
                    s.wake(caller, Reason.WOKEN, me);
                }
            } finally {
                s.lock.unlock();
            }
        }
    }

    /** Sends {@code op} to the server and waits for its answer. */
    Object call(Object target, Function<Object, Object> op, String what) {
        s.enter();
        try {
            if (shutdown) {
                throw new PyError("OSError", "the manager has been shut down");
            }
        } finally {
            s.lock.unlock();
        }
        Request r = new Request(target, op);
        requests.put(r);
        SimThread me = s.enter();
        try {
            while (!r.done) {
                s.await(me, Reason.RESULT, name + " " + what, r.waiter, -1, server);
            }
            if (r.error != null) {
                throw r.error;
            }
            return r.value;
        } finally {
            s.lock.unlock();
        }
    }

    /** A dict held by the manager process: manager.dict(). */
    public <K, V> SimDict<K, V> dict() {
        return new SimDict<>(this);
    }

    /** Stops the server process (leaving {@code with Manager() as manager:}). */
    public void shutdown() {
        s.enter();
        try {
            if (shutdown) {
                return;
            }
            shutdown = true;
        } finally {
            s.lock.unlock();
        }
        requests.put(null);
        server.join();
    }

    public String name() {
        return name;
    }
}
