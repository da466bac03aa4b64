package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * An asyncio event loop on one scenario thread, modelled on CPython's BaseEventLoop: a ready
 * queue of callbacks run in FIFO order, each iteration running only those that were ready
 * when it began; timers (call_later) moved to the ready queue when due; when nothing is ready
 * the thread waits in select (waiting: select) until the next timer. A task's step is one
 * callback: the loop hands its thread to the task's carrier (a Java thread running the
 * coroutine on the loop thread's behalf) and takes it back when the coroutine awaits or ends,
 * so one task runs at a time and the order of prints is CPython's. Guarded by the scheduler
 * lock; the loop's own code runs on the thread's Java thread, holding it.
 */
final class EventLoop {
    static final String CANCELLED = "asyncio.CancelledError";

    final Scheduler s;
    final SimThread thread;
    private final Thread loopJava;
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final PriorityQueue<LoopTimer> timers = new PriorityQueue<>();
    private final List<SimTask<?>> tasks = new ArrayList<>();
    private long timerSeq;
    private boolean stopping;
    /** The task whose step runs now, or null between steps. */
    SimTask<?> current;

    private record LoopTimer(long when, long seq, Runnable handle) implements Comparable<LoopTimer> {
        @Override
        public int compareTo(LoopTimer o) {
            int c = Long.compare(when, o.when);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** A task's __wakeup: a done callback that steps the task; ready from when it is scheduled. */
    final class Wakeup implements Consumer<LoopFuture> {
        final SimTask<?> task;

        Wakeup(SimTask<?> task) {
            this.task = task;
        }

        /** The awaited future is done: the task is ready (its wakeup is in the ready queue). */
        void scheduled(LoopFuture f) {
            if (f instanceof SimTask.SleepFuture && !f.cancelled) {
                transition(task, ThreadState.RUNNABLE, Reason.TIMER, -1, null);
            } else {
                transition(task, ThreadState.RUNNABLE, Reason.WOKEN, f.completedBy, null);
            }
        }

        @Override
        public void accept(LoopFuture f) {
            step(task);
        }
    }

    EventLoop(Scheduler s, SimThread thread) {
        this.s = s;
        this.thread = thread;
        this.loopJava = Thread.currentThread();
        s.registerLoopThread(loopJava);
    }

    /** The lane acting now: the task whose step runs, or the loop's thread. */
    int actor() {
        return current != null ? current.id : thread.id;
    }

    void callSoon(Runnable handle) {
        ready.addLast(handle);
    }

    void callLater(long delay, Runnable handle) {
        timers.add(new LoopTimer(s.now + delay, timerSeq++, handle));
    }

    private void transition(SimTask<?> t, ThreadState state, Reason reason, int cause, String detail) {
        s.trace.transition(t.id, s.now, state, reason, cause, detail, t.line);
    }

    // ------------------------------------------------------------------ tasks

    <T> SimTask<T> createTask(String name, Coroutine<T> coroutine) {
        String n = name != null ? name : "Task-" + s.nextTaskNumber();
        int id = s.trace.addThread(n, thread.process.id, false, ThreadRole.TASK, thread.id);
        SimTask<T> t = new SimTask<>(this, id, n, coroutine);
        t.line = thread.line;
        tasks.add(t);
        int by = actor();
        // Pending (new), and at once ready: Task() schedules its first step with call_soon.
        transition(t, ThreadState.NEW, Reason.CREATED, by, null);
        transition(t, ThreadState.RUNNABLE, Reason.STARTED, by, null);
        callSoon(() -> step(t));
        return t;
    }

    /** Runs one step of {@code t}: hands the thread to its carrier until it awaits or ends. */
    private void step(SimTask<?> t) {
        if (t.done) {
            return;
        }
        t.awaiting = null;
        current = t;
        thread.currentTask = t;
        transition(t, ThreadState.RUNNING, Reason.SCHEDULED, -1, null);
        t.carrierTurn = true;
        if (t.carrier == null) {
            t.carrier = s.newCarrier(thread, t.name, () -> carry(t));
            thread.javaThread = t.carrier;
            t.carrier.start();
        } else {
            thread.javaThread = t.carrier;
            s.loopTurn.signalAll();
        }
        while (t.carrierTurn) {
            if (thread.killed || s.isFinished()) {
                throw new Killed();
            }
            s.loopTurn.awaitUninterruptibly();
        }
        thread.javaThread = loopJava;
        thread.currentTask = null;
        current = null;
    }

    /** The carrier's body: the coroutine, from its first step to its end. */
    private void carry(SimTask<?> t) {
        Scheduler.bindCurrent(thread);
        boolean cancelFirst;
        s.lock.lock();
        try {
            waitForTurn(t);
            cancelFirst = t.mustCancel;
            t.mustCancel = false;
        } catch (Killed k) {
            return;
        } finally {
            s.lock.unlock();
        }
        Object value = null;
        RuntimeException error = null;
        try {
            if (cancelFirst) {
                throw new PyError(CANCELLED, "");
            }
            value = t.coroutine.run();
        } catch (Killed k) {
            return;
        } catch (RuntimeException e) {
            error = e;
        } finally {
            ScenarioThread.restore(0);
        }
        s.lock.lock();
        try {
            if (thread.killed || s.isFinished()) {
                return;
            }
            t.line = thread.line;
            if (error instanceof PyError p && p.type().equals(CANCELLED)) {
                transition(t, ThreadState.DEAD, Reason.CANCELLED, -1, null);
                t.cancel(t.id);
            } else if (error != null) {
                transition(t, ThreadState.DEAD, Reason.RAISED, -1, PyError.describe(error));
                t.setException(error, t.id);
            } else {
                transition(t, ThreadState.DEAD, Reason.RETURNED, -1, null);
                t.setResult(value, t.id);
            }
            t.carrierTurn = false;
            s.loopTurn.signalAll();
        } finally {
            s.lock.unlock();
        }
    }

    private void waitForTurn(SimTask<?> t) {
        while (!t.carrierTurn) {
            if (thread.killed || s.isFinished()) {
                throw new Killed();
            }
            s.loopTurn.awaitUninterruptibly();
        }
    }

    /**
     * Suspends the running task at an await of {@code f} (lock held, on its carrier) until the
     * loop steps it again, and returns what {@code f} gave (or raises its error, or
     * CancelledError).
     */
    Object suspend(SimTask<?> t, LoopFuture f, Reason reason, String detail) {
        if (f.done) {
            return f.outcome();
        }
        t.line = thread.line;
        t.awaiting = f;
        transition(t, ThreadState.WAITING, reason, -1, detail);
        f.addDoneCallback(new Wakeup(t));
        return resumeAfterYield(t, f);
    }

    /** asyncio.sleep(0): the task goes to the back of the ready queue. */
    void yieldNow(SimTask<?> t) {
        t.line = thread.line;
        transition(t, ThreadState.RUNNABLE, Reason.YIELDED, -1, null);
        callSoon(() -> step(t));
        resumeAfterYield(t, null);
    }

    private Object resumeAfterYield(SimTask<?> t, LoopFuture f) {
        t.carrierTurn = false;
        s.loopTurn.signalAll();
        waitForTurn(t);
        if (t.mustCancel) {
            t.mustCancel = false;
            throw new PyError(CANCELLED, "");
        }
        return f == null ? null : f.outcome();
    }

    /** Task.cancel(): true if the request was made (the task not done yet). */
    boolean cancel(SimTask<?> t, SimThread caller) {
        return cancel(t, caller.currentTask != null ? caller.currentTask.id : caller.id);
    }

    private boolean cancelAwaited(LoopFuture w, int by) {
        if (w instanceof SimTask<?> inner) {
            return cancel(inner, by);
        }
        if (w instanceof Gathering g) {
            boolean any = false;
            for (SimTask<?> c : g.children) {
                any |= cancel(c, by);
            }
            return any;
        }
        return w.cancel(by);
    }

    /**
     * As CPython's Task.cancel: the future the task awaits is cancelled (a task it awaits is
     * cancelled in turn), which wakes it with CancelledError; a task not suspended (pending, or
     * ready) gets CancelledError at its next step.
     */
    private boolean cancel(SimTask<?> t, int by) {
        if (t.done) {
            return false;
        }
        LoopFuture w = t.awaiting;
        if (w != null && !w.done && cancelAwaited(w, by)) {
            return true;
        }
        t.mustCancel = true;
        return true;
    }

    // ------------------------------------------------------------------ gather

    /** gather()'s outer future: done when every child is (or at the first error). */
    final class Gathering extends LoopFuture {
        final List<SimTask<?>> children;

        Gathering(List<SimTask<?>> children) {
            super(EventLoop.this);
            this.children = children;
        }
    }

    Gathering gather(List<SimTask<?>> children, boolean returnExceptions) {
        Gathering outer = new Gathering(children);
        if (children.isEmpty()) {
            outer.setResult(new ArrayList<>(), actor());
            return outer;
        }
        int[] left = {children.size()};
        for (SimTask<?> c : children) {
            c.addDoneCallback(f -> {
                left[0]--;
                if (outer.done) {
                    return;
                }
                if (!returnExceptions && (f.cancelled || f.error != null)) {
                    outer.setException(f.cancelled ? new PyError(CANCELLED, "") : f.error, c.id);
                    return;
                }
                if (left[0] == 0) {
                    List<Object> results = new ArrayList<>();
                    for (SimTask<?> k : children) {
                        results.add(k.cancelled ? new PyError(CANCELLED, "") : k.error != null ? k.error : k.result);
                    }
                    outer.setResult(results, c.id);
                }
            });
        }
        return outer;
    }

    // ------------------------------------------------------------------ running

    /**
     * asyncio.run's core (lock held, on the loop's own thread): runs until {@code main} is done,
     * then cancels the tasks still pending and runs until they have ended, as asyncio.Runner does.
     */
    Object run(SimTask<?> main) {
        stopping = false;
        main.addDoneCallback(f -> stopping = true);
        do {
            runOnce();
        } while (!stopping);
        List<SimTask<?>> left = new ArrayList<>();
        for (SimTask<?> t : tasks) {
            if (!t.done) {
                left.add(t);
                cancel(t, thread);
            }
        }
        if (!left.isEmpty()) {
            stopping = false;
            gather(left, true).addDoneCallback(f -> stopping = true);
            do {
                runOnce();
            } while (!stopping);
        }
        return main.outcome();
    }

    /** One iteration: wait for the next timer if nothing is ready, then run what is ready now. */
    private void runOnce() {
        long timeout;
        if (!ready.isEmpty() || stopping) {
            timeout = 0;
        } else if (!timers.isEmpty()) {
            timeout = Math.max(0, timers.peek().when() - s.now);
        } else {
            timeout = -1;
        }
        if (timeout != 0) {
            s.select(thread, timeout, timeout < 0 ? "no task ready, no timer" : "next timer in "
                    + Scheduler.formatSeconds(timeout));
        }
        while (!timers.isEmpty() && timers.peek().when() <= s.now) {
            ready.addLast(timers.poll().handle());
        }
        for (int n = ready.size(); n > 0; n--) {
            ready.pollFirst().run();
        }
    }
}
