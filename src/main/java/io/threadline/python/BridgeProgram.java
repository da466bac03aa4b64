package io.threadline.python;

import io.threadline.runtime.HostedRuntime;
import io.threadline.runtime.Lines;
import io.threadline.runtime.Program;
import io.threadline.runtime.PyError;
import io.threadline.runtime.SimThread;
import io.threadline.trace.Reason;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.WaitRole;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Java side of a user's Python program: one proxy scenario thread per Python thread, each
 * carrying out its Python thread's runtime calls (sleep, cpu, waits on locks, join, start,
 * print, its end) with the runtime's own primitives. Only the proxy holding the baton reads its
 * process's channel: it reads its Python thread's request, performs it (perhaps blocking, and
 * the baton passes on), then writes the reply, which the Python side hands to the thread it
 * names. multiprocessing children are processes of their own, each with its own channel.
 */
final class BridgeProgram extends Program {
    /**
     * Marks the class as stamped: every runtime call takes its line from the stamp the proxy
     * sets (the Python program's line), never from a walk of the proxy's Java stack.
     */
    static final boolean $threadline$lineStamps = true;
    /** os.getpid() of the main process; children count up from it. */
    static final int FAKE_PID_BASE = 4000;
    private static final long CHILD_CONNECT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final BridgeServer server;
    private final String fileName;
    private final PythonProcesses.Started process;
    private HostedRuntime rt;
    /** Touched only by the proxy holding the baton (and the janitor once the run is over). */
    private final List<PyThread> threads = new ArrayList<>();
    private final List<PyProcess> processes = new ArrayList<>();
    private final Map<SimThread, PyThread> bySim = new ConcurrentHashMap<>();
    private final Map<Integer, PyProcess> waitingForChannel = new HashMap<>();
    private final CrossProcess shared;
    private final PoolBridge pools;
    private final java.nio.file.Path stacks;

    /** A CPython process of the run: the main one or a multiprocessing child. */
    static final class PyProcess {
        final int index;
        final String name;
        final int fakePid;
        volatile BridgeChannel channel;
        final Map<Integer, HostedRuntime.WaitQueue> queues = new HashMap<>();
        /** The process's locks, queues, events ... with a lane, by the number Python gave them. */
        final Map<Integer, HostedRuntime.Resource> resources = new HashMap<>();
        final List<PyThread> threads = new ArrayList<>();
        PyThread first;
        long realPid = -1;
        Integer exitCode;

        PyProcess(int index, String name, int fakePid) {
            this.index = index;
            this.name = name;
            this.fakePid = fakePid;
        }
    }

    /** A Python thread and its proxy. */
    static final class PyThread {
        final int tid;
        final PyProcess process;
        SimThread sim;
        volatile int line;

        PyThread(int tid, PyProcess process) {
            this.tid = tid;
            this.process = process;
        }
    }

    /** What a request's handling tells the proxy's loop. */
    private static final String[] GO_ON = new String[0];

    BridgeProgram(BridgeServer server, BridgeChannel channel, String fileName, PythonProcesses.Started process,
                  java.nio.file.Path stacks) {
        this.stacks = stacks;
        this.server = server;
        this.fileName = fileName;
        this.process = process;
        PyProcess main = new PyProcess(0, "MainProcess", FAKE_PID_BASE);
        main.channel = channel;
        main.realPid = process.process.pid();
        processes.add(main);
        this.shared = new CrossProcess(this);
        this.pools = new PoolBridge(this);
    }

    @Override
    protected void main() {
        rt = hosted();
        rt.reportStalls(this::stallReport);
        PyProcess mainProcess = processes.get(0);
        PyThread main = new PyThread(0, mainProcess);
        main.sim = SimThread.current();
        mainProcess.first = main;
        register(main);
        serve(main);
    }

    HostedRuntime rt() {
        return rt;
    }

    /** For the pool: a thread pool of the runtime, as the built-in scenarios make one. */
    io.threadline.runtime.ProcessPool newPool(int workers) {
        return pool(workers);
    }

    <T> io.threadline.runtime.SimQueue<T> newQueue(String name, int capacity) {
        return queue(name, capacity);
    }

    private void register(PyThread t) {
        threads.add(t);
        t.process.threads.add(t);
        bySim.put(t.sim, t);
    }

    PyThread threadOf(SimThread sim) {
        return bySim.get(sim);
    }

