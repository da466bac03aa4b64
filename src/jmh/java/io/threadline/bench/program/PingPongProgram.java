package io.threadline.bench.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimQueue;
import io.threadline.runtime.SimThread;

/**
 * Main puts, Pong gets and puts back, main gets: each get blocks, so the baton changes hands
 * twice a round. Stamped by the build like the scenario programs (see the pom), so the bench
 * pays what a scenario's run pays for its lines.
 */
public final class PingPongProgram extends Program {
    private final int rounds;

    public PingPongProgram(int rounds) {
        this.rounds = rounds;
    }

    @Override
    protected void main() {
        SimQueue<Integer> ping = queue("ping", 1);
        SimQueue<Integer> pong = queue("pong", 1);
        SimThread other = thread("Pong", () -> {
            for (int i = 0; i < rounds; i++) {
                pong.put(ping.get());
            }
        });
        other.start();
        for (int i = 0; i < rounds; i++) {
            ping.put(i);
            pong.get();
        }
        other.join();
    }
}
