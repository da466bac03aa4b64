package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimLock;
import io.threadline.runtime.SimThread;

import java.util.Map;
import java.util.TreeMap;

/** Alice pays Bob while Bob pays Alice; each transfer locks both accounts. */
public final class DeadlockProgram extends Program {
    private final boolean ordered;
    private final double step;

    private final Map<String, Integer> accounts = new TreeMap<>(Map.of("A", 100, "B", 100));
    private Map<String, SimLock> locks;

    public DeadlockProgram(boolean ordered, double step) {
        this.ordered = ordered;
        this.step = step;
    }

    private void transfer(String name, String source, String target, int amount) {
        String first = source;
        String second = target;
        if (ordered && first.compareTo(second) > 0) {   // everyone locks A before B
            first = target;
            second = source;
        }
        String then = second;
        print(name + " wants to lock account " + first);
        locks.get(first).with(() -> {
            sleep(step);                                 // checking the balance
            print(name + " wants to lock account " + then);
            locks.get(then).with(() -> {
                accounts.put(source, accounts.get(source) - amount);
                accounts.put(target, accounts.get(target) + amount);
                print(name + " moved " + amount + " from " + source + " to " + target);
            });
        });
    }

    @Override
    protected void main() {
        locks = Map.of("A", lock("account A"), "B", lock("account B"));

        SimThread alice = thread("Alice", () -> transfer("Alice", "A", "B", 30));
        SimThread bob = thread("Bob", () -> transfer("Bob", "B", "A", 20));
        alice.start();
        bob.start();
        alice.join();
        bob.join();

        print("Accounts:", accounts);
    }
}
