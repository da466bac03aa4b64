package io.threadline.python;

import io.threadline.python.BridgeProgram.PyThread;
import io.threadline.runtime.HostedRuntime;
import io.threadline.runtime.SimThread;
import io.threadline.trace.Reason;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What processes share: multiprocessing's queues and pipes (pickled items in a queue of the
 * runtime) and its locks and semaphores (SemLock, whose state lives here, since no Python
 * process can hold it for the others). Waits and wake-ups go through the runtime, so they show
 * on the lanes with their reasons and causes, as threading's do.
 */
final class CrossProcess {
    private final BridgeProgram program;
    private final List<Channel> queues = new ArrayList<>();
    private final List<Sem> sems = new ArrayList<>();

    CrossProcess(BridgeProgram program) {
        this.program = program;
    }

    /** A queue between processes: Queue, JoinableQueue, SimpleQueue, or one direction of a Pipe. */
    private static final class Channel {
        final int capacity;
        final ArrayDeque<String> items = new ArrayDeque<>();
        final HostedRuntime.WaitQueue notEmpty = new HostedRuntime.WaitQueue();
        final HostedRuntime.WaitQueue notFull = new HostedRuntime.WaitQueue();
        final HostedRuntime.WaitQueue allDone = new HostedRuntime.WaitQueue();
        int unfinished;
        boolean writerClosed;

        Channel(int capacity) {
            this.capacity = capacity;
        }
    }

    /** _multiprocessing.SemLock: kind 0 a recursive mutex, 1 a semaphore (a Lock is one of 1). */
    private static final class Sem {
        final int kind;
        final long max;
        long value;
        PyThread owner;
        int count;
        final Map<PyThread, Integer> mine = new HashMap<>();
        final HostedRuntime.WaitQueue waiters = new HostedRuntime.WaitQueue();

        Sem(int kind, long value, long max) {
            this.kind = kind;
            this.value = value;
            this.max = max;
        }
    }

    String handle(PyThread me, String op, String[] f) {
        HostedRuntime rt = program.rt();
        return switch (op) {
            case "Qn" -> {
                queues.add(new Channel(Integer.parseInt(f[3])));
                yield Integer.toString(queues.size() - 1);
            }
            case "Qp" -> put(rt, queue(f[3]), Long.parseLong(f[4]), f[5], BridgeChannel.unescape(f[7]));
            case "Qg" -> get(rt, queue(f[3]), Long.parseLong(f[4]), BridgeChannel.unescape(f[5]), true);
            case "Qw" -> get(rt, queue(f[3]), Long.parseLong(f[4]), BridgeChannel.unescape(f[5]), false);
            case "Qs" -> Integer.toString(queue(f[3]).items.size());
            case "Qc" -> {
                Channel q = queue(f[3]);
                q.writerClosed = true;
                rt.wake(q.notEmpty, Integer.MAX_VALUE);
                yield "";
            }
            case "Qt" -> {
                Channel q = queue(f[3]);
                if (q.unfinished <= 0) {
                    yield "error";
                }
                if (--q.unfinished == 0) {
                    rt.wake(q.allDone, Integer.MAX_VALUE);
                }
                yield "";
            }
            case "Qj" -> {
                Channel q = queue(f[3]);
                while (q.unfinished > 0) {
                    rt.await(q.allDone, Reason.QUEUE_JOIN, BridgeChannel.unescape(f[4]), -1, null);
                }
                yield "";
            }
            case "Sn" -> {
                sems.add(new Sem(Integer.parseInt(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])));
                yield Integer.toString(sems.size() - 1);
            }
            case "Sa" -> acquire(rt, me, sem(f[3]), Long.parseLong(f[4]), BridgeProgram.waitReason(f[5]),
                    BridgeChannel.unescape(f[6]));
            case "Sr" -> release(rt, me, sem(f[3]));
            case "Sq" -> {
                Sem s = sem(f[3]);
                yield switch (f[4]) {
                    case "count" -> Integer.toString(s.kind == 0 ? (s.owner == me ? s.count : 0)
                            : s.mine.getOrDefault(me, 0));
                    case "mine" -> (s.kind == 0 ? s.owner == me : s.mine.getOrDefault(me, 0) > 0) ? "1" : "0";
                    default -> Long.toString(s.value);
                };
            }
            default -> throw new IllegalArgumentException("unknown request " + op);
        };
    }

    private Channel queue(String id) {
        return queues.get(Integer.parseInt(id));
    }

    private Sem sem(String id) {
        return sems.get(Integer.parseInt(id));
    }

    /** Microseconds left before {@code deadline}, or -1 for no limit. */
    private static long left(HostedRuntime rt, long deadline) {
        return deadline < 0 ? -1 : Math.max(0, deadline - rt.now());
    }

    private static String put(HostedRuntime rt, Channel q, long timeout, String item, String detail) {
        long deadline = timeout < 0 ? -1 : rt.now() + timeout;
        while (q.capacity > 0 && q.items.size() >= q.capacity) {
            if (timeout == 0 || !rt.await(q.notFull, Reason.QUEUE_PUT, detail, left(rt, deadline), null)) {
                if (q.items.size() >= q.capacity) {
                    return "full";
                }
            }
        }
        q.items.addLast(item);
        q.unfinished++;
        rt.wake(q.notEmpty, 1);
        return "";
    }

    /** get (take the item) or poll (only wait for one); "empty" at a timeout, "closed" at the end of a pipe. */
    private static String get(HostedRuntime rt, Channel q, long timeout, String detail, boolean take) {
        long deadline = timeout < 0 ? -1 : rt.now() + timeout;
        while (q.items.isEmpty()) {
            if (q.writerClosed) {
                return take ? "closed" : "1";
            }
            if (timeout == 0 || !rt.await(q.notEmpty, Reason.QUEUE_GET, detail, left(rt, deadline), null)) {
                if (q.items.isEmpty()) {
                    return take ? "empty" : "0";
                }
            }
        }
        if (!take) {
            return "1";
        }
        String item = q.items.pollFirst();
        rt.wake(q.notFull, 1);
        return item;
    }

    private String acquire(HostedRuntime rt, PyThread me, Sem s, long timeout, Reason reason, String detail) {
        if (s.kind == 0 && s.owner == me) {
            s.count++;
            return "1";
        }
        long deadline = timeout < 0 ? -1 : rt.now() + timeout;
        while (s.value == 0) {
            SimThread holder = reason == Reason.LOCK && s.owner != null ? s.owner.sim : null;
            if (timeout == 0 || !rt.await(s.waiters, reason, detail, left(rt, deadline), holder)) {
                if (s.value == 0) {
                    return "0";
                }
            }
        }
        s.value--;
        s.owner = me;
        s.count = 1;
        s.mine.merge(me, 1, Integer::sum);
        return "1";
    }

    private static String release(HostedRuntime rt, PyThread me, Sem s) {
        if (s.kind == 0) {
            if (s.owner != me) {
                return "notmine";
            }
            if (--s.count > 0) {
                return "";
            }
            s.owner = null;
        } else if (s.value >= s.max) {
            return "many";
        }
        s.value++;
        s.mine.computeIfPresent(me, (k, v) -> v > 1 ? v - 1 : null);
        if (s.kind != 0 && s.value > 0) {
            s.owner = null;
        }
        rt.wake(s.waiters, 1);
        return "";
    }
}
