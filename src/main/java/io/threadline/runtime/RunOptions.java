package io.threadline.runtime;

/**
 * How the runtime runs a program. Immutable; the {@code with...} methods return copies.
 *
 * @param cores          virtual cores (threads running at once when the GIL allows it)
 * @param gil            one GIL per simulated process (true, as in CPython) or none
 * @param switchInterval microseconds a thread doing CPU work keeps its core/GIL when another wants it
 * @param clock          virtual (fast) or paced against the wall clock
 * @param speed          scenario seconds per wall second on the paced clock
 * @param order          which ready thread proceeds first
 * @param seed           seed for the random order and for scenarios' random choices
 * @param timeLimit      scenario microseconds after which a still-running program is stopped
 * @param stallLimitMillis wall milliseconds a thread may run scenario code without calling the
 *                       runtime before the watchdog stops the run (it spins or blocks outside)
 * @param switchCost     microseconds a forced GIL hand-over takes: after a thread is made to give
 *                       way at the end of its switch interval, the next thread of its process
 *                       waits this long (runnable) before it runs, as CPython's waiter is woken
 *                       and takes the GIL; 0 for none
 * @param forkCost       microseconds from a child process's start() until its main thread can run
 *                       (fork and bootstrap; about 2 ms for CPython 3.11 here); 0, the default,
 *                       keeps the classic timelines on round numbers
 */
public record RunOptions(int cores, boolean gil, long switchInterval, ClockMode clock, double speed,
                         SchedulingOrder order, long seed, long timeLimit, long stallLimitMillis, long switchCost,
                         long forkCost) {

    /**
     * The default cost of a forced GIL hand-over: CPython 3.11 on this kind of machine (see
     * HACKING, "The cost of a GIL hand-over").
     */
    public static final long DEFAULT_SWITCH_COST = 20;

    public static final int MAX_CORES = 256;

    public RunOptions {
        if (cores < 1 || cores > MAX_CORES) {
            throw new IllegalArgumentException("cores must be between 1 and " + MAX_CORES + ", got " + cores);
        }
        if (switchInterval <= 0) {
            throw new IllegalArgumentException("switch interval must be positive, got " + switchInterval);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        if (timeLimit <= 0) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
        }
        if (stallLimitMillis <= 0) {
            throw new IllegalArgumentException("stall limit must be positive, got " + stallLimitMillis);
        }
        if (switchCost < 0) {
            throw new IllegalArgumentException("switch cost must not be negative, got " + switchCost);
        }
        if (forkCost < 0) {
            throw new IllegalArgumentException("fork cost must not be negative, got " + forkCost);
        }
    }

    /**
     * 4 cores, GIL on, 5 ms switch interval, virtual clock, FIFO, seed 0, 60 s limit, 2 s stall
     * limit, 20 µs per forced GIL hand-over.
     */
    public static RunOptions defaults() {
        return new RunOptions(4, true, 5_000, ClockMode.VIRTUAL, 1.0, SchedulingOrder.FIFO, 0, 60_000_000, 2_000,
                DEFAULT_SWITCH_COST, 0);
    }

    public RunOptions withCores(int n) {
        return new RunOptions(n, gil, switchInterval, clock, speed, order, seed, timeLimit, stallLimitMillis, switchCost, forkCost);
    }

    public RunOptions withGil(boolean on) {
        return new RunOptions(cores, on, switchInterval, clock, speed, order, seed, timeLimit, stallLimitMillis, switchCost, forkCost);
    }

    public RunOptions withSwitchInterval(long micros) {
        return new RunOptions(cores, gil, micros, clock, speed, order, seed, timeLimit, stallLimitMillis, switchCost, forkCost);
    }

    public RunOptions paced(double factor) {
        return new RunOptions(cores, gil, switchInterval, ClockMode.PACED, factor, order, seed, timeLimit, stallLimitMillis, switchCost, forkCost);
    }

    public RunOptions virtual() {
        return new RunOptions(cores, gil, switchInterval, ClockMode.VIRTUAL, speed, order, seed, timeLimit, stallLimitMillis, switchCost, forkCost);
    }

    public RunOptions withOrder(SchedulingOrder o) {
        return new RunOptions(cores, gil, switchInterval, clock, speed, o, seed, timeLimit, stallLimitMillis, switchCost, forkCost);
    }

    public RunOptions withSeed(long s) {
        return new RunOptions(cores, gil, switchInterval, clock, speed, order, s, timeLimit, stallLimitMillis, switchCost, forkCost);
    }

    public RunOptions withTimeLimit(long micros) {
        return new RunOptions(cores, gil, switchInterval, clock, speed, order, seed, micros, stallLimitMillis, switchCost, forkCost);
    }

    public RunOptions withStallLimit(long millis) {
        return new RunOptions(cores, gil, switchInterval, clock, speed, order, seed, timeLimit, millis, switchCost, forkCost);
    }

    public RunOptions withSwitchCost(long micros) {
        return new RunOptions(cores, gil, switchInterval, clock, speed, order, seed, timeLimit, stallLimitMillis, micros, forkCost);
    }

    public RunOptions withForkCost(long micros) {
        return new RunOptions(cores, gil, switchInterval, clock, speed, order, seed, timeLimit, stallLimitMillis,
                switchCost, micros);
    }
}
