package io.threadline.bench;

import io.threadline.export.TraceJsonReader;
import io.threadline.export.TraceJsonWriter;
import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The measurements that are not microbenchmarks, each run by the suite in a JVM of its own
 * (its heap is part of what is measured). Prints {@code RESULT name value unit} lines.
 *
 * <pre>
 * memory EVENTS THREADS      bytes kept per event after a full GC
 * files EVENTS THREADS REPS  write and read a trace file
 * engine ITEMS REPS          events per second of a virtual-clock producer-consumer run
 * </pre>
 */
public final class Harness {
    private Harness() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "memory" -> memory(Long.parseLong(args[1]), Integer.parseInt(args[2]));
            case "files" -> files(Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "engine" -> engine(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown harness " + args[0]);
        }
        System.out.flush();
        System.exit(0);
    }

    static void result(String name, double value, String unit) {
        System.out.println("RESULT " + name + " " + String.format(Locale.ROOT, "%.2f", value) + " " + unit);
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, m.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Heap kept by a trace of {@code events} over {@code threads} threads, per event. */
    static void memory(long events, int threads) throws Exception {
        long before = usedAfterGc();
        Trace trace = TraceMaker.make(events, threads, 7);
        long after = usedAfterGc();
        long kept = after - before;
        String name = "memory." + events + "." + threads;
        result(name + ".bytesPerEvent", (double) kept / trace.eventCount(), "B");
        result(name + ".heapMB", kept / 1048576.0, "MB");
        result(name + ".maxHeapMB", Runtime.getRuntime().maxMemory() / 1048576.0, "MB");
        Reference.reachabilityFence(trace);
    }

    /** Writes and reads a trace file of {@code events} events, {@code reps} times; medians. */
    static void files(long events, int threads, int reps) throws Exception {
        Trace trace = TraceMaker.make(events, threads, 11);
        Path file = Files.createTempFile("threadline-bench", ".json");
        try {
            double[] write = new double[reps];
            double[] read = new double[reps];
            double[] writeCpu = new double[reps];
            double[] readCpu = new double[reps];
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int r = 0; r < reps; r++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    TraceJsonWriter.write(trace, out);
                }
                write[r] = (System.nanoTime() - t0) / 1e6;
                writeCpu[r] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
                long c1 = cpu.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                Trace back = TraceJsonReader.read(file);
                read[r] = (System.nanoTime() - t1) / 1e6;
                readCpu[r] = (cpu.getCurrentThreadCpuTime() - c1) / 1e6;
                if (back.eventCount() != trace.eventCount()) {
                    throw new IllegalStateException("read " + back.eventCount() + " of " + trace.eventCount());
                }
            }
            // the floor: Jackson going through the same file's tokens, keeping nothing
            double[] tokens = new double[reps];
            com.fasterxml.jackson.core.JsonFactory json = new com.fasterxml.jackson.core.JsonFactory();
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                try (com.fasterxml.jackson.core.JsonParser p = json.createParser(file.toFile())) {
                    while (p.nextToken() != null) {
                        if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
                            p.getLongValue();
                        }
                    }
                }
                tokens[r] = (System.nanoTime() - t0) / 1e6;
            }
            String name = "files." + events;
            result(name + ".tokens", median(tokens), "ms");
            result(name + ".write", median(write), "ms");
            result(name + ".read", median(read), "ms");
            result(name + ".write.cpu", median(writeCpu), "ms");
            result(name + ".read.cpu", median(readCpu), "ms");
            result(name + ".bytesPerEvent", (double) Files.size(file) / trace.eventCount(), "B");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Producer-consumer on the virtual clock with {@code items} items and no computation (make and
     * consume 0 s): the queue's traffic alone, each blocked get or put a handoff, which is what
     * limits the engine. With the scenario's own 0.2 s and 0.4 s of computation an item is some 240
     * events (a GIL switch and a choice every 5 ms among four threads): a million items would be
     * 240 million events and 75 million choices, more than the bench's heap. Events per second.
     */
    static void engine(int items, int reps) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId("producer-consumer");
        ParamValues v = spec.values(Map.of("items", Integer.toString(items), "make", "0", "consume", "0"));
        RunOptions o = spec.options(v, ClockMode.VIRTUAL, 1).withTimeLimit(Long.MAX_VALUE / 4).withStallLimit(60_000);
        double[] rate = new double[reps];
        long events = 0;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            Run run = spec.start(v, o);
            run.awaitEnd();
            double seconds = (System.nanoTime() - t0) / 1e9;
            events = run.trace().eventCount();
            rate[r] = events / seconds;
        }
        String name = "engine.producerConsumerNoCompute." + items;
        result(name + ".eventsPerSecond", median(rate), "events/s");
        result(name + ".events", events, "events");
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
