package io.threadline.python;

import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.testing.TraceText;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where threads are preempted: only where CPython itself can switch (since 3.10, calls and the
 * jumps back of loops), once the switch interval is up and another thread wants the GIL. So an
 * update on one line is never lost, as in CPython 3.10+, while a read, a call and a write on
 * separate lines lose updates, the same ones on every run.
 */
class SwitchPointsTest {
    private static final String ONE_LINE = """
            import threading
            counter = 0
            def work():
                global counter
                for _ in range(N):
                    counter += 1
            ts = [threading.Thread(target=work) for _ in range(4)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            print(counter)
            """;

    private static final String SEPARATE_LINES = """
            import threading
            counter = 0
            def nothing():
                pass
            def work():
                global counter
                for _ in range(N):
                    seen = counter
                    nothing()
                    counter = seen + 1
            ts = [threading.Thread(target=work) for _ in range(4)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            print(counter)
            """;

    @Test
    void anIncrementOnOneLineLosesNoUpdateAsInCPython() throws Exception {
        // 60,000 increments take a thread about 6 ms of CPU: each is preempted once.
        String program = ONE_LINE.replace("N", "60000");
        Trace t = run(program, RunOptions.defaults());
        assertThat(preemptions(t)).isGreaterThanOrEqualTo(4);
        assertThat(TraceText.texts(t)).containsExactly("240000").isEqualTo(cpython(program));
    }

    @Test
    void aReadACallAndAWriteLoseUpdatesTheSameOnEveryRun() throws Exception {
        String program = SEPARATE_LINES.replace("N", "60000");
        Trace first = run(program, RunOptions.defaults());
        int counter = Integer.parseInt(TraceText.texts(first).get(0));
        assertThat(counter).isLessThan(240_000).isGreaterThan(60_000);
        assertThat(TraceText.texts(run(program, RunOptions.defaults()))).containsExactly(Integer.toString(counter));
        assertThat(TraceText.dump(run(program, RunOptions.defaults()))).isEqualTo(TraceText.dump(first));
        // another seed, another place in the loop at each switch: other updates are lost
        assertThat(TraceText.texts(run(program, RunOptions.defaults().withSeed(1)))).doesNotContain(
                Integer.toString(counter));
    }

    @Test
    void withoutTheGilNothingWaitsForASwitchInterval() throws Exception {
        // eight cores for five threads: nobody waits for a core either
        Trace t = run(SEPARATE_LINES.replace("N", "20000"), RunOptions.defaults().withGil(false).withCores(8));
        assertThat(preemptions(t)).isZero();
    }

    @Test
    void aLongerSwitchIntervalPreemptsLessOften() throws Exception {
        // 150,000 increments: about 15 ms of CPU a thread
        String program = "import sys\nsys.setswitchinterval(0.01)\n" + ONE_LINE.replace("N", "150000");
        Trace longer = run(program, RunOptions.defaults());
        Trace usual = run(ONE_LINE.replace("N", "150000"), RunOptions.defaults());
        assertThat(preemptions(longer)).isPositive().isLessThan(preemptions(usual) / 2);
    }

    private static long preemptions(Trace t) {
        long n = 0;
        for (int i = 0; i < t.threadCount(); i++) {
            for (int k = 0; k < t.lane(i).size(); k++) {
                if (t.lane(i).reason(k) == io.threadline.trace.Reason.PREEMPTED) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Trace run(String program, RunOptions options) throws Exception {
        Run run = UserProgram.of("counter.py", program).start(options, TestPython.settings());
        assertThat(run.awaitEnd(120, TimeUnit.SECONDS)).isTrue();
        return run.trace();
    }

    private static List<String> cpython(String program) throws Exception {
        return List.of(TestPython.cpython(null, "-c", program).stdout().strip().split("\n"));
    }
}
