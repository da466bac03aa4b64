package io.threadline.python;

import io.threadline.runtime.HostedRuntime;
import io.threadline.runtime.Lines;
import io.threadline.runtime.Program;
import io.threadline.runtime.PyError;
import io.threadline.runtime.SimThread;
import io.threadline.trace.Reason;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Java side of a user's Python program: one proxy scenario thread per Python thread, each
 * carrying out its Python thread's runtime calls (sleep, cpu, waits on locks, join, start,
 * print, its end) with the runtime's own primitives. Only the proxy holding the baton reads the
 * channel: it reads its Python thread's request, performs it (perhaps blocking, and the baton
 * passes on), then writes the reply, which the Python side hands to the thread it names.
 */
final class BridgeProgram extends Program {
    /**
     * Marks the class as stamped: every runtime call takes its line from the stamp the proxy
     * sets (the Python program's line), never from a walk of the proxy's Java stack.
     */
    static final boolean $threadline$lineStamps = true;

    private final BridgeChannel channel;
    private final String fileName;
    private final PythonProcesses.Started process;
    private HostedRuntime rt;
    /** By thread id; touched only by the proxy holding the baton. */
    private final List<PyThread> threads = new ArrayList<>();
    private final Map<Integer, HostedRuntime.WaitQueue> queues = new HashMap<>();
    private final Map<SimThread, PyThread> bySim = new ConcurrentHashMap<>();

    /** A Python thread and its proxy. */
    private static final class PyThread {
        final int tid;
        SimThread sim;
        volatile int line;

        PyThread(int tid) {
            this.tid = tid;
        }
    }

    BridgeProgram(BridgeChannel channel, String fileName, PythonProcesses.Started process) {
        this.channel = channel;
        this.fileName = fileName;
        this.process = process;
    }

    @Override
    protected void main() {
        rt = hosted();
        rt.reportStalls(this::stallReport);
        PyThread main = new PyThread(0);
        main.sim = SimThread.current();
        threads.add(main);
        bySim.put(main.sim, main);
        serve(main);
    }

    private String stallReport(SimThread t) {
        PyThread p = bySim.get(t);
        int line = p == null ? 0 : p.line;
        return (line > 0 ? " (" + fileName + ", line " + line + ")" : "")
                + ": it is blocked outside Threadline's runtime, or in a long computation in C"
                + " (a C extension, a socket, a pipe), where the run cannot follow it";
    }

    /** The proxy's loop: tells its Python thread to run, then serves its requests until it ends. */
    private void serve(PyThread me) {
        try {
            reply(me, "");
            for (;;) {
                if (handle(me, channel.read())) {
                    return;
                }
            }
        } catch (IOException e) {
            processGone();
        } catch (PyError e) {
            if (e.isReported()) {
                throw e;
            }
            rt.fail("stopped: internal error of the Python bridge: " + e);
        } catch (RuntimeException e) {
            rt.fail("stopped: internal error of the Python bridge: " + e);
        }
    }

    private void processGone() {
        int status = -1;
        try {
            if (process.process.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)) {
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

    /** Carries out one request; true once the thread has ended. */
    private boolean handle(PyThread me, String[] f) throws IOException {
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
                Reason reason = Reason.ofLabel(f[6]);
                if (reason == null || reason.state() != io.threadline.trace.ThreadState.WAITING) {
                    reason = Reason.LOCK;
                }
                boolean woken = rt.await(queue(Integer.parseInt(f[3])), reason, BridgeChannel.unescape(f[7]),
                        Long.parseLong(f[5]), holder(Integer.parseInt(f[4])));
                reply(me, woken ? "1" : "0");
            }
            case "k" -> {
                rt.wake(queue(Integer.parseInt(f[3])), Integer.parseInt(f[4]));
                reply(me, "");
            }
            case "j" -> {
                boolean ended = rt.join(thread(f[3]).sim, Long.parseLong(f[4]));
                reply(me, ended ? "1" : "0");
            }
            case "n" -> reply(me, Integer.toString(newThread(BridgeChannel.unescape(f[3]), f[4].equals("1")).tid));
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
            case "e" -> {
                if (f[3].equals("x")) {
                    String what = BridgeChannel.unescape(f[4]);
                    int colon = what.indexOf(": ");
                    throw colon < 0 ? PyError.reported(what, "")
                            : PyError.reported(what.substring(0, colon), what.substring(colon + 2));
                }
                return true;
            }
            default -> rt.fail("stopped: internal error of the Python bridge: unknown request '" + op + "'");
        }
        return false;
    }

    private void reply(PyThread me, String payload) throws IOException {
        long horizon = rt.horizon();
        channel.write(Integer.toString(me.tid), Long.toString(rt.now()), Long.toString(horizon), payload);
    }

    private PyThread newThread(String name, boolean daemon) {
        PyThread t = new PyThread(threads.size());
        t.sim = rt.newThread(name, () -> serve(t), daemon);
        threads.add(t);
        bySim.put(t.sim, t);
        return t;
    }

    private PyThread thread(String tid) {
        return threads.get(Integer.parseInt(tid));
    }

    private SimThread holder(int tid) {
        return tid >= 0 && tid < threads.size() ? threads.get(tid).sim : null;
    }

    private HostedRuntime.WaitQueue queue(int lockId) {
        return queues.computeIfAbsent(lockId, k -> new HostedRuntime.WaitQueue());
    }
}
