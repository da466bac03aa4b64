package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.PyError;
import io.threadline.runtime.SimBarrier;
import io.threadline.runtime.SimThread;

import java.util.ArrayList;
import java.util.List;

/** Runners warm up for different times and wait at the start line (a barrier) until all are there. */
public final class BarrierProgram extends Program {
    private final int runners;
    private final double warmup;
    private final double timeout;

    private SimBarrier barrier;

    public BarrierProgram(int runners, double warmup, double timeout) {
        this.runners = runners;
        this.warmup = warmup;
        this.timeout = timeout;
    }

    private void startSignal() {           // run by the last runner to arrive, before anyone goes
        print(currentThread().getName() + ": everyone is here. Go!");
    }

    private void runner(int k) {
        String name = currentThread().getName();
        sleep(warmup * k);                 // warming up
        print(name + ": at the start line");
        int place;
        try {
            place = barrier.await();       // waits until all runners have called wait()
        } catch (PyError e) {              // threading.BrokenBarrierError
            print(name + ": the barrier is broken, going home");
            return;
        }
        print(name + ": running (arrived " + (place + 1) + " of " + runners + ")");
        sleep(warmup * (runners + 1 - k) / 2);   // the race: the last to warm up is the fastest
        print(name + ": finished");
    }

    @Override
    protected void main() {
        barrier = barrier("start line", runners, this::startSignal, timeout > 0 ? timeout : -1);
        List<SimThread> all = new ArrayList<>();
        for (int k = 1; k <= runners; k++) {
            int number = k;
            all.add(thread("Runner-" + k, () -> runner(number)));
        }
        all.forEach(SimThread::start);
        all.forEach(SimThread::join);
        print("Race over; the barrier is broken:", barrier.broken());
    }
}
