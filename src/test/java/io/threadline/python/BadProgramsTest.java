package io.threadline.python;

import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Programs that go wrong get one clear line each, and leave no CPython process behind: after
 * every test, none of this JVM's child processes is a Python of a run.
 */
class BadProgramsTest {
    @AfterEach
    void noPythonProcessIsLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((!pythonChildren().isEmpty() || !PythonProcesses.live().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pythonChildren()).isEmpty();
        assertThat(PythonProcesses.live()).isEmpty();
    }

    static List<String> pythonChildren() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("threadline_bridge")).toList();
    }

    private static Trace run(String source, PythonSettings settings) throws Exception {
        Run run = UserProgram.of("bad.py", source).start(RunOptions.defaults(), settings);
        assertThat(run.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
        return run.trace();
    }

    private static Trace run(String source) throws Exception {
        return run(source, TestPython.settings());
    }

    @Test
    void aSyntaxErrorIsOneLineWithFileLineAndMessageAndNothingRuns() {
        ProgramException e = assertThrows(ProgramException.class, () -> run("print('a')\ndef f(:\n    pass\n"));
        assertThat(e.kind()).isEqualTo(ProgramException.Kind.SYNTAX);
        assertThat(e.getMessage()).isEqualTo("bad.py, line 2: SyntaxError: invalid syntax");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(7);
    }

    @Test
    void aNameErrorInAThreadEndsItRaisedWithItsTracebackAndTheRunGoesOn() throws Exception {
        Trace t = run("""
                import threading
                def work():
                    print(undefined)
                t = threading.Thread(target=work, name="Worker")
                t.start()
                t.join()
                print("main goes on")
                """);
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        var lane = t.lane(t.threadNamed("Worker"));
        assertThat(lane.reason(lane.size() - 1).label()).isEqualTo("raised");
        assertThat(t.string(lane.detail(lane.size() - 1))).isEqualTo("NameError: name 'undefined' is not defined");
        List<String> err = t.output().stream().filter(o -> o.error()).map(o -> o.text()).toList();
        assertThat(err.get(0)).isEqualTo("Exception in thread Worker:");
        assertThat(err).contains("Traceback (most recent call last):", "NameError: name 'undefined' is not defined");
        assertThat(t.output().get(t.outputCount() - 1).text()).isEqualTo("main goes on");
    }

    @Test
    void anInfiniteLoopIsStoppedAtTheLineLimitSayingSo() throws Exception {
        Trace t = run("x = 0\nwhile True:\n    x += 1\n", TestPython.settings().withMaxLines(300_000));
        assertThat(t.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(t.outcomeMessage()).isEqualTo(
                "stopped: the program executed more than 300,000 lines (the limit; raise it with --set max_lines=N)");
    }

    @Test
    void anInfiniteLoopIsStoppedAtTheTimeLimitWhenLinesCostMore() throws Exception {
        Run run = UserProgram.of("bad.py", "while True:\n    pass\n").start(RunOptions.defaults().withTimeLimit(1_000_000),
                TestPython.settings().withLineCost(10_000));
        assertThat(run.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.trace().outcome()).isEqualTo(RunOutcome.TIME_LIMIT);
        assertThat(run.trace().endTime()).isEqualTo(1_000_000);
    }

    @Test
    void aDeadlockNamesItsCycle() throws Exception {
        Trace t = run("""
                import threading, time
                a = threading.Lock()
                b = threading.Lock()
                def one():
                    with a:
                        time.sleep(0.1)
                        with b:
                            pass
                def two():
                    with b:
                        time.sleep(0.1)
                        with a:
                            pass
                x = threading.Thread(target=one, name="One")
                y = threading.Thread(target=two, name="Two")
                x.start(); y.start(); x.join(); y.join()
                """);
        assertThat(t.outcome()).isEqualTo(RunOutcome.DEADLOCK);
        // Dated when the cycle closed (just after 0.1 s, the Python code's own time), the threads left waiting.
        assertThat(t.outcomeMessage()).startsWith("deadlock at 0.1")
                .contains(": One waits for lock b held by Two, Two waits for lock a held by One; a real program "
                        + "would hang from there");
    }

    @Test
    void aMillionPrintsStopAtTheOutputLimit() throws Exception {
        Trace t = run("for i in range(1000000):\n    print(i)\n", TestPython.settings().withMaxOutput(20_000));
        assertThat(t.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(t.outcomeMessage()).isEqualTo(
                "stopped: the program printed more than 20,000 lines (the limit; raise it with --set max_output=N)");
        assertThat(t.outputCount()).isEqualTo(20_000);
    }

    @Test
    void fiveHundredThreadsStopAtTheThreadLimit() throws Exception {
        Trace t = run("""
                import threading, time
                ts = [threading.Thread(target=time.sleep, args=(1,)) for _ in range(500)]
                for t in ts:
                    t.start()
                """);
        assertThat(t.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(t.outcomeMessage()).isEqualTo(
                "stopped: the program started more than 256 threads (the limit; raise it with --set max_threads=N)");
    }

    @Test
    void osExitInAChildEndsThatProcessAndTheRunGoesOn() throws Exception {
        Trace t = run("""
                import multiprocessing, os
                def child():
                    print("child says bye")
                    os._exit(7)
                if __name__ == "__main__":
                    p = multiprocessing.Process(target=child)
                    p.start()
                    p.join()
                    print("exit code", p.exitcode)
                """);
        assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(t.output().stream().map(o -> o.text()).toList()).containsExactly("child says bye", "exit code 7");
    }

    @Test
    void aMissingInterpreterIsOneLine() {
        ProgramException e = assertThrows(ProgramException.class,
                () -> run("print(1)", PythonSettings.defaults().withInterpreter("/no/such/python3")));
        assertThat(e.kind()).isEqualTo(ProgramException.Kind.INTERPRETER);
        assertThat(e.getMessage()).isEqualTo(
                "cannot run the Python interpreter '/no/such/python3' (give the path of a CPython 3.9 or newer)");
    }

    @Test
    void aThreadBlockedInCOutsideTheRuntimeIsStoppedByTheWatchdogNamingItsLine() throws Exception {
        Run run = UserProgram.of("bad.py", "import os\nr, w = os.pipe()\nos.read(r, 1)\n")
                .start(RunOptions.defaults().withStallLimit(500), TestPython.settings());
        assertThat(run.awaitEnd(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.trace().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(run.trace().outcomeMessage()).startsWith("stopped: MainThread has not come back to the runtime for")
                .contains("(bad.py, line 3): it is blocked outside Threadline's runtime");
    }

    @Test
    void inputStopsTheRunNamingTheCallAndTheLine() throws Exception {
        Trace t = run("print('name?')\nname = input()\n");
        assertThat(t.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(t.outcomeMessage()).isEqualTo(
                "stopped: input() is not supported in a Threadline run: the program has no keyboard to read (bad.py, line 2)");
    }

    @Test
    void stoppingARunEndsEveryProcessOfIt() throws Exception {
        Run run = UserProgram.of("bad.py", """
                import multiprocessing, time
                def child():
                    time.sleep(100)
                if __name__ == "__main__":
                    ps = [multiprocessing.Process(target=child) for _ in range(3)]
                    for p in ps:
                        p.start()
                    time.sleep(100)
                """).start(RunOptions.defaults().paced(1), TestPython.settings());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pythonChildren().size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pythonChildren()).hasSize(4);
        run.stop();
        assertThat(run.awaitEnd(10, TimeUnit.SECONDS)).isTrue();
        assertThat(run.trace().outcome()).isEqualTo(RunOutcome.STOPPED);
    }
}
