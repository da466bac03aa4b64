package io.threadline.python;

import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.testing.TraceText;
import io.threadline.trace.Reason;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * multiprocessing's shared state: a Value and an Array in shared memory, updated under a Lock
 * of the runtime from three child processes, which wait on an Event the parent sets. Each child
 * is a process of the trace's own (its own GIL), and CPython prints the same totals.
 */
class SharedStateTest {
    private static final String PROGRAM = """
            from multiprocessing import Process, Value, Array, Lock, Event, current_process
            import time
            def add(v, a, lock, ev):
                for _ in range(100):
                    with lock:
                        v.value += 1
                a[0] = 42
                ev.wait()
                print(current_process().name, "saw the event")
            if __name__ == "__main__":
                v = Value('i', 0)
                a = Array('i', [0, 0, 0])
                lock = Lock()
                ev = Event()
                ps = [Process(target=add, args=(v, a, lock, ev)) for _ in range(3)]
                for p in ps: p.start()
                time.sleep(1)
                ev.set()
                for p in ps: p.join()
                print(v.value, a[:], [p.exitcode for p in ps])
            """;

    @Test
    void childrenShareMemoryAndTheRuntimesLocksAsInCPython() throws Exception {
        Run run = UserProgram.of("shared.py", PROGRAM).start(RunOptions.defaults(), TestPython.settings());
        assertThat(run.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
        Trace t = run.trace();
        List<String> out = TraceText.texts(t);
        assertThat(out.subList(0, 3)).containsExactlyInAnyOrder("Process-1 saw the event", "Process-2 saw the event",
                "Process-3 saw the event");
        assertThat(out.get(3)).isEqualTo("300 [42, 0, 0] [0, 0, 0]")
                .isEqualTo(lastLine(TestPython.cpython(null, "-c", PROGRAM).stdout()));
        assertThat(t.processCount()).isEqualTo(4);
        assertThat(TraceText.transitions(t, "Process-1")).anyMatch(s -> s.contains("waiting " + Reason.EVENT.label()));
        assertThat(t.endTime()).isBetween(1_000_000L, 1_010_000L);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