    private String stallReport(SimThread t) {
        PyThread p = bySim.get(t);
        int line = p == null ? 0 : StuckLine.find(stacks, p.process.realPid, fileName);
        if (line <= 0 && p != null) {
            line = p.line;
        }
        List<String> stray = process.strayOutput();
        return (line > 0 ? " (" + fileName + ", line " + line + ")" : "")
                + ": it is blocked outside Threadline's runtime, or in a long computation in C"
                + " (a C extension, a socket, a pipe), where the run cannot follow it"
                + (stray.isEmpty() ? "" : " (the interpreter said: " + stray.get(stray.size() - 1) + ")");
    }

    /** The proxy's loop: tells its Python thread to run, then serves its requests until it ends. */
    private void serve(PyThread me) {
        serveUntil(me, "");
    }

    /**
     * Sends {@code first} to the thread (its go-ahead, or a task), then serves its requests until
     * it ends (null) or reports a result (the result's fields).
     */
    String[] serveUntil(PyThread me, String first) {
        try {
            reply(me, first);
            for (;;) {
                String[] done = handle(me, channelOf(me.process).read());
                if (done != GO_ON) {
                    return done;
                }
            }
        } catch (IOException e) {
            processGone(me.process);
            return null;
        } catch (PyError e) {
            if (e.isReported() || e instanceof TaskError) {
                throw e;
            }
            rt.fail("stopped: internal error of the Python bridge: " + e);
        } catch (RuntimeException e) {
            rt.fail("stopped: internal error of the Python bridge: " + e);
        }
        return null;
    }

    private BridgeChannel channelOf(PyProcess p) throws IOException {
        BridgeChannel c = p.channel;
        if (c != null) {
            return c;
        }
        // A forked child connects on its own; connections may come in any order.
        long deadline = System.nanoTime() + CHILD_CONNECT_NANOS;
        while (p.channel == null) {
            BridgeChannel next = server.accept(deadline, () -> true, () -> "");
            String[] hello = next.read();
            if (!hello[0].equals("H")) {
                next.close();
                throw new IOException("a child process said " + String.join(" ", hello));
            }
            PyProcess child = waitingForChannel.remove(Integer.parseInt(hello[1]));
            if (child == null) {
                next.close();
                continue;
            }
            child.realPid = Long.parseLong(hello[2]);
            child.channel = next;
        }
        return p.channel;
    }

