package io.threadline.scenario;

import io.threadline.export.TraceJsonWriter;
import io.threadline.runtime.Chooser;
import io.threadline.runtime.ReplayChooser;
import io.threadline.testing.Scenarios;
import io.threadline.trace.Choice;
import io.threadline.trace.ChoiceList;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run is its seed plus its list of picks: random picks at every choice, recorded, replayed,
 * give the same trace file byte for byte, for every scenario and many seeds; so does the list cut
 * after its last pick that was not the run's own order's.
 */
class ChoiceReplayTest {
    private static final int SEEDS = 12;

    static int[] picks(Trace t) {
        return ChoiceList.all(t);
    }

    static int[] shortest(Trace t) {
        return ChoiceList.needed(t);
    }

    private static String text(Trace t) {
        return new String(TraceJsonWriter.toBytes(t), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void randomPicksReplayedGiveTheSameTraceByteForByte(String id) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        int choices = 0;
        int changed = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Map<String, String> given = new HashMap<>(seed % 3 == 2 ? spec.stressParams(new Random(seed)) : Map.of());
            given.put(ScenarioSpec.SEED, Integer.toString(seed));
            if (seed % 4 == 1) {
                given.put(ScenarioSpec.GIL, "false");
            }
            ParamValues values = spec.values(given);
            Random random = new Random(seed * 7_919L + id.hashCode());
            Chooser anyPick = p -> random.nextInt(p.size());
            Trace first = spec.execute(values, anyPick);
            String bytes = text(first);

            Trace replayed = spec.execute(values, new ReplayChooser(picks(first)));
            assertThat(text(replayed)).as("%s seed %d replayed", id, seed).isEqualTo(bytes);

            Trace cut = spec.execute(values, new ReplayChooser(shortest(first)));
            assertThat(text(cut)).as("%s seed %d from its shortest list", id, seed).isEqualTo(bytes);

            choices += first.choiceCount();
            changed += first.choices().stream().filter(c -> !c.own()).count() > 0 ? 1 : 0;
            assertThat(first.choices()).allSatisfy(c -> assertThat(c.candidates()).doesNotHaveDuplicates());
        }
        if (choices > 0) {
            assertThat(changed).as("random picks changed some runs of %s", id).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void aRunOfTheOwnOrderNeedsNoListAndItsPicksReplayIt(String id) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        ParamValues values = spec.defaults();
        Trace own = spec.execute(values);
        assertThat(own.choices()).allMatch(Choice::own);
        assertThat(shortest(own)).isEmpty();
        assertThat(text(spec.execute(values, new ReplayChooser(picks(own))))).isEqualTo(text(own));
    }

    @Test
    void aListThatNoLongerFitsSaysWhere() throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId("race-condition");
        ParamValues two = spec.values(Map.of("threads", "2", "rounds", "2"));
        Trace t = spec.execute(two);
        assertThat(t.choiceCount()).isGreaterThanOrEqualTo(2);
        int[] list = picks(t);
        list[1] = 7;
        ReplayChooser replay = new ReplayChooser(list);
        spec.execute(two, replay);
        assertThat(replay.misfit()).startsWith("choice 2 of " + list.length + " does not fit: it picks 7, but at ")
                .contains("there are only " + t.choice(1).size() + " candidates (0: ");

        int[] longer = java.util.Arrays.copyOf(picks(t), t.choiceCount() + 3);
        ReplayChooser tooLong = new ReplayChooser(longer);
        spec.execute(two, tooLong);
        assertThat(tooLong.misfit()).isEqualTo("the run made " + t.choiceCount() + " choices and ended, but the list has "
                + longer.length + ": it does not fit from choice " + (t.choiceCount() + 1));

        ReplayChooser fits = new ReplayChooser(picks(t));
        spec.execute(two, fits);
        assertThat(fits.misfit()).isNull();
    }
}
