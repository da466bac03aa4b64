package io.threadline.runtime;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.CounterTrack;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Counters a program draws under the lanes: the values at the times they were set. */
class SimCounterTest {

    @Test
    void setAndAddAreRecordedAtTheirTimes() {
        Trace t = Runs.run(new Program() {
            @Override
            protected void main() {
                SimCounter c = counter("shared", 5);
                sleep(1);
                c.add(2);
                sleep(1);
                c.set(1);
                print(c.get());
            }
        });
        CounterTrack track = t.counters().get(0);
        assertThat(track.name()).isEqualTo("shared");
        assertThat(track.valueAt(0)).isEqualTo(5);
        assertThat(track.valueAt(1_000_000)).isEqualTo(7);
        assertThat(track.valueAt(2_500_000)).isEqualTo(1);
        assertThat(t.output().get(0).text()).isEqualTo("1");
    }

    @Test
    void theRaceScenarioDrawsTheSharedCounterEndingBelowExpectedWithoutTheLock() throws Exception {
        ScenarioSpec race = ScenarioCatalog.byId("race-condition");
        Trace unlocked = race.execute(race.defaults());
        CounterTrack c = unlocked.counters().stream().filter(x -> x.name().equals("counter")).findFirst().orElseThrow();
        long expected = (long) race.defaults().integer("threads") * race.defaults().integer("rounds");
        assertThat(c.valueAt(unlocked.endTime())).isLessThan(expected);
        Trace locked = race.execute(race.values(java.util.Map.of("lock", "true")));
        CounterTrack d = locked.counters().stream().filter(x -> x.name().equals("counter")).findFirst().orElseThrow();
        assertThat(d.valueAt(locked.endTime())).isEqualTo(expected);
    }
}
