package io.threadline.scenario.program;

import io.threadline.runtime.ProcessPool;
import io.threadline.runtime.Program;

import java.util.List;

/** A pool squares 0..5 twice: with map (results all at once) and imap_unordered (as they finish). */
public final class PoolMapVsImapProgram extends Program {
    private static final List<Integer> INPUTS = List.of(0, 1, 2, 3, 4, 5);

    private final int workers;
    private final List<Double> given;
    private final boolean runMap;
    private double[] durations;

    /**
     * @param durations one per input, one for all, or null for a seeded "varied" set
     * @param runMap    false: imap_unordered alone on a fresh pool, as the seed's second program
     */
    public PoolMapVsImapProgram(int workers, List<Double> durations, boolean runMap) {
        this.workers = workers;
        this.given = durations;
        this.runMap = runMap;
    }

    private int worker(int x) {
        print("In worker with: ", x);   // as the seed writes it: two spaces before the number
        sleep(durations[x]);
        return x * x;
    }

    @Override
    protected void main() {
        durations = taskDurations();
        print("Task durations:", durationList());
        ProcessPool pool = pool(workers);

        if (runMap) {
            print("map:");
            List<Integer> squares = pool.map(this::worker, INPUTS);
            print(squares);
        }

        print("imap_unordered:");
        for (int square : pool.imapUnordered(this::worker, INPUTS)) {
            print(square);
        }

        pool.close();
        pool.join();
    }

    private double[] taskDurations() {
        double[] d = new double[INPUTS.size()];
        for (int i = 0; i < d.length; i++) {
            if (given == null) {
                d[i] = random().randint(5, 30) / 10.0;   // "varied": 0.5 to 3.0 s, from the seed
            } else {
                d[i] = given.size() == 1 ? given.get(0) : given.get(i);
            }
        }
        return d;
    }

    private List<Double> durationList() {
        List<Double> out = new java.util.ArrayList<>();
        for (double d : durations) {
            out.add(d);
        }
        return out;
    }
}
