package io.threadline.bench;

import io.threadline.build.Packager;
import io.threadline.build.Xvfb;
import io.threadline.explore.ExploreBench;
import io.threadline.runtime.CallSiteBench;
import io.threadline.runtime.HandoffBench;
import io.threadline.runtime.ScenarioThreadExecutor;
import io.threadline.trace.RecorderBench;
import io.threadline.ui.StartupProbe;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import java.util.stream.Stream;

/**
 * The benchmark suite: every figure next to its goal and its in-run reference. Run with
 * {@code mvn -B -Pbench verify}; writes {@code target/bench/results.md} and {@code results.json}.
 *
 * <p>Arguments: {@code smoke} (every benchmark once, tiny, for {@code mvn verify}), {@code
 * only=recorder,callsites,engine,explore,timeline,memory,files,startup,python,launcher} (a subset).
 *
 * <p>Where a JDK with virtual threads is named by {@code -Dthreadline.bench.newerJdk} (the pom
 * passes its {@code newer.jdk}), the call sites and the engine are also measured there on the
 * virtual carrier. Start-up measures the app image ({@code mvn -B -Pdist package}) next to
 * {@code java -jar}, and {@code launcher} the image with each of its JVM options left out.
 */
public final class BenchSuite {
    static final String[] SECTIONS = {"recorder", "callsites", "engine", "explore", "timeline", "memory", "files",
        "startup", "python", "launcher"};
    /** Where the dist profile leaves the app image. */
    static final Path DIST = Path.of("target", "dist");
    /** The app image's $XDG_CACHE_HOME in the bench's starts, where its script unpacks the AOT cache. */
    static final Path BENCH_CACHE = Path.of("target", "bench", "cache");

    /** One line of the table. */
    record Row(String figure, String measured, String goal, String reference, String met) {
    }

    private final boolean smoke;
    private final Set<String> only;
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final Path out;

    BenchSuite(boolean smoke, Set<String> only, Path out) {
        this.smoke = smoke;
        this.only = only;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = false;
        Set<String> only = Set.of(SECTIONS);
        Path out = Path.of("target", "bench");
        for (String a : args) {
            if (a.equals("smoke")) {
                smoke = true;
            } else if (a.startsWith("only=")) {
                only = Set.of(a.substring(5).split(","));
            } else if (a.startsWith("out=")) {
                out = Path.of(a.substring(4));
            } else if (!a.isBlank()) {
                throw new IllegalArgumentException("unknown argument " + a + " (smoke, only=..., out=...)");
            }
        }
        BenchSuite suite = new BenchSuite(smoke, only, out);
        suite.run();
        System.exit(0);
    }

