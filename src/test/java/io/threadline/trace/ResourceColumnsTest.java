package io.threadline.trace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A resource's column store: holders and waiters at any time, items, checkpoints, wide columns, readers. */
class ResourceColumnsTest {

    @Test
    void stateAtATimeHasTheHolderAndTheWaitersInOrderSinceWhen() {
        ResourceColumns lock = new ResourceColumns(ResourceKind.LOCK);
        lock.append(0, ResourceOp.ACQUIRE, 1, 1);
        lock.append(100, ResourceOp.WAIT, 2, 0);
        lock.append(200, ResourceOp.WAIT, 3, 0);
        lock.append(300, ResourceOp.WAIT, 4, 0);
        lock.append(400, ResourceOp.TIMEOUT, 3, -1);
        lock.append(500, ResourceOp.RELEASE, 1, 0);
        lock.append(500, ResourceOp.WOKEN, 2, 1);
        lock.append(600, ResourceOp.ACQUIRE, 2, 1);

        ResourceState at250 = lock.stateAt(250);
        assertThat(at250.holderCount()).isEqualTo(1);
        assertThat(at250.holder(0)).isEqualTo(1);
        assertThat(at250.heldSince(0)).isZero();
        assertThat(waiters(at250)).containsExactly(2, 3);
        assertThat(at250.waitingSince(1)).isEqualTo(200);

        assertThat(waiters(lock.stateAt(450))).containsExactly(2, 4);
        ResourceState at500 = lock.stateAt(500);
        assertThat(at500.holderCount()).isZero();
        assertThat(waiters(at500)).containsExactly(4);
        ResourceState at600 = lock.stateAt(600);
        assertThat(at600.holder(0)).isEqualTo(2);
        assertThat(at600.heldSince(0)).isEqualTo(600);
        assertThat(lock.stateAt(-1).holderCount()).isZero();
    }

    @Test
    void anRLockKeepsItsHolderWithItsDepthUntilTheLastRelease() {
        ResourceColumns r = new ResourceColumns(ResourceKind.RLOCK);
        r.append(0, ResourceOp.ACQUIRE, 5, 1);
        r.append(10, ResourceOp.ACQUIRE, 5, 2);
        r.append(20, ResourceOp.RELEASE, 5, 1);
        r.append(30, ResourceOp.RELEASE, 5, 0);
        assertThat(r.stateAt(15).depth(0)).isEqualTo(2);
        assertThat(r.stateAt(15).heldSince(0)).isZero();
        assertThat(r.stateAt(25).depth(0)).isEqualTo(1);
        assertThat(r.stateAt(30).holderCount()).isZero();
    }

    @Test
    void aSemaphoreHasAHolderPerPermitAndAReleaseByAnotherThreadFreesTheOldest() {
        ResourceColumns s = new ResourceColumns(ResourceKind.SEMAPHORE);
        s.append(0, ResourceOp.ACQUIRE, 1, 1);
        s.append(0, ResourceOp.ACQUIRE, 2, 1);
        s.append(0, ResourceOp.ACQUIRE, 1, 1);
        assertThat(holders(s.stateAt(0))).containsExactly(1, 2, 1);
        s.append(5, ResourceOp.RELEASE, 2, 0);
        assertThat(holders(s.stateAt(5))).containsExactly(1, 1);
        s.append(6, ResourceOp.RELEASE, 9, 0);
        assertThat(holders(s.stateAt(6))).containsExactly(1);
    }

    @Test
    void aQueueKnowsWhichItemIsWhereWhoPutItAndWhenAndWhyItsWaitersWait() {
        ResourceColumns q = new ResourceColumns(ResourceKind.QUEUE);
        q.append(0, ResourceOp.WAIT, 3, WaitRole.GET.ordinal());
        q.append(10, ResourceOp.PUT, 1, 100);
        q.append(10, ResourceOp.WOKEN, 3, 1);
        q.append(20, ResourceOp.PUT, 2, 101);
        q.append(20, ResourceOp.WAIT, 1, WaitRole.PUT.ordinal());
        ResourceState at20 = q.stateAt(20);
        assertThat(at20.itemCount()).isEqualTo(2);
        assertThat(at20.itemNumber(1)).isEqualTo(1);
        assertThat(at20.itemText(1)).isEqualTo(101);
        assertThat(at20.itemPutter(1)).isEqualTo(2);
        assertThat(at20.itemPutAt(1)).isEqualTo(20);
        assertThat(at20.role(0)).isEqualTo(WaitRole.PUT);
        q.append(30, ResourceOp.GET, 3, 0);
        ResourceState at30 = q.stateAt(30);
        assertThat(at30.itemCount()).isEqualTo(1);
        assertThat(at30.itemNumber(0)).isEqualTo(1);
        q.append(40, ResourceOp.GET, 3, 1);
        assertThat(q.stateAt(40).itemCount()).isZero();
        assertThat(q.stateAt(40).puts()).isEqualTo(2);
    }