    private void processGone(PyProcess p) {
        if (p.index > 0) {
            // A child gone (os._exit in it, a crash): its threads end, the run goes on.
            endProcess(p, p.exitCode == null ? -1 : p.exitCode, "its process ended");
            return;
        }
        int status = -1;
        try {
            if (process.process.waitFor(1, TimeUnit.SECONDS)) {
                status = process.process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> stray = process.strayOutput();
        String last = stray.isEmpty() ? "" : ": " + stray.get(stray.size() - 1);
        rt.fail("stopped: the Python process ended" + (status >= 0 ? " with exit status " + status : "")
                + " while the program was running" + last);
    }

    /** Carries out one request; null once the thread has ended, a result's fields, else GO_ON. */
    private String[] handle(PyThread me, String[] f) throws IOException {
        String op = f[0];
        if (op.equals("!")) {
            rt.fail("stopped: internal error of the Python bridge: " + BridgeChannel.unescape(f[1]));
        }
        long cpu = Long.parseLong(f[1]);
        int line = Integer.parseInt(f[2]);
        if (line > 0) {
            me.line = line;
            Lines.at(line);
        }
        if (cpu > 0) {
            rt.cpu(cpu);
        }
        switch (op) {
            case "c" -> reply(me, "");
            case "s" -> {
                rt.sleep(Long.parseLong(f[3]));
                reply(me, "");
            }
            case "w" -> {
                Reason reason = waitReason(f[6]);
                HostedRuntime.Resource resource = f.length > 8 ? me.process.resources.get(Integer.parseInt(f[8])) : null;
                WaitRole role = f.length > 9 ? WaitRole.ofLabel(f[9]) : null;
                boolean woken = rt.await(queue(me.process, Integer.parseInt(f[3])), resource,
                        role == null ? WaitRole.WAITS : role, reason,
                        BridgeChannel.unescape(f[7]), Long.parseLong(f[5]), holder(Integer.parseInt(f[4])));
                reply(me, woken ? "1" : "0");
            }
            case "Yd" -> {
                ResourceKind kind = ResourceKind.ofLabel(f[4]);
                if (kind == null || kind == ResourceKind.GIL) {
                    rt.fail("stopped: internal error of the Python bridge: no resource kind '" + f[4] + "'");
                }
                me.process.resources.put(Integer.parseInt(f[3]),
                        rt.resource(kind, BridgeChannel.unescape(f[6]), Integer.parseInt(f[5])));
            }
            case "Y" -> resourceEvent(me, f);
            case "k" -> {
                rt.wake(queue(me.process, Integer.parseInt(f[3])), Integer.parseInt(f[4]));
                reply(me, "");
            }
            case "j" -> {
                boolean ended = rt.join(thread(f[3]).sim, Long.parseLong(f[4]));
                reply(me, ended ? "1" : "0");
            }
            case "n" -> reply(me, Integer.toString(newThread(me.process, BridgeChannel.unescape(f[3]),
                    f[4].equals("1")).tid));
            case "t" -> {
                rt.start(thread(f[3]).sim);
                reply(me, "");
            }
            case "d" -> rt.setDaemon(thread(f[3]).sim, f[4].equals("1"));
            case "m" -> rt.rename(thread(f[3]).sim, BridgeChannel.unescape(f[4]));
            case "p" -> rt.print(BridgeChannel.unescape(f[4]), f[3].equals("2"));
            case "P" -> {
                rt.print(BridgeChannel.unescape(f[4]), f[3].equals("2"));
                reply(me, "");
            }
            case "q" -> {
                rt.setSwitchInterval(Long.parseLong(f[3]));
                reply(me, "");
            }
            case "u" -> rt.fail(BridgeChannel.unescape(f[3]));
            case "z" -> {
                // os._exit: the process ends now, without its threads' ends or interpreter exit
                int code = Integer.parseInt(f[3]);
                if (me.process.index == 0) {
                    rt.fail("stopped: the program called os._exit(" + code + ") (" + fileName + ", line " + line
                            + "): its process ended at once, with every thread");
                }
                me.process.exitCode = code;
                endProcess(me.process, code, "its process called os._exit");
                return null;
            }
            case "e" -> {
                return end(me, f);
            }
            case "r" -> {
                return java.util.Arrays.copyOfRange(f, 3, f.length);
            }
            case "F" -> {
                PyThread child = newProcess(BridgeChannel.unescape(f[3]), f[4].equals("1"));
                reply(me, child.tid + " " + child.process.fakePid);
            }
            case "S" -> {
                rt.start(thread(f[3]).sim);
                reply(me, "");
            }
            case "a" -> {
                PyThread t = thread(f[3]);
                Integer code = t.process.exitCode;
                reply(me, code == null ? (rt.isAlive(t.sim) ? "alive" : "0") : code.toString());
            }
            case "K" -> {
                PyThread t = thread(f[3]);
                endProcess(t.process, -Integer.parseInt(f[4]), "terminated");
                reply(me, "");
            }
            default -> {
                if (op.startsWith("Q") || op.startsWith("S")) {
                    reply(me, shared.handle(me, op, f));
                } else if (op.startsWith("O")) {
                    reply(me, pools.handle(me, op, f));
                } else {
                    rt.fail("stopped: internal error of the Python bridge: unknown request '" + op + "'");
                }
            }
        }
        return GO_ON;
    }

    /** What a thread did to one of its process's resources: "Y id op arg [text]". */
    private void resourceEvent(PyThread me, String[] f) {
        HostedRuntime.Resource r = me.process.resources.get(Integer.parseInt(f[3]));
        if (r == null) {
            rt.fail("stopped: internal error of the Python bridge: resource " + f[3] + " was never declared");
        }
        int arg = Integer.parseInt(f[5]);
        switch (f[4]) {
            case "a" -> r.acquired(arg);
            case "r" -> r.released(arg);
            case "s" -> r.set();
            case "c" -> r.cleared();
            case "p" -> r.put(BridgeChannel.unescape(f[6]));
            case "g" -> r.got(arg);
            case "n" -> r.notified(arg);
            case "b" -> r.passed();
            default -> rt.fail("stopped: internal error of the Python bridge: unknown resource event '" + f[4] + "'");
        }
    }

    static Reason waitReason(String label) {
        Reason reason = Reason.ofLabel(label);
        return reason == null || reason.state() != ThreadState.WAITING ? Reason.LOCK : reason;
    }

    /** The thread's code is done: returned, or raised (reported by Python already). */
    private String[] end(PyThread me, String[] f) {
        boolean raised = f[3].equals("x");
        if (me.process.first == me && me.process.index > 0) {
            int code = f.length > 5 ? Integer.parseInt(f[5]) : 0;
            endProcess(me.process, code, "cut off: its process ended");
        }
        if (raised) {
            String what = BridgeChannel.unescape(f[4]);
            int colon = what.indexOf(": ");
            throw colon < 0 ? PyError.reported(what, "")
                    : PyError.reported(what.substring(0, colon), what.substring(colon + 2));
        }
        return null;
    }

    /** A child process has ended: its other threads go (killed), its channel closes, the OS process goes. */
    void endProcess(PyProcess p, int exitCode, String detail) {
        if (p.exitCode == null) {
            p.exitCode = exitCode;
        }
        SimThread me = SimThread.current();
        for (PyThread t : p.threads) {
            if (t.sim != me && rt.isAlive(t.sim)) {
                rt.kill(t.sim, detail);
            }
        }
        closeChild(p);
    }

    void closeChild(PyProcess p) {
        BridgeChannel c = p.channel;
        if (c != null) {
            c.close();
        }
        if (p.realPid > 0 && p.index > 0) {
            ProcessHandle.of(p.realPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    void reply(PyThread me, String payload) throws IOException {
        long horizon = rt.horizon();
        channelOf(me.process).write(Integer.toString(me.tid), Long.toString(rt.now()), Long.toString(horizon),
                payload);
    }

    private PyThread newThread(PyProcess p, String name, boolean daemon) {
        PyThread t = new PyThread(threads.size(), p);
        t.sim = rt.newThread(name, () -> serve(t), daemon);
        register(t);
        return t;
    }

    /** A multiprocessing child: a simulated process and its first thread (new). */
    private PyThread newProcess(String name, boolean daemon) {
        PyProcess p = new PyProcess(processes.size(), name, FAKE_PID_BASE + processes.size());
        processes.add(p);
        PyThread t = new PyThread(threads.size(), p);
        t.sim = rt.newProcess(name, name, () -> serve(t), ThreadRole.MAIN);
        if (daemon) {
            rt.setDaemon(t.sim, true);
        }
        p.first = t;
        register(t);
        waitingForChannel.put(t.tid, p);
        return t;
    }

    /** A child for each worker of a new process pool (the runtime made the worker threads). */
    PyThread adoptWorker(SimThread worker) {
        PyProcess p = new PyProcess(processes.size(), worker.getName(), FAKE_PID_BASE + processes.size());
        processes.add(p);
        PyThread t = new PyThread(threads.size(), p);
        t.sim = worker;
        p.first = t;
        register(t);
        waitingForChannel.put(t.tid, p);
        return t;
    }

    /** A thread of the runtime's own in the main process (the pool's result handler), given a Python thread. */
    PyThread adoptHelper(SimThread helper) {
        PyThread t = bySim.get(helper);
        if (t == null) {
            t = new PyThread(threads.size(), processes.get(0));
            t.sim = helper;
            register(t);
        }
        return t;
    }

    PyThread thread(String tid) {
        return threads.get(Integer.parseInt(tid));
    }

    private SimThread holder(int tid) {
        return tid >= 0 && tid < threads.size() ? threads.get(tid).sim : null;
    }

    SimThread simOf(int tid) {
        return holder(tid);
    }

    private HostedRuntime.WaitQueue queue(PyProcess p, int lockId) {
        return p.queues.computeIfAbsent(lockId, k -> new HostedRuntime.WaitQueue());
    }

    /** Closes every channel and the server (the run is over). */
    void closeAll() {
        for (PyProcess p : processes) {
            BridgeChannel c = p.channel;
            if (c != null) {
                c.close();
            }
        }
        server.close();
    }

    /** The CPython processes' ids the OS knows, for ending them. */
    List<Long> realPids() {
        List<Long> out = new ArrayList<>();
        for (PyProcess p : processes) {
            if (p.realPid > 0) {
                out.add(p.realPid);
            }
        }
        return out;
    }

    /** A task's exception in a pool worker, raised again where its result is taken (pickled). */
    static final class TaskError extends PyError {
        private static final long serialVersionUID = 1L;
        final String payload;

        TaskError(String described, String payload) {
            super(type(described), message(described));
            this.payload = payload;
        }

        private static String type(String d) {
            int c = d.indexOf(": ");
            return c < 0 ? d : d.substring(0, c);
        }

        private static String message(String d) {
            int c = d.indexOf(": ");
            return c < 0 ? "" : d.substring(c + 2);
        }
    }
}