    /** Runs the sections asked for; returns the rows (also printed and written). */
    List<Row> run() throws Exception {
        String load0 = loadAverage();
        long t0 = System.nanoTime();
        if (only.contains("recorder")) {
            recorder();
        }
        if (only.contains("callsites")) {
            callSites();
        }
        if (only.contains("engine")) {
            engine();
        }
        if (only.contains("explore")) {
            explore();
        }
        if (only.contains("timeline")) {
            timeline();
        }
        if (only.contains("memory")) {
            memory();
        }
        if (only.contains("files")) {
            files();
        }
        if (only.contains("startup")) {
            startup();
        }
        if (only.contains("python")) {
            python();
        }
        if (only.contains("launcher")) {
            launcherOptions();
        }
        String report = report(load0, loadAverage(), (System.nanoTime() - t0) / 1e9);
        System.out.println();
        System.out.println(report);
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), report);
        Files.writeString(out.resolve("results.json"), json());
        System.out.println("written: " + out.resolve("results.md") + ", " + out.resolve("results.json"));
        return rows;
    }

    // ------------------------------------------------------------------ the sections

    private void recorder() throws Exception {
        Map<String, RunResult> r = jmh(RecorderBench.class, true);
        double one = median(r.get("transition"));
        double two = median(r.get("transitionTwoWriters"));
        double shared = median(r.get("sharedBufferTwoWriters"));
        double jfr = median(r.get("jfrCommit"));
        double alloc = alloc(r.get("transition"));
        double alloc2 = alloc(r.get("transitionTwoWriters"));
        put("recorder.transition.ns", one);
        put("recorder.transitionTwoWriters.ns", two);
        put("recorder.sharedBufferTwoWriters.ns", shared);
        put("recorder.jfrCommit.ns", jfr);
        put("recorder.alloc.B", alloc);
        put("recorder.allocTwoWriters.B", alloc2);
        row("Recorder: one transition, 1 writer", ns(one), "≤ 35 ns", "JFR event commit " + ns(jfr), le(one, 35));
        row("Recorder vs JFR (no stack)", ratio(one / jfr), "≤ 0.75×", "same run", le(one / jfr, 0.75));
        row("Recorder: 2 writers, one trace each", ns(two) + " per event per thread", "≤ 35 ns",
                "2 writers sharing one buffer: " + ns(shared), le(two, 35));
        row("Recorder: allocation per transition", fmt(Math.max(alloc, alloc2), 2) + " B",
                "0 B", "gc profiler; columns counted under memory", le(Math.max(alloc, alloc2), 0.01));
    }

    private void callSites() throws Exception {
        Map<String, RunResult> r = jmh(CallSiteBench.class, false, "-Djmh.executor=CUSTOM",
                "-Djmh.executor.class=" + ScenarioThreadExecutor.class.getName(),
                "-Dthreadline.bench.scenarioThread=true");
        double stamped = median(r.get("stampedLine"));
        double walk = median(r.get("callSiteLine"));
        double jfr = median(r.get("jfrCommitWithStack"));
        put("callsites.stamped.ns", stamped);
        put("callsites.line.ns", walk);
        put("callsites.jfrCommitWithStack.ns", jfr);
        row("Call site: scenario line of a runtime call (stamped by the build)", ns(stamped), "≤ 10% of JFR with stack",
                "JFR event with stack trace " + ns(jfr) + " (" + pct(stamped / jfr) + ")", le(stamped / jfr, 0.10));
        row("Call site: the same found by a stack walk (unstamped programs)", ns(walk), "—",
                pct(walk / jfr) + " of JFR with stack", "");
        Path newer = newerJava();
        if (newer != null && !smoke) {
            Map<String, RunResult> v = jmh(CallSiteBench.class, false, newer, "-Djmh.executor=VIRTUAL",
                    "-Dthreadline.bench.virtualThread=true");
            double vStamped = median(v.get("stampedLine"));
            put("callsites.stamped.virtual.ns", vStamped);
            row("Call site: stamped line on a virtual thread (Java " + feature(newer) + ")", ns(vStamped),
                    "≤ 10% of JFR with stack", "platform thread " + ns(stamped) + "; JFR with stack "
                            + ns(median(v.get("jfrCommitWithStack"))), le(vStamped / median(v.get("jfrCommitWithStack")), 0.10));
        }
    }

    private void engine() throws Exception {
        String platform = "platform threads, Java " + Runtime.version().feature();
        Map<String, RunResult> r = jmh(HandoffBench.class, false, (Path) null, "-Dthreadline.carrier=platform");
        double handoff = median(r.get("schedulerHandoff"));
        double floor = median(r.get("parkUnparkFloor"));
        put("engine.handoff.ns", handoff);
        put("engine.parkUnparkFloor.ns", floor);
        row("Engine: scheduler handoff (" + platform + ")", ns(handoff), "≤ 1.5× floor",
                "park/unpark ping-pong " + ns(floor) + " (" + ratio(handoff / floor) + ")", le(handoff / floor, 1.5));
        int items = smoke ? 2_000 : 1_000_000;
        String key = "engine.producerConsumerNoCompute." + items + ".eventsPerSecond";
        double rate = child(null, List.of("-Xmx3g", "-Dthreadline.carrier=platform"), "io.threadline.bench.Harness",
                "engine", Integer.toString(items), "1").getOrDefault(key, Double.NaN);
        put("engine.producerConsumerNoCompute.platform.eventsPerSecond", rate);
        double events = values.getOrDefault("engine.producerConsumerNoCompute." + items + ".events", Double.NaN);
        String recorder = "recorder alone: " + count(values.getOrDefault("recorder.transition.ns", Double.NaN) > 0
                ? 1e9 / values.getOrDefault("recorder.transition.ns", Double.NaN) : Double.NaN) + "/s";
        Path newer = smoke ? null : newerJava();
        if (newer == null) {
            row("Engine: producer-consumer, " + count(items) + " items, no computation, virtual clock (" + platform + ")",
                    count(rate) + " events/s", "≥ 1,000,000 events/s", count(events) + " events; " + recorder
                            + "; no JDK with virtual threads (-Dthreadline.bench.newerJdk)", ge(rate, 1_000_000));
            return;
        }
        String virtual = "virtual threads, Java " + feature(newer);
        Map<String, RunResult> v = jmh(HandoffBench.class, false, newer, "-Dthreadline.carrier=virtual",
                "-Djmh.executor=VIRTUAL");
        double vHandoff = median(v.get("schedulerHandoff"));
        double vFloor = median(v.get("parkUnparkFloor"));
        put("engine.handoff.virtual.ns", vHandoff);
        put("engine.parkUnparkFloor.virtual.ns", vFloor);
        row("Engine: scheduler handoff (" + virtual + ")", ns(vHandoff), "≤ 1.5× floor",
                "park/unpark ping-pong of two virtual threads " + ns(vFloor) + " (" + ratio(vHandoff / vFloor) + ")",
                le(vHandoff / vFloor, 1.5));
        double vRate = child(newer, List.of("-Xmx3g", "-Dthreadline.carrier=virtual"), "io.threadline.bench.Harness",
                "engine", Integer.toString(items), "1").getOrDefault(key, Double.NaN);
        put("engine.producerConsumerNoCompute.virtual.eventsPerSecond", vRate);
        row("Engine: producer-consumer, " + count(items) + " items, no computation, virtual clock (" + virtual + ")",
                count(vRate) + " events/s", "≥ 1,000,000 events/s", count(events) + " events; " + platform + ": "
                        + count(rate) + " events/s; " + recorder, ge(vRate, 1_000_000));
    }

    private void explore() throws Exception {
        Map<String, RunResult> r = jmh(ExploreBench.class, false);
        double search = median(r.get("exhaustiveSearch"));
        double one = median(r.get("exhaustiveSearchOneWorker"));
        double plain = median(r.get("plainRun"));
        double step = median(r.get("stepBackAt200"));
        long schedules = ExploreBench.schedulesPerSearch();
        double rate = schedules / (search / 1000);
        put("explore.schedulesPerSecond", rate);
        put("explore.schedulesPerSecondOneWorker", schedules / (one / 1000));
        put("explore.plainRun.us", plain);
        put("explore.stepBack200.ms", step);
        row("Search: schedules explored per second, race-condition 2 threads x 2 rounds, exhaustive (at most 2"
                        + " preemptions, " + count(schedules) + " schedules)", count(rate) + "/s", "≥ 2,000/s",
                "one plain run " + fmt(plain, 0) + " µs; one worker " + count(schedules / (one / 1000)) + "/s",
                ge(rate, 2_000));
        row("Search: step back at choice 200 (re-run 199 picks, wait at the 200th)", ms(step), "≤ 50 ms",
                "race-condition, 4 threads x 50 rounds", le(step, 50));
    }

    private void timeline() throws Exception {
        String configs = smoke ? "10000:64" : "10000:64,1000000:64,10000000:64,10000:1000,1000000:1000,10000000:1000,"
                + "1000000:64:100";
        List<String> jvm = new ArrayList<>(List.of("-Xmx3g", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1920x1080-32",
                "-Djavafx.animation.fullspeed=true", "-Djava.awt.headless=true"));
        Map<String, Double> m = child(jvm, "io.threadline.ui.timeline.TimelineFrameBench", configs,
                smoke ? "4" : "120", smoke ? "2" : "60");
        double floor = m.getOrDefault("timeline.floor.median", Double.NaN);
        for (String config : configs.split(",")) {
            String[] c = config.split(":");
            long events = Long.parseLong(c[0]);
            for (String zoom : new String[] {"fit", "1%"}) {
                String locks = c.length > 2 ? "." + c[2] + "locks" : "";
                String k = "timeline." + c[0] + "." + c[1] + locks + "." + zoom;
                double median = m.getOrDefault(k + ".median", Double.NaN);
                double p99 = m.getOrDefault(k + ".p99", Double.NaN);
                String goal;
                String met;
                if (events == 1_000_000) {
                    goal = "≤ 4 ms median, ≤ 8 ms p99";
                    met = both(le(median, 4), le(p99, 8));
                } else if (events == 10_000_000) {
                    goal = "≤ 8 ms median";
                    met = le(median, 8);
                } else {
                    goal = "—";
                    met = "";
                }
                if (!locks.isEmpty()) {
                    // the resource lanes' frame costs no more than the same trace's thread lanes
                    double lanes = m.getOrDefault("timeline." + c[0] + "." + c[1] + "." + zoom + ".median", Double.NaN);
                    goal = "≤ thread lanes' " + ms(lanes) + " median";
                    met = le(median, lanes * 1.1);
                }
                row("Timeline frame: " + count(events) + " events, " + c[1] + " threads" + (locks.isEmpty() ? ""
                        : ", " + c[2] + " locks (" + count(events) + " lock events, their lanes in view)") + ", " + zoom,
                        ms(median) + " median, " + ms(p99) + " p99", goal,
                        "FX thread " + ms(m.getOrDefault(k + ".fx.median", Double.NaN)) + "; CPU: FX "
                                + ms(m.getOrDefault(k + ".cpu.fx", Double.NaN)) + ", painting "
                                + ms(m.getOrDefault(k + ".cpu.render", Double.NaN)) + "; empty frame " + ms(floor),
                        met);
            }
        }
    }

    private void memory() throws Exception {
        long small = smoke ? 100_000 : 10_000_000;
        Map<String, Double> m = child(List.of("-Xmx256m"), "io.threadline.bench.Harness", "memory",
                Long.toString(small), "64");
        double perEvent = m.getOrDefault("memory." + small + ".64.bytesPerEvent", Double.NaN);
        double heap = m.getOrDefault("memory." + small + ".64.heapMB", Double.NaN);
        row("Memory: bytes kept per event after GC (" + count(small) + " events, 64 threads)", fmt(perEvent, 1) + " B",
                "≤ 16 B", "before this work: 22 B + a 1,024-event first chunk per thread", le(perEvent, 16));
        row("Memory: " + count(small) + " events in a 256 MB heap", fmt(heap, 0) + " MB kept",
                "fits in -Xmx256m", "-Xmx256m", m.isEmpty() ? "no" : le(heap, 256));
        long many = smoke ? 10_000 : 1_000_000;
        Map<String, Double> t = child(List.of("-Xmx1g"), "io.threadline.bench.Harness", "memory",
                Long.toString(many), "1000");
        double perEvent2 = t.getOrDefault("memory." + many + ".1000.bytesPerEvent", Double.NaN);
        row("Memory: bytes kept per event (" + count(many) + " events, 1,000 threads)", fmt(perEvent2, 1) + " B",
                "≤ 16 B", "first chunk 16 events, growing to 4,096", le(perEvent2, 16));
    }

    private void files() throws Exception {
        long events = smoke ? 10_000 : 1_000_000;
        Map<String, Double> f = child(List.of("-Xmx2g"), "io.threadline.bench.Harness", "files",
                Long.toString(events), "64", smoke ? "1" : "5");
        String k = "files." + events;
        double write = f.getOrDefault(k + ".write", Double.NaN);
        double read = f.getOrDefault(k + ".read", Double.NaN);
        double tokens = f.getOrDefault(k + ".tokens", Double.NaN);
        row("Trace file: write " + count(events) + " events", ms(write), "≤ 1 s",
                "CPU " + ms(f.getOrDefault(k + ".write.cpu", Double.NaN)), le(write, 1000));
        row("Trace file: read " + count(events) + " events", ms(read), "≤ 1 s",
                "CPU " + ms(f.getOrDefault(k + ".read.cpu", Double.NaN)) + "; Jackson reading the tokens alone "
                        + ms(tokens), le(read, 1000));
        row("Trace file: bytes per event on disk", fmt(f.getOrDefault(k + ".bytesPerEvent", Double.NaN), 1) + " B",
                "(report)", "Chrome Trace Event JSON, one event per line", "");
    }

    /** The Python bridge (a user's program in CPython): in a JVM of its own, as a user's run would be. */
    private void python() throws Exception {
        int calls = smoke ? 200 : 20_000;
        Map<String, Double> m = child(List.of("-Xmx1g"), "io.threadline.python.PythonBench", "python",
                Integer.toString(calls), smoke ? "1" : "7");
        String version = m.keySet().stream().filter(k -> k.startsWith("python.version."))
                .map(k -> k.substring("python.version.".length())).findFirst().orElse("?");
        double pipe = m.getOrDefault("python.pipeRoundTrip.us", Double.NaN);
        double socket = m.getOrDefault("python.socketRoundTrip.us", Double.NaN);
        double call = m.getOrDefault("python.bridgeCall.us", Double.NaN);
        double floor = Math.min(pipe, socket);
        row("Python bridge: one runtime call's round trip (time.sleep(0), CPython " + version + ")", us(call),
                "≤ 2× a bare round trip", "bare round trip: pipe " + us(pipe) + ", socket " + us(socket) + " ("
                        + ratio(call / floor) + ")", le(call / floor, 2));
        double race = m.getOrDefault("python.race.ms", Double.NaN);
        row("Python bridge: race-condition, 4 threads × 1,000 increments, Run to last event", ms(race), "≤ 1 s",
                "interpreter start included", le(race, 1000));
        double soup = m.getOrDefault("python.chefSoup.ms", Double.NaN);
        row("Python bridge: chef soup, Run to last event", ms(soup), "≤ 0.5 s", "interpreter start included",
                le(soup, 500));
        double start = m.getOrDefault("python.start.ms", Double.NaN);
        row("Python bridge: start of a user program (interpreter, bridge, compile)", ms(start), "(report)",
                "python3 -c pass " + ms(m.getOrDefault("python.bareStart.ms", Double.NaN)), "");
    }

    private void startup() throws Exception {
        Path jar = Path.of("target", "threadline.jar");
        if (!Files.exists(jar)) {
            row("Start-up: java -jar to first frame", "not measured", "≤ 1.5 s median",
                    "target/threadline.jar missing (mvn package)", "");
            return;
        }
        Path launcher = Packager.launcher(DIST);
        // The image has no Monocle, which a smoke run starts the window on.
        boolean image = !smoke && Files.isExecutable(launcher);
        int reps = smoke ? 1 : 9;
        Xvfb x = smoke ? null : Xvfb.start();
        try {
            Starts jarStarts = new Starts(reps);
            Starts imageStarts = new Starts(reps);
            List<String> javaJar = List.of(javaBin(), "-jar", jar.toString());
            double firstStart = Double.NaN;
            if (image) {
                // A user's first start: the Linux image's script unpacks its AOT cache, once.
                deleteTree(BENCH_CACHE);
                firstStart = timeFirstFrame(List.of(launcher.toString()), x, new LinkedHashMap<>())[0];
            }
            // Alternating, so that both see the same neighbours.
            for (int i = 0; i < reps; i++) {
                jarStarts.measure(i, x, javaJar);
                if (image) {
                    imageStarts.measure(i, x, List.of(launcher.toString()));
                }
            }
            String where = x == null ? " (Monocle, smoke)" : " (Xvfb)";
            put("startup.firstFrame.ms", jarStarts.firstFrame());
            put("startup.cliList.ms", jarStarts.list());
            row("Start-up: java -jar to first frame" + where, ms(jarStarts.firstFrame()) + " median of " + reps,
                    "≤ 1.5 s median", "CPU " + ms(jarStarts.cpu()) + "; java -jar threadline.jar list (JVM start, no"
                            + " JavaFX) " + ms(jarStarts.list()) + "; phases " + jarStarts.phases(),
                    le(jarStarts.firstFrame(), 1500));
            if (!image) {
                if (!smoke) {
                    row("Start-up: app image to first frame", "not measured", "≤ 1.0 s median",
                            launcher + " missing (mvn -B -Pdist package)", "");
                }
                return;
            }
            put("startup.image.firstFrame.ms", imageStarts.firstFrame());
            put("startup.image.cliList.ms", imageStarts.list());
            row("Start-up: app image to first frame" + where, ms(imageStarts.firstFrame()) + " median of " + reps,
                    "≤ 1.0 s median", "CPU " + ms(imageStarts.cpu()) + "; java -jar in the same run "
                            + ms(jarStarts.firstFrame()) + "; threadline list " + ms(imageStarts.list())
                            + "; phases (ms from the start, medians) " + imageStarts.phases(),
                    le(imageStarts.firstFrame(), 1000));
            if (Files.isDirectory(BENCH_CACHE)) {
                put("startup.image.firstStart.ms", firstStart);
                row("Start-up: app image's first start (its launcher unpacks the AOT cache)", ms(firstStart), "(report)",
                        "once per user and build, into $XDG_CACHE_HOME/threadline (" + mbOf(BENCH_CACHE)
                                + "); every start after it as above", "");
            }
        } finally {
            if (x != null) {
                x.close();
            }
        }
    }

    /**
     * What each JVM option of the app image's launcher is worth: the image with each of its
     * options left out in turn, and with each candidate the pom lists ({@code
     * -Dthreadline.bench.launcherCandidates}) added, all alternating with the image as built (a
     * copy of its launcher with that line changed in its configuration).
     */
    private void launcherOptions() throws Exception {
        Path launcher = Packager.launcher(DIST);
        if (smoke || !Files.isExecutable(launcher)) {
            return;
        }
        Map<String, String[]> variants = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Packager.launcherConfig(DIST))) {
            if (line.startsWith("java-options=-XX:") && !line.contains("Xlog")) {
                String o = line.substring("java-options=".length());
                variants.put("without " + o, new String[] {o, null});
            }
            if (line.startsWith("aot.packed=")) {
                // the Linux image's cache, which its script unpacks and names to the JVM
                variants.put("without -XX:AOTCache", new String[] {line, null});
            }
        }
        for (String o : System.getProperty("threadline.bench.launcherCandidates", "").split("\\s+")) {
            if (!o.isBlank()) {
                variants.put("with " + o, new String[] {null, o});
            }
        }
        int reps = 7;
        try (Xvfb x = Xvfb.start()) {
            Starts built = new Starts(reps);
            Map<String, Starts> starts = new LinkedHashMap<>();
            Map<String, Path> launchers = new LinkedHashMap<>();
            for (Map.Entry<String, String[]> v : variants.entrySet()) {
                Path dir = out.resolve("launcher-variants").resolve(Integer.toString(launchers.size()));
                launchers.put(v.getKey(), Packager.launcherVariant(DIST, dir, v.getValue()[0], v.getValue()[1]));
                starts.put(v.getKey(), new Starts(reps));
            }
            for (int i = 0; i < reps; i++) {
                built.measure(i, x, List.of(launcher.toString()));
                for (String v : variants.keySet()) {
                    starts.get(v).measure(i, x, List.of(launchers.get(v).toString()));
                }
            }
            for (String v : variants.keySet()) {
                Starts w = starts.get(v);
                row("Start-up: app image " + v, ms(w.firstFrame()) + " median of " + reps, "(report)",
                        "as built " + ms(built.firstFrame()) + "; CPU " + ms(w.cpu()) + " vs " + ms(built.cpu())
                                + "; list " + ms(w.list()) + " vs " + ms(built.list()), "");
                put("startup." + v.replaceAll("[^A-Za-z0-9]", "") + ".ms", w.firstFrame());
            }
        }
    }

    // ------------------------------------------------------------------ start-up helpers

    /** First frames, their CPU times and the command line's "list", of one way to start the app. */
    private final class Starts {
        final double[] firstFrame;
        final double[] cpu;
        final double[] list;
        /** The probe's phase marks (main, toolkit, fonts, fxml, scene, shown), ms from the start, by start. */
        final Map<String, double[]> phases = new LinkedHashMap<>();

        Starts(int reps) {
            firstFrame = new double[reps];
            cpu = new double[reps];
            list = new double[reps];
        }

        void measure(int i, Xvfb x, List<String> command) throws Exception {
            list[i] = timeCli(command, x);
            Map<String, Double> marks = new LinkedHashMap<>();
            double[] frame = timeFirstFrame(command, x, marks);
            firstFrame[i] = frame[0];
            cpu[i] = frame[1];
            for (Map.Entry<String, Double> m : marks.entrySet()) {
                phases.computeIfAbsent(m.getKey(), k -> filled(firstFrame.length))[i] = m.getValue();
            }
        }

        /** "main 86, toolkit 172, ...": each phase's median, where the probe marked them. */
        String phases() {
            StringJoiner j = new StringJoiner(", ");
            phases.forEach((k, v) -> j.add(k + " " + Math.round(median(v))));
            return j.toString();
        }

        double firstFrame() {
            return median(firstFrame);
        }

        double cpu() {
            return median(cpu);
        }

        double list() {
            return median(list);
        }
    }

    /**
     * A start of the app: its probe comes in through JAVA_TOOL_OPTIONS, which the java launcher,
     * jpackage's launchers and the Linux script alike pass on to the JVM, so the app image runs
     * with its own options as built.
     */
    private ProcessBuilder start(List<String> command, Xvfb x, String... args) {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        List<String> jvm = new ArrayList<>(List.of("-Dprism.order=sw",
                "-Dthreadline.home=" + Path.of("target", "bench", "home").toAbsolutePath()));
        if (x == null) {
            jvm.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Djava.awt.headless=true"));
        } else {
            pb.environment().put("DISPLAY", x.display());
        }
        if (args.length == 0) {
            jvm.add("-Dthreadline.startupProbe=exit");
        }
        pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", jvm));
        pb.environment().put("XDG_CACHE_HOME", BENCH_CACHE.toAbsolutePath().toString());
        return pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /**
     * Milliseconds from the start to the first frame of the window, and the CPU milliseconds it
     * took; {@code marks} gets the probe's phases, milliseconds from the start too.
     */
    private double[] timeFirstFrame(List<String> command, Xvfb x, Map<String, Double> marks) throws Exception {
        ProcessBuilder pb = start(command, x);
        double cpu0 = childrenCpuMillis();
        long t0 = System.currentTimeMillis();
        Process p = pb.start();
        double ms = Double.NaN;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(StartupProbe.PREFIX)) {
                    String epoch = line.replaceAll(".*epochMillis=(\\d+).*", "$1");
                    ms = Long.parseLong(epoch) - t0;
                    int at = line.indexOf("phases:");
                    if (at >= 0) {
                        for (String m : line.substring(at + "phases:".length()).trim().split("\\s+")) {
                            int eq = m.indexOf('=');
                            if (eq > 0) {
                                marks.put(m.substring(0, eq), (double) (Long.parseLong(m.substring(eq + 1)) - t0));
                            }
                        }
                    }
                    break;
                }
            }
        } finally {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
        }
        return new double[] {ms, childrenCpuMillis() - cpu0};
    }

    private double timeCli(List<String> command, Xvfb x) throws Exception {
        ProcessBuilder pb = start(command, x, "list").redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        p.waitFor(20, TimeUnit.SECONDS);
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * CPU time of this process's ended children (Linux: /proc/self/stat's cutime and cstime, in
     * clock ticks of 10 ms), NaN elsewhere.
     */
    private static double childrenCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, so cutime (16) and cstime (17) are at 13 and 14
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A java of a JDK with virtual threads (-Dthreadline.bench.newerJdk), or null. */
    private static Path newerJava() {
        String dir = System.getProperty("threadline.bench.newerJdk", "");
        if (dir.isBlank()) {
            return null;
        }
        Path java = Path.of(dir, "bin", "java");
        return Files.isExecutable(java) && feature(java) >= 21 ? java : null;
    }

    /** The feature version of the JDK of {@code java} (from its release file), 0 if unknown. */
    private static int feature(Path javaBinary) {
        try {
            String release = Files.readString(javaBinary.getParent().getParent().resolve("release"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    // ------------------------------------------------------------------ running things

    /** Runs one JMH benchmark class; results by method name. */
    private Map<String, RunResult> jmh(Class<?> benchmark, boolean gc, String... jvmArgs) throws Exception {
        return jmh(benchmark, gc, null, jvmArgs);
    }

    /** As {@link #jmh(Class, boolean, String...)}, forking {@code java} (this JVM's if null). */
    private Map<String, RunResult> jmh(Class<?> benchmark, boolean gc, Path java, String... jvmArgs) throws Exception {
        ChainedOptionsBuilder o = new OptionsBuilder().include(benchmark.getName() + "\\.")
                .verbosity(smoke ? VerboseMode.SILENT : VerboseMode.NORMAL)
                .shouldFailOnError(true);
        if (smoke) {
            o.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(20))
                    .threads(1);
        } else {
            if (gc) {
                o.addProfiler(GCProfiler.class);
            }
            if (jvmArgs.length > 0) {
                o.jvmArgsAppend(jvmArgs);
            }
            if (java != null) {
                o.jvm(java.toString());
            }
        }
        Collection<RunResult> results = new Runner(o.build()).run();
        Map<String, RunResult> byName = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            byName.put(name.substring(name.lastIndexOf('.') + 1), r);
        }
        return byName;
    }

    private Map<String, Double> child(List<String> jvm, String main, String... args) throws Exception {
        return child(null, jvm, main, args);
    }

    /** Runs {@code main} in a JVM of its own ({@code java}, or this one's if null); the RESULT lines it printed. */
    private Map<String, Double> child(Path java, List<String> jvm, String main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java != null ? java.toString() : javaBin());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(Arrays.asList(args));
        System.out.println("# " + main + " " + String.join(" ", args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Double> found = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    double v = Double.parseDouble(f[2]);
                    found.put(f[1], v);
                    put(f[1], v);
                    if (!smoke) {
                        System.out.println(line);
                    }
                }
            }
        }
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException(main + " " + String.join(" ", args) + " exited with " + status);
        }
        return found;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // ------------------------------------------------------------------ numbers

    /** The median of the iterations' scores (JMH prints their mean). */
    static double median(RunResult r) {
        if (r == null) {
            return Double.NaN;
        }
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult i : b.getIterationResults()) {
                scores.add(i.getPrimaryResult().getScore());
            }
        }
        return median(scores.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Bytes allocated per operation (the gc profiler's normalized rate), or NaN without it. */
    static double alloc(RunResult r) {
        if (r == null) {
            return Double.NaN;
        }
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private void put(String key, double v) {
        values.put(key, v);
    }

    private void row(String figure, String measured, String goal, String reference, String met) {
        rows.add(new Row(figure, measured, goal, reference, met));
    }

    private static String test(double v, DoublePredicate ok) {
        return Double.isNaN(v) ? "?" : ok.test(v) ? "yes" : "no";
    }

    private static String le(double v, double limit) {
        return test(v, x -> x <= limit);
    }

    private static String ge(double v, double limit) {
        return test(v, x -> x >= limit);
    }

    private static String both(String a, String b) {
        return a.equals("yes") && b.equals("yes") ? "yes" : a.equals("?") || b.equals("?") ? "?" : "no";
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String ns(double v) {
        return fmt(v, v < 100 ? 1 : 0) + " ns";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** "48.7 MB": the files under {@code dir}. */
    private static String mbOf(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            long bytes = all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        }
    }

    private static String ms(double v) {
        return fmt(v, v < 100 ? 2 : 0) + " ms";
    }

    private static String us(double v) {
        return fmt(v, v < 100 ? 1 : 0) + " µs";
    }

    private static String ratio(double v) {
        return fmt(v, 2) + "×";
    }

    private static String pct(double v) {
        // Small shares keep a decimal: 0.4%, not 0%.
        return fmt(100 * v, Math.abs(v) < 0.1 ? 1 : 0) + "%";
    }

    private static String count(double v) {
        return fmt(v, 0);
    }

    // ------------------------------------------------------------------ the report

    private static double parseOr(String s, double fallback) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }

    private String report(String load0, String load1, double seconds) {
        StringBuilder b = new StringBuilder();
        b.append("# Threadline benchmark results").append(smoke ? " (smoke run: numbers mean nothing)" : "")
                .append("\n\n");
        b.append("- when: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        b.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.runtime.version")).append('\n');
        b.append("- load average (1 min) before and after: ").append(load0).append(" / ").append(load1);
        // The suite loads the machine itself; only load before it started says others were busy.
        double before = parseOr(load0, 0);
        if (before >= Runtime.getRuntime().availableProcessors() / 2.0) {
            b.append(" (other work was running when the suite started: re-run when idle)");
        }
        b.append('\n');
        b.append("- command: `mvn -B -Pbench verify`; ").append(fmt(seconds, 0)).append(" s\n\n");
        b.append("| figure | measured | goal | in-run reference | met |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.figure()).append(" | ").append(r.measured()).append(" | ").append(r.goal())
                    .append(" | ").append(r.reference()).append(" | ").append(r.met()).append(" |\n");
        }
        return b.toString();
    }

    private String json() {
        StringBuilder b = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            b.append("  \"").append(e.getKey()).append("\": ")
                    .append(Double.isNaN(e.getValue()) ? "null" : String.format(Locale.ROOT, "%.3f", e.getValue()))
                    .append(++i < values.size() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return fmt(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
        }
    }
}
