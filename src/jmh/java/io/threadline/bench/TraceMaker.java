package io.threadline.bench;

import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Large traces for the benchmarks, shaped like the runtime's: each thread is created, started,
 * then loops running, waiting (on a queue, a lock, a sleep) and woken by another thread, with
 * a few details and lines, and dies. Spans are exponentially distributed around 100 µs, so
 * lanes are dense and irregular: at fit, a pixel column holds several spans of mixed states.
 */
public final class TraceMaker {
    /** Mean span length, microseconds. */
    public static final long MEAN_SPAN = 100;

    private TraceMaker() {
    }

    public static Trace make(long events, int threads, long seed) {
        Trace trace = new Trace();
        trace.describe("synthetic", Map.of("events", Long.toString(events), "threads", Integer.toString(threads)),
                seed, "virtual");
        int p = trace.addProcess("MainProcess");
        for (int t = 0; t < threads; t++) {
            trace.addThread(t == 0 ? "MainThread" : "Worker-" + t, p, false, t == 0 ? ThreadRole.MAIN : ThreadRole.THREAD);
        }
        String[] queues = {"queue", "jobs", "results"};
        String[] sleeps = {"0.5 s", "1 s", "0.1 s"};
        SplittableRandom random = new SplittableRandom(seed);
        long perThread = events / threads;
        long end = 0;
        for (int t = 0; t < threads; t++) {
            long n = perThread + (t < events % threads ? 1 : 0);
            long time = t == 0 ? 0 : random.nextLong(50);
            int cause = t == 0 ? -1 : 0;
            trace.transition(t, time, ThreadState.NEW, Reason.CREATED, cause, null, 10);
            time += 1 + random.nextLong(20);
            trace.transition(t, time, ThreadState.RUNNABLE, Reason.STARTED, cause, null, 11);
            long i = 2;
            int phase = 0;
            while (i < n - 1) {
                switch (phase) {
                    case 0 -> trace.transition(t, time, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 20);
                    case 1 -> {
                        int kind = random.nextInt(3);
                        if (kind == 0) {
                            trace.transition(t, time, ThreadState.WAITING, Reason.QUEUE_GET, -1, queues[random.nextInt(3)], 21);
                        } else if (kind == 1) {
                            trace.transition(t, time, ThreadState.WAITING, Reason.SLEEP, -1, sleeps[random.nextInt(3)], 22);
                        } else {
                            trace.transition(t, time, ThreadState.WAITING, Reason.LOCK, -1, "lock", 23);
                        }
                    }
                    default -> trace.transition(t, time, ThreadState.RUNNABLE, Reason.WOKEN,
                            random.nextInt(threads), null, 21);
                }
                phase = phase == 2 ? 0 : phase + 1;
                // exponential spans, some of them zero-length (woken and running at once)
                time += (long) (-Math.log(1 - random.nextDouble()) * MEAN_SPAN);
                i++;
            }
            trace.transition(t, time, ThreadState.DEAD, Reason.RETURNED, -1, null, 30);
            end = Math.max(end, time);
        }
        trace.finish(end, RunOutcome.COMPLETED, "");
        return trace;
    }
}
