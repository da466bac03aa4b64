package io.threadline.picture;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.threadline.trace.ThreadState.DEAD;
import static io.threadline.trace.ThreadState.NEW;
import static io.threadline.trace.ThreadState.RUNNABLE;
import static io.threadline.trace.ThreadState.RUNNING;
import static io.threadline.trace.ThreadState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

class LaneBinsTest {
    /** 0..1 s over 100 columns: 10 ms per column. */
    private static final TimeScale TEN_MS = new TimeScale(0, 1_000_000, 100);

    private static void add(LaneColumns lane, long t, ThreadState s) {
        Reason r = switch (s) {
            case NEW -> Reason.CREATED;
            case RUNNABLE -> Reason.WOKEN;
            case RUNNING -> Reason.SCHEDULED;
            case WAITING -> Reason.SLEEP;
            case DEAD -> Reason.RETURNED;
        };
        lane.append(t, s, r, -1, -1, 0);
    }

    private static LaneBins bin(LaneColumns lane, long horizon, TimeScale scale) {
        LaneBins b = new LaneBins();
        b.bin(lane, lane.size(), horizon, scale, (int) scale.width());
        return b;
    }

    @Test
    void wideSpansFillTheirColumnsAndNothingIsDrawnAfterDeath() {
        LaneColumns lane = new LaneColumns();
        add(lane, 0, RUNNING);
        add(lane, 100_000, WAITING);
        add(lane, 500_000, RUNNABLE);
        add(lane, 600_000, DEAD);
        LaneBins b = bin(lane, 1_000_000, TEN_MS);
        for (int x = 0; x < 100; x++) {
            ThreadState expected = x < 10 ? RUNNING : x < 50 ? WAITING : x < 60 ? RUNNABLE : null;
            assertThat(b.state(x)).as("column %d", x).isEqualTo(expected);
            assertThat(b.kind(x)).isEqualTo(expected == null ? LaneBins.EMPTY : LaneBins.PURE);
        }
        assertThat(b.event(30)).isEqualTo(1);
        assertThat(b.laneEnd()).isEqualTo(600_000);
    }

    @Test
    void aColumnWhereTwoLongSpansMeetShowsTheOneUnderItsCentre() {
        LaneColumns early = new LaneColumns();
        add(early, 0, RUNNING);
        add(early, 12_000, WAITING);   // 1.2 columns in: column 1's centre (15 ms) is already waiting
        LaneBins b = bin(early, 1_000_000, TEN_MS);
        assertThat(b.state(0)).isEqualTo(RUNNING);
        assertThat(b.state(1)).isEqualTo(WAITING);
        assertThat(b.kind(1)).isEqualTo(LaneBins.PURE);

        LaneColumns late = new LaneColumns();
        add(late, 0, RUNNING);
        add(late, 17_000, WAITING);    // 1.7 columns in: column 1's centre is still running
        LaneBins c = bin(late, 1_000_000, TEN_MS);
        assertThat(c.state(1)).isEqualTo(RUNNING);
        assertThat(c.state(2)).isEqualTo(WAITING);
    }

    @Test
    void spansNarrowerThanAPixelMergeIntoOneMarkOfTheStateWithMostTime() {
        LaneColumns lane = new LaneColumns();
        // 100 ms of 1-ms slices: 0.7 ms runnable, 0.3 ms running each; then a long wait
        for (int i = 0; i < 100; i++) {
            add(lane, i * 1_000L, RUNNABLE);
            add(lane, i * 1_000L + 700, RUNNING);
        }
        add(lane, 100_000, WAITING);
        LaneBins b = bin(lane, 1_000_000, TEN_MS);
        for (int x = 0; x < 10; x++) {
            assertThat(b.kind(x)).as("column %d", x).isEqualTo(LaneBins.MIXED);
            assertThat(b.state(x)).isEqualTo(RUNNABLE);
            assertThat(b.changes(x)).isEqualTo(x == 0 ? 20 : 20);
            assertThat(b.instantRun(x)).isFalse();
        }
        assertThat(b.kind(10)).isEqualTo(LaneBins.PURE);
        assertThat(b.state(10)).isEqualTo(WAITING);
    }

    @Test
    void aZeroLengthRunBetweenWaitsIsMarkedAsAnInstant() {
        LaneColumns lane = new LaneColumns();
        add(lane, 0, WAITING);
        add(lane, 55_000, RUNNABLE);
        add(lane, 55_000, RUNNING);
        add(lane, 55_000, WAITING);
        LaneBins b = bin(lane, 1_000_000, TEN_MS);
        assertThat(b.kind(5)).isEqualTo(LaneBins.MIXED);
        assertThat(b.state(5)).isEqualTo(WAITING);
        assertThat(b.instantRun(5)).isTrue();
        assertThat(b.instantRun(4)).isFalse();
        assertThat(b.kind(6)).isEqualTo(LaneBins.PURE);
        assertThat(b.event(6)).isEqualTo(3);
    }

