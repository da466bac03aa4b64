package io.threadline.explore;

import io.threadline.runtime.ChoicePoint;
import io.threadline.runtime.Chooser;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.scenario.SearchGoal;
import io.threadline.trace.Choice;
import io.threadline.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force on small cases: every schedule of the program, enumerated another way (every pick
 * sequence, the first candidate after a prefix), against the search. The search's schedule is
 * the cheapest that meets the goal (fewest preemptions, then fewest changes from the calm order),
 * and its count of schedules within a bound is the number of distinct runs within that bound.
 */
class MinimalScheduleTest {
    private static final int MOST = 60_000;

    /** A prefix of picks, then always the first candidate. */
    private record FirstAfter(int[] prefix) implements Chooser {
        @Override
        public int choose(ChoicePoint p) {
            return p.number() < prefix.length ? prefix[p.number()] : 0;
        }
    }

    private record Cost(int preemptions, int changed) implements Comparable<Cost> {
        static Cost of(Trace t) {
            int p = 0;
            int c = 0;
            for (Choice ch : t.choices()) {
                p += ch.preemption() ? 1 : 0;
                c += ch.pick() != ch.calmPick() ? 1 : 0;
            }
            return new Cost(p, c);
        }

        @Override
        public int compareTo(Cost o) {
            return preemptions != o.preemptions ? Integer.compare(preemptions, o.preemptions)
                    : Integer.compare(changed, o.changed);
        }
    }

    /** Every distinct run, by brute force. */
    private static List<Trace> everyRun(ScenarioSpec spec, ParamValues values) throws Exception {
        List<Trace> runs = new java.util.ArrayList<>();
        Deque<int[]> todo = new ArrayDeque<>();
        todo.push(new int[0]);
        while (!todo.isEmpty()) {
            int[] prefix = todo.pop();
            Trace t = spec.execute(values, new FirstAfter(prefix));
            runs.add(t);
            assertThat(runs.size()).as("a small case").isLessThan(MOST);
            List<Choice> cs = t.choices();
            for (int j = prefix.length; j < cs.size(); j++) {
                for (int a = 1; a < cs.get(j).size(); a++) {
                    int[] next = Arrays.copyOf(cs.stream().mapToInt(Choice::pick).toArray(), j + 1);
                    next[j] = a;
                    todo.push(next);
                }
            }
        }
        return runs;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "race-condition | threads=2,rounds=1,work=0.02 | lost-update",
            "race-condition | threads=2,rounds=2 | lost-update",
            "race-condition | threads=2,rounds=2,work=0.003 | lost-update",
            "race-condition | threads=2,rounds=2 | counter < 3",
            "deadlock | step=0 | cycle",
            "rlock | reentrant=false,step=0 | deadlock"})
    void theScheduleFoundIsTheCheapestOfAllThatMeetTheGoal(String id, String params, String goal) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        ParamValues values = spec.values(parse(params));
        SearchGoal g = Goals.parse(goal, spec, values);
        Cost cheapest = null;
        int most = 0;
        for (Trace t : everyRun(spec, values)) {
            Cost c = Cost.of(t);
            most = Math.max(most, c.preemptions());
            if (g.metBy(t) && (cheapest == null || c.compareTo(cheapest) < 0)) {
                cheapest = c;
            }
        }
        assertThat(cheapest).as("the goal can be met").isNotNull();
        Exploration x = new Explorer(spec, values, g, new Strategy.Exhaustive(most, MOST)).run();
        assertThat(x.isFound()).isTrue();
        assertThat(new Cost(x.found().preemptions(), x.found().changed())).isEqualTo(cheapest);
        assertThat(Cost.of(x.found().trace())).isEqualTo(cheapest);
        assertThat(g.metBy(x.found().trace())).isTrue();
        assertThat(x.found().minimal()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "race-condition | threads=2,rounds=2 | 0",
            "race-condition | threads=2,rounds=2 | 2",
            "race-condition | threads=2,rounds=2,lock=true | 2",
            "deadlock | step=0,ordered=true | 1"})
    void anExhaustiveSearchRunsEveryScheduleWithinItsBoundOnce(String id, String params, int bound) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        ParamValues values = spec.values(parse(params));
        long within = everyRun(spec, values).stream().filter(t -> Cost.of(t).preemptions() <= bound).count();
        SearchGoal never = new SearchGoal("never", "the impossible", "nothing", t -> false);
        Exploration x = new Explorer(spec, values, never, new Strategy.Exhaustive(bound, MOST)).run();
        assertThat(x.complete()).isTrue();
        assertThat(x.schedules()).isEqualTo(within);
    }

    private static Map<String, String> parse(String params) {
        Map<String, String> out = new HashMap<>();
        for (String kv : params.strip().split(",")) {
            String[] p = kv.split("=");
            out.put(p[0].strip(), p[1].strip());
        }
        return out;
    }
}
