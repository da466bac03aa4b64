package io.threadline.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a comparison changes first, the pair of values it offers, and how a value is said. */
class ComparisonTest {
    private static ScenarioSpec spec(String id) {
        return ScenarioCatalog.byId(id);
    }

    @Test
    void eachScenarioStartsWithTheParameterItsLessonTurnsOn() {
        assertThat(spec("chef-soup").comparedParam().name()).isEqualTo("olivia");
        assertThat(spec("producer-consumer").comparedParam().name()).isEqualTo("capacity");
        assertThat(spec("pool-map-vs-imap").comparedParam().name()).isEqualTo("workers");
        assertThat(spec("gil-cpu-vs-io").comparedParam().name()).isEqualTo("gil");
        assertThat(spec("race-condition").comparedParam().name()).isEqualTo("lock");
        assertThat(spec("daemon-cleaner").comparedParam().name()).isEqualTo("daemon");
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            ParamSpec p = s.comparedParam();
            assertThat(s.params()).as(s.id()).contains(p);
            List<String> pair = p.comparisonPair(s.defaults().asText().get(p.name()));
            assertThat(p.problem(pair.get(0))).as(s.id() + " A").isNull();
            assertThat(p.problem(pair.get(1))).as(s.id() + " B").isNull();
            assertThat(pair.get(0)).as(s.id() + ": two different runs").isNotEqualTo(pair.get(1));
        }
    }

    @Test
    void pairsAreTheClassicContrasts() {
        ScenarioSpec pc = spec("producer-consumer");
        assertThat(pc.param("capacity").comparisonPair("3")).containsExactly("3", "0");
        assertThat(pc.param("capacity").comparisonPair("0")).as("unbounded now: against the default")
                .containsExactly("3", "0");
        assertThat(spec("pool-map-vs-imap").param("workers").comparisonPair("4")).containsExactly("2", "8");
        assertThat(spec("executor").param("workers").comparisonPair("3")).containsExactly("2", "8");
        assertThat(spec("pool-map-vs-imap").param("durations").comparisonPair("2")).containsExactly("2", "varied");
        assertThat(spec("pool-map-vs-imap").param("durations").comparisonPair("varied")).containsExactly("varied", "2");
        assertThat(pc.param("gil").comparisonPair("true")).containsExactly("true", "false");
        assertThat(pc.param("gil").comparisonPair("false")).containsExactly("false", "true");
        assertThat(pc.param("cores").comparisonPair("4")).containsExactly("1", "4");
        assertThat(pc.param("cores").comparisonPair("1")).containsExactly("1", "4");
        assertThat(pc.param("items").comparisonPair("10")).containsExactly("10", "20");
        assertThat(pc.param("items").comparisonPair("1000000")).as("at the limit: half")
                .containsExactly("1000000", "500000");
        assertThat(spec("chef-soup").param("olivia").comparisonPair("3")).containsExactly("3", "6");
        assertThat(spec("chef-soup").param("olivia").comparisonPair("20")).containsExactly("20", "30");
        assertThat(spec("chef-soup").param("olivia").comparisonPair("0")).containsExactly("0", "1");
        assertThat(spec("chef-soup").param("olivia").comparisonPair("abc")).as("a bad value: from the default")
                .containsExactly("3", "6");
    }

    @Test
    void valuesAreSaidWithTheirUnitsAndMeanings() {
        ScenarioSpec pc = spec("producer-consumer");
        assertThat(pc.param("capacity").valueText("0")).isEqualTo("0 (unbounded)");
        assertThat(pc.param("capacity").valueText("3")).isEqualTo("3");
        assertThat(pc.param("make").valueText("0.5")).isEqualTo("0.5 s");
        assertThat(pc.param("gil").valueText("true")).isEqualTo("on");
        assertThat(pc.param("gil").valueText("False")).isEqualTo("off");
        assertThat(spec("pool-map-vs-imap").param("durations").valueText("1,2,3,1,2,3")).isEqualTo("1,2,3,1,2,3 s");
        assertThat(spec("pool-map-vs-imap").param("durations").valueText("varied")).isEqualTo("varied");
        assertThat(pc.param("make").valueText("soon")).as("a bad value as it was typed").isEqualTo("soon");
    }

    /** A subtitle said "timeout 0 s" (barrier: no timeout) and "kill off" (processes: terminate()). */
    @Test
    void settingsAreSaidAsATitleSaysThem() {
        assertThat(spec("barrier").param("timeout").settingWords("0")).isEqualTo("timeout 0 s (none)");
        assertThat(spec("barrier").param("timeout").settingWords("1.5")).isEqualTo("timeout 1.5 s");
        assertThat(spec("processes").param("kill").settingWords("false")).isEqualTo("terminate()");
        assertThat(spec("processes").param("kill").settingWords("true")).isEqualTo("kill()");
        assertThat(spec("producer-consumer").param("gil").settingWords("false")).isEqualTo("gil off");
        assertThat(new ParamSetting(spec("processes").param("kill"), "false").words()).isEqualTo("terminate()");
    }

    @Test
    void settingsAreTheOwnParametersAndTheRuntimeSwitchesChangedNeverTheSeed() {
        ScenarioSpec chef = spec("chef-soup");
        java.util.Map<String, String> v = new java.util.LinkedHashMap<>(chef.defaults().asText());
        assertThat(chef.settings(v)).extracting(ParamSetting::assignment).containsExactly("olivia=3", "cook=0.5");
        v.put("gil", "false");
        v.put("cores", " 4");
        v.put("seed", "7");
        assertThat(chef.settings(v)).extracting(ParamSetting::assignment)
                .containsExactly("olivia=3", "cook=0.5", "gil=false");
        assertThat(chef.settings(v)).extracting(ParamSetting::words)
                .containsExactly("olivia 3 s", "cook 0.5 s", "gil off");
        assertThat(chef.settings(java.util.Map.of("cook", "1"))).as("only what the values hold")
                .extracting(ParamSetting::assignment).containsExactly("cook=1");
    }
}
