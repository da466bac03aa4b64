package io.threadline.python;

import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.testing.TraceText;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * threading (Thread subclass, join with timeout, local, Barrier, Condition.wait_for, Event,
 * Timer, BoundedSemaphore, RLock), queue (Queue, LifoQueue, PriorityQueue, SimpleQueue,
 * timeouts, task_done and join), time and ThreadPoolExecutor (as_completed, wait,
 * add_done_callback, result with timeout, map) in one program whose output does not depend on
 * scheduling: the bridge prints what python3 prints, and names each wait as the scenarios do.
 */
class ThreadingTourTest {
    @Test
    void theBridgePrintsWhatPython3PrintsAndNamesEveryWait() throws Exception {
        Path file = Files.createTempFile("threading_tour", ".py");
        try (InputStream in = getClass().getResourceAsStream("/io/threadline/python/threading_tour.py")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Run run = UserProgram.read(file).start(RunOptions.defaults(), TestPython.settings());
            assertThat(run.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
            Trace t = run.trace();
            assertThat(t.outcome()).isEqualTo(RunOutcome.COMPLETED);
            List<String> expected = List.of(TestPython.cpython(null, file.toString()).stdout().split("\n"));
            assertThat(TraceText.texts(t)).isEqualTo(expected);
            Set<Reason> waits = new HashSet<>();
            for (int i = 0; i < t.threadCount(); i++) {
                for (int k = 0; k < t.lane(i).size(); k++) {
                    waits.add(t.lane(i).reason(k));
                }
            }
            assertThat(waits).contains(Reason.JOIN, Reason.BARRIER, Reason.CONDITION, Reason.EVENT, Reason.SEMAPHORE,
                    Reason.QUEUE_GET, Reason.QUEUE_PUT, Reason.QUEUE_JOIN, Reason.RESULT, Reason.START_HANDSHAKE,
                    Reason.SLEEP, Reason.TIMEOUT);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
