package io.threadline.runtime;

import io.threadline.bench.program.PingPongProgram;

import io.threadline.trace.Trace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One scheduler handoff (a thread blocks, another proceeds), against the floor for the same kind
 * of thread measured in the same run: a bare park/unpark ping-pong between two threads. The
 * carrier is the one runs get ({@link Carrier#forNewRun()}, set with {@code -Dthreadline.carrier});
 * for virtual threads the suite also makes JMH's own thread virtual ({@code -Djmh.executor=VIRTUAL})
 * so that both ends of the floor's ping-pong are.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 7, time = 2)
@Fork(1)
public class HandoffBench {
    static final int ROUNDS = 10_000;
    /** Two handoffs a round: main to Pong and back. */
    static final int HANDOFFS = 2 * ROUNDS;

    static final RunOptions OPTIONS = RunOptions.defaults().withCores(2).withTimeLimit(Long.MAX_VALUE / 4)
            .withStallLimit(60_000);

    /** Runs the ping-pong program; returns its trace. */
    static Trace pingPong() throws InterruptedException {
        return Run.execute(new PingPongProgram(ROUNDS), "MainThread", OPTIONS, "bench-handoff", Map.of());
    }

    @Benchmark
    @OperationsPerInvocation(HANDOFFS)
    public Trace schedulerHandoff() throws InterruptedException {
        return pingPong();
    }

    /** A second thread that answers every unpark with one, through a turn flag. */
    @State(Scope.Benchmark)
    public static class Partner {
        volatile int turn;
        volatile boolean stop;
        Thread main;
        Thread partner;

        @Setup(Level.Trial)
        public void start() {
            partner = Carrier.forNewRun().newThread(() -> {
                while (!stop) {
                    while (turn != 1 && !stop) {
                        LockSupport.park(this);
                    }
                    turn = 0;
                    LockSupport.unpark(main);
                }
            }, "bench-partner");
            partner.start();
        }

        @TearDown(Level.Trial)
        public void end() throws InterruptedException {
            stop = true;
            LockSupport.unpark(partner);
            partner.join(1000);
        }
    }

    @Benchmark
    @OperationsPerInvocation(HANDOFFS)
    public void parkUnparkFloor(Partner p) {
        p.main = Thread.currentThread();
        for (int i = 0; i < ROUNDS; i++) {
            p.turn = 1;
            LockSupport.unpark(p.partner);
            while (p.turn != 0) {
                LockSupport.park(p);
            }
        }
    }
}
