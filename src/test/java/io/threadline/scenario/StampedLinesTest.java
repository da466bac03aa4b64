package io.threadline.scenario;

import io.threadline.runtime.Lines;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build stamps the scenario programs' lines into their classes; a run then reads the line of
 * each runtime call from its thread instead of walking the stack. The two must agree on every
 * transition of every scenario: the walk is the reference.
 */
class StampedLinesTest {
    @Test
    void theBuildStampedEveryScenarioProgram() throws Exception {
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            assertThat(s.programClass().getDeclaredField(Lines.MARKER)).as(s.id()).isNotNull();
        }
    }

    @Test
    void stampedLinesAreTheLinesTheStackWalkFinds() throws Exception {
        List<Object[]> runs = new ArrayList<>();
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            runs.add(new Object[] {s, Map.<String, String>of()});
        }
        runs.add(new Object[] {ScenarioCatalog.byId("pool-map-vs-imap"), Map.of("durations", "varied")});
        runs.add(new Object[] {ScenarioCatalog.byId("race-condition"), Map.of("lock", "true")});
        int checked = 0;
        int withLine = 0;
        for (Object[] r : runs) {
            ScenarioSpec s = (ScenarioSpec) r[0];
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) r[1];
            if (!s.params().stream().map(ParamSpec::name).toList().containsAll(params.keySet())) {
                throw new AssertionError(s.id() + " has no parameter among " + params.keySet());
            }
            Trace stamped = s.execute(s.values(params));
            Trace walked;
            System.setProperty(Lines.WALK_PROPERTY, "true");
            try {
                walked = s.execute(s.values(params));
            } finally {
                System.clearProperty(Lines.WALK_PROPERTY);
            }
            assertThat(stamped.threadCount()).as(s.id()).isEqualTo(walked.threadCount());
            for (int t = 0; t < stamped.threadCount(); t++) {
                LaneColumns a = stamped.lane(t);
                LaneColumns b = walked.lane(t);
                assertThat(a.size()).as(s.id() + " thread " + t).isEqualTo(b.size());
                for (int i = 0; i < a.size(); i++) {
                    assertThat(a.line(i)).as("%s %s event %d (%s %s at %d)", s.id(), stamped.thread(t).name(), i,
                            a.state(i), a.reason(i), a.time(i)).isEqualTo(b.line(i));
                    checked++;
                    withLine += a.line(i) > 0 ? 1 : 0;
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000);
        assertThat(withLine).isGreaterThan(checked / 2);
    }
}
