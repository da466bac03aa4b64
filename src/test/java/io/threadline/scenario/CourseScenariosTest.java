package io.threadline.scenario;

import io.threadline.testing.TraceText;
import io.threadline.trace.CounterTrack;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ResultMark;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static io.threadline.testing.TraceText.output;
import static io.threadline.testing.TraceText.texts;
import static io.threadline.testing.TraceText.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/** The lesson of each course scenario, asserted on its trace at exact virtual times. */
class CourseScenariosTest {

    static Trace run(String id, Map<String, String> params) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        assertThat(s).as(id).isNotNull();
        return s.execute(s.values(params));
    }

    /** The number printed after "Counter: ". */
    private static int finalCount(Trace t) {
        String line = texts(t).stream().filter(s -> s.startsWith("Counter: ")).findFirst().orElseThrow();
        return Integer.parseInt(line.substring("Counter: ".length(), line.indexOf(' ', "Counter: ".length())));
    }

    /** Most threads whose names match, RUNNING at once (zero-length spans ignored). */
    static int maxRunningAtOnce(Trace t, Predicate<String> names) {
        TreeSet<Long> times = new TreeSet<>();
        for (int th = 0; th < t.threadCount(); th++) {
            LaneColumns l = t.lane(th);
            for (int i = 0; i < l.size(); i++) {
                times.add(l.time(i));
            }
        }
        int max = 0;
        Long prev = null;
        for (long time : times) {
            if (prev != null) {
                long mid = (prev + time) / 2;
                int n = 0;
                for (int th = 0; th < t.threadCount(); th++) {
                    if (names.test(t.thread(th).name()) && t.stateAt(th, mid) == ThreadState.RUNNING) {
                        n++;
                    }
                }
                max = Math.max(max, n);
            }
            prev = time;
        }
        return max;
    }

    // ------------------------------------------------------------------ race-condition

    @Test
    void withoutTheLockUpdatesAreLostBetweenReadAndWrite() throws Exception {
        Trace t = run("race-condition", Map.of());
        assertThat(finalCount(t)).isLessThan(12);
        assertThat(texts(t)).last().asString().endsWith((12 - finalCount(t)) + " update(s) lost");
        assertThat(texts(t)).anyMatch(s -> s.contains(" over the ") && s.endsWith("an update is lost"));
        // Every lost update comes from a thread preempted between its read and its write.
        assertThat(transitions(t, "Thread-1")).anyMatch(s -> s.endsWith("runnable preempted"));
        for (int i = 1; i <= 4; i++) {
            assertThat(transitions(t, "Thread-" + i)).noneMatch(s -> s.contains("waiting lock"));
        }
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void theSameSeedLosesTheSameUpdatesAndAnotherSeedOthers() throws Exception {
        Set<List<String>> outputs = new HashSet<>();
        for (int seed = 0; seed < 4; seed++) {
            Map<String, String> p = Map.of("seed", Integer.toString(seed));
            Trace a = run("race-condition", p);
            Trace b = run("race-condition", p);
            assertThat(TraceText.dump(b)).isEqualTo(TraceText.dump(a));
            assertThat(finalCount(a)).as("seed " + seed).isLessThan(12);
            outputs.add(texts(a));
        }
        assertThat(outputs).hasSizeGreaterThan(1);
    }

    @Test
    void withTheLockThreadsWaitForTheHolderAndNothingIsLost() throws Exception {
        Trace t = run("race-condition", Map.of("lock", "true"));
        assertThat(finalCount(t)).isEqualTo(12);
        assertThat(texts(t)).noneMatch(s -> s.contains(" over the "));
        // A waiter is woken by a thread releasing the lock, not by a timer.
        List<String> lane = transitions(t, "Thread-2");
        int wait = indexOf(lane, s -> s.endsWith("waiting lock counter lock"), 0);
        assertThat(wait).isNotNegative();
        assertThat(lane.get(wait + 1)).matches("\\d\\.\\d{3} runnable woken by Thread-\\d");
    }

    private static int indexOf(List<String> lines, Predicate<String> p, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void moreThreadsAndRoundsFollowTheParameters() throws Exception {
        Trace t = run("race-condition", Map.of("threads", "2", "rounds", "5", "lock", "true"));
        assertThat(texts(t)).last().isEqualTo("Counter: 10 (expected 10): 0 update(s) lost");
        assertThat(t.threadNamed("Thread-3")).isNegative();
    }

    // ------------------------------------------------------------------ rlock

    @Test
    void anRLockLetsItsOwnerTakeItAgainAndOthersWaitForTheLastRelease() throws Exception {
        Trace t = run("rlock", Map.of());
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(transitions(t, "Alice")).noneMatch(s -> s.contains("waiting lock"));
        // Bob is woken by Alice's outer release at 1.5 s, not by the inner one at 1.0 s.
        assertThat(transitions(t, "Bob")).containsSubsequence("0.000 waiting lock ledger", "1.500 runnable woken by Alice");
        assertThat(transitions(t, "Bob")).noneMatch(s -> s.startsWith("1.000"));
        assertThat(texts(t)).last().isEqualTo("Ledger: ['Alice -10', 'Bob +10', 'Bob -5', 'Alice +5']");
        assertThat(t.endTime()).isEqualTo(3_000_000);
    }

    @Test
    void aPlainLockTakenTwiceIsADetectedDeadlockOfOneThread() throws Exception {
        Trace t = run("rlock", Map.of("reentrant", "false"));
        assertThat(t.outcome()).isEqualTo(RunOutcome.DEADLOCK);
        assertThat(t.outcomeMessage()).isEqualTo("deadlock at 0.5 s: Alice waits for lock ledger held by Alice; "
                + "a real program would hang from there (Threadline stopped it at 1 s)");
        // As a hung CPython program: Alice still waits for herself when the run is stopped.
        assertThat(transitions(t, "Alice")).last().asString().isEqualTo("0.500 waiting lock ledger");
        assertThat(t.lastChange()).isEqualTo(500_000);
        assertThat(transitions(t, "Bob")).contains("0.000 waiting lock ledger");
        assertThat(t.endTime()).isEqualTo(1_000_000);
        assertThat(texts(t)).noneMatch(s -> s.startsWith("Ledger"));
    }

    // ------------------------------------------------------------------ semaphore

    @Test
    void neverMoreThanThreeClientsHoldAConnection() throws Exception {
        Trace t = run("semaphore", Map.of());
        CounterTrack inUse = SemaphoreScenario.counter(t);
        assertThat(inUse).isNotNull();
        assertThat(inUse.max()).isEqualTo(3);
        // The lanes agree with the track: at most three clients are using a connection (sleeping) at once.
        assertThat(maxInState(t, Reason.SLEEP, n -> n.startsWith("Client-"))).isEqualTo(3);
        // The query times are CPython's for seed 0: random.seed(0), then randint(5, 15) / 10 per client.
        assertThat(transitions(t, "Client-4")).containsSubsequence("0.000 waiting semaphore connections",
                "0.500 runnable woken by Client-3");
        assertThat(output(t).subList(0, 6)).containsExactly(
                "0.000 Client-1: Client-1 connected",
                "0.000 Client-2: Client-2 connected",
                "0.000 Client-3: Client-3 connected",
                "0.500 Client-3: Client-3 is done",
                "0.500 Client-4: Client-4 connected",
                "1.100 Client-1: Client-1 is done");
        assertThat(output(t)).contains("3.200 Client-8: Client-8 is done");
        assertThat(texts(t).stream().filter(s -> s.endsWith(" connected"))).hasSize(8);
    }

    @Test
    void permitsAndClientsFollowTheParameters() throws Exception {
        Trace t = run("semaphore", Map.of("permits", "5", "clients", "6"));
        assertThat(SemaphoreScenario.counter(t).max()).isEqualTo(5);
        assertThat(transitions(t, "Client-6")).anyMatch(s -> s.contains("waiting semaphore"));
        assertThat(transitions(t, "Client-5")).noneMatch(s -> s.contains("waiting semaphore"));
    }

    @Test
    void releasingABoundedSemaphoreTooOftenRaisesValueErrorAndAPlainOneGrows() throws Exception {
        Trace bounded = run("semaphore", Map.of());
        assertThat(transitions(bounded, "MainThread")).last().asString()
                .endsWith("dead raised ValueError: Semaphore released too many times");
        // As CPython: the traceback (file, line, function), exit status 1, and the run marked raised.
        assertThat(texts(bounded)).endsWith(
                "All clients are done. A cleanup bug releases a connection nobody took:",
                "Traceback (most recent call last):",
                "  File \"SemaphoreProgram.java\", line 48, in main",
                "ValueError: Semaphore released too many times");
        assertThat(bounded.outcome()).isEqualTo(RunOutcome.RAISED);
        assertThat(bounded.exitStatus()).isEqualTo(1);
        assertThat(bounded.outcomeMessage()).isEqualTo(
                "MainThread raised ValueError: Semaphore released too many times; the program exited with status 1");
        assertThat(bounded.endTime()).isEqualTo(3_200_000);

        Trace plain = run("semaphore", Map.of("bounded", "false"));
        assertThat(transitions(plain, "MainThread")).last().asString().endsWith("dead returned");
        assertThat(texts(plain)).last().isEqualTo("No error: the semaphore now lets 4 in, for 3 connections.");
        assertThat(plain.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(plain.exitStatus()).isZero();
    }

    private static int maxInState(Trace t, Reason reason, Predicate<String> names) {
        int max = 0;
        for (int th = 0; th < t.threadCount(); th++) {
            LaneColumns l = t.lane(th);
            for (int i = 0; i < l.size(); i++) {
                long at = l.time(i);
                int n = 0;
                for (int o = 0; o < t.threadCount(); o++) {
                    LaneColumns ol = t.lane(o);
                    int k = ol.indexAt(at);
                    if (names.test(t.thread(o).name()) && k >= 0 && ol.state(k) == ThreadState.WAITING
                            && ol.reason(k) == reason) {
                        n++;
                    }
                }
                max = Math.max(max, n);
            }
        }
        return max;
    }

    // ------------------------------------------------------------------ event

    @Test
    void oneSetWakesEveryWaitingCarAndClearMakesLaterOnesWait() throws Exception {
        Trace t = run("event", Map.of());
        assertThat(output(t)).containsExactly(
                "0.000 Light: Light turns red",
                "0.700 Car-1: Car-1 arrives, the light is red",
                "1.400 Car-2: Car-2 arrives, the light is red",
                "2.000 Light: Light turns green",
                "2.000 Car-1: Car-1 drives through",
                "2.000 Car-2: Car-2 drives through",
                "2.100 Car-3: Car-3 arrives, the light is green",
                "2.100 Car-3: Car-3 drives through",
                "2.800 Car-4: Car-4 arrives, the light is green",
                "2.800 Car-4: Car-4 drives through",
                "3.000 Light: Light turns red",
                "3.500 Car-5: Car-5 arrives, the light is red",
                "5.000 Light: Light turns green",
                "5.000 Car-5: Car-5 drives through",
                "6.000 Light: All cars are through");
        assertThat(transitions(t, "Car-1")).containsSubsequence("0.700 waiting event green light",
                "2.000 runnable woken by Light");
        assertThat(transitions(t, "Car-2")).containsSubsequence("1.400 waiting event green light",
                "2.000 runnable woken by Light");
        assertThat(transitions(t, "Car-3")).noneMatch(s -> s.contains("waiting event"));
        assertThat(transitions(t, "Car-5")).containsSubsequence("3.500 waiting event green light",
                "5.000 runnable woken by Light");
    }

    // ------------------------------------------------------------------ condition

    @Test
    void notifyWakesOneCustomerAndNotifyAllWakesEveryone() throws Exception {
        Trace t = run("condition", Map.of());
        // As CPython prints it (checked with condition.py).
        assertThat(output(t)).containsExactly(
                "0.400 Baker: Baker puts loaf 1, shelf [1]",
                "0.400 Customer-1: Customer-1 takes loaf 1, shelf []",
                "0.800 Baker: Baker puts loaf 2, shelf [2]",
                "0.800 Customer-2: Customer-2 takes loaf 2, shelf []",
                "1.200 Baker: Baker puts loaf 3, shelf [3]",
                "1.600 Baker: Baker puts loaf 4, shelf [3, 4]",
                "2.400 Customer-1: Customer-1 takes loaf 3, shelf [4]",
                "2.400 Baker: Baker puts loaf 5, shelf [4, 5]",
                "2.800 Customer-2: Customer-2 takes loaf 4, shelf [5]",
                "2.800 Baker: Baker puts loaf 6, shelf [5, 6]",
                "4.400 Customer-1: Customer-1 takes loaf 5, shelf [6]",
                "4.800 Customer-2: Customer-2 takes loaf 6, shelf []",
                "7.800 Baker: Baker closes the shop",
                "7.800 Customer-1: Customer-1 goes home",
                "7.800 Customer-2: Customer-2 goes home",
                "7.800 MainThread: Shop closed, shelf []");
        // notify() at 0.4 s wakes Customer-1 only; Customer-2 waits until the next loaf.
        assertThat(transitions(t, "Customer-1")).containsSubsequence("0.000 waiting condition not empty",
                "0.400 runnable woken by Baker");
        assertThat(transitions(t, "Customer-2")).containsSubsequence("0.000 waiting condition not empty",
                "0.800 runnable woken by Baker");
        assertThat(transitions(t, "Customer-2")).noneMatch(s -> s.startsWith("0.400"));
        // The baker waits for room and the customer who takes a loaf wakes him.
        assertThat(transitions(t, "Baker")).containsSubsequence("2.000 waiting condition not full",
                "2.400 runnable woken by Customer-1");
        // notify_all() at closing wakes both waiting customers at the same instant.
        for (String c : List.of("Customer-1", "Customer-2")) {
            assertThat(transitions(t, c)).contains("7.800 runnable woken by Baker");
        }
    }

    // ------------------------------------------------------------------ deadlock

    @Test
    void locksTakenInOppositeOrderAreADetectedDeadlockNamingTheCycle() throws Exception {
        Trace t = run("deadlock", Map.of());
        assertThat(t.outcome()).isEqualTo(RunOutcome.DEADLOCK);
        assertThat(t.outcomeMessage()).isEqualTo("deadlock at 0.5 s: Alice waits for lock account B held by Bob, "
                + "Bob waits for lock account A held by Alice; a real program would hang from there "
                + "(Threadline stopped it at 1 s)");
        assertThat(transitions(t, "Alice")).last().asString().isEqualTo("0.500 waiting lock account B");
        assertThat(transitions(t, "Bob")).contains("0.500 waiting lock account A");
        assertThat(t.endTime()).isEqualTo(1_000_000);
    }

    @Test
    void oneLockOrderForEveryoneFinishes() throws Exception {
        Trace t = run("deadlock", Map.of("ordered", "true", "step", "0.25"));
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(transitions(t, "Bob")).containsSubsequence("0.000 waiting lock account A", "0.250 runnable woken by Alice");
        assertThat(texts(t)).last().isEqualTo("Accounts: {'A': 90, 'B': 110}");
        assertThat(t.endTime()).isEqualTo(500_000);
    }

    // ------------------------------------------------------------------ gil-cpu-vs-io

    @Test
    void underTheGilCpuBoundThreadsAreNoFasterButDownloadsOverlap() throws Exception {
        Trace t = run("gil-cpu-vs-io", Map.of());
        assertThat(texts(t)).endsWith(
                "CPU-bound: 1 thread 0.400 s, 4 threads 0.402 s: speed-up 1.0x",
                "I/O-bound: 1 thread 2.000 s, 4 threads 0.500 s: speed-up 4.0x");
        // Slower than serial by the GIL's forced hand-overs: 20 µs each, about one per 5 ms interval.
        assertThat(texts(t)).contains("  1 thread:  0.400 s, 8 primes", "  4 threads: 0.402 s, 8 primes");
        assertThat(maxRunningAtOnce(t, n -> n.startsWith("Checker"))).isEqualTo(1);
        // All four downloaders wait for I/O at the same time, under the same GIL.
        assertThat(maxInState(t, Reason.IO, n -> n.startsWith("Downloader"))).isEqualTo(4);
    }

    @Test
    void withoutTheGilCpuBoundThreadsRunInParallelUpToTheCores() throws Exception {
        Trace off = run("gil-cpu-vs-io", Map.of("gil", "false"));
        assertThat(texts(off)).contains("CPU-bound: 1 thread 0.400 s, 4 threads 0.100 s: speed-up 4.0x");
        assertThat(maxRunningAtOnce(off, n -> n.startsWith("Checker"))).isEqualTo(4);
        Trace twoCores = run("gil-cpu-vs-io", Map.of("gil", "false", "cores", "2"));
        // Two cores for four checkers (and the main thread starting them): about half the time.
        assertThat(texts(twoCores)).anyMatch(s -> s.startsWith("CPU-bound: 1 thread 0.400 s, 4 threads 0.20")
                && s.endsWith("speed-up 2.0x"));
    }

    // ------------------------------------------------------------------ executor

    @Test
    void asCompletedHandsOverFuturesAsTheyFinishAndMapInInputOrder() throws Exception {
        Trace t = run("executor", Map.of());
        assertThat(output(t)).containsSubsequence(
                "0.000 MainThread: submit + as_completed:",
                "1.000 MainThread:   got page 1",
                "2.000 MainThread:   got page 2",
                "2.500 MainThread:   got page 3",
                "2.500 MainThread:   got page 4",
                "3.000 MainThread:   got page 0",
                "3.000 MainThread: map:",
                "6.000 MainThread:   got ['page 0', 'page 1', 'page 2', 'page 3', 'page 4']");
        List<ResultMark> futures = ExecutorScenario.marks(t, "future");
        assertThat(futures).hasSize(10);
        assertThat(futures.subList(0, 5)).extracting(ResultMark::input).containsExactly("1", "2", "3", "4", "0");
        assertThat(futures.subList(5, 10)).extracting(ResultMark::input).containsExactly("0", "1", "2", "3", "4");
        assertThat(futures.subList(5, 10)).extracting(ResultMark::time).containsOnly(6_000_000L);
        // map waits for page 0, the slowest, although the others finish sooner.
        assertThat(transitions(t, "MainThread")).containsSubsequence("3.000 waiting result future 0",
                "6.000 runnable woken by ThreadPoolExecutor-0_1");
    }

    @Test
    void applyAsyncCallbacksRunOnTheResultHandlerInFinishingOrder() throws Exception {
        Trace t = run("executor", Map.of());
        List<ResultMark> callbacks = ExecutorScenario.marks(t, "apply_async");
        int handler = t.threadNamed("Pool-result-handler");
        assertThat(handler).isNotNegative();
        assertThat(callbacks).extracting(ResultMark::thread).containsOnly(handler);
        assertThat(callbacks).extracting(ResultMark::value).containsExactly("1", "0", "4", "16", "9");
        assertThat(callbacks).extracting(ResultMark::time)
                .containsExactly(7_000_000L, 9_000_000L, 9_000_000L, 9_500_000L, 10_500_000L);
        assertThat(output(t)).contains("7.000 Pool-result-handler:   callback got 1",
                "10.500 MainThread:   collected [1, 0, 4, 16, 9]");
        // The main thread never waits for a result here: it only joins the pool.
        assertThat(transitions(t, "MainThread").stream().filter(s -> s.compareTo("6.000") >= 0 && s.length() > 6))
                .noneMatch(s -> s.contains("waiting result"));
    }

    // ------------------------------------------------------------------ threads-vs-processes

    @Test
    void processesSpeedUpCpuWorkThatThreadsCannot() throws Exception {
        Trace t = run("threads-vs-processes", Map.of());
        assertThat(texts(t)).last().isEqualTo("Threads 0.803 s, processes 0.200 s: processes 4.0x as fast");
        assertThat(maxRunningAtOnce(t, n -> n.startsWith("ThreadPoolExecutor"))).isEqualTo(1);
        assertThat(maxRunningAtOnce(t, n -> n.startsWith("ForkPoolWorker"))).isEqualTo(4);
        assertThat(t.processCount()).isEqualTo(5);
    }

    @Test
    void processesAreLimitedByCoresAndThreadsCatchUpWithoutTheGil() throws Exception {
        assertThat(texts(run("threads-vs-processes", Map.of("cores", "2")))).last()
                .isEqualTo("Threads 0.803 s, processes 0.400 s: processes 2.0x as fast");
        assertThat(texts(run("threads-vs-processes", Map.of("gil", "false")))).last()
                .isEqualTo("Threads 0.200 s, processes 0.200 s: processes 1.0x as fast");
    }
}
