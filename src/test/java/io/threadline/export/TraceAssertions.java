package io.threadline.export;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.ResourceColumns;
import io.threadline.trace.Trace;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Column-by-column comparison of two traces. */
final class TraceAssertions {
    private TraceAssertions() {
    }

    static void assertSameTrace(Trace actual, Trace expected) {
        assertThat(actual.scenario()).as("scenario").isEqualTo(expected.scenario());
        assertThat(List.copyOf(actual.params().entrySet())).as("params, in order")
                .isEqualTo(List.copyOf(expected.params().entrySet()));
        assertThat(actual.seed()).as("seed").isEqualTo(expected.seed());
        assertThat(actual.clock()).as("clock").isEqualTo(expected.clock());
        assertThat(actual.source()).as("program text").isEqualTo(expected.source());
        assertThat(actual.outcome()).as("outcome").isEqualTo(expected.outcome());
        assertThat(actual.outcomeMessage()).as("outcome message").isEqualTo(expected.outcomeMessage());
        assertThat(actual.endTime()).as("end time").isEqualTo(expected.endTime());
        assertThat(actual.choices()).as("choices").isEqualTo(expected.choices());

        assertThat(actual.processCount()).as("processes").isEqualTo(expected.processCount());
        for (int p = 0; p < expected.processCount(); p++) {
            assertThat(actual.process(p)).isEqualTo(expected.process(p));
        }
        assertThat(actual.strings().size()).as("string table").isEqualTo(expected.strings().size());
        for (int s = 0; s < expected.strings().size(); s++) {
            assertThat(actual.string(s)).as("string %d", s).isEqualTo(expected.string(s));
        }
        assertThat(actual.threadCount()).as("threads").isEqualTo(expected.threadCount());
        for (int t = 0; t < expected.threadCount(); t++) {
            assertThat(actual.thread(t)).isEqualTo(expected.thread(t));
            LaneColumns a = actual.lane(t);
            LaneColumns e = expected.lane(t);
            assertThat(a.size()).as("events of thread %d", t).isEqualTo(e.size());
            for (int i = 0; i < e.size(); i++) {
                String where = "thread " + t + " event " + i;
                assertThat(a.time(i)).as(where + " time").isEqualTo(e.time(i));
                assertThat(a.state(i)).as(where + " state").isEqualTo(e.state(i));
                assertThat(a.reason(i)).as(where + " reason").isEqualTo(e.reason(i));
                assertThat(a.cause(i)).as(where + " cause").isEqualTo(e.cause(i));
                assertThat(a.detail(i)).as(where + " detail id").isEqualTo(e.detail(i));
                assertThat(a.line(i)).as(where + " line").isEqualTo(e.line(i));
            }
        }
        assertThat(actual.resourceCount()).as("resources").isEqualTo(expected.resourceCount());
        for (int r = 0; r < expected.resourceCount(); r++) {
            assertThat(actual.resource(r)).isEqualTo(expected.resource(r));
            ResourceColumns a = actual.resourceLane(r);
            ResourceColumns e = expected.resourceLane(r);
            assertThat(a.size()).as("events of resource %d", r).isEqualTo(e.size());
            for (int i = 0; i < e.size(); i++) {
                String where = "resource " + r + " event " + i;
                assertThat(a.time(i)).as(where + " time").isEqualTo(e.time(i));
                assertThat(a.op(i)).as(where + " op").isEqualTo(e.op(i));
                assertThat(a.thread(i)).as(where + " thread").isEqualTo(e.thread(i));
                assertThat(a.arg(i)).as(where + " arg").isEqualTo(e.arg(i));
            }
        }
        assertThat(actual.output()).as("output").isEqualTo(expected.output());
        assertThat(actual.results()).as("results").isEqualTo(expected.results());
        List<CounterTrack> ac = actual.counters();
        List<CounterTrack> ec = expected.counters();
        assertThat(ac).as("counter tracks").hasSameSizeAs(ec);
        for (int c = 0; c < ec.size(); c++) {
            assertThat(ac.get(c).name()).isEqualTo(ec.get(c).name());
            assertThat(ac.get(c).expected()).as("expected value of " + ec.get(c).name()).isEqualTo(ec.get(c).expected());
            assertThat(ac.get(c).size()).as("samples of " + ec.get(c).name()).isEqualTo(ec.get(c).size());
            for (int i = 0; i < ec.get(c).size(); i++) {
                assertThat(ac.get(c).get(i)).isEqualTo(ec.get(c).get(i));
            }
        }
    }
}
