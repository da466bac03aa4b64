package io.threadline.scenario;

import io.threadline.export.TraceJsonWriter;
import io.threadline.runtime.Carrier;
import io.threadline.runtime.Program;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs every scenario of the catalogue on both carriers and compares the trace files byte for
 * byte: with its defaults and with a few of the parameter sets the stress test picks (seeded).
 * {@link CarrierTracesTest} calls it in the test JVM where that has virtual threads, or as the
 * main of a newer JVM it starts. Prints one line per difference and a closing count.
 */
public final class CarrierTraces {
    /** Parameter sets tried per scenario besides its defaults. */
    static final int VARIANTS = 3;

    private CarrierTraces() {
    }

    public static void main(String[] args) throws Exception {
        if (!Carrier.VIRTUAL.isAvailable()) {
            System.out.println("no virtual threads in Java " + Runtime.version());
            System.exit(2);
        }
        String virtualClass = threadClassOf(Carrier.VIRTUAL);
        if (!virtualClass.equals("java.lang.VirtualThread")) {
            System.out.println("a run carried by virtual threads ran on " + virtualClass);
            System.exit(1);
        }
        List<String> differences = new ArrayList<>();
        int runs = compare(differences);
        differences.forEach(System.out::println);
        System.out.println("compared " + runs + " runs on both carriers in Java " + Runtime.version().feature()
                + ": " + differences.size() + " differ");
        // Last: it sends this JVM's later runs to platform threads for good.
        boolean retired = spinnerRetiresVirtualThreads();
        System.out.println(retired ? "a virtual thread the watchdog cannot end sends new runs to platform threads"
                : "new runs still take virtual threads after one could not be ended");
        System.exit(differences.isEmpty() && retired ? 0 : 1);
    }

    /**
     * A program that spins without calling the runtime: the watchdog stops its run, cannot end
     * the virtual thread (Thread.stop is gone), and new runs must then take platform threads.
     */
    static boolean spinnerRetiresVirtualThreads() throws Exception {
        Program spinner = new Program() {
            @Override
            protected void main() {
                for (;;) {
                    Thread.onSpinWait();
                }
            }
        };
        if (Carrier.forNewRun() != Carrier.VIRTUAL) {
            return false;
        }
        Carrier.use(Carrier.VIRTUAL, () -> Run.execute(spinner, "MainThread", RunOptions.defaults().withStallLimit(200),
                "spinner", Map.of()));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Carrier.forNewRun() != Carrier.PLATFORM && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return Carrier.forNewRun() == Carrier.PLATFORM;
    }

    /** Runs every case on both carriers; adds a line per difference; returns the number of cases. */
    static int compare(List<String> differences) throws Exception {
        int runs = 0;
        Random random = new Random(1919);
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            List<Map<String, String>> cases = new ArrayList<>();
            cases.add(Map.of());
            for (int i = 0; i < VARIANTS; i++) {
                Map<String, String> p = new HashMap<>(s.stressParams(random));
                p.put(ScenarioSpec.SEED, Integer.toString(random.nextInt(1000)));
                p.put(ScenarioSpec.CORES, Integer.toString(1 + random.nextInt(8)));
                p.put(ScenarioSpec.GIL, Boolean.toString(random.nextBoolean()));
                cases.add(p);
            }
            for (Map<String, String> p : cases) {
                ParamValues v = s.values(p);
                byte[] platform = TraceJsonWriter.toBytes(Carrier.use(Carrier.PLATFORM, () -> s.execute(v)));
                byte[] virtual = TraceJsonWriter.toBytes(Carrier.use(Carrier.VIRTUAL, () -> s.execute(v)));
                if (!Arrays.equals(platform, virtual)) {
                    differences.add(s.id() + " " + p + ": " + firstDifference(platform, virtual));
                }
                runs++;
            }
        }
        return runs;
    }

    /** The class of the Java thread a run on {@code carrier} gives its main thread. */
    static String threadClassOf(Carrier carrier) throws Exception {
        String[] seen = new String[1];
        Program probe = new Program() {
            @Override
            protected void main() {
                seen[0] = Thread.currentThread().getClass().getName();
            }
        };
        Carrier.use(carrier, () -> Run.execute(probe, "MainThread", RunOptions.defaults(), "carrier-probe", Map.of()));
        return seen[0];
    }

    private static String firstDifference(byte[] a, byte[] b) {
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        int from = Math.max(0, i - 60);
        return "at byte " + i + ": platform \"" + excerpt(a, from, i) + "\" virtual \"" + excerpt(b, from, i) + "\"";
    }

    private static String excerpt(byte[] bytes, int from, int at) {
        int to = Math.min(bytes.length, at + 60);
        return new String(bytes, from, Math.max(0, to - from), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\n", "\\n");
    }
}
