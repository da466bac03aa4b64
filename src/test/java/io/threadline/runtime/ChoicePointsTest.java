package io.threadline.runtime;

import io.threadline.trace.Choice;
import io.threadline.trace.ChoiceKind;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** Every real choice of the scheduler goes through the chooser, with its candidates in the scheduler's order. */
class ChoicePointsTest {

    /** Picks {@code pick} at every choice of {@code kind} (the own order's pick elsewhere), and keeps what it saw. */
    private static final class Picking implements Chooser {
        final ChoiceKind kind;
        final int pick;
        final List<String> seen = new ArrayList<>();

        Picking(ChoiceKind kind, int pick) {
            this.kind = kind;
            this.pick = pick;
        }

        @Override
        public int choose(ChoicePoint p) {
            StringBuilder b = new StringBuilder(p.kind().label());
            for (int i = 0; i < p.size(); i++) {
                b.append(' ').append(p.name(i));
            }
            seen.add(b.toString());
            return p.kind() == kind ? Math.min(pick, p.size() - 1) : p.ownPick();
        }
    }

    private static List<String> described(Trace t) {
        List<String> out = new ArrayList<>();
        for (Choice c : t.choices()) {
            StringBuilder b = new StringBuilder(c.kind().label());
            for (int i = 0; i < c.size(); i++) {
                b.append(' ').append(t.thread(c.candidate(i)).name());
            }
            out.add(b.append(" -> ").append(t.thread(c.chosen()).name()).toString());
        }
        return out;
    }

    private static Program twoSleepers(boolean print) {
        return new Program() {
            @Override
            protected void main() {
                SimThread a = thread("A", () -> {
                    sleep(1);
                    print("A awake");
                });
                SimThread b = thread("B", () -> {
                    sleep(1);
                    print("B awake");
                });
                a.start();
                b.start();
                a.join();
                b.join();
            }
        };
    }