    @Test
    void itemsTakenOutOfOrderLeaveTheOthersInPlace() {
        ResourceColumns q = new ResourceColumns(ResourceKind.QUEUE);
        for (int i = 0; i < 5; i++) {
            q.append(i, ResourceOp.PUT, 1, i);
        }
        q.append(10, ResourceOp.GET, 2, 4);
        q.append(11, ResourceOp.GET, 2, 0);
        ResourceState s = q.stateAt(11);
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < s.itemCount(); i++) {
            left.add(s.itemNumber(i));
        }
        assertThat(left).containsExactly(1, 2, 3);
    }

    @Test
    void anEventsFlagAndAFuturesResult() {
        ResourceColumns e = new ResourceColumns(ResourceKind.EVENT);
        e.append(0, ResourceOp.CLEAR, 1, 0);
        e.append(7, ResourceOp.SET, 1, 0);
        assertThat(e.stateAt(6).isSet()).isFalse();
        assertThat(e.stateAt(7).isSet()).isTrue();
        assertThat(e.stateAt(9).flagSince()).isEqualTo(7);

        ResourceColumns f = new ResourceColumns(ResourceKind.FUTURE);
        f.append(0, ResourceOp.ACQUIRE, 4, 1);
        f.append(2, ResourceOp.WAIT, 0, 0);
        f.append(5, ResourceOp.DONE, 4, 12);
        f.append(5, ResourceOp.WOKEN, 0, 4);
        assertThat(f.stateAt(3).holder(0)).isEqualTo(4);
        assertThat(f.stateAt(5).holderCount()).isZero();
        assertThat(f.stateAt(5).done()).isTrue();
        assertThat(f.stateAt(5).result()).isEqualTo(12);
    }

    @Test
    void aStateAfterManyCheckpointsIsTheOneReplayedFromTheStart() {
        ResourceColumns q = new ResourceColumns(ResourceKind.QUEUE);
        ResourceState replay = new ResourceState(ResourceKind.QUEUE);
        List<ResourceState> expected = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(7);
        int taken = 0;
        int put = 0;
        for (int i = 0; i < 3000; i++) {
            ResourceOp op;
            int thread = rnd.nextInt(5);
            int arg;
            if (put > taken && rnd.nextBoolean()) {
                op = ResourceOp.GET;
                arg = taken++;
            } else if (rnd.nextInt(3) == 0) {
                op = ResourceOp.WAIT;
                arg = WaitRole.GET.ordinal();
            } else if (rnd.nextInt(3) == 0) {
                op = ResourceOp.WOKEN;
                arg = -1;
            } else {
                op = ResourceOp.PUT;
                arg = put++;
            }
            q.append(i * 2L, op, thread, arg);
            replay.apply(op, thread, arg, i * 2L);
            expected.add(replay.copy());
        }
        for (int i : new int[] {0, 1, 254, 255, 256, 257, 511, 512, 1999, 2999}) {
            assertThat(describe(q.stateAt(i * 2L))).as("after event " + i).isEqualTo(describe(expected.get(i)));
            assertThat(describe(q.stateAfter(i))).isEqualTo(describe(expected.get(i)));
        }
        assertThat(describe(q.stateAfter(q.size() - 1))).isEqualTo(describe(expected.get(2999)));
    }

    @Test
    void timesAndThreadsThatDoNotFitANarrowColumnWidenTheirChunk() {
        ResourceColumns r = new ResourceColumns(ResourceKind.LOCK);
        long hour = 3_600_000_000L;
        r.append(0, ResourceOp.ACQUIRE, 70_000, 1);
        r.append(hour, ResourceOp.RELEASE, 70_000, 0);
        r.append(hour + 1, ResourceOp.ACQUIRE, 3, 1);
        assertThat(r.thread(0)).isEqualTo(70_000);
        assertThat(r.time(1)).isEqualTo(hour);
        assertThat(r.thread(2)).isEqualTo(3);
        assertThat(r.stateAt(hour).holderCount()).isZero();
        assertThat(r.stateAt(hour + 1).holder(0)).isEqualTo(3);
    }

    @Test
    void theOpAndEveryArgumentSurviveBesideAThreadThatWidens() {
        // op, thread and argument share one packed word: the argument's sign and all 32 bits stay
        ResourceColumns r = new ResourceColumns(ResourceKind.QUEUE);
        ResourceOp last = ResourceOp.values()[ResourceOp.values().length - 1];
        r.append(0, ResourceOp.PUT, 65_534, Integer.MIN_VALUE);
        r.append(1, last, 0, -1);
        r.append(2, ResourceOp.GET, 200_000, Integer.MAX_VALUE);
        r.append(3, ResourceOp.PUT, 5, -123_456_789);
        assertThat(r.op(0)).isEqualTo(ResourceOp.PUT);
        assertThat(r.thread(0)).isEqualTo(65_534);
        assertThat(r.arg(0)).isEqualTo(Integer.MIN_VALUE);
        assertThat(r.op(1)).isEqualTo(last);
        assertThat(r.arg(1)).isEqualTo(-1);
        assertThat(r.thread(2)).isEqualTo(200_000);
        assertThat(r.arg(2)).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.op(3)).isEqualTo(ResourceOp.PUT);
        assertThat(r.thread(3)).isEqualTo(5);
        assertThat(r.arg(3)).isEqualTo(-123_456_789);
        assertThat(r.thread(0)).as("read through the wide column after it widened").isEqualTo(65_534);
    }

    @Test
    void refusesTimeGoingBackwardsAndEventsOfNoThread() {
        ResourceColumns r = new ResourceColumns(ResourceKind.LOCK);
        r.append(10, ResourceOp.ACQUIRE, 0, 1);
        assertThatThrownBy(() -> r.append(9, ResourceOp.RELEASE, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.append(11, ResourceOp.RELEASE, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConcurrentReaderAlwaysSeesAConsistentPrefixAndItsCheckpoints() throws Exception {
        ResourceColumns r = new ResourceColumns(ResourceKind.LOCK);
        int n = 200_000;
        AtomicReference<String> problem = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (r.size() < n && problem.get() == null) {
                int size = r.size();
                if (size > 0) {
                    int i = size - 1;
                    ResourceState s = r.stateAfter(i);
                    // even events acquire, odd ones release: after an even one thread i/2 holds it
                    boolean held = i % 2 == 0;
                    if (r.time(i) != i * 3L || s.holderCount() != (held ? 1 : 0)
                            || (held && s.holder(0) != (i / 2) % 1000)) {
                        problem.set("index " + i);
                    }
                }
            }
        });
        reader.start();
        for (int i = 0; i < n; i++) {
            r.append(i * 3L, i % 2 == 0 ? ResourceOp.ACQUIRE : ResourceOp.RELEASE, (i / 2) % 1000, i % 2 == 0 ? 1 : 0);
        }
        reader.join(10_000);
        assertThat(problem.get()).isNull();
    }

    @Test
    void aTraceNumbersItsResourcesAndFindsEachProcesssGil() {
        Trace t = new Trace();
        int p = t.addProcess("MainProcess");
        int q = t.addProcess("Worker");
        int main = t.addThread("Main", p, false, ThreadRole.MAIN);
        assertThat(t.gilOf(p)).isEqualTo(-1);
        int g0 = t.addResource(ResourceKind.GIL, "GIL of MainProcess", p, 1);
        int lock = t.addResource(ResourceKind.LOCK, "L", p, 1);
        int g1 = t.addResource(ResourceKind.GIL, "GIL of Worker", q, 0);
        assertThat(t.gilOf(p)).isEqualTo(g0);
        assertThat(t.gilOf(q)).isEqualTo(g1);
        assertThat(t.resource(g1).gilOff()).isTrue();
        t.resourceEvent(lock, 5, ResourceOp.ACQUIRE, main, 1);
        t.resourceEvent(lock, 6, ResourceOp.PUT, main, "x");
        assertThat(t.resourceEventCount()).isEqualTo(2);
        assertThat(t.endTime()).isEqualTo(6);
        assertThat(t.string(t.resourceLane(lock).arg(1))).isEqualTo("x");
    }

    private static List<Integer> waiters(ResourceState s) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.waiterCount(); i++) {
            out.add(s.waiter(i));
        }
        return out;
    }

    private static List<Integer> holders(ResourceState s) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.holderCount(); i++) {
            out.add(s.holder(i));
        }
        return out;
    }

    private static String describe(ResourceState s) {
        StringBuilder b = new StringBuilder("h");
        for (int i = 0; i < s.holderCount(); i++) {
            b.append(' ').append(s.holder(i)).append('x').append(s.depth(i)).append('@').append(s.heldSince(i));
        }
        b.append(" w");
        for (int i = 0; i < s.waiterCount(); i++) {
            b.append(' ').append(s.waiter(i)).append(s.role(i)).append('@').append(s.waitingSince(i));
        }
        b.append(" i");
        for (int i = 0; i < s.itemCount(); i++) {
            b.append(' ').append(s.itemNumber(i)).append(':').append(s.itemText(i)).append(':').append(s.itemPutter(i))
                    .append('@').append(s.itemPutAt(i));
        }
        return b.append(" puts ").append(s.puts()).append(" events ").append(s.events()).toString();
    }
}
