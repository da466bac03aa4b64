package io.threadline.runtime;

import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.texts;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** asyncio on one thread, checked line by line against CPython 3.11 (aio.py, run with python3 here). */
class AsyncioTest {

    /** aio.py in Java. */
    static final class Aio extends Program {
        String sayAfter(double delay, String what) {
            asyncio.sleep(delay);
            print(what);
            return what.toUpperCase();
        }

        String worker(String name, double d) {
            print(name, "start");
            asyncio.sleep(d);
            print(name, "after sleep");
            asyncio.sleep(0);
            print(name, "after yield");
            return name;
        }

        Object blocker() {
            print("blocker sleeps with time.sleep");
            sleep(1);
            print("blocker woke");
            return null;
        }

        Object forgotten() {
            try {
                print("forgotten starts");
                asyncio.sleep(10);
            } finally {
                print("forgotten cleans up");
            }
            return null;
        }

        int amain() {
            SimTask<String> t1 = asyncio.createTask(() -> sayAfter(1, "hello"));
            SimTask<String> t2 = asyncio.createTask(() -> sayAfter(2, "world"));
            print("started");
            String a = await(t1);
            String b = await(t2);
            print(a, b);
            List<Object> r = asyncio.gather((Coroutine<String>) () -> worker("A", 1),
                    (Coroutine<String>) () -> worker("B", 1), (Coroutine<String>) () -> worker("C", 0.5));
            print(r);
            SimTask<Object> blocking = asyncio.createTask(this::blocker);
            SimTask<String> s = asyncio.createTask(() -> sayAfter(0.5, "not frozen?"));
            asyncio.gather(blocking, s);
            asyncio.createTask(this::forgotten);
            asyncio.sleep(0);
            print("main ends");
            return 7;
        }

        @Override
        protected void main() {
            print("run returned", asyncio.run(this::amain));
        }
    }

