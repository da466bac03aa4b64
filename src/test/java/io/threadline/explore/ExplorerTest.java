package io.threadline.explore;

import io.threadline.export.TraceJsonWriter;
import io.threadline.runtime.ReplayChooser;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.scenario.SearchGoal;
import io.threadline.trace.Choice;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search finds the scenarios' known bugs, proves their fixes within its bound, and shows the simplest schedule. */
class ExplorerTest {
    static Exploration explore(String id, Map<String, String> params, String goal, Strategy strategy)
            throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        ParamValues values = spec.values(params);
        SearchGoal g = Goals.parse(goal, spec, values);
        return new Explorer(spec, values, g, strategy).run();
    }

    static Strategy exhaustive(int bound) {
        return new Strategy.Exhaustive(bound, Strategy.DEFAULT_LIMIT);
    }

    @Test
    void findsTheLostUpdateOfTheRaceWithoutALockWithOnePreemption() throws Exception {
        Map<String, String> small = Map.of("threads", "2", "rounds", "2");
        Exploration x = explore("race-condition", small, "lost-update", exhaustive(2));
        assertThat(x.isFound()).isTrue();
        Finding f = x.found();
        assertThat(f.preemptions()).isEqualTo(1);
        assertThat(f.minimal()).isTrue();
        assertThat(f.decidedBy()).contains("Thread-1 was preempted between its read and its write, and MainThread ran");
        assertThat(f.trace().output()).anyMatch(o -> o.text().contains("an update is lost"));
        assertThat(x.summary()).startsWith("found a lost update in schedule ");

        // shown as a run: its choices make it again, byte for byte
        ScenarioSpec spec = ScenarioCatalog.byId("race-condition");
        Trace again = spec.execute(spec.values(small), new ReplayChooser(f.picks()));
        assertThat(TraceJsonWriter.toBytes(again)).isEqualTo(TraceJsonWriter.toBytes(f.trace()));
    }

    @Test
    void provesTheLockFixesItWithinTheBound() throws Exception {
        Exploration x = explore("race-condition", Map.of("threads", "2", "rounds", "2", "lock", "true"), "lost-update",
                exhaustive(2));
        assertThat(x.isFound()).isFalse();
        assertThat(x.complete()).isTrue();
        assertThat(x.schedules()).isGreaterThan(10);
        assertThat(x.summary()).matches("no lost update in all [0-9,]+ schedules with at most 2 preemptions \\(.*\\)");
    }

    @Test
    void findsTheDeadlockOfUnorderedLocksAndProvesOrderedOnesFree() throws Exception {
        Exploration bug = explore("deadlock", Map.of(), "cycle", exhaustive(2));
        assertThat(bug.isFound()).isTrue();
        assertThat(bug.found().trace().outcome()).isEqualTo(RunOutcome.DEADLOCK);
        assertThat(bug.found().changed()).isZero();
        assertThat(bug.found().decidedBy()).startsWith("no choice had to change");

        // with no time between the two locks, only an interleaving can deadlock them
        Exploration tight = explore("deadlock", Map.of("step", "0"), "cycle", exhaustive(2));
        assertThat(tight.isFound()).isTrue();
        assertThat(tight.found().changed()).isPositive();

        for (String step : new String[] {"0", "0.5"}) {
            Exploration fixed = explore("deadlock", Map.of("ordered", "true", "step", step), "deadlock", exhaustive(3));
            assertThat(fixed.isFound()).isFalse();
            assertThat(fixed.complete()).isTrue();
            assertThat(fixed.summary()).startsWith("no deadlock in all ");
        }
    }

    @Test
    void findsTheSelfDeadlockOfAPlainLockAndProvesTheRLockFree() throws Exception {
        Exploration bug = explore("rlock", Map.of("reentrant", "false"), "deadlock", exhaustive(2));
        assertThat(bug.isFound()).isTrue();
        Exploration fixed = explore("rlock", Map.of("reentrant", "true"), "deadlock", exhaustive(2));
        assertThat(fixed.isFound()).isFalse();
        assertThat(fixed.complete()).isTrue();
    }

    @Test
    void aSemaphoreNeverLetsMoreInThanItsPermits() throws Exception {
        Exploration x = explore("semaphore", Map.of("clients", "4", "permits", "2"), "too-many-holders", exhaustive(1));
        assertThat(x.isFound()).isFalse();
        assertThat(x.complete()).isTrue();
        assertThat(x.summary()).startsWith("never more than 2 clients holding a connection at once in all ");
    }

    @Test
    void theRandomStrategyFindsTheRaceAndShrinksItToTheSimplest() throws Exception {
        Exploration x = explore("race-condition", Map.of("threads", "3", "rounds", "2"), "lost-update",
                new Strategy.Randomized(200, 3, 7));
        assertThat(x.isFound()).isTrue();
        assertThat(x.found().preemptions()).isEqualTo(1);
        assertThat(x.found().minimal()).isTrue();
        Exploration exhaustive = explore("race-condition", Map.of("threads", "3", "rounds", "2"), "lost-update",
                exhaustive(2));
        assertThat(x.found().changed()).isEqualTo(exhaustive.found().changed());
    }

    @Test
    void aSearchStopsAtItsLimitAndSaysNotAllWereTried() throws Exception {
        Exploration x = explore("race-condition", Map.of("lock", "true"), "lost-update",
                new Strategy.Exhaustive(2, 30));
        assertThat(x.isFound()).isFalse();
        assertThat(x.complete()).isFalse();
        assertThat(x.schedules()).isEqualTo(30);
        assertThat(x.summary()).startsWith("no lost update in the 30 schedules tried (exhaustive with at most 2"
                + " preemptions, stopped at its limit: not all were tried)");
    }

    @Test
    void aCancelledSearchEndsSoonAndSaysSo() throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId("race-condition");
        ParamValues values = spec.values(Map.of("lock", "true"));
        Explorer e = new Explorer(spec, values, Goals.parse("lost-update", spec, values), exhaustive(2));
        Thread canceller = new Thread(() -> {
            while (e.schedules() < 5) {
                Thread.onSpinWait();
            }
            e.cancel();
        });
        canceller.start();
        Exploration x = e.run();
        canceller.join();
        assertThat(x.cancelled()).isTrue();
        assertThat(x.complete()).isFalse();
        assertThat(x.schedules()).isLessThan(Strategy.DEFAULT_LIMIT);
        assertThat(x.summary()).contains("cancelled: not all were tried");
    }

    @Test
    void theGeneralGoalsWorkOnAnyScenario() throws Exception {
        Map<String, String> small = Map.of("threads", "2", "rounds", "2");
        assertThat(explore("race-condition", small, "counter < 4", exhaustive(1)).isFound()).isTrue();
        assertThat(explore("race-condition", small, "counter < 2", exhaustive(2)).isFound()).isFalse();
        assertThat(explore("race-condition", small, "max(counter) >= 4", exhaustive(0)).isFound()).isTrue();
        assertThat(explore("race-condition", small, "printed \"update(s) lost\"", exhaustive(0)).isFound()).isTrue();
        assertThat(explore("race-condition", small, "printed 'an update is lost'", exhaustive(2)).isFound()).isTrue();
        assertThat(explore("race-condition", small, "not printed an update is lost", exhaustive(0)).isFound()).isTrue();
        Exploration raised = explore("semaphore", Map.of("bounded", "true", "clients", "2"), "raised MainThread",
                exhaustive(0));
        assertThat(raised.isFound()).isTrue();
        assertThat(raised.found().changed()).isZero();
        assertThat(explore("semaphore", Map.of("clients", "2", "bounded", "false"), "raised", exhaustive(1)).isFound())
                .isFalse();
    }

    @Test
    void aGoalThatCannotBeReadSaysWhy() throws Exception {
        ScenarioSpec race = ScenarioCatalog.byId("race-condition");
        assertThatThrownBy(() -> Goals.parse("sometimes", race, race.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown goal 'sometimes' for race-condition (goals: lost-update (a lost update);"
                        + " deadlock; 'COUNTER < N'");
        assertThatThrownBy(() -> explore("race-condition", Map.of("threads", "1"), "score > 3", exhaustive(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no counter named 'score' in this run (counters: counter)");
        assertThatThrownBy(() -> explore("race-condition", Map.of("threads", "1"), "raised Nobody", exhaustive(0)))
                .hasMessage("no thread named 'Nobody' in this run (threads: MainThread, Thread-1)");
    }

    @Test
    void theWordsOfAChoiceNameItsThreadsTimeAndCode() throws Exception {
        Exploration x = explore("race-condition", Map.of("threads", "2", "rounds", "2"), "counter < 4", exhaustive(1));
        // the general goal has no scenario words: the scheduler's, with the line the thread was at
        assertThat(x.found().moments().get(0)).matches("Thread-1 was preempted at 0\\.005 s at line \\d+ \\(cpu\\(work .*\\),"
                + " and MainThread ran instead");
        Trace t = x.found().trace();
        Choice c = t.choice(x.found().decisive().get(0));
        assertThat(c.preemption()).isTrue();
        assertThat(Arrays.stream(ChoiceWords.class.getDeclaredMethods()).map(m -> m.getName())).contains("describe");
    }
}
