package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimSemaphore;
import io.threadline.runtime.SimThread;

import java.util.ArrayList;
import java.util.List;

/** More clients than connections: a semaphore lets only as many in as there are permits. */
public final class SemaphoreProgram extends Program {
    private final int permits;
    private final int clients;
    private final double work;
    private final boolean bounded;

    public SemaphoreProgram(int permits, int clients, double work, boolean bounded) {
        this.permits = permits;
        this.clients = clients;
        this.work = work;
        this.bounded = bounded;
    }

    private void client(String name, SimSemaphore connections, double queryTime) {
        connections.with(() -> {         // waits while every connection is in use
            print(name + " connected");
            sleep(queryTime);            // using the connection
            print(name + " is done");
        });
    }

    @Override
    protected void main() {
        SimSemaphore connections = bounded
                ? boundedSemaphore("connections", permits)
                : semaphore("connections", permits);

        List<SimThread> all = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            String name = "Client-" + i;
            double queryTime = work * random().randint(5, 15) / 10;   // 0.5 to 1.5 times 'work'
            all.add(thread(name, () -> client(name, connections, queryTime)));
        }
        all.forEach(SimThread::start);
        all.forEach(SimThread::join);

        print("All clients are done. A cleanup bug releases a connection nobody took:");
        connections.release();           // a BoundedSemaphore raises ValueError here
        print("No error: the semaphore now lets " + connections.value() + " in, for " + permits + " connections.");
    }
}
