package io.threadline.export;

import io.threadline.bench.program.PingPongProgram;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.trace.ResourceColumns;
import io.threadline.trace.ResourceOp;
import io.threadline.trace.StringTable;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A text that is a plain decimal number is not kept in the string table: a queue of a million
 * ints put a million strings in it (made, hashed and kept, about 100 bytes an item). The trace
 * still says the same, and a trace read from its file numbers its texts as the run did.
 */
class NumberedTextsTest {
    @Test
    void plainDecimalsHaveIdsOfTheirOwnAndEverythingElseIsInTheTable() {
        StringTable t = new StringTable();
        assertThat(t.intern("17")).isEqualTo(StringTable.number(17));
        assertThat(t.intern("0")).isEqualTo(StringTable.number(0));
        assertThat(t.get(StringTable.number(17))).isEqualTo("17");
        assertThat(t.get(t.intern("1073741823"))).isEqualTo("1073741823");
        assertThat(t.size()).isZero();
        for (String s : List.of("017", "-1", "1.5", "1073741824", "99999999999", "", "1 ", "x1")) {
            int id = t.intern(s);
            assertThat(id).as(s).isLessThan(StringTable.NUMBER_BASE).isNotNegative();
            assertThat(t.get(id)).isEqualTo(s);
        }
        assertThat(t.size()).isEqualTo(8);
        assertThat(t.intern(null)).isEqualTo(-1);
        assertThat(t.get(-1)).isNull();
        assertThatThrownBy(() -> StringTable.number(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQueueOfIntsKeepsNoStringPerItemAndItsFileReadsBackTheSame() throws Exception {
        int rounds = 500;
        Trace run = Run.execute(new PingPongProgram(rounds), "MainThread", RunOptions.defaults(), "numbers", Map.of());
        List<String> put = new ArrayList<>();
        for (int r = 0; r < run.resourceCount(); r++) {
            ResourceColumns lane = run.resourceLane(r);
            for (int i = 0; i < lane.size(); i++) {
                if (lane.op(i) == ResourceOp.PUT && run.resource(r).name().equals("ping")) {
                    put.add(run.string(lane.arg(i)));
                }
            }
        }
        assertThat(put).hasSize(rounds).startsWith("0", "1", "2").endsWith("499");
        assertThat(run.strings().size()).as("strings kept").isLessThan(20);

        byte[] file = TraceJsonWriter.toBytes(run);
        Trace read = TraceJsonReader.read(new ByteArrayInputStream(file));
        TraceAssertions.assertSameTrace(read, run);
        assertThat(TraceJsonWriter.toBytes(read)).isEqualTo(file);
    }
}
