package io.threadline.runtime;

import io.threadline.trace.Trace;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** Runs test programs to their end, failing (instead of hanging) if one does not end. */
final class Runs {
    private Runs() {
    }

    static Trace run(Program p) {
        return run(p, RunOptions.defaults());
    }

    static Trace run(Program p, RunOptions o) {
        return run(p, o, null);
    }

    static Trace run(Program p, RunOptions o, Chooser chooser) {
        Run run = Run.start(p, "Main", o, "test", Map.of(), chooser);
        try {
            if (!run.awaitEnd(10, TimeUnit.SECONDS)) {
                run.stop();
                fail("run did not end within 10 s; outcome " + run.outcome());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        return run.trace();
    }

    static int liveRuntimeThreads() {
        return Run.liveJavaThreads().size();
    }
}
