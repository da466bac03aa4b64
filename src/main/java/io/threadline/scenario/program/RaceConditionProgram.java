package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimCounter;
import io.threadline.runtime.SimLock;
import io.threadline.runtime.SimThread;

import java.util.ArrayList;
import java.util.List;

/** Threads add 1 to a shared counter by reading it, working, and writing it back. */
public final class RaceConditionProgram extends Program {
    private final int threads;
    private final int rounds;
    private final double work;
    private final boolean useLock;

    private int counter = 0;
    private SimCounter shown;         // the counter's value, drawn under the lanes

    public RaceConditionProgram(int threads, int rounds, double work, boolean useLock) {
        this.threads = threads;
        this.rounds = rounds;
        this.work = work;
        this.useLock = useLock;
    }

    private void addOne(String name) {
        int seen = counter;              // read
        cpu(work * random().randint(50, 150) / 100);   // work on it: 0.5 to 1.5 times 'work'
        int now = counter;               // another thread may have written meanwhile...
        counter = seen + 1;              // write: ...and that write is lost here
        shown.set(counter);
        if (now != seen) {
            print(name + ": read " + seen + ", wrote " + (seen + 1) + " over the " + now
                    + " another thread wrote meanwhile: an update is lost");
        } else {
            print(name + ": read " + seen + ", wrote " + (seen + 1));
        }
    }

    private void worker(String name, SimLock lock) {
        for (int i = 0; i < rounds; i++) {
            if (useLock) {
                lock.with(() -> addOne(name));
            } else {
                addOne(name);
            }
        }
    }

    @Override
    protected void main() {
        shown = counter("counter", 0).expecting((long) threads * rounds);
        SimLock lock = lock("counter lock");
        List<SimThread> all = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            String name = "Thread-" + i;
            all.add(thread(name, () -> worker(name, lock)));
        }
        all.forEach(SimThread::start);
        all.forEach(SimThread::join);

        int expected = threads * rounds;
        print("Counter: " + counter + " (expected " + expected + "): " + (expected - counter) + " update(s) lost");
    }
}
