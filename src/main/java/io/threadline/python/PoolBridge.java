package io.threadline.python;

import io.threadline.python.BridgeProgram.PyThread;
import io.threadline.python.BridgeProgram.TaskError;
import io.threadline.runtime.AsyncResult;
import io.threadline.runtime.ProcessPool;
import io.threadline.runtime.PyError;
import io.threadline.runtime.SimThread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * multiprocessing.Pool on the runtime's own process pool, the one the built-in scenarios use:
 * its workers (processes with a GIL each, taking tasks from one queue) are here forked CPython
 * children, and a task given to a worker is run by its child, whose runtime calls the worker
 * serves until the child reports the result. Callbacks run on the pool's result-handler
 * thread in the main process, which the main CPython process gets a thread for.
 */
final class PoolBridge {
    private final BridgeProgram program;
    private final List<ProcessPool> pools = new ArrayList<>();
    private final List<List<PyThread>> workers = new ArrayList<>();
    private final Map<String, Iterator<TaskOutput>> iterators = new HashMap<>();
    private final Map<String, AsyncResult<TaskOutput>> results = new HashMap<>();
    private int next;

    PoolBridge(BridgeProgram program) {
        this.program = program;
    }

    /** A task as the parent pickled it, shown in the trace's results as the Python repr of its input. */
    record TaskInput(String payload, String repr) {
        @Override
        public String toString() {
            return repr;
        }
    }

    /** A task's pickled result, shown as its Python repr. */
    record TaskOutput(String payload, String repr) {
        @Override
        public String toString() {
            return repr;
        }
    }

    String handle(PyThread me, String op, String[] f) {
        return switch (op) {
            case "On" -> {
                ProcessPool pool = program.newPool(Integer.parseInt(f[3]));
                List<PyThread> ws = new ArrayList<>();
                StringBuilder b = new StringBuilder(Integer.toString(pools.size()));
                for (SimThread w : pool.workers()) {
                    PyThread t = program.adoptWorker(w);
                    ws.add(t);
                    b.append(' ').append(t.tid).append(' ').append(t.process.fakePid);
                }
                pools.add(pool);
                workers.add(ws);
                yield b.toString();
            }
            case "Om" -> {
                try {
                    List<TaskOutput> out = pool(f[3]).map(this::run, inputs(f, 6));
                    StringBuilder b = new StringBuilder("ok");
                    out.forEach(o -> b.append(' ').append(o.payload));
                    yield b.toString();
                } catch (TaskError e) {
                    yield "err " + e.payload;
                }
            }
            case "Ol" -> {
                ProcessPool pool = pool(f[3]);
                Iterable<TaskOutput> it = f[4].equals("imap") ? pool.imap(this::run, inputs(f, 6))
                        : pool.imapUnordered(this::run, inputs(f, 6));
                String id = Integer.toString(next++);
                iterators.put(id, it.iterator());
                yield id;
            }
            case "Oi" -> {
                Iterator<TaskOutput> it = iterators.get(f[3]);
                if (!it.hasNext()) {
                    iterators.remove(f[3]);
                    yield "stop";
                }
                try {
                    yield "ok " + it.next().payload;
                } catch (TaskError e) {
                    yield "err " + e.payload;
                }
            }
            case "Oa" -> {
                ProcessPool pool = pool(f[3]);
                String id = Integer.toString(next++);
                TaskInput in = new TaskInput(f[5], BridgeChannel.unescape(f[6]));
                AsyncResult<TaskOutput> r = f[4].equals("1")
                        ? pool.applyAsync(this::run, in, out -> callback(id, out))
                        : pool.applyAsync(this::run, in);
                results.put(id, r);
                yield id;
            }
            case "Or" -> results.get(f[3]).ready() ? "1" : "0";
            case "Og" -> {
                AsyncResult<TaskOutput> r = results.get(f[3]);
                long timeout = Long.parseLong(f[4]);
                try {
                    yield (timeout < 0 ? r.get() : r.get(timeout / 1e6)).payload;
                } catch (TaskError e) {
                    yield e.payload;
                } catch (PyError e) {
                    yield "timeout";
                }
            }
            case "Oc" -> {
                pool(f[3]).close();
                yield "";
            }
            case "Oj" -> {
                pool(f[3]).join();
                workers.get(Integer.parseInt(f[3])).forEach(w -> program.closeChild(w.process));
                yield "";
            }
            case "Ot" -> {
                ProcessPool pool = pool(f[3]);
                pool.close();
                for (PyThread w : workers.get(Integer.parseInt(f[3]))) {
                    program.endProcess(w.process, -15, "terminated");
                }
                yield "";
            }
            default -> throw new IllegalArgumentException("unknown request " + op);
        };
    }

    private ProcessPool pool(String id) {
        return pools.get(Integer.parseInt(id));
    }

    private static List<TaskInput> inputs(String[] f, int from) {
        List<TaskInput> in = new ArrayList<>();
        for (int i = from; i + 1 < f.length; i += 2) {
            in.add(new TaskInput(f[i], BridgeChannel.unescape(f[i + 1])));
        }
        return in;
    }

    /** On a worker thread: its child runs the task; the worker serves the child until the result. */
    private TaskOutput run(TaskInput task) {
        PyThread w = program.threadOf(SimThread.current());
        String[] r = program.serveUntil(w, task.payload);
        if (r == null) {
            throw new TaskError("RuntimeError: the worker process ended", "!the pool's worker process ended");
        }
        if (r[0].equals("ok")) {
            return new TaskOutput(r[1], BridgeChannel.unescape(r[2]));
        }
        throw new TaskError(BridgeChannel.unescape(r[2]), r[1]);
    }

    /** On the pool's result-handler thread: the main process runs the callback. */
    private void callback(String id, TaskOutput out) {
        PyThread h = program.adoptHelper(SimThread.current());
        program.serveUntil(h, "C " + id + " " + out.payload);
    }
}
