package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimCondition;
import io.threadline.runtime.SimLock;
import io.threadline.runtime.SimThread;

import java.util.ArrayList;
import java.util.List;

/** A baker and customers share a small shelf, guarded by one lock and two conditions. */
public final class ConditionProgram extends Program {
    private final int customers;
    private final int loaves;
    private final int capacity;
    private final double bakeTime;
    private final double eatTime;
    private final double cleanTime;

    private final List<Integer> shelf = new ArrayList<>();
    private boolean closed = false;
    private SimCondition notEmpty;
    private SimCondition notFull;

    public ConditionProgram(int customers, int loaves, int capacity, double bakeTime, double eatTime,
                            double cleanTime) {
        this.customers = customers;
        this.loaves = loaves;
        this.capacity = capacity;
        this.bakeTime = bakeTime;
        this.eatTime = eatTime;
        this.cleanTime = cleanTime;
    }

    private void baker() {
        for (int i = 1; i <= loaves; i++) {
            int loaf = i;
            sleep(bakeTime);                         // baking
            notFull.with(() -> {
                while (shelf.size() >= capacity) {
                    notFull.await();                 // releases the lock while it waits for room
                }
                shelf.add(loaf);
                print("Baker puts loaf " + loaf + ", shelf " + shelf);
                notEmpty.notifyOne();                // wakes one waiting customer
            });
        }
        sleep(cleanTime);                            // cleaning up before closing
        notEmpty.with(() -> {
            closed = true;
            print("Baker closes the shop");
            notEmpty.notifyEveryone();               // wakes every waiting customer
        });
    }

    private void customer(String name) {
        while (true) {
            notEmpty.acquire();
            try {
                while (shelf.isEmpty() && !closed) {
                    notEmpty.await();                // releases the lock while it waits for bread
                }
                if (shelf.isEmpty()) {
                    print(name + " goes home");
                    return;
                }
                int loaf = shelf.remove(0);
                print(name + " takes loaf " + loaf + ", shelf " + shelf);
                notFull.notifyOne();                 // wakes the baker if he waits for room
            } finally {
                notEmpty.release();
            }
            sleep(eatTime);                          // eating, without the lock
        }
    }

    @Override
    protected void main() {
        SimLock lock = lock("shelf lock");
        notEmpty = condition("not empty", lock);
        notFull = condition("not full", lock);

        List<SimThread> all = new ArrayList<>();
        all.add(thread("Baker", this::baker));
        for (int i = 1; i <= customers; i++) {
            String name = "Customer-" + i;
            all.add(thread(name, () -> customer(name)));
        }
        all.forEach(SimThread::start);
        all.forEach(SimThread::join);
        print("Shop closed, shelf " + shelf);
    }
}
