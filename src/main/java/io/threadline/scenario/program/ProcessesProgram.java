package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimProcess;

/** A parent starts child processes: each has its own copy of the program's globals, and an exit code. */
public final class ProcessesProgram extends Program {
    private final double work;
    private final int code;
    private final boolean kill;

    private int counter = 0;               // a global: each child process changes its own copy

    public ProcessesProgram(double work, int code, boolean kill) {
        this.work = work;
        this.code = code;
        this.kill = kill;
    }

    private void addTen() {
        counter += 10;
        print(currentThread().getName() + ": my counter is " + counter);
        cpu(work);                         // working: computation, with its own GIL
    }

    private void giveUp(int status) {
        print(currentThread().getName() + ": giving up with sys.exit(" + status + ")");
        sleep(work / 2);
        exit(status);                      // sys.exit(status)
    }

    private void forever() {
        while (true) {
            print(currentThread().getName() + ": still working");
            sleep(work * 0.4);
        }
    }

    @Override
    protected void main() {
        print("Parent: my counter is " + counter);
        SimProcess child = process(ProcessesProgram::addTen);
        print(child.name(), "alive:", child.isAlive(), "pid is None:", child.pid() == null,
                "exitcode:", child.exitcode());
        child.start();                     // forks a process; returns at once
        print(child.name(), "alive:", child.isAlive(), "pid is None:", child.pid() == null);
        child.join();                      // waits until the child exits
        print(child.name(), "exitcode:", child.exitcode(), "alive:", child.isAlive());
        print("Parent: my counter is still " + counter);

        SimProcess failing = process(ProcessesProgram::giveUp, code);
        SimProcess endless = process(ProcessesProgram::forever);
        failing.start();
        endless.start();
        failing.join();
        print(failing.name(), "exitcode:", failing.exitcode());
        sleep(work);
        if (kill) {
            endless.kill();                // SIGKILL
        } else {
            endless.terminate();           // SIGTERM: no finally, no cleanup
        }
        endless.join();
        print(endless.name(), "exitcode:", endless.exitcode());
        endless.close();
    }
}
