package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimArray;
import io.threadline.runtime.SimConnection;
import io.threadline.runtime.SimDict;
import io.threadline.runtime.SimManager;
import io.threadline.runtime.SimPipe;
import io.threadline.runtime.SimProcess;
import io.threadline.runtime.SimQueue;
import io.threadline.runtime.SimValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Four ways to pass data between processes: a Queue, a Pipe, shared Value and Array, a Manager's dict. */
public final class ProcessDataProgram extends Program {
    private final int items;
    private final double work;
    private final boolean useLock;

    public ProcessDataProgram(int items, double work, boolean useLock) {
        this.items = items;
        this.work = work;
        this.useLock = useLock;
    }

    private String me() {
        return currentThread().getName();       // multiprocessing.current_process().name
    }

    private void worker(SimQueue<Integer> q1, SimQueue<Integer> q2) {
        while (true) {
            Integer item = q1.get();
            if (item == null) {                 // the sentinel: no more work
                break;
            }
            print(me() + ": processing " + item);
            cpu(work * (1 + item / 10.0));      // the work: items differ a little in size
            q2.put(item + 10);                  // the result goes back on another queue
        }
    }

    private void echo(SimConnection conn) {
        Object message = conn.recv();           // waits for the parent to send
        print(me() + ": got " + str(message));
        sleep(work);
        conn.send(Arrays.asList("echo", message));
        conn.close();
    }

    private void addThree(SimValue<Integer> total, SimArray<Integer> slots, Integer slot) {
        for (int i = 0; i < 3; i++) {
            if (useLock) {
                total.withLock(() -> addOne(total));   // with total.get_lock():
            } else {
                addOne(total);
            }
        }
        slots.set(slot, (slot + 1) * 100);
    }

    private void addOne(SimValue<Integer> total) {
        int seen = total.get();
        sleep(work / 4);                        // between the read and the write
        total.set(seen + 1);
    }

    private void report(SimDict<String, Integer> results, Integer n) {
        sleep(work * n);
        results.put(me(), n * n);               // a request to the manager's process
    }

    @Override
    protected void main() {
        print("1. Queue: the parent hands out work, two worker processes hand back results");
        SimQueue<Integer> q1 = processQueue("q1", 0);
        SimQueue<Integer> q2 = processQueue("q2", 0);
        SimProcess p1 = process(ProcessDataProgram::worker, q1, q2);
        SimProcess p2 = process(ProcessDataProgram::worker, q1, q2);
        p1.start();
        p2.start();
        for (int i = 0; i < items; i++) {
            q1.put(i);
        }
        q1.put(null);                           // one sentinel per worker
        q1.put(null);
        p1.join();
        p2.join();
        List<Integer> results = new ArrayList<>();
        while (!q2.isEmpty()) {
            results.add(q2.get());
        }
        print("   results:", results);

        print("2. Pipe: one connection, an end for each process");
        SimPipe pipe = pipe("pipe");
        SimConnection parentConn = pipe.first();
        SimConnection childConn = pipe.second();
        SimProcess p3 = process(ProcessDataProgram::echo, childConn);
        p3.start();
        sleep(work);                            // the child waits in recv() meanwhile
        parentConn.send(Arrays.asList(42, null, "hello"));
        print("   parent got:", parentConn.recv());
        p3.join();

        print("3. Value and Array: shared memory, each with its lock");
        SimValue<Integer> total = sharedValue("total", "i", 0);
        SimArray<Integer> slots = sharedArray("slots", "i", Arrays.asList(0, 0));
        SimProcess p4 = process(ProcessDataProgram::addThree, total, slots, 0);
        SimProcess p5 = process(ProcessDataProgram::addThree, total, slots, 1);
        p4.start();
        p5.start();
        p4.join();
        p5.join();
        print("   total:", total.get(), "(6 additions), slots:", slots.toList());

        print("4. Manager: a server process holds a dict for everyone");
        SimManager manager = manager();
        SimDict<String, Integer> squares = manager.dict();
        SimProcess p7 = process(ProcessDataProgram::report, squares, 2);
        SimProcess p8 = process(ProcessDataProgram::report, squares, 1);
        p7.start();
        p8.start();
        p7.join();
        p8.join();
        print("   results:", squares.toMap());
        manager.shutdown();
    }
}
