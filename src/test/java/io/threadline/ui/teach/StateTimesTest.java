package io.threadline.ui.teach;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Time per state up to a moment, from running sums that grow with the lane. */
class StateTimesTest {
    private static final int NEW = ThreadState.NEW.ordinal();
    private static final int RUNNABLE = ThreadState.RUNNABLE.ordinal();
    private static final int RUNNING = ThreadState.RUNNING.ordinal();
    private static final int WAITING = ThreadState.WAITING.ordinal();

    private static void add(LaneColumns lane, long t, ThreadState s) {
        lane.append(t, s, Reason.NONE, -1, -1, 0);
    }

    @Test
    void sumsEachStateUpToTheMomentAndNothingAfterDeath() {
        LaneColumns lane = new LaneColumns();
        add(lane, 100, ThreadState.NEW);
        add(lane, 300, ThreadState.RUNNABLE);
        add(lane, 300, ThreadState.RUNNING);
        add(lane, 1_000, ThreadState.WAITING);
        add(lane, 4_000, ThreadState.RUNNING);
        add(lane, 4_500, ThreadState.DEAD);
        StateTimes times = new StateTimes(lane);

        assertThat(times.upTo(50, lane.size())).as("before creation").containsOnly(0);
        long[] at2000 = times.upTo(2_000, lane.size());
        assertThat(at2000[NEW]).isEqualTo(200);
        assertThat(at2000[RUNNABLE]).as("a zero-length span").isZero();
        assertThat(at2000[RUNNING]).isEqualTo(700);
        assertThat(at2000[WAITING]).isEqualTo(1_000);

        long[] end = times.upTo(9_000, lane.size());
        assertThat(end[RUNNING]).isEqualTo(700 + 500);
        assertThat(end[WAITING]).isEqualTo(3_000);
        assertThat(end[ThreadState.DEAD.ordinal()]).isZero();
        // asking for an earlier moment after a later one reads the same sums
        assertThat(times.upTo(2_000, lane.size())).containsExactly(at2000);
    }

    @Test
    void aGrowingLaneExtendsTheSumsAndALivingThreadCountsUpToTheMoment() {
        LaneColumns lane = new LaneColumns();
        add(lane, 0, ThreadState.NEW);
        add(lane, 0, ThreadState.RUNNING);
        StateTimes times = new StateTimes(lane);
        assertThat(times.upTo(500, lane.size())[RUNNING]).isEqualTo(500);
        for (int i = 1; i <= 3000; i++) {
            add(lane, i * 1_000L, i % 2 == 1 ? ThreadState.WAITING : ThreadState.RUNNING);
        }
        long[] all = times.upTo(3_000_000, lane.size());
        assertThat(all[RUNNING] + all[WAITING]).isEqualTo(3_000_000);
        assertThat(all[WAITING]).isEqualTo(1_500_000);
        assertThat(times.upTo(3_000_000, 2)[RUNNING]).as("only the events seen count").isEqualTo(3_000_000);
    }
}
