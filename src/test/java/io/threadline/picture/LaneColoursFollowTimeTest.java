package io.threadline.picture;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Truth in every pixel, measured: in a picture, the pixel columns of a lane drawn in each
 * state's colour add up to the time the thread spent in that state, within a pixel per span of
 * it, whatever the zoom; and a state with no time in view (a thread that ran for zero scenario
 * time between its waits) gets no column at all. On every scenario, on a producer-consumer run
 * made of instants, and on random traces, each at many windows of time.
 */
class LaneColoursFollowTimeTest {
    private static final ThreadState[] CHECKED = {ThreadState.RUNNING, ThreadState.RUNNABLE, ThreadState.WAITING};
    private static final PictureMetrics M = PictureMetrics.DESK;
    private static final PictureTheme THEME = PictureTheme.LIGHT;

    @Test
    void everyScenarioAtEveryZoom() throws InterruptedException {
        Random random = new Random(13);
        for (ScenarioSpec spec : ScenarioCatalog.all()) {
            Trace t = spec.execute(spec.defaults());
            checkAtManyWindows(spec.id(), t, random);
        }
    }

    @Test
    void aRunOfInstantsLooksLikeItsTimeNotLikeItsEvents() throws Exception {
        // producers that never take any time to run: wake, put, wait again, all at one instant (they make
        // their items in no time; 32 consumers compute for 0.5 s each on 32 cores, without the GIL)
        ScenarioSpec spec = ScenarioCatalog.byId("producer-consumer");
        Trace t = spec.execute(spec.values(Map.of("consumers", "32", "items", "1000", "make", "0",
                "consume", "0.5", "cores", "32", "gil", "false")));
        int producer = t.threadNamed("Producer-1");
        Map<ThreadState, Long> time = timeIn(t.lane(producer), 0, t.endTime(), t.endTime());
        assertThat(time.get(ThreadState.RUNNING)).as("the producer's running time").isZero();

        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withWidth(1600).withArrows(false)
                .withLegend(false));
        BufferedImage img = Java2DPainter.render(p, 1);
        int width = (int) Math.ceil(p.scale().width());
        Map<ThreadState, Integer> drawn = drawnColumns(img, marks(t.lane(producer), p.scale(), width),
                laneTop(t, producer));
        assertThat(drawn.get(ThreadState.RUNNING)).as("columns drawn running").isZero();
        checkAtManyWindows("producer-consumer, instants", t, new Random(7));
    }

    @Test
    void randomTracesAtEveryZoom() {
        Random random = new Random(2026);
        for (int k = 0; k < 12; k++) {
            // every fourth lane long enough to be drawn from its zoom pyramid when zoomed out
            checkAtManyWindows("random trace " + k, randomTrace(random, 3 + random.nextInt(6), k % 4 == 3 ? 30_000 : 3000),
                    random);
        }
    }

    // ---- the check

    private static void checkAtManyWindows(String what, Trace t, Random random) {
        long end = Math.max(1, t.endTime());
        List<PictureOptions> windows = new ArrayList<>();
        windows.add(PictureOptions.defaults());
        for (int i = 0; i < 6; i++) {
            double span = end * Math.pow(10, -3 * random.nextDouble());
            long from = (long) (random.nextDouble() * Math.max(1, end - span));
            windows.add(PictureOptions.defaults().withWindow(from, from + Math.max(50, (long) span)));
        }
        for (PictureOptions w : windows) {
            PictureOptions o = w.withWidth(600 + random.nextInt(1000)).withArrows(false).withLegend(false);
            TimelinePicture p = TimelinePicture.of(t, o);
            BufferedImage img = Java2DPainter.render(p, 1);
            for (int thread = 0; thread < t.threadCount(); thread++) {
                check(what + " [" + (long) p.scale().start() + ", " + (long) p.scale().end() + "] over "
                        + (int) p.scale().width() + " px, " + t.thread(thread).name(), t, img, thread, p.scale());
            }
        }
    }

    private static void check(String what, Trace t, BufferedImage img, int thread, TimeScale scale) {
        LaneColumns lane = t.lane(thread);
        long laneEnd = lane.isDead() ? lane.time(lane.size() - 1) : t.endTime();
        int width = (int) Math.ceil(scale.width());
        boolean[] marked = marks(lane, scale, width);
        Map<ThreadState, Integer> drawn = drawnColumns(img, marked, laneTop(t, thread));
        Map<ThreadState, Double> expected = new EnumMap<>(ThreadState.class);
        Map<ThreadState, Integer> spans = new EnumMap<>(ThreadState.class);
        for (ThreadState s : CHECKED) {
            expected.put(s, 0.0);
            spans.put(s, 0);
        }
        // the time of each span, in pixels of the view (the columns it would fill if drawn exactly)
        for (int e = 0; e < lane.size(); e++) {
            ThreadState st = lane.state(e);
            if (st == ThreadState.DEAD || !expected.containsKey(st)) {
                continue;
            }
            double x0 = Math.max(0, scale.x(lane.time(e)));
            double x1 = Math.min(width, scale.x(e + 1 < lane.size() ? lane.time(e + 1) : laneEnd));
            for (int c = (int) Math.floor(x0); c < x1; c++) {
                if (!marked[c]) {
                    expected.merge(st, Math.min(x1, c + 1) - Math.max(x0, c), Double::sum);
                }
            }
        }
        // runs of one state with time in view: each may cost a pixel at either end
        ThreadState run = null;
        boolean counted = false;
        for (int e = 0; e < lane.size(); e++) {
            long s0 = lane.time(e);
            long s1 = e + 1 < lane.size() ? lane.time(e + 1) : laneEnd;
            ThreadState s = lane.state(e);
            if (s1 <= s0 || s == ThreadState.DEAD) {
                continue;
            }
            if (s != run) {
                run = s;
                counted = false;
            }
            boolean inView = scale.x(s1) > 0 && scale.x(s0) < width;
            if (inView && !counted && spans.containsKey(s)) {
                spans.merge(s, 1, Integer::sum);
                counted = true;
            }
        }
        for (ThreadState s : CHECKED) {
            int n = spans.get(s);
            double slack = n == 0 ? 0 : n + 1;
            assertThat((double) drawn.get(s)).as("%s: columns in %s (%d spans in view, %.2f px of time)", what, s,
                    n, expected.get(s)).isBetween(expected.get(s) - slack, expected.get(s) + slack);
        }
    }

    /** Columns under the end cap and the "new" ring: marks drawn over the bar, not time. */
    private static boolean[] marks(LaneColumns lane, TimeScale scale, int width) {
        boolean[] out = new boolean[width];
        double r = M.capRadius() + 3;
        double ring = scale.x(lane.time(0));
        double cap = lane.isDead() ? scale.x(lane.time(lane.size() - 1)) : Double.NaN;
        for (int c = 0; c < width; c++) {
            out[c] = Math.abs(c - Math.round(ring)) <= r || Math.abs(c - Math.round(cap)) <= r;
        }
        return out;
    }

    /**
     * How many of the lane's columns show each state, read from one pixel row inside the bar,
     * above any label: the running colour, the stripes and outline of runnable, the waiting box.
     */
    private static Map<ThreadState, Integer> drawnColumns(BufferedImage img, boolean[] marked, double laneTop) {
        Map<ThreadState, Set<Integer>> colours = new EnumMap<>(ThreadState.class);
        colours.put(ThreadState.RUNNING, Set.of(THEME.color(Ink.RUNNING).value()));
        Set<Integer> stripes = new HashSet<>();
        for (int px : Hatch.tile(THEME.color(Ink.RUNNABLE), THEME.color(Ink.RUNNABLE_FILL), 1)) {
            stripes.add(px & 0xffffff);
        }
        colours.put(ThreadState.RUNNABLE, stripes);
        colours.put(ThreadState.WAITING, Set.of(THEME.color(Ink.WAITING).value(),
                THEME.color(Ink.WAITING_FILL).value()));
        int y = (int) (laneTop + M.barPadding() + 7);
        Map<ThreadState, Integer> out = new EnumMap<>(ThreadState.class);
        for (ThreadState s : CHECKED) {
            out.put(s, 0);
        }
        for (int c = 0; c < marked.length; c++) {
            if (marked[c]) {
                continue;
            }
            int px = img.getRGB((int) M.gutterWidth() + c, y) & 0xffffff;
            for (ThreadState s : CHECKED) {
                if (colours.get(s).contains(px)) {
                    out.merge(s, 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private static double laneTop(Trace t, int thread) {
        TraceExtras extras = new TraceExtras(t);
        extras.update();
        TimelineRows rows = new TimelineRows();
        rows.update(t, extras, M);
        return M.rulerHeight() + rows.rowOf(thread).y();
    }

    private static Map<ThreadState, Long> timeIn(LaneColumns lane, long from, long to, long laneEnd) {
        Map<ThreadState, Long> out = new EnumMap<>(ThreadState.class);
        for (ThreadState s : ThreadState.values()) {
            out.put(s, 0L);
        }
        for (int e = 0; e < lane.size(); e++) {
            long s0 = Math.max(from, lane.time(e));
            long s1 = Math.min(to, e + 1 < lane.size() ? lane.time(e + 1) : laneEnd);
            if (s1 > s0) {
                out.merge(lane.state(e), s1 - s0, Long::sum);
            }
        }
        return out;
    }

    /**
     * Threads that start after a new span of any length, then go through running, runnable and
     * waiting spans from zero length to far longer than a pixel, some still alive at the end.
     */
    private static Trace randomTrace(Random random, int threads, int maxEvents) {
        Trace trace = new Trace();
        trace.describe("random", Map.of(), random.nextLong(), "virtual");
        int p = trace.addProcess("MainProcess");
        for (int i = 0; i < threads; i++) {
            trace.addThread("T" + i, p, false, i == 0 ? ThreadRole.MAIN : ThreadRole.THREAD);
        }
        ThreadState[] states = {ThreadState.RUNNING, ThreadState.RUNNABLE, ThreadState.WAITING};
        long end = 0;
        for (int i = 0; i < threads; i++) {
            long time = random.nextInt(2000);
            trace.transition(i, time, ThreadState.NEW, Reason.CREATED, -1, null, 1);
            time += random.nextBoolean() ? 0 : random.nextInt(500);
            int n = 20 + random.nextInt(maxEvents);
            ThreadState last = ThreadState.NEW;
            for (int k = 0; k < n; k++) {
                ThreadState s = states[random.nextInt(states.length)];
                if (s == last) {
                    continue;
                }
                trace.transition(i, time, s, s == ThreadState.WAITING ? Reason.SLEEP : Reason.SCHEDULED, -1, null, 2);
                last = s;
                double kind = random.nextDouble();
                // a third of the spans last no time at all; the rest from a µs to a long wait
                long length = kind < 0.33 ? 0 : (long) Math.pow(10, random.nextDouble() * (kind < 0.9 ? 3 : 5));
                time += length;
            }
            if (random.nextInt(4) > 0) {
                trace.transition(i, time, ThreadState.DEAD, Reason.RETURNED, -1, null, 3);
            }
            end = Math.max(end, time);
        }
        trace.finish(end + random.nextInt(1000), RunOutcome.COMPLETED, "");
        return trace;
    }
}
