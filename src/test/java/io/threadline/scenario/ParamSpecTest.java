package io.threadline.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed parameters: names scripts rely on, defaults, ranges, and one-line messages for bad values. */
class ParamSpecTest {

    @Test
    void scenariosHaveTheParameterNamesScriptsUse() {
        assertThat(names("chef-soup")).containsExactly("olivia", "cook", "cores", "gil", "seed");
        assertThat(names("daemon-cleaner")).containsExactly("daemon", "cores", "gil", "seed");
        assertThat(names("producer-consumer")).containsExactly(
                "producers", "consumers", "items", "capacity", "make", "consume", "cores", "gil", "seed");
        assertThat(names("pool-map-vs-imap")).containsExactly("workers", "durations", "map", "cores", "gil", "seed");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ParamValues v = ScenarioCatalog.byId("chef-soup").defaults();
        assertThat(v.seconds("olivia")).isEqualTo(3.0);
        assertThat(v.seconds("cook")).isEqualTo(0.5);
        assertThat(v.integer("cores")).isEqualTo(4);
        assertThat(v.bool("gil")).isTrue();
        assertThat(v.longValue("seed")).isZero();
        assertThat(ScenarioCatalog.byId("daemon-cleaner").defaults().bool("daemon")).isTrue();
        ParamValues pool = ScenarioCatalog.byId("pool-map-vs-imap").defaults();
        assertThat(pool.integer("workers")).isEqualTo(4);
        assertThat(pool.durations("durations")).containsExactly(2.0);
    }

    @Test
    void badValuesGetOneClearLine() {
        ScenarioSpec chef = ScenarioCatalog.byId("chef-soup");
        assertThatThrownBy(() -> chef.values(Map.of("olivia", "abc")))
                .isInstanceOf(ParamException.class)
                .hasMessage("olivia: 'abc' is not a number of seconds (0 to 30 s)");
        assertThatThrownBy(() -> chef.values(Map.of("olivia", "-1")))
                .hasMessage("olivia: -1 s is out of range (0 to 30 s)");
        assertThatThrownBy(() -> chef.values(Map.of("olivia", "NaN")))
                .hasMessage("olivia: NaN s is out of range (0 to 30 s)");
        assertThatThrownBy(() -> chef.values(Map.of("cores", "0")))
                .hasMessage("cores: 0 is out of range (1 to 64)");
        assertThatThrownBy(() -> chef.values(Map.of("cores", "2.5")))
                .hasMessage("cores: '2.5' is not a whole number (1 to 64)");
        assertThatThrownBy(() -> chef.values(Map.of("gil", "maybe")))
                .hasMessage("gil: 'maybe' is not true or false");
        assertThatThrownBy(() -> chef.values(Map.of("olivia", " ")))
                .hasMessage("olivia: a value is needed (0 to 30 s)");
        assertThatThrownBy(() -> chef.values(Map.of("sausage", "1")))
                .hasMessage("unknown parameter 'sausage' for chef-soup (known: olivia, cook, cores, gil, seed)");
        ScenarioSpec pool = ScenarioCatalog.byId("pool-map-vs-imap");
        assertThatThrownBy(() -> pool.values(Map.of("durations", "1,2")))
                .hasMessage("durations: give one duration for all, 6 comma-separated durations, or 'varied' (got 2 values)");
        assertThatThrownBy(() -> pool.values(Map.of("durations", "1,2,3,4,5,x")))
                .hasMessage("durations: 'x' is not a number of seconds (0 to 60 s)");
    }

    @Test
    void goodValuesAreTyped() throws ParamException {
        ParamValues v = ScenarioCatalog.byId("pool-map-vs-imap")
                .values(Map.of("durations", "1, 2,3,4,5,6", "gil", "false", "workers", "2"));
        assertThat(v.durations("durations")).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(v.bool("gil")).isFalse();
        assertThat(v.asText()).containsEntry("workers", "2");
        assertThat(ScenarioCatalog.byId("pool-map-vs-imap").values(Map.of("durations", "Varied"))
                .durations("durations")).isNull();
    }

    @Test
    void booleansAreTrueOrFalseInAnyLetterCaseAndStoredAsTrueOrFalse() throws ParamException {
        ScenarioSpec chef = ScenarioCatalog.byId("chef-soup");
        ParamValues v = chef.values(Map.of("gil", "FALSE"));
        assertThat(v.bool("gil")).isFalse();
        assertThat(v.asText()).containsEntry("gil", "false");
        assertThat(chef.values(Map.of("gil", " True ")).asText()).containsEntry("gil", "true");
        for (String other : List.of("yes", "no", "1", "0", "on", "off", "t")) {
            assertThatThrownBy(() -> chef.values(Map.of("gil", other)))
                    .hasMessage("gil: '" + other + "' is not true or false");
        }
        assertThat(ScenarioCatalog.byId("pool-map-vs-imap").values(Map.of("durations", "VARIED")).asText())
                .containsEntry("durations", "varied");
    }

    @Test
    void problemReturnsNullForAGoodValue() {
        ParamSpec p = ScenarioCatalog.byId("chef-soup").param("cook");
        assertThat(p.problem("1.5")).isNull();
        assertThat(p.problem("99")).isEqualTo("cook: 99 s is out of range (0 to 30 s)");
    }

    private static List<String> names(String id) {
        return ScenarioCatalog.byId(id).params().stream().map(ParamSpec::name).toList();
    }
}