    @Test
    void aLaneStartsAtItsFirstEventAndALivingOneEndsAtTheHorizon() {
        LaneColumns lane = new LaneColumns();
        add(lane, 300_000, NEW);
        add(lane, 400_000, WAITING);
        add(lane, 900_000, RUNNING);    // after the horizon: not shown yet
        LaneBins b = bin(lane, 700_000, TEN_MS);
        assertThat(b.state(29)).isNull();
        assertThat(b.state(30)).isEqualTo(NEW);
        assertThat(b.state(69)).isEqualTo(WAITING);
        assertThat(b.state(70)).isNull();
        assertThat(b.state(95)).isNull();
        assertThat(b.laneEnd()).isEqualTo(700_000);
        assertThat(b.size()).isEqualTo(2);
    }

    @Test
    void everyColumnAgreesWithABruteForceReadingOfTheLane() {
        Random rnd = new Random(7);
        ThreadState[] live = {NEW, RUNNABLE, RUNNING, WAITING};
        for (int round = 0; round < 40; round++) {
            LaneColumns lane = new LaneColumns();
            long t = rnd.nextInt(50_000);
            int n = 5 + rnd.nextInt(400);
            for (int i = 0; i < n; i++) {
                add(lane, t, live[rnd.nextInt(live.length)]);
                t += rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(rnd.nextBoolean() ? 3_000 : 60_000);
            }
            add(lane, t, DEAD);
            double start = rnd.nextInt(200_000) - 50_000;
            TimeScale scale = new TimeScale(start, start + 100_000 + rnd.nextInt(3_000_000), 50 + rnd.nextInt(400));
            LaneBins b = bin(lane, Long.MAX_VALUE / 4, scale);
            for (int x = 0; x < (int) scale.width(); x++) {
                double a = scale.time(x);
                double z = scale.time(x + 1);
                double centre = (a + z) / 2;
                ThreadState truth = stateAt(lane, (long) Math.floor(centre));
                if (b.kind(x) == LaneBins.PURE) {
                    assertThat(b.state(x)).as("round %d column %d", round, x).isEqualTo(truth);
                } else if (b.kind(x) == LaneBins.MIXED) {
                    assertThat(b.state(x)).as("round %d column %d", round, x).isEqualTo(dominant(lane, a, z));
                } else {
                    // empty: before the lane, after its death, or a sliver of the lane under half a column
                    assertThat(truth == null || truth == DEAD || coverage(lane, a, z) < (z - a) / 2 + 1)
                            .as("round %d column %d empty but %s", round, x, truth).isTrue();
                }
            }
        }
    }

    @Test
    void aMillionEventsBinInAFewMilliseconds() {
        LaneColumns lane = new LaneColumns();
        for (int i = 0; i < 1_000_000; i++) {
            add(lane, i * 10L, i % 2 == 0 ? RUNNING : RUNNABLE);
        }
        add(lane, 10_000_000, DEAD);
        TimeScale scale = new TimeScale(0, 10_000_000, 1600);
        LaneBins b = new LaneBins();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            b.bin(lane, lane.size(), 10_000_000, scale, 1600);
            best = Math.min(best, System.nanoTime() - t0);
        }
        assertThat(b.kind(800)).isEqualTo(LaneBins.MIXED);
        assertThat(b.changes(800)).isGreaterThan(500);
        assertThat(best / 1_000_000.0).as("best ms to bin 1M events into 1600 columns").isLessThan(10.0);

        // zoomed into one second of the same lane: still a fraction of the trace is touched
        TimeScale zoomed = new TimeScale(5_000_000, 5_000_400, 1600);
        b.bin(lane, lane.size(), 10_000_000, zoomed, 1600);
        assertThat(b.kind(0)).isEqualTo(LaneBins.PURE);
        assertThat(b.state(0)).isEqualTo(RUNNING);
        assertThat(b.state(40)).isEqualTo(RUNNABLE);
    }

    // ---- brute force

    private static ThreadState stateAt(LaneColumns lane, long t) {
        ThreadState s = null;
        for (int i = 0; i < lane.size() && lane.time(i) <= t; i++) {
            s = lane.state(i);
        }
        return s;
    }

    private static long end(LaneColumns lane, int i) {
        return i + 1 < lane.size() ? lane.time(i + 1) : lane.time(i);
    }

    private static double coverage(LaneColumns lane, double a, double z) {
        double c = 0;
        for (int i = 0; i + 1 < lane.size(); i++) {
            c += Math.max(0, Math.min(end(lane, i), z) - Math.max(lane.time(i), a));
        }
        return c;
    }

    private static ThreadState dominant(LaneColumns lane, double a, double z) {
        double[] share = new double[ThreadState.values().length];
        int[] activity = {1, 3, 4, 2, 0};
        for (int i = 0; i + 1 < lane.size(); i++) {
            share[lane.state(i).ordinal()] += Math.max(0, Math.min(end(lane, i), z) - Math.max(lane.time(i), a));
        }
        int best = -1;
        for (int s = 0; s < share.length; s++) {
            boolean touches = false;
            for (int i = 0; i + 1 < lane.size(); i++) {
                touches |= lane.state(i).ordinal() == s && lane.time(i) < z && end(lane, i) >= a;
            }
            if (!touches) {
                continue;
            }
            if (best < 0 || share[s] > share[best] || share[s] == share[best] && activity[s] > activity[best]) {
                best = s;
            }
        }
        return ThreadState.values()[best];
    }
}
