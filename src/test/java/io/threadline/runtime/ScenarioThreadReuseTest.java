package io.threadline.runtime;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Java threads are kept between runs, and what an old run does to one never reaches the next. */
class ScenarioThreadReuseTest {

    private static Program recording(Set<Thread> seen) {
        return new Program() {
            @Override
            protected void main() {
                seen.add(Thread.currentThread());
                SimThread a = thread("A", () -> seen.add(Thread.currentThread()));
                a.start();
                a.join();
            }
        };
    }

    @Test
    void aRunsJavaThreadsServeTheNextRunAndNoneKeepsARunsName() {
        Set<Thread> first = ConcurrentHashMap.newKeySet();
        Set<Thread> second = ConcurrentHashMap.newKeySet();
        Runs.run(recording(first));
        assertThat(Runs.liveRuntimeThreads()).isZero();
        Runs.run(recording(second));
        assertThat(second).hasSize(2).containsAnyElementsOf(first);
        assertThat(first).allMatch(t -> !t.getName().startsWith(Run.JAVA_THREAD_PREFIX));
    }

    @Test
    void anInterruptForAnEndedBodyDoesNotReachTheNextOne() throws Exception {
        Object oldOwner = new Object();
        CountDownLatch firstDone = new CountDownLatch(1);
        Thread t = ScenarioThread.start(() -> { }, "threadline-test-a", oldOwner, firstDone::countDown);
        assertThat(firstDone.await(5, TimeUnit.SECONDS)).isTrue();
        waitIdle(t);

        Object newOwner = new Object();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread again = ScenarioThread.start(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        }, "threadline-test-b", newOwner, ended::countDown);
        assertThat(again).isSameAs(t);
        ScenarioThread.interrupt(t, oldOwner);
        assertThat(ScenarioThread.retire(t, oldOwner)).isFalse();
        Thread.sleep(50);
        assertThat(interrupted).isFalse();
        ScenarioThread.interrupt(t, newOwner);
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    void aRetiredThreadEndsWithItsBody() throws Exception {
        Object owner = new Object();
        CountDownLatch go = new CountDownLatch(1);
        Thread t = ScenarioThread.start(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                // ended below
            }
        }, "threadline-test-c", owner, () -> { });
        assertThat(ScenarioThread.retire(t, owner)).isTrue();
        go.countDown();
        t.join(5_000);
        assertThat(t.isAlive()).isFalse();
    }

    private static void waitIdle(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!t.getName().equals(ScenarioThread.IDLE_NAME) || t.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
