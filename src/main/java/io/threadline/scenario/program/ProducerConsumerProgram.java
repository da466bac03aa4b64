package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimQueue;
import io.threadline.runtime.SimThread;

import java.util.ArrayList;
import java.util.List;

/** Producers put items on a queue, consumers take them; None (null) tells a consumer to stop. */
public final class ProducerConsumerProgram extends Program {
    private final int producers;
    private final int consumers;
    private final int items;
    private final int capacity;
    private final double makeTime;
    private final double consumeTime;

    public ProducerConsumerProgram(int producers, int consumers, int items, int capacity,
                                   double makeTime, double consumeTime) {
        this.producers = producers;
        this.consumers = consumers;
        this.items = items;
        this.capacity = capacity;
        this.makeTime = makeTime;
        this.consumeTime = consumeTime;
    }

    private void producer(SimQueue<String> q, int id, int count) {
        for (int i = 1; i <= count; i++) {
            cpu(makeTime);                      // making the item: computation, with the GIL
            String item = "item " + id + "." + i;
            q.put(item);
            print("Producer " + id + " put " + item);
        }
    }

    private void consumer(SimQueue<String> q, int id) {
        while (true) {
            String item = q.get();
            if (item == null) {
                q.taskDone();
                break;
            }
            print("Consumer " + id + " got " + item);
            cpu(consumeTime);                   // working on it: computation, with the GIL
            q.taskDone();
        }
    }

    @Override
    protected void main() {
        SimQueue<String> q = queue("queue", capacity);

        List<SimThread> makers = new ArrayList<>();
        for (int p = 1; p <= producers; p++) {
            int id = p;
            int count = items / producers + (p <= items % producers ? 1 : 0);
            makers.add(thread("Producer-" + id, () -> producer(q, id, count)));
        }
        List<SimThread> takers = new ArrayList<>();
        for (int c = 1; c <= consumers; c++) {
            int id = c;
            takers.add(thread("Consumer-" + id, () -> consumer(q, id)));
        }
        makers.forEach(SimThread::start);
        takers.forEach(SimThread::start);

        for (SimThread p : makers) {
            p.join();
        }
        q.join();
        print("All " + items + " items are done.");

        for (int c = 0; c < consumers; c++) {
            q.put(null);
        }
        for (SimThread c : takers) {
            c.join();
        }
        print("Consumers stopped.");
    }
}
