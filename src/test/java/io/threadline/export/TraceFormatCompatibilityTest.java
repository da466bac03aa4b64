package io.threadline.export;

import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version 1 file saved by an earlier build must stay readable, and be written back the same:
 * the format is a promise to users' saved files, whatever the runtime does today.
 */
class TraceFormatCompatibilityTest {
    private static byte[] saved() throws Exception {
        try (InputStream in = TraceFormatCompatibilityTest.class.getResourceAsStream("/traces/chef-soup-v1.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aSavedVersion1FileReadsBackAndIsWrittenIdentically() throws Exception {
        byte[] bytes = saved();

        Trace trace = TraceReaderErrorsTest.read(bytes);

        assertThat(TraceJsonWriter.toBytes(trace)).isEqualTo(bytes);
        assertThat(trace.scenario()).isEqualTo("chef-soup");
        assertThat(trace.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(trace.endTime()).isEqualTo(3_000_000);
        int barron = trace.threadNamed("Barron");
        int olivia = trace.threadNamed("Olivia");
        assertThat(trace.stateAt(barron, 1_000_000)).isEqualTo(ThreadState.WAITING);
        int join = trace.lane(barron).indexAt(1_000_000);
        assertThat(trace.lane(barron).reason(join)).isEqualTo(Reason.JOIN);
        assertThat(trace.lane(barron).time(join)).isEqualTo(500_000);
        assertThat(trace.lane(barron).cause(join + 1)).isEqualTo(olivia);
        assertThat(trace.spanEnd(barron, join)).isEqualTo(3_000_000);
    }
}
