package io.threadline.ui;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.RunOutcome;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    @Test
    void timesAndSpeeds() {
        assertThat(Formats.seconds(0)).isEqualTo("0.000 s");
        assertThat(Formats.seconds(3_000_000)).isEqualTo("3.000 s");
        assertThat(Formats.seconds(1_234_567)).isEqualTo("1.235 s");
        assertThat(Formats.secondsColumn(500_000)).isEqualTo("0.500");
        assertThat(Formats.speed(0.25)).isEqualTo("0.25x");
        assertThat(Formats.speed(0.5)).isEqualTo("0.5x");
        assertThat(Formats.speed(8)).isEqualTo("8x");
    }

    @Test
    void titleNamesTheScenariosOwnParametersAndChangedRuntimeOnes() {
        ScenarioSpec chef = ScenarioCatalog.byId("chef-soup");
        Map<String, String> v = new LinkedHashMap<>(chef.defaults().asText());
        assertThat(Formats.keyParams(chef, v)).isEqualTo("olivia 3 s, cook 0.5 s");
        v.put("gil", "false");
        v.put("cores", "4");
        assertThat(Formats.keyParams(chef, v)).isEqualTo("olivia 3 s, cook 0.5 s, gil off");
        ScenarioSpec daemon = ScenarioCatalog.byId("daemon-cleaner");
        assertThat(Formats.keyParams(daemon, daemon.defaults().asText())).isEqualTo("daemon on");
    }

    @Test
    void headingKeepsEachSettingsWordsOnOneLine() {
        ScenarioSpec chef = ScenarioCatalog.byId("chef-soup");
        Map<String, String> v = new LinkedHashMap<>(chef.defaults().asText());
        v.put("gil", "false");
        String heading = Formats.headingParams(chef, v);
        // a line may end only after a comma: the spaces inside "cook 0.5 s" do not break
        assertThat(heading).isEqualTo("olivia\u00A03\u00A0s, cook\u00A00.5\u00A0s, gil\u00A0off");
        assertThat(heading.replace('\u00A0', ' ')).isEqualTo(Formats.keyParams(chef, v));
    }

    @Test
    void newsHeadedByWhatHappenedSaysItOnce() {
        assertThat(Formats.headed("Deadlock", "deadlock at 0.5 s: Alice waits for lock_b"))
                .isEqualTo("Deadlock at 0.5 s: Alice waits for lock_b");
        assertThat(Formats.headed("Time limit", "MainThread is still alive")).isEqualTo("Time limit — MainThread is still alive");
        assertThat(Formats.headed("Deadlock", "")).isEqualTo("Deadlock");
        assertThat(Formats.headed("Deadlock", null)).isEqualTo("Deadlock");
    }

    @Test
    void fieldProblemDropsTheNameTheFieldAlreadyShows() {
        ScenarioSpec chef = ScenarioCatalog.byId("chef-soup");
        var olivia = chef.param("olivia");
        assertThat(Formats.fieldProblem(olivia, olivia.problem("abc")))
                .isEqualTo("'abc' is not a number of seconds (0 to 30 s)");
        assertThat(Formats.fieldProblem(olivia, olivia.problem("-1"))).startsWith("-1 s is out of range");
        assertThat(Formats.fieldProblem(olivia, olivia.problem("2"))).isNull();
    }

    @Test
    void outcomeWords() {
        assertThat(Formats.outcome(null)).isEqualTo("No run yet");
        assertThat(Formats.outcome(RunOutcome.DEADLOCK)).isEqualTo("Deadlock");
        assertThat(Formats.outcome(RunOutcome.TIME_LIMIT)).isEqualTo("Time limit");
    }

    @Test
    void searchMatchesEveryWordInTitleSummaryOrId() {
        ScenarioSpec pool = ScenarioCatalog.byId("pool-map-vs-imap");
        assertThat(ScenarioBrowser.matches(pool, new String[]{"pool"})).isTrue();
        assertThat(ScenarioBrowser.matches(pool, new String[]{"imap", "workers"})).isFalse();
        assertThat(ScenarioBrowser.matches(pool, new String[]{"imap", "worker"})).isTrue();
        assertThat(ScenarioBrowser.matches(pool, new String[]{"chef"})).isFalse();
        assertThat(ScenarioBrowser.matches(pool, new String[]{""})).isTrue();
    }
}
