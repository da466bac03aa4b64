package io.threadline.runtime;

import io.threadline.trace.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's asyncio module, for a program's coroutines: {@code asyncio.run(this::main)},
 * {@code asyncio.createTask(...)}, {@code asyncio.sleep(1)}, {@code asyncio.gather(...)}; with
 * {@link Program#await} for {@code await task}. One thread runs one event loop; see
 * {@link EventLoop} for how faithfully, and {@link SimTask} for a task's lane.
 */
public final class Asyncio {
    Asyncio() {
    }

    /**
     * asyncio.run(main()): runs {@code main} as the first task of a new event loop on the calling
     * thread until it is done, cancels the tasks still pending, and returns main's result (or
     * raises its error).
     */
    @SuppressWarnings("unchecked")
    public <T> T run(Coroutine<T> main) {
        Scheduler s = Scheduler.current();
        SimThread me = s.enter();
        try {
            if (me.loop != null) {
                throw new PyError("RuntimeError", "asyncio.run() cannot be called from a running event loop");
            }
            EventLoop loop = new EventLoop(s, me);
            me.loop = loop;
            try {
                SimTask<T> task = loop.createTask(null, main);
                return (T) loop.run(task);
            } finally {
                me.loop = null;
            }
        } finally {
            s.lock.unlock();
        }
    }

    /** asyncio.create_task(coro): a new task, ready at once, named Task-N. */
    public <T> SimTask<T> createTask(Coroutine<T> coroutine) {
        return createTask(null, coroutine);
    }

    /** asyncio.create_task(coro, name=...). */
    public <T> SimTask<T> createTask(String name, Coroutine<T> coroutine) {
        Scheduler s = Scheduler.current();
        SimThread me = s.enter();
        try {
            return running(me).createTask(name, coroutine);
        } finally {
            s.lock.unlock();
        }
    }

    /**
     * {@code await asyncio.sleep(seconds)}: the task waits (await-sleep) and the loop runs the
     * others meanwhile; sleep(0) only lets the tasks that are ready go first.
     */
    public void sleep(double seconds) {
        long micros = Scheduler.micros(seconds);
        Scheduler s = Scheduler.current();
        SimThread me = s.enter();
        try {
            EventLoop loop = running(me);
            SimTask<?> t = task(me);
            if (micros == 0) {
                loop.yieldNow(t);
                return;
            }
            SimTask.SleepFuture f = new SimTask.SleepFuture(loop);
            loop.callLater(micros, () -> f.setResult(null, -1));
            loop.suspend(t, f, Reason.AWAIT_SLEEP, Scheduler.formatSeconds(micros));
        } finally {
            s.lock.unlock();
        }
    }

    /**
     * {@code await asyncio.gather(*aws)}: each coroutine becomes a task (tasks are taken as they
     * are); returns their results in the order given, or raises the first error.
     */
    public List<Object> gather(Object... aws) {
        return gather(false, aws);
    }

    /** gather(*aws, return_exceptions=True): errors are returned in the list instead of raised. */
    public List<Object> gatherReturningExceptions(Object... aws) {
        return gather(true, aws);
    }

    @SuppressWarnings("unchecked")
    private List<Object> gather(boolean returnExceptions, Object... aws) {
        Scheduler s = Scheduler.current();
        SimThread me = s.enter();
        try {
            EventLoop loop = running(me);
            SimTask<?> t = task(me);
            List<SimTask<?>> children = new ArrayList<>();
            for (Object a : aws) {
                if (a instanceof SimTask<?> k) {
                    children.add(k);
                } else if (a instanceof Coroutine<?> c) {
                    children.add(loop.createTask(null, c));
                } else {
                    throw new PyError("TypeError", "An asyncio.Future, a coroutine or an awaitable is required");
                }
            }
            return (List<Object>) loop.suspend(t, loop.gather(children, returnExceptions), Reason.AWAIT, "gather");
        } finally {
            s.lock.unlock();
        }
    }

    /** asyncio.current_task(). */
    public SimTask<?> currentTask() {
        Scheduler s = Scheduler.current();
        SimThread me = s.enter();
        try {
            return me.currentTask;
        } finally {
            s.lock.unlock();
        }
    }

    /** {@code await task}: waits (await) until the task is done; returns its result or raises its error. */
    @SuppressWarnings("unchecked")
    <T> T await(SimTask<T> other) {
        Scheduler s = Scheduler.current();
        SimThread me = s.enter();
        try {
            EventLoop loop = running(me);
            SimTask<?> t = task(me);
            if (other == t) {
                throw new PyError("RuntimeError", "Task cannot await on itself");
            }
            if (other.loop != loop) {
                throw new PyError("RuntimeError", "Task got Future attached to a different loop");
            }
            return (T) loop.suspend(t, other, Reason.AWAIT, other.name);
        } finally {
            s.lock.unlock();
        }
    }

    private static EventLoop running(SimThread me) {
        if (me.loop == null) {
            throw new PyError("RuntimeError", "no running event loop");
        }
        return me.loop;
    }

    private static SimTask<?> task(SimThread me) {
        if (me.currentTask == null) {
            throw new PyError("RuntimeError", "await outside a task: only a coroutine can await");
        }
        return me.currentTask;
    }
}