    @Test
    void printsInCPythonsOrderAtCPythonsTimes() {
        Trace t = Runs.run(new Aio());
        assertThat(output(t)).containsExactly(
                "0.000 Task-1: started",
                "1.000 Task-2: hello",
                "2.000 Task-3: world",
                "2.000 Task-1: HELLO WORLD",
                "2.000 Task-4: A start",
                "2.000 Task-5: B start",
                "2.000 Task-6: C start",
                "2.500 Task-6: C after sleep",
                "2.500 Task-6: C after yield",
                "3.000 Task-4: A after sleep",
                "3.000 Task-5: B after sleep",
                "3.000 Task-4: A after yield",
                "3.000 Task-5: B after yield",
                "3.000 Task-1: ['A', 'B', 'C']",
                "3.000 Task-7: blocker sleeps with time.sleep",
                "4.000 Task-7: blocker woke",
                "4.500 Task-8: not frozen?",
                "4.500 Task-9: forgotten starts",
                "4.500 Task-1: main ends",
                "4.500 Task-9: forgotten cleans up",
                "4.500 Main: run returned 7");
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void tasksAreLanesUnderTheirThreadWithTheirOwnStates() {
        Trace t = Runs.run(new Aio());
        int task2 = t.threadNamed("Task-2");
        assertThat(t.thread(task2).role()).isEqualTo(ThreadRole.TASK);
        assertThat(t.thread(task2).parent()).isEqualTo(t.threadNamed("Main"));
        assertThat(t.processCount()).isEqualTo(1);
        // pending, ready at once, running, suspended at await asyncio.sleep(1), ready at its timer, done.
        assertThat(transitions(t, "Task-2")).containsExactly(
                "0.000 new created by Task-1",
                "0.000 runnable started by Task-1",
                "0.000 running scheduled",
                "0.000 waiting await-sleep 1 s",
                "1.000 runnable timer",
                "1.000 running scheduled",
                "1.000 dead returned");
        // Task-1 awaits Task-2, which wakes it when it is done.
        assertThat(transitions(t, "Task-1")).containsSubsequence("0.000 waiting await Task-2",
                "1.000 runnable woken by Task-2", "2.000 waiting await gather", "3.000 runnable woken by Task-5");
        // The loop's thread waits in select while no task is ready.
        assertThat(transitions(t, "Main")).contains("0.000 waiting select next timer in 1 s");
        // The forgotten task is cancelled when asyncio.run ends: CancelledError at its await.
        assertThat(transitions(t, "Task-9")).last().asString().isEqualTo("4.500 dead cancelled");
    }

    @Test
    void aBlockingSleepInACoroutineFreezesTheWholeLoop() {
        Trace t = Runs.run(new Aio());
        // While the blocker's time.sleep blocks the thread, the other task stays ready.
        assertThat(transitions(t, "Main")).contains("3.000 waiting sleep 1 s");
        assertThat(transitions(t, "Task-7")).contains("3.000 waiting sleep 1 s", "4.000 running scheduled");
        assertThat(transitions(t, "Task-8")).containsSubsequence("3.000 runnable started by Task-1",
                "4.000 running scheduled", "4.000 waiting await-sleep 0.5 s");
        assertThat(t.stateAt(t.threadNamed("Task-8"), 3_500_000)).hasToString("RUNNABLE");
    }

    @Test
    void errorsPropagateThroughAwaitAndCancelRaisesCancelledErrorAtTheAwait() {
        Trace t = Runs.run(new Program() {
            Object fails() {
                asyncio.sleep(0.5);
                throw new PyError("ValueError", "bad task");
            }

            Object sleeper() {
                try {
                    asyncio.sleep(5);
                    return "slept";
                } catch (PyError e) {
                    print("sleeper got", e.type());
                    throw e;
                }
            }

            Object amain() {
                SimTask<Object> f = asyncio.createTask(this::fails);
                try {
                    await(f);
                } catch (PyError e) {
                    print("awaiting raised", e.toString());
                }
                SimTask<Object> s = asyncio.createTask("Sleeper", this::sleeper);
                asyncio.sleep(1);
                print("cancel:", s.cancel());
                try {
                    await(s);
                } catch (PyError e) {
                    print("awaiting a cancelled task raised", e.type(), s.cancelled());
                }
                print("cancel again:", s.cancel());
                return null;
            }

            @Override
            protected void main() {
                asyncio.run(this::amain);
                try {
                    asyncio.sleep(1);
                } catch (PyError e) {
                    print(e.toString());
                }
            }
        });
        assertThat(texts(t)).containsExactly(
                "awaiting raised ValueError: bad task",
                "cancel: True",
                "sleeper got asyncio.CancelledError",
                "awaiting a cancelled task raised asyncio.CancelledError True",
                "cancel again: False",
                "RuntimeError: no running event loop");
        assertThat(transitions(t, "Task-2")).last().asString().isEqualTo("0.500 dead raised ValueError: bad task");
        assertThat(transitions(t, "Sleeper")).containsSubsequence("0.500 waiting await-sleep 5 s",
                "1.500 runnable woken by Task-1", "1.500 dead cancelled");
    }

    @Test
    void aCoroutineThatAwaitsForeverIsADeadlockOfTheLoop() {
        Trace t = Runs.run(new Program() {
            Object never(SimTask<?>[] self) {
                return await(self[0]);
            }

            @Override
            protected void main() {
                asyncio.run(() -> {
                    SimTask<?>[] other = new SimTask<?>[1];
                    SimTask<Object> a = asyncio.createTask(() -> never(other));
                    other[0] = asyncio.createTask(() -> await(a));
                    return await(a);
                });
            }
        });
        assertThat(t.outcome()).isEqualTo(RunOutcome.DEADLOCK);
        assertThat(transitions(t, "Main")).last().asString().isEqualTo("0.000 waiting select no task ready, no timer");
        // The loop's thread and both tasks' carriers have unwound.
        assertThat(Runs.liveRuntimeThreads()).isZero();
    }
}
