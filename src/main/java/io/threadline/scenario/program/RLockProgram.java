package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimLock;
import io.threadline.runtime.SimThread;

import java.util.ArrayList;
import java.util.List;

/** A transfer holds the ledger's lock and calls record(), which takes the same lock again. */
public final class RLockProgram extends Program {
    private final boolean reentrant;
    private final double stepTime;

    private final List<String> ledger = new ArrayList<>();
    private SimLock lock;

    public RLockProgram(boolean reentrant, double stepTime) {
        this.reentrant = reentrant;
        this.stepTime = stepTime;
    }

    private void record(String who, String entry) {
        print(who + " takes the lock again to write: " + entry);
        lock.with(() -> {                // the caller holds it already
            sleep(stepTime);             // writing the entry
            ledger.add(entry);
        });
    }

    private void transfer(String name, String other, int amount) {
        print(name + " asks for the lock");
        lock.with(() -> {                // both entries or neither
            print(name + " holds the lock");
            sleep(stepTime);             // checking the balance
            record(name, name + " -" + amount);
            record(name, other + " +" + amount);
        });
        print(name + " released the lock");
    }

    @Override
    protected void main() {
        lock = reentrant ? rlock("ledger") : lock("ledger");

        SimThread alice = thread("Alice", () -> transfer("Alice", "Bob", 10));
        SimThread bob = thread("Bob", () -> transfer("Bob", "Alice", 5));
        alice.start();
        bob.start();
        alice.join();
        bob.join();

        print("Ledger:", ledger);
    }
}
