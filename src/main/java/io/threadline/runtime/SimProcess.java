package io.threadline.runtime;

import io.threadline.trace.Reason;
import io.threadline.trace.ThreadRole;

import java.util.function.Consumer;

/**
 * Python's multiprocessing.Process: start() forks a child, a process of its own with its own GIL
 * and a copy of the program's data (see {@link ForkCopy}), whose main thread runs the target;
 * start() returns at once (forking does not wait for the child to run). join() waits for the
 * child to exit (waiting: join). exitcode: null while it runs, 0 after a normal end, 1 after an
 * uncaught exception (its traceback printed under "Process NAME:"), sys.exit's code, or minus the
 * signal after terminate() (SIGTERM, -15) or kill() (SIGKILL, -9), which end it where it is.
 */
public final class SimProcess {
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    /** The main process's pid; a child's is this plus its number, so runs are repeatable. */
    static final int MAIN_PID = 1000;

    private final Scheduler s;
    private final Program program;
    private final Consumer<Program> target;
    private String name;
    private boolean daemon;

    // Guarded by the scheduler lock.
    Interpreter interpreter;
    SimThread mainThread;
    Integer exitcode;
    /** Set by terminate()/kill() before the threads are killed: the exit code is minus it. */
    int signal;
    /** Exit status the main thread's end gave (1 raised, sys.exit's code). */
    int status;
    final WaitList joiners = new WaitList();
    private boolean closed;

    SimProcess(Scheduler s, Program program, Consumer<Program> target) {
        this.s = s;
        this.program = program;
        this.target = target;
        this.name = "Process-" + s.nextChildNumber();
    }

    /** Forks the child and returns at once; it runs in a process of its own. */
    public void start() {
        s.enter();
        try {
            checkOpen();
            if (interpreter != null) {
                throw new PyError("AssertionError", "cannot start a process twice");
            }
        } finally {
            s.lock.unlock();
        }
        // The fork: the child's copy of the program is taken now, before anything else changes.
        Program copy = ForkCopy.of(program);
        interpreter = s.newProcess(name);
        interpreter.child = this;
        interpreter.daemonic = daemon;
        mainThread = new SimThread(s, name, () -> target.accept(copy), false, interpreter, ThreadRole.PROCESS);
        s.start(mainThread, false);
    }

    /** Waits until the child has exited. */
    public void join() {
        join(-1);
    }

    /** Waits until the child has exited, or {@code seconds} have passed. */
    public void join(double seconds) {
        join(Scheduler.micros(seconds));
    }

    private void join(long timeout) {
        SimThread me = s.enter();
        try {
            checkOpen();
            if (interpreter == null) {
                throw new PyError("AssertionError", "can only join a started process");
            }
            if (interpreter == me.process) {
                throw new PyError("AssertionError", "can only join a child process");
            }
            if (exitcode == null) {
                s.await(me, Reason.JOIN, name, joiners, timeout, mainThread.dead ? null : mainThread);
            }
        } finally {
            s.lock.unlock();
        }
    }

    /** True from start() until the child has exited. */
    public boolean isAlive() {
        s.lock.lock();
        try {
            checkOpen();
            return interpreter != null && exitcode == null;
        } finally {
            s.lock.unlock();
        }
    }

    /** None (null) before start, then the child's process id. */
    public Integer pid() {
        s.lock.lock();
        try {
            checkOpen();
            return interpreter == null ? null : MAIN_PID + interpreter.id;
        } finally {
            s.lock.unlock();
        }
    }

    /** None (null) while the child runs, then its exit code. */
    public Integer exitcode() {
        s.lock.lock();
        try {
            checkOpen();
            return exitcode;
        } finally {
            s.lock.unlock();
        }
    }

    /** Sends SIGTERM: every thread of the child ends where it is (no finally, no cleanup); exitcode -15. */
    public void terminate() {
        signal(SIGTERM, "terminated (SIGTERM)");
    }

    /** Sends SIGKILL: as terminate(), exitcode -9. */
    public void kill() {
        signal(SIGKILL, "killed (SIGKILL)");
    }

    private void signal(int sig, String detail) {
        s.enter();
        try {
            checkOpen();
        } finally {
            s.lock.unlock();
        }
        s.signal(this, sig, detail);
    }

    /** Releases the process object; ValueError while the child runs, as in Python. */
    public void close() {
        s.lock.lock();
        try {
            if (interpreter != null && exitcode == null) {
                throw new PyError("ValueError", "Cannot close a process while it is still running. "
                        + "You should first call join() or terminate().");
            }
            closed = true;
        } finally {
            s.lock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new PyError("ValueError", "process object is closed");
        }
    }

    public String name() {
        return name;
    }

    /** Renames the process; before start() it also names its lane and its process in the trace. */
    public void setName(String newName) {
        name = newName;
    }

    public boolean daemon() {
        return daemon;
    }

    /** A daemonic child is terminated when the main process ends; only before start(). */
    public void setDaemon(boolean on) {
        if (interpreter != null) {
            throw new PyError("AssertionError", "process has already started");
        }
        daemon = on;
    }

    @Override
    public String toString() {
        return "SimProcess[" + name + "]";
    }
}
