package io.threadline.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds a cycle in the waits-for graph (thread → the thread holding what it waits for). */
final class DeadlockCycle {
    private DeadlockCycle() {
    }

    /** The threads of the first cycle found, in waiting order, or an empty list. */
    static List<SimThread> find(List<SimThread> threads) {
        for (SimThread start : threads) {
            Set<SimThread> path = new LinkedHashSet<>();
            SimThread t = start;
            while (t != null && !t.dead && t.blockedOn != null && path.add(t)) {
                t = t.blockedOn;
            }
            if (t != null && path.contains(t)) {
                List<SimThread> cycle = new ArrayList<>();
                boolean in = false;
                for (SimThread p : path) {
                    in |= p == t;
                    if (in) {
                        cycle.add(p);
                    }
                }
                return cycle;
            }
        }
        return List.of();
    }
}