    @Test
    void aProgramWithOneThreadMakesNoChoice() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                cpu(0.1);
                sleep(1);
                print("done");
            }
        });
        assertThat(t.choices()).isEmpty();
    }

    @Test
    void threadsWhoseTimersAreDueTogetherWakeTogetherAndTheCoreChoiceDecides() {
        Trace fifo = Runs.run(twoSleepers(true));
        assertThat(described(fifo).get(0)).isEqualTo("core A B -> A");
        assertThat(fifo.output().get(0).text()).isEqualTo("A awake");

        Picking second = new Picking(ChoiceKind.CORE, 1);
        Trace t = Runs.run(twoSleepers(true), RunOptions.defaults(), second);
        assertThat(described(t).get(0)).isEqualTo("core A B -> B");
        assertThat(t.output().get(0).text()).isEqualTo("B awake");
        assertThat(t.choice(0).own()).isFalse();
        assertThat(t.choice(0).time()).isEqualTo(1_000_000);
    }

    @Test
    void threadsHoldingCoresAtOnceRunInTheChosenOrder() {
        // Without the GIL both wake onto a core of their own: which executes first is the choice.
        Picking second = new Picking(ChoiceKind.RUN, 1);
        Trace t = Runs.run(twoSleepers(true), RunOptions.defaults().withGil(false), second);
        assertThat(described(t)).startsWith("core A B -> A", "run A B -> B");
        assertThat(t.output().get(0).text()).isEqualTo("B awake");
    }

    @Test
    void aFreeCoreGoesToTheChosenReadyThread() {
        Supplier<Program> p = () -> new Program() {
            @Override
            protected void main() {
                SimEvent go = event("go");
                List<SimThread> all = new ArrayList<>();
                for (String n : List.of("A", "B", "C")) {
                    all.add(thread(n, () -> {
                        go.await();
                        print(n + " runs");
                    }));
                }
                all.forEach(SimThread::start);
                go.set();
                sleep(1);
            }
        };
        Trace fifo = Runs.run(p.get());
        assertThat(described(fifo)).containsExactly("core A B C -> A", "core B C -> B");
        Picking last = new Picking(ChoiceKind.CORE, 2);
        Trace t = Runs.run(p.get(), RunOptions.defaults(), last);
        assertThat(described(t)).containsExactly("core A B C -> C", "core A B -> B");
        assertThat(t.output()).extracting(o -> o.text()).containsExactly("C runs", "B runs", "A runs");
    }

    @Test
    void aReleaseWakesTheChosenWaiter() {
        Supplier<Program> p = () -> new Program() {
            @Override
            protected void main() {
                SimLock lock = lock("L");
                lock.acquire();
                List<SimThread> all = new ArrayList<>();
                for (String n : List.of("A", "B", "C")) {
                    all.add(thread(n, () -> lock.with(() -> print(n + " has it"))));
                }
                all.forEach(SimThread::start);
                lock.release();
                all.forEach(SimThread::join);
            }
        };
        Trace fifo = Runs.run(p.get());
        assertThat(described(fifo).get(0)).isEqualTo("wake A B C -> A");
        Picking last = new Picking(ChoiceKind.WAKE, 2);
        Trace t = Runs.run(p.get(), RunOptions.defaults(), last);
        assertThat(described(t).get(0)).isEqualTo("wake A B C -> C");
        assertThat(transitions(t, "C")).contains("0.000 runnable woken by Main");
        assertThat(transitions(t, "A")).doesNotContain("0.000 runnable woken by Main");
        assertThat(t.output().get(0).text()).isEqualTo("C has it");
    }

    @Test
    void aNotifyOfSomeWaitersWakesTheChosenOnesAndNotifyAllChoosesNothing() {
        Supplier<Program> p = () -> new Program() {
            @Override
            protected void main() {
                SimCondition c = condition("c");
                List<SimThread> all = new ArrayList<>();
                for (String n : List.of("A", "B", "C")) {
                    all.add(thread(n, () -> c.with(() -> {
                        c.await();
                        print(n + " notified");
                    })));
                }
                all.forEach(SimThread::start);
                c.with(() -> c.notifyN(2));
                sleep(1);
                c.with(c::notifyEveryone);
                all.forEach(SimThread::join);
            }
        };
        Picking last = new Picking(ChoiceKind.WAKE, 2);
        Trace t = Runs.run(p.get(), RunOptions.defaults(), last);
        List<String> wakes = described(t).stream().filter(s -> s.startsWith("wake")).toList();
        assertThat(wakes).containsExactly("wake A B C -> C", "wake A B -> B");
        assertThat(t.output()).extracting(o -> o.text()).startsWith("C notified", "B notified")
                .endsWith("A notified");
    }

    @Test
    void atItsSwitchIntervalTheRunningThreadGivesWayOrKeepsGoingAsChosen() {
        Supplier<Program> p = () -> new Program() {
            @Override
            protected void main() {
                SimThread a = thread("A", () -> cpu(0.020));
                a.start();
                print("main goes on");
                a.join();
            }
        };
        Trace fifo = Runs.run(p.get());
        assertThat(described(fifo).get(0)).isEqualTo("preempt Main A -> Main");
        assertThat(fifo.choice(0).preemption()).isTrue();
        // main gets the GIL at 5 ms, once its hand-over is done
        assertThat(fifo.output().get(0).time()).isEqualTo(5_000 + RunOptions.defaults().switchCost());

        Picking calm = new Picking(ChoiceKind.PREEMPT, 1);
        Trace t = Runs.run(p.get(), RunOptions.defaults(), calm);
        // A keeps the GIL at every switch interval: main prints only when A is done
        assertThat(described(t)).containsOnly("preempt Main A -> A");
        assertThat(t.choices()).hasSize(3).noneMatch(Choice::preemption);
        assertThat(transitions(t, "A")).noneMatch(s -> s.contains("preempted"));
        assertThat(t.output().get(0).time()).isEqualTo(20_000);
    }

    @Test
    void ownPicksAreMarkedAndAFifoRunIsAllItsOwn() {
        Trace fifo = Runs.run(twoSleepers(true));
        assertThat(fifo.choices()).allMatch(Choice::own);
        Trace seeded = Runs.run(twoSleepers(true), RunOptions.defaults().withOrder(SchedulingOrder.RANDOM).withSeed(3));
        assertThat(seeded.choices()).isNotEmpty().allMatch(Choice::own);
    }

    @Test
    void aChooserThatAsksHoldsTheRunUntilAnsweredWithoutTheWatchdogStoppingIt() throws Exception {
        StepChooser student = new StepChooser();
        Run run = Run.start(twoSleepers(true), "Main", RunOptions.defaults().withStallLimit(100), "test", Map.of(),
                student);
        ChoicePoint p = waitForChoice(run);
        assertThat(p.kind()).isEqualTo(ChoiceKind.CORE);
        assertThat(p.name(0)).isEqualTo("A");
        assertThat(p.name(1)).isEqualTo("B");
        Thread.sleep(400);   // four stall limits: the run waits for the student, it is not stuck
        assertThat(run.isFinished()).isFalse();
        assertThat(run.choose(5)).isFalse();
        assertThat(run.choose(1)).isTrue();
        assertThat(run.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(run.trace().output().get(0).text()).isEqualTo("B awake");
        assertThat(run.choose(0)).isFalse();
    }

    @Test
    void aRunStoppedWhileItWaitsForAChoiceEndsWithAllItsThreads() throws Exception {
        Run run = Run.start(twoSleepers(true), "Main", RunOptions.defaults(), "test", Map.of(), new StepChooser());
        waitForChoice(run);
        run.stop();
        assertThat(run.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        assertThat(run.outcome()).isEqualTo(RunOutcome.STOPPED);
        assertThat(run.pendingChoice()).isNull();
        assertThat(Runs.liveRuntimeThreads()).isZero();
    }

    @Test
    void letGoHandsTheRestToTheOwnOrder() throws Exception {
        StepChooser student = new StepChooser(new int[] {1});
        Run run = Run.start(twoSleepers(true), "Main", RunOptions.defaults().withGil(false), "test", Map.of(),
                student);
        ChoicePoint p = waitForChoice(run);
        assertThat(p.kind()).isEqualTo(ChoiceKind.RUN);   // the core choice was given
        student.letGo();
        assertThat(run.choose(p.ownPick())).isTrue();
        assertThat(run.awaitEnd(5, TimeUnit.SECONDS)).isTrue();
        assertThat(described(run.trace())).containsExactly("core A B -> B", "run B A -> B");
    }

    static ChoicePoint waitForChoice(Run run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (run.pendingChoice() == null) {
            assertThat(System.nanoTime()).as("a choice is asked for").isLessThan(deadline);
            assertThat(run.isFinished()).as("run ended without asking").isFalse();
            Thread.sleep(2);
        }
        return run.pendingChoice();
    }
}
