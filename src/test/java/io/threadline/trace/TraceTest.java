package io.threadline.trace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Trace queries: state at a time, spans touching a window, span ends of live and dead lanes. */
class TraceTest {

    private static Trace sample() {
        Trace t = new Trace();
        int p = t.addProcess("MainProcess");
        int a = t.addThread("A", p, false, ThreadRole.MAIN);
        t.transition(a, 0, ThreadState.NEW, Reason.CREATED, -1, null, 0);
        t.transition(a, 0, ThreadState.RUNNABLE, Reason.STARTED, -1, null, 0);
        t.transition(a, 0, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 0);
        t.transition(a, 100, ThreadState.WAITING, Reason.SLEEP, -1, "1 s", 7);
        t.transition(a, 400, ThreadState.RUNNABLE, Reason.TIMER, -1, null, 7);
        t.transition(a, 400, ThreadState.RUNNING, Reason.SCHEDULED, -1, null, 7);
        int b = t.addThread("B", p, true, ThreadRole.THREAD);
        t.transition(b, 50, ThreadState.NEW, Reason.CREATED, a, null, 3);
        t.transition(b, 500, ThreadState.DEAD, Reason.KILLED, a, "cut off", 0);
        t.transition(a, 500, ThreadState.DEAD, Reason.RETURNED, -1, null, 9);
        return t;
    }

    @Test
    void stateAtATime() {
        Trace t = sample();
        assertThat(t.stateAt(0, 50)).isEqualTo(ThreadState.RUNNING);
        assertThat(t.stateAt(0, 100)).isEqualTo(ThreadState.WAITING);
        assertThat(t.stateAt(0, 399)).isEqualTo(ThreadState.WAITING);
        assertThat(t.stateAt(1, 10)).isNull();
        assertThat(t.stateAt(1, 60)).isEqualTo(ThreadState.NEW);
        assertThat(t.stateAt(1, 500)).isEqualTo(ThreadState.DEAD);
    }

    @Test
    void spansTouchingAWindow() {
        Trace t = sample();
        long r = t.spansTouching(0, 150, 450);
        // The sleep span (index 3) through the running span from 400 (index 5).
        assertThat(Trace.rangeFrom(r)).isEqualTo(3);
        assertThat(Trace.rangeTo(r)).isEqualTo(6);
        long before = t.spansTouching(1, 0, 20);
        assertThat(Trace.rangeFrom(before)).isEqualTo(Trace.rangeTo(before));
    }

    @Test
    void spanEndsAndDetails() {
        Trace t = sample();
        assertThat(t.spanEnd(0, 3)).isEqualTo(400);
        assertThat(t.spanEnd(0, 6)).isEqualTo(500);
        assertThat(t.string(t.lane(0).detail(3))).isEqualTo("1 s");
        assertThat(t.lane(0).line(3)).isEqualTo(7);
        assertThat(t.eventCount()).isEqualTo(9);
        assertThat(t.threadNamed("B")).isEqualTo(1);
        assertThat(t.threadNamed("C")).isEqualTo(-1);
        assertThat(t.endTime()).isEqualTo(500);
    }

    @Test
    void aLiveLaneExtendsToNow() {
        Trace t = new Trace();
        int p = t.addProcess("P");
        int a = t.addThread("A", p, false, ThreadRole.MAIN);
        t.transition(a, 0, ThreadState.WAITING, Reason.SLEEP, -1, null, 0);
        t.advance(700);
        assertThat(t.spanEnd(a, 0)).isEqualTo(700);
        assertThat(t.isFinished()).isFalse();
        t.finish(900, RunOutcome.COMPLETED, null);
        assertThat(t.isFinished()).isTrue();
        assertThat(t.outcomeMessage()).isEmpty();
        assertThat(t.spanEnd(a, 0)).isEqualTo(900);
    }

    @Test
    void stringTableInterns() {
        StringTable s = new StringTable();
        assertThat(s.intern("a")).isEqualTo(s.intern("a"));
        assertThat(s.intern(null)).isEqualTo(-1);
        assertThat(s.get(-1)).isNull();
        assertThat(s.get(s.intern("b"))).isEqualTo("b");
    }

    @Test
    void stringTableKeepsOneIdPerTextThroughItsGrowthAndEqualHashes() {
        StringTable s = new StringTable();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            assertThat(s.intern("item 1." + i)).as("a new text takes the next id").isEqualTo(i);
        }
        // equal texts that are other objects (no identity shortcut) find their ids after the table grew
        for (int i = n - 1; i >= 0; i -= 7) {
            assertThat(s.intern(new String("item 1." + i))).isEqualTo(i);
            assertThat(s.get(i)).isEqualTo("item 1." + i);
        }
        // "Aa" and "BB" have the same hashCode: still two texts
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        int aa = s.intern("Aa");
        int bb = s.intern("BB");
        assertThat(aa).isNotEqualTo(bb);
        assertThat(s.intern(new String("Aa"))).isEqualTo(aa);
        assertThat(s.intern(new String("BB"))).isEqualTo(bb);
        assertThat(s.size()).isEqualTo(n + 2);
    }
}
