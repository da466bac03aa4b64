package io.threadline.trace;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-thread column store: appends across chunks, binary search, concurrent readers. */
class LaneColumnsTest {

    @Test
    void keepsEveryColumnAcrossChunkBoundaries() {
        LaneColumns lane = new LaneColumns();
        for (int i = 0; i < 5000; i++) {
            lane.append(i * 10L, ThreadState.ofCode(i % 5), Reason.ofCode(i % Reason.values().length), i - 1, i * 2, i % 97);
        }
        assertThat(lane.size()).isEqualTo(5000);
        for (int i : new int[] {0, 1023, 1024, 1025, 4999}) {
            assertThat(lane.time(i)).isEqualTo(i * 10L);
            assertThat(lane.state(i)).isEqualTo(ThreadState.ofCode(i % 5));
            assertThat(lane.reason(i)).isEqualTo(Reason.ofCode(i % Reason.values().length));
            assertThat(lane.cause(i)).isEqualTo(i - 1);
            assertThat(lane.detail(i)).isEqualTo(i * 2);
            assertThat(lane.line(i)).isEqualTo(i % 97);
        }
    }

    @Test
    void valuesTooBigForANarrowColumnWidenTheirChunkAndKeepTheEventsBefore() {
        LaneColumns lane = new LaneColumns();
        long hour = 3_600_000_000_000L;
        for (int i = 0; i < 12; i++) {
            lane.append(i, ThreadState.ofCode(i % 5), Reason.ofCode(i % 4), i, i + 1, i + 2);
        }
        // one value of each column that a char or an int offset cannot hold, one event each
        lane.append(hour, ThreadState.RUNNABLE, Reason.STARTED, 3, 4, 5);
        lane.append(hour + 1, ThreadState.RUNNING, Reason.SCHEDULED, 3, 4, 70_000);
        lane.append(hour + 2, ThreadState.WAITING, Reason.SLEEP, 80_000, 4, 6);
        lane.append(hour + 3, ThreadState.RUNNING, Reason.SCHEDULED, 3, 90_000, 7);
        assertThat(lane.size()).isEqualTo(16);
        for (int i = 0; i < 12; i++) {
            assertThat(lane.time(i)).isEqualTo(i);
            assertThat(lane.cause(i)).isEqualTo(i);
            assertThat(lane.detail(i)).isEqualTo(i + 1);
            assertThat(lane.line(i)).isEqualTo(i + 2);
            assertThat(lane.state(i)).isEqualTo(ThreadState.ofCode(i % 5));
        }
        assertThat(lane.time(12)).isEqualTo(hour);
        assertThat(lane.line(13)).isEqualTo(70_000);
        assertThat(lane.cause(14)).isEqualTo(80_000);
        assertThat(lane.detail(15)).isEqualTo(90_000);
        assertThat(lane.time(15)).isEqualTo(hour + 3);
        assertThat(lane.indexAt(hour + 2)).isEqualTo(14);
    }

    @Test
    void aWideColumnLeavesTheOthersPackedBesideItIntact() {
        // state, reason, line, cause and detail share one packed word until one of them widens
        LaneColumns lane = new LaneColumns();
        lane.append(0, ThreadState.WAITING, Reason.ofCode(Reason.values().length - 1), 65_533, 65_533, 65_535);
        lane.append(1, ThreadState.DEAD, Reason.SLEEP, -1, -1, 0);
        lane.append(2, ThreadState.RUNNING, Reason.SCHEDULED, 7, 8, 100_000);
        lane.append(3, ThreadState.RUNNABLE, Reason.WOKEN, 65_533, -1, 9);
        assertThat(lane.state(0)).isEqualTo(ThreadState.WAITING);
        assertThat(lane.reason(0)).isEqualTo(Reason.ofCode(Reason.values().length - 1));
        assertThat(lane.cause(0)).isEqualTo(65_533);
        assertThat(lane.detail(0)).isEqualTo(65_533);
        assertThat(lane.line(0)).isEqualTo(65_535);
        assertThat(lane.cause(1)).isEqualTo(-1);
        assertThat(lane.detail(1)).isEqualTo(-1);
        assertThat(lane.state(1)).isEqualTo(ThreadState.DEAD);
        assertThat(lane.line(2)).isEqualTo(100_000);
        assertThat(lane.cause(2)).isEqualTo(7);
        assertThat(lane.detail(2)).isEqualTo(8);
        assertThat(lane.state(2)).isEqualTo(ThreadState.RUNNING);
        assertThat(lane.line(3)).isEqualTo(9);
        assertThat(lane.cause(3)).isEqualTo(65_533);
        assertThat(lane.detail(3)).isEqualTo(-1);
        assertThat(lane.reason(3)).isEqualTo(Reason.WOKEN);
        assertThat(lane.line(0)).as("an event before the widening, read through the wide column").isEqualTo(65_535);
    }

    @Test
    void indexAtFindsTheSpanContainingATimeAndPassesZeroLengthSpans() {
        LaneColumns lane = new LaneColumns();
        lane.append(0, ThreadState.NEW, Reason.CREATED, -1, -1, 0);
        lane.append(100, ThreadState.RUNNABLE, Reason.STARTED, -1, -1, 0);
        lane.append(100, ThreadState.RUNNING, Reason.SCHEDULED, -1, -1, 0);
        lane.append(250, ThreadState.DEAD, Reason.RETURNED, -1, -1, 0);
        assertThat(lane.indexAt(-1)).isEqualTo(-1);
        assertThat(lane.indexAt(0)).isZero();
        assertThat(lane.indexAt(99)).isZero();
        assertThat(lane.indexAt(100)).isEqualTo(2);
        assertThat(lane.indexAt(249)).isEqualTo(2);
        assertThat(lane.indexAt(1000)).isEqualTo(3);
        assertThat(lane.indexAfter(100)).isEqualTo(3);
        assertThat(lane.isDead()).isTrue();
    }

    @Test
    void refusesTimeGoingBackwards() {
        LaneColumns lane = new LaneColumns();
        lane.append(10, ThreadState.NEW, Reason.CREATED, -1, -1, 0);
        assertThatThrownBy(() -> lane.append(9, ThreadState.RUNNABLE, Reason.STARTED, -1, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConcurrentReaderAlwaysSeesAConsistentPrefix() throws Exception {
        LaneColumns lane = new LaneColumns();
        int n = 300_000;
        AtomicReference<String> problem = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (lane.size() < n && problem.get() == null) {
                int size = lane.size();
                if (size > 0) {
                    int i = size - 1;
                    // The writer stores time = index * 3 and line = index: both must be there.
                    if (lane.time(i) != i * 3L || lane.line(i) != i) {
                        problem.set("index " + i + " read " + lane.time(i) + "/" + lane.line(i));
                    }
                }
            }
        });
        reader.start();
        for (int i = 0; i < n; i++) {
            lane.append(i * 3L, ThreadState.RUNNING, Reason.SCHEDULED, -1, -1, i);
        }
        reader.join(10_000);
        assertThat(problem.get()).isNull();
    }
}
