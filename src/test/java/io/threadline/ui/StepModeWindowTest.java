package io.threadline.ui;

import io.threadline.explore.Exploration;
import io.threadline.explore.Explorer;
import io.threadline.explore.Goals;
import io.threadline.explore.Strategy;
import io.threadline.runtime.ChoicePoint;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.ChoiceList;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import io.threadline.ui.KeyMap.Shortcut;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The student as the scheduler, by keys: a step run to a deadlock and back; find it; fork. */
class StepModeWindowTest extends FxTestBase {

    private void form(String scenario, Map<String, String> values) {
        select(scenario);
        ScenarioSpec s = ScenarioCatalog.byId(scenario);
        fx(() -> c.paramForm().show(s, values));
        fx(() -> c.scenarioList().requestFocus());
    }

    private ChoicePoint waitForChoice(int number) {
        waitUntil("choice " + (number + 1) + " asked", () -> {
            ChoicePoint p = pending();
            return p != null && p.number() == number;
        });
        return fx(this::pending);
    }

    private ChoicePoint pending() {
        Trace t = c.playback().getTrace();
        return t == null ? null : c.step().pendingOf(t);
    }

    private static KeyCode digit(int pick) {
        return KeyCode.valueOf("DIGIT" + (pick + 1));
    }

    @Test
    void aStepRunDrivenByKeysReachesTheDeadlockAndStepsBack() throws Exception {
        Map<String, String> tight = Map.of("step", "0");
        ScenarioSpec spec = ScenarioCatalog.byId("deadlock");
        ParamValues values = spec.values(tight);
        Exploration found = new Explorer(spec, values, Goals.parse("cycle", spec, values),
                new Strategy.Exhaustive(2, 1000)).run();
        int[] picks = ChoiceList.all(found.found().trace());
        assertThat(picks).isNotEmpty();

        form("deadlock", tight);
        robot.push(KeyCode.P);
        for (int i = 0; i < picks.length; i++) {
            ChoicePoint p = waitForChoice(i);
            assertThat(fx(() -> c.step().badges())).as("a number on each candidate's lane").isEqualTo(p.size());
            assertThat(fx(() -> c.step().question())).startsWith("Choice " + (i + 1) + " · ");
            robot.push(digit(picks[i]));
        }
        waitUntil("the run ends", () -> !c.playback().isRunning());
        Trace deadlocked = fx(() -> c.playback().getTrace());
        assertThat(deadlocked.outcome()).isEqualTo(RunOutcome.DEADLOCK);
        assertThat(ChoiceList.all(deadlocked)).containsExactly(picks);
        assertThat(fx(() -> c.step().question())).startsWith("Your run ended (deadlock) after " + picks.length);

        // and back: the same run without its last pick waits at that choice again
        robot.push(KeyCode.BACK_SPACE);
        ChoicePoint again = waitForChoice(picks.length - 1);
        assertThat(fx(() -> c.playback().getTrace())).isNotSameAs(deadlocked);
        assertThat(fx(() -> c.playback().getTrace().outcome())).isEqualTo(RunOutcome.RUNNING);
        assertThat(again.size()).isEqualTo(deadlocked.choice(picks.length - 1).size());
        robot.push(digit(picks[picks.length - 1]));
        waitUntil("the run ends again", () -> !c.playback().isRunning());
        assertThat(fx(() -> c.playback().getTrace().outcome())).isEqualTo(RunOutcome.DEADLOCK);
    }

    @Test
    void theSchedulersPickLetGoAndAClickOnALane() {
        form("race-condition", Map.of("threads", "2", "rounds", "2"));
        robot.push(KeyCode.P);
        waitForChoice(0);
        robot.push(KeyCode.N);
        ChoicePoint second = waitForChoice(1);
        assertThat(fx(() -> c.playback().getTrace().choice(0).own())).isTrue();
        // a click on a candidate's lane picks it
        Node lane = fx(() -> c.step().laneOf(1));
        robot.clickOn(lane);
        waitForChoice(2);
        assertThat(fx(() -> c.playback().getTrace().choice(1).pick())).isEqualTo(1);
        assertThat(second.size()).isGreaterThan(1);
        robot.push(KeyCode.G);
        waitUntil("the scheduler finishes the run", () -> !c.playback().isRunning());
        assertThat(fx(() -> c.playback().getTrace().outcome())).isEqualTo(RunOutcome.COMPLETED);
        assertThat(fx(() -> c.step().badges())).isZero();
    }

    @Test
    void findItShowsTheSimplestLostUpdateAsARunAndAForkPartsFromIt() {
        form("race-condition", Map.of("threads", "2", "rounds", "2"));
        robot.push(KeyCode.X);
        waitUntil("the search ends", () -> !c.step().searching());
        assertThat(c.message()).startsWith("Found a lost update in schedule ").contains("decided by 2 choices: Thread-1"
                + " was preempted between its read and its write");
        Trace found = fx(() -> c.playback().getTrace());
        assertThat(found.output()).anyMatch(o -> o.text().contains("an update is lost"));
        assertThat(fx(() -> c.statusRun())).contains(" · choices ");

        // what if, at the preemption, Thread-1 had kept going?
        int k = 0;
        while (!found.choice(k).preemption()) {
            k++;
        }
        long at = found.choice(k).time();
        fx(() -> c.playback().seek(at));
        robot.push(KeyCode.W);
        waitUntil("both runs are compared", () -> c.teach().isComparing()
                && c.teach().comparePane().viewB().traceProperty().get() != null);
        Trace a = fx(() -> c.teach().comparePane().viewA().traceProperty().get());
        Trace b = fx(() -> c.teach().comparePane().viewB().traceProperty().get());
        assertThat(a).isSameAs(found);
        int last = k;
        while (last + 1 < found.choiceCount() && found.choice(last + 1).time() <= at) {
            last++;    // the fork takes the last choice at or before the playhead
        }
        for (int i = 0; i < last; i++) {
            assertThat(b.choice(i).pick()).isEqualTo(a.choice(i).pick());
        }
        assertThat(b.choice(last).pick()).isNotEqualTo(a.choice(last).pick());
        assertThat(fx(() -> c.teach().comparePane().viewA().playheadProperty().get())).isEqualTo(at);
        assertThat(c.message()).startsWith("The runs part at ");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSearchCanBeCancelled() {
        form("race-condition", Map.of("lock", "true"));
        robot.push(KeyCode.X);
        waitUntil("the search is under way", () -> c.step().searching());
        robot.clickOn("#searchCancel");
        waitUntil("the search ends", () -> !c.step().searching());
        assertThat(c.message()).startsWith("No lost update in the ").contains("cancelled: not all were tried");
        assertThat(Shortcut.FIND_IT.keys()).isEqualTo("X");
    }
}
