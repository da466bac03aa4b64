package io.threadline.python;

import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.testing.TraceText;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PythonResourceLanesTest {
    static final String DEADLOCK = """
            import threading
            import time

            lock_a = threading.Lock()
            lock_b = threading.Lock()


            def one():
                with lock_a:
                    time.sleep(0.1)
                    with lock_b:
                        print("one has both")


            def two():
                with lock_b:
                    time.sleep(0.1)
                    with lock_a:
                        print("two has both")


            t1 = threading.Thread(target=one, name="One")
            t2 = threading.Thread(target=two, name="Two")
            t1.start()
            t2.start()
            t1.join()
            t2.join()
            """;

    static Trace run(String source) throws Exception {
        Run run = UserProgram.of("mine.py", source).start(RunOptions.defaults(), TestPython.settings());
        assertThat(run.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
        return run.trace();
    }

    @Test
    void probe() throws Exception {
        Trace t = run(DEADLOCK);
        System.out.println(t.outcome() + " " + TraceText.resources(t));
        for (String r : TraceText.resources(t)) {
            String name = r.substring(r.indexOf(' ') + 1);
            System.out.println(name + ": " + TraceText.resource(t, name));
        }
        System.out.println(TraceText.transitions(t, "One"));
        System.out.println(TraceText.transitions(t, "Two"));
    }
}
