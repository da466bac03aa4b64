package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimThread;

import java.util.List;

/** Three threads pick a letter each and print a step a second: their prints interleave. */
public final class InterleavingProgram extends Program {
    private static final List<String> MARKS = List.of("a", "b", "c", "d", "e", "f", "g");

    private final int steps;
    private final double pause;

    public InterleavingProgram(int steps, double pause) {
        this.steps = steps;
        this.pause = pause;
    }

    private void worker() {
        String name = currentThread().getName();
        String prefix = random().choice(MARKS);    // each thread its own letter, in its own local variable
        for (int i = 0; i < steps; i++) {
            print(name + ": " + prefix + i);       // the seed prints these on one line
            sleep(pause);
        }
    }

    @Override
    protected void main() {
        print("Starting");
        List<SimThread> threads = List.of(thread("ta", this::worker), thread("tb", this::worker),
                thread("tc", this::worker));
        threads.forEach(SimThread::start);
        print("Done");
    }
}
