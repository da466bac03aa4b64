package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimThread;

/** The main thread starts a worker and prints Done without joining it: Done comes first. */
public final class NoJoinProgram extends Program {
    private final int steps;
    private final double pause;
    private final boolean join;

    public NoJoinProgram(int steps, double pause, boolean join) {
        this.steps = steps;
        this.pause = pause;
        this.join = join;
    }

    private void worker() {
        for (int i = 0; i < steps; i++) {
            print("t2: step " + i);        // the seed prints a dot here, without a newline
            sleep(pause);
        }
    }

    @Override
    protected void main() {
        print("Starting");
        SimThread t2 = thread("t2", this::worker);
        t2.start();
        if (join) {
            t2.join();
        }
        print("Done");
    }
}
