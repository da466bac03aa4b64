package io.threadline.ui.teach;

import io.threadline.scenario.ParamSpec;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a comparison changes first, and the pair of values it offers. */
class ComparePresetsTest {
    private static ScenarioSpec spec(String id) {
        return ScenarioCatalog.byId(id);
    }

    @Test
    void eachScenarioStartsWithTheParameterItsLessonTurnsOn() {
        assertThat(ComparePresets.firstParam(spec("producer-consumer")).name()).isEqualTo("capacity");
        assertThat(ComparePresets.firstParam(spec("pool-map-vs-imap")).name()).isEqualTo("workers");
        assertThat(ComparePresets.firstParam(spec("gil-cpu-vs-io")).name()).isEqualTo("gil");
        assertThat(ComparePresets.firstParam(spec("race-condition")).name()).isEqualTo("lock");
        assertThat(ComparePresets.firstParam(spec("daemon-cleaner")).name()).isEqualTo("daemon");
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            ParamSpec p = ComparePresets.firstParam(s);
            String[] pair = ComparePresets.pair(p, s.defaults().asText().get(p.name()));
            assertThat(p.problem(pair[0])).as(s.id() + " A").isNull();
            assertThat(p.problem(pair[1])).as(s.id() + " B").isNull();
            assertThat(pair[0]).as(s.id() + ": two different runs").isNotEqualTo(pair[1]);
        }
    }

    @Test
    void pairsAreTheClassicContrasts() {
        ScenarioSpec pc = spec("producer-consumer");
        assertThat(ComparePresets.pair(pc.param("capacity"), "3")).containsExactly("3", "0");
        assertThat(ComparePresets.valueText(pc.param("capacity"), "0")).isEqualTo("0 (unbounded)");
        assertThat(ComparePresets.pair(spec("pool-map-vs-imap").param("workers"), "4")).containsExactly("2", "8");
        assertThat(ComparePresets.pair(spec("pool-map-vs-imap").param("durations"), "2")).containsExactly("2", "varied");
        assertThat(ComparePresets.pair(pc.param("gil"), "true")).containsExactly("true", "false");
        assertThat(ComparePresets.pair(pc.param("cores"), "4")).containsExactly("1", "4");
        assertThat(ComparePresets.pair(spec("chef-soup").param("olivia"), "3")).containsExactly("3", "6");
        assertThat(ComparePresets.pair(spec("chef-soup").param("olivia"), "abc")).as("a bad value: from the default")
                .containsExactly("3", "6");
    }
}
