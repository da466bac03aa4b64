package io.threadline.scenario;

import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.texts;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios from the rest of the seeds, each pinned to what its Python twin prints when
 * CPython 3.11 runs it here (the order of prints, the times, the exit status).
 */
class SeedScenariosTest {

    static Trace run(String id, Map<String, String> params) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        assertThat(s).as(id).isNotNull();
        return s.execute(s.values(params));
    }

    // ------------------------------------------------------------------ processes

    @Test
    void aChildChangesItsOwnCopyOfTheGlobalsAndEndsWithItsExitCode() throws Exception {
        Trace t = run("processes", Map.of());
        // As processes.py prints it with python3.
        assertThat(output(t)).containsExactly(
                "0.000 MainThread: Parent: my counter is 0",
                "0.000 MainThread: Process-1 alive: False pid is None: True exitcode: None",
                "0.000 MainThread: Process-1 alive: True pid is None: False",
                "0.000 Process-1: Process-1: my counter is 10",
                "1.000 MainThread: Process-1 exitcode: 0 alive: False",
                "1.000 MainThread: Parent: my counter is still 0",
                "1.000 Process-2: Process-2: giving up with sys.exit(3)",
                "1.000 Process-3: Process-3: still working",
                "1.400 Process-3: Process-3: still working",
                "1.500 MainThread: Process-2 exitcode: 3",
                "1.800 Process-3: Process-3: still working",
                "2.200 Process-3: Process-3: still working",
                "2.500 MainThread: Process-3 exitcode: -15");
        assertThat(t.processCount()).isEqualTo(4);
        for (String child : List.of("Process-1", "Process-2", "Process-3")) {
            int c = t.threadNamed(child);
            assertThat(t.thread(c).role()).isEqualTo(ThreadRole.PROCESS);
            assertThat(t.process(t.thread(c).process()).name()).isEqualTo(child);
        }
        assertThat(transitions(t, "Process-3")).last().asString()
                .isEqualTo("2.500 dead killed terminated (SIGTERM) by MainThread");
        assertThat(transitions(t, "Process-2")).last().asString().isEqualTo("1.500 dead returned sys.exit(3)");   // the call that gave exitcode 3
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(t.exitStatus()).isZero();
    }

    @Test
    void killGivesMinusNineAndTheCodeAndWorkFollowTheParameters() throws Exception {
        Trace t = run("processes", Map.of("kill", "true", "code", "7", "work", "2"));
        assertThat(texts(t)).contains("Process-2 exitcode: 7", "Process-3 exitcode: -9");
        assertThat(output(t)).last().asString().startsWith("5.000 ");
    }

    // ------------------------------------------------------------------ process-data

    @Test
    void dataTravelsByQueuePipeSharedMemoryAndManagerAsCPythonPrintsIt() throws Exception {
        Trace t = run("process-data", Map.of());
        assertThat(output(t)).containsExactly(
                "0.000 MainThread: 1. Queue: the parent hands out work, two worker processes hand back results",
                "0.000 Process-1: Process-1: processing 0",
                "0.000 Process-2: Process-2: processing 1",
                "0.200 Process-1: Process-1: processing 2",
                "0.220 Process-2: Process-2: processing 3",
                "0.480 MainThread:    results: [10, 11, 12, 13]",
                "0.480 MainThread: 2. Pipe: one connection, an end for each process",
                "0.680 Process-3: Process-3: got [42, None, 'hello']",
                "0.880 MainThread:    parent got: ['echo', [42, None, 'hello']]",
                "0.880 MainThread: 3. Value and Array: shared memory, each with its lock",
                "1.180 MainThread:    total: 6 (6 additions), slots: [100, 200]",
                "1.180 MainThread: 4. Manager: a server process holds a dict for everyone",
                "1.580 MainThread:    results: {'Process-8': 1, 'Process-7': 4}");
        // Every transfer that ended a wait is a cause: get woken by put, recv by send, lock by release,
        // the manager by a request and the worker by its reply.
        assertThat(transitions(t, "Process-3")).contains("0.480 waiting recv pipe end 2", "0.680 runnable woken by MainThread");
        assertThat(transitions(t, "MainThread")).contains("0.680 waiting recv pipe end 1", "0.880 runnable woken by Process-3");
        assertThat(transitions(t, "Process-5")).anyMatch(s -> s.endsWith("runnable woken by Process-4"));
        assertThat(transitions(t, "SyncManager-6")).anyMatch(s -> s.endsWith("runnable woken by Process-8"));
        assertThat(transitions(t, "Process-8")).anyMatch(s -> s.endsWith("runnable woken by SyncManager-6"));
        // Each a process of its own, with its own GIL.
        Set<Integer> processes = new HashSet<>();
        for (int i = 0; i < t.threadCount(); i++) {
            processes.add(t.thread(i).process());
        }
        assertThat(processes).hasSize(t.threadCount());
        assertThat(t.counters()).extracting(c -> c.name()).contains("q1 length", "q2 length", "total");
    }

    @Test
    void withoutTheValuesLockHalfTheAdditionsAreLost() throws Exception {
        Trace t = run("process-data", Map.of("lock", "false"));
        assertThat(texts(t)).contains("   total: 3 (6 additions), slots: [100, 200]");
        assertThat(transitions(t, "Process-5")).noneMatch(s -> s.contains("waiting lock"));
    }

    // ------------------------------------------------------------------ asyncio-tasks

    @Test
    void awaitedSleepsOverlapOnOneThreadAndTheClockTicksBetween() throws Exception {
        Trace t = run("asyncio-tasks", Map.of());
        // As asyncio_tasks.py prints it with python3.
        assertThat(output(t)).containsExactly(
                "0.000 Task-2: tea-1: start brewing (1.0 s)",
                "0.000 Task-3: tea-2: start brewing (2.0 s)",
                "0.000 Task-4: tea-3: start brewing (3.0 s)",
                "0.800 clock: clock: tick 1",
                "1.000 Task-2: tea-1: done",
                "1.600 clock: clock: tick 2",
                "2.000 Task-3: tea-2: done",
                "2.400 clock: clock: tick 3",
                "3.000 Task-4: tea-3: done",
                "3.000 Task-1: all done in 3.0 s: [1.0, 2.0, 3.0]",
                "3.000 clock: clock: cancelled after 3 ticks");
        assertThat(t.processCount()).isEqualTo(1);
        int main = t.threadNamed("MainThread");
        for (String task : List.of("Task-1", "Task-2", "Task-3", "Task-4", "clock")) {
            assertThat(t.thread(t.threadNamed(task)).role()).as(task).isEqualTo(ThreadRole.TASK);
            assertThat(t.thread(t.threadNamed(task)).parent()).as(task).isEqualTo(main);
        }
        assertThat(transitions(t, "Task-2")).containsExactly(
                "0.000 new created by Task-1", "0.000 runnable started by Task-1", "0.000 running scheduled",
                "0.000 waiting await-sleep 1 s", "1.000 runnable timer", "1.000 running scheduled",
                "1.000 dead returned");
        assertThat(transitions(t, "clock")).last().asString().isEqualTo("3.000 dead cancelled");
        assertThat(transitions(t, "MainThread")).contains("0.000 waiting select next timer in 0.8 s");
        // One task at a time: never two task lanes running at once.
        assertThat(CourseScenariosTest.maxRunningAtOnce(t, n -> n.startsWith("Task") || n.equals("clock")))
                .isLessThanOrEqualTo(1);
    }

    @Test
    void aBlockingSleepInACoroutineRunsTheBrewsOneAfterAnotherAndTheClockNeverTicks() throws Exception {
        Trace t = run("asyncio-tasks", Map.of("blocking", "true"));
        assertThat(output(t)).containsExactly(
                "0.000 Task-2: tea-1: start brewing (1.0 s)",
                "1.000 Task-2: tea-1: done",
                "1.000 Task-3: tea-2: start brewing (2.0 s)",
                "3.000 Task-3: tea-2: done",
                "3.000 Task-4: tea-3: start brewing (3.0 s)",
                "6.000 Task-4: tea-3: done",
                "6.000 Task-1: all done in 6.0 s: [1.0, 2.0, 3.0]",
                "6.000 clock: clock: cancelled after 0 ticks");
        // The thread sleeps, and the task running it with it; the teas not begun stay ready all the while.
        assertThat(transitions(t, "MainThread")).contains("0.000 waiting sleep 1 s");
        assertThat(transitions(t, "Task-2")).contains("0.000 waiting sleep 1 s");
        assertThat(t.stateAt(t.threadNamed("Task-4"), 2_000_000)).hasToString("RUNNABLE");
        // The clock's timer fell due at 0.8 s, but the blocked loop only sees it at 6 s, when main() has
        // just cancelled the clock.
        assertThat(transitions(t, "clock")).containsSubsequence("0.000 waiting await-sleep 0.8 s",
                "6.000 runnable timer", "6.000 running scheduled", "6.000 dead cancelled");
    }

    // ------------------------------------------------------------------ barrier

    @Test
    void theRunnersGoTogetherWhenTheLastArrivesAsCPythonPrintsIt() throws Exception {
        Trace t = run("barrier", Map.of());
        assertThat(output(t)).containsExactly(
                "1.000 Runner-1: Runner-1: at the start line",
                "2.000 Runner-2: Runner-2: at the start line",
                "3.000 Runner-3: Runner-3: at the start line",
                "3.000 Runner-3: Runner-3: everyone is here. Go!",
                "3.000 Runner-3: Runner-3: running (arrived 3 of 3)",
                "3.000 Runner-1: Runner-1: running (arrived 1 of 3)",
                "3.000 Runner-2: Runner-2: running (arrived 2 of 3)",
                "3.500 Runner-3: Runner-3: finished",
                "4.000 Runner-2: Runner-2: finished",
                "4.500 Runner-1: Runner-1: finished",
                "4.500 MainThread: Race over; the barrier is broken: False");
        assertThat(transitions(t, "Runner-1")).containsSubsequence("1.000 waiting barrier start line",
                "3.000 runnable woken by Runner-3");
        assertThat(transitions(t, "Runner-3")).noneMatch(s -> s.contains("waiting barrier"));
    }

    @Test
    void aTimeoutBreaksTheBarrierForEveryone() throws Exception {
        Trace t = run("barrier", Map.of("timeout", "1.5"));
        assertThat(output(t)).containsExactly(
                "1.000 Runner-1: Runner-1: at the start line",
                "2.000 Runner-2: Runner-2: at the start line",
                "2.500 Runner-1: Runner-1: the barrier is broken, going home",
                "2.500 Runner-2: Runner-2: the barrier is broken, going home",
                "3.000 Runner-3: Runner-3: at the start line",
                "3.000 Runner-3: Runner-3: the barrier is broken, going home",
                "3.000 MainThread: Race over; the barrier is broken: True");
        assertThat(transitions(t, "Runner-2")).contains("2.500 runnable woken by Runner-1");
    }

    // ------------------------------------------------------------------ no-join

    @Test
    void doneIsPrintedBeforeTheThreadFinishesAndTheProgramWaitsForItAtExit() throws Exception {
        Trace t = run("no-join", Map.of());
        assertThat(output(t).subList(0, 4)).containsExactly(
                "0.000 MainThread: Starting",
                "0.000 t2: t2: step 0",
                "0.000 MainThread: Done",
                "1.000 t2: t2: step 1");
        assertThat(output(t)).last().asString().isEqualTo("9.000 t2: t2: step 9");
        assertThat(transitions(t, "MainThread")).last().asString().isEqualTo("0.000 dead returned");
        assertThat(transitions(t, "t2")).last().asString().isEqualTo("10.000 dead returned");
        assertThat(t.endTime()).isEqualTo(10_000_000);

        Trace joined = run("no-join", Map.of("join", "true"));
        assertThat(output(joined)).last().asString().isEqualTo("10.000 MainThread: Done");
    }

    // ------------------------------------------------------------------ interleaving

    @Test
    void eachThreadDrawsItsLetterAsCPythonAndTheOrderWithinASecondFollowsTheSeed() throws Exception {
        Trace t = run("interleaving", Map.of());
        // random.seed(0), then random.choice('abcdefg') in ta, tb, tc: g, d, g (as python3 draws them).
        assertThat(output(t).subList(0, 5)).containsExactly(
                "0.000 MainThread: Starting",
                "0.000 ta: ta: g0",
                "0.000 tb: tb: d0",
                "0.000 tc: tc: g0",
                "0.000 MainThread: Done");
        for (int second = 1; second < 5; second++) {
            String at = second + ".000 ";
            assertThat(output(t).stream().filter(s -> s.startsWith(at)))
                    .containsExactlyInAnyOrder(at + "ta: ta: g" + second, at + "tb: tb: d" + second, at + "tc: tc: g" + second);
        }
        List<String> firsts = InterleavingScenario.firsts(t, 5);
        assertThat(firsts).doesNotContain("?");
        assertThat(new HashSet<>(firsts)).as("the first each second is not always the same thread").hasSizeGreaterThan(1);
        Trace again = run("interleaving", Map.of());
        assertThat(texts(again)).isEqualTo(texts(t));
        Trace other = run("interleaving", Map.of("seed", "3"));
        assertThat(texts(other).get(1)).isEqualTo("ta: b0");
    }

    // ------------------------------------------------------------------ pool-the-rest

    @Test
    void theRestOfThePoolApiPrintsAsCPythonDoesAndTheTimeoutExpires() throws Exception {
        Trace t = run("pool-the-rest", Map.of());
        // As pool_the_rest.py prints it with python3 (13 s there, 12.5 s of which are the sleeps).
        assertThat(output(t)).containsExactly(
                "0.000 MainThread: apply: blocks until the result is back",
                "0.000 ForkPoolWorker-1: In worker:  1",
                "2.000 MainThread:   result: 1",
                "2.000 MainThread: apply_async: get() with a timeout",
                "2.000 ForkPoolWorker-2: In worker:  2",
                "3.000 MainThread:   TimeoutError after 1.0 s; ready: False",
                "4.000 MainThread:   result: 4",
                "4.000 MainThread: map_async: the main thread goes on",
                "4.000 MainThread:   ready: False",
                "4.000 ForkPoolWorker-1: In worker:  3",
                "4.000 ForkPoolWorker-2: In worker:  4",
                "6.000 ForkPoolWorker-1: In worker:  5",
                "8.000 Pool-result-handler:   callback got [9, 16, 25]",
                "8.000 MainThread:   result: [9, 16, 25]",
                "8.000 MainThread: imap: in input order, each once it and those before it are done",
                "9.500 MainThread:   got 3",
                "9.500 MainThread:   got 1",
                "9.500 MainThread:   got 2",
                "9.500 MainThread: ThreadPool: the same calls on threads of this process",
                "9.500 Thread-1 (worker): In worker:  6",
                "9.500 Thread-2 (worker): In worker:  7",
                "11.500 MainThread:   result: [36, 49]",
                "11.500 MainThread: ProcessPoolExecutor: submit, cancel, wait",
                "11.500 MainThread:   cancel: [False, True, True, True, True]",
                "11.500 MainThread:   first completed: 4 done, 1 not done",
                "12.500 MainThread:   results: [2, 'cancelled', 'cancelled', 'cancelled', 'cancelled']",
                "12.500 MainThread:   exception(): None");
        assertThat(transitions(t, "MainThread")).contains("2.000 waiting result apply_async", "3.000 runnable timeout",
                "4.000 waiting result map_async", "8.000 runnable woken by Pool-result-handler");
        // with Pool(...) as pool: leaving it terminates the workers
        assertThat(transitions(t, "ForkPoolWorker-1")).last().asString().startsWith("9.500 dead killed pool.terminate()");
        // The ThreadPool's workers share the main process; the executor's are processes of their own.
        assertThat(t.thread(t.threadNamed("Thread-1 (worker)")).process()).isEqualTo(t.thread(0).process());
        assertThat(t.threadNamed("ForkProcess-3")).isNotNegative();
    }

    @Test
    void aLongEnoughTimeoutGetsTheResult() throws Exception {
        Trace t = run("pool-the-rest", Map.of("timeout", "5"));
        assertThat(output(t)).contains("4.000 MainThread:   result: 4").noneMatch(s -> s.contains("TimeoutError"));
    }

    // ------------------------------------------------------------------ prime-check

    @Test
    void cpuBoundThreadsAreNoFasterThanSerialUnderTheGilAndALittleSlower() throws Exception {
        Trace t = run("prime-check", Map.of());
        assertThat(texts(t)).containsExactly(
                "serial: 0.258 s, 5 primes",
                "a thread per number: 0.259 s, 5 primes",
                "4 threads, a lock and a queue: 0.259 s, 5 primes",
                "ThreadPoolExecutor(4): 0.259 s, 5 primes",
                "against serial: 1.003x, 1.003x, 1.003x");
        assertThat(CourseScenariosTest.maxRunningAtOnce(t, n -> !n.equals("MainThread"))).isEqualTo(1);
        // Without the hand-over's cost the threads take exactly the serial time.
        Trace free = run("prime-check", Map.of("switch_cost", "0"));
        assertThat(texts(free)).last().isEqualTo("against serial: 1.000x, 1.000x, 1.000x");
    }

    @Test
    void withoutTheGilThePrimeChecksRunSideBySide() throws Exception {
        Trace t = run("prime-check", Map.of("gil", "false"));
        assertThat(texts(t)).last().isEqualTo("against serial: 0.290x, 0.387x, 0.387x");
        assertThat(CourseScenariosTest.maxRunningAtOnce(t, n -> n.startsWith("Number-"))).isEqualTo(4);
        assertThat(ScenarioCatalog.byId("prime-check").comparedParam().name()).isEqualTo("gil");
    }

    // ------------------------------------------------------------------ pool-map-vs-imap, the seed's way

    @Test
    void imapUnorderedAloneOnAFreshPoolDeliversAtTwoAndFourSecondsAsInTheSeed() throws Exception {
        Trace t = run("pool-map-vs-imap", Map.of("map", "false"));
        assertThat(texts(t)).doesNotContain("map:");
        assertThat(t.results()).extracting(io.threadline.trace.ResultMark::time)
                .containsExactly(2_000_000L, 2_000_000L, 2_000_000L, 2_000_000L, 4_000_000L, 4_000_000L);
        assertThat(t.results()).extracting(io.threadline.trace.ResultMark::variant).containsOnly("imap_unordered");
        // The seed's spacing: print('In worker with: ', x).
        assertThat(texts(t)).contains("In worker with:  0");
        Trace both = run("pool-map-vs-imap", Map.of());
        assertThat(both.results().get(both.results().size() - 1).time()).isEqualTo(8_000_000L);
    }
}
