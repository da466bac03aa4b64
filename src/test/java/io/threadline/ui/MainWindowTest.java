package io.threadline.ui;

import atlantafx.base.controls.ToggleSwitch;
import io.threadline.runtime.ClockMode;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.testing.Scenarios;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Reason;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import io.threadline.ui.PlaybackModel.Mode;
import io.threadline.ui.teach.CodeView;
import io.threadline.ui.timeline.TimelineView;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window as a user meets it: pick, run, watch, replay, step, scrub, fix a bad value, search. */
@SuppressWarnings("unchecked")
class MainWindowTest extends FxTestBase {
    private static final long S = 1_000_000;

    private String text(String id) {
        return fx(() -> ((Label) node(id)).getText());
    }

    private boolean disabled(String id) {
        return fx(() -> node(id).isDisabled());
    }

    private List<String> outputTexts() {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            for (OutputLine l : c.output().lines()) {
                out.add(l.text());
            }
            return out;
        });
    }

    @Test
    void startsOnTheFirstScenarioReadyToRun() {
        ScenarioSpec first = ScenarioCatalog.all().get(0);
        assertThat(fx(() -> c.scenarioList().getSelectionModel().getSelectedItem())).isSameAs(first);
        assertThat(c.currentScenario()).isSameAs(first);
        assertThat(disabled("runButton")).isFalse();
        assertThat(fx(() -> node("runButton").getStyleClass().contains("accent"))).isTrue();
        assertThat(fx(() -> node("emptyState").isVisible())).isTrue();
        assertThat(fx(() -> ((Button) node("emptyRunButton")).getText())).isEqualTo("Run " + first.title());
        // the explanation without its lesson, which waits for a run (it would answer the prediction)
        assertThat(text("explanation")).isEqualTo(first.setup()).doesNotContain("Notice");
        assertThat(text("lesson")).isEqualTo(first.lesson());
        assertThat(fx(() -> node("lesson").isVisible())).isFalse();
        assertThat(fx(() -> ((CodeView) node("javaCode")).source())).isEqualTo(first.javaSource()).isNotBlank();
        for (var p : first.params()) {
            assertThat(fx(() -> stage.getScene().lookup("#param-" + p.name()))).as(p.name()).isNotNull();
        }
        assertThat(fx(() -> stage.getTitle())).startsWith(first.title()).contains("olivia 3 s").endsWith("Threadline");
        assertThat(disabled("playButton")).as("nothing to play yet").isTrue();
        assertThat(disabled("stopButton")).isTrue();
    }

    @ParameterizedTest
    @MethodSource(Scenarios.IDS)
    void eachScenarioRunsAndTheWindowShowsItsTrace(String id) throws Exception {
        ScenarioSpec spec = ScenarioCatalog.byId(id);
        Trace expected = spec.execute(spec.defaults());

        runToEnd(id);
        Trace shown = c.playback().getTrace();
        TimelineView timeline = c.timeline();
        assertThat(fx(() -> timeline.traceProperty().get())).isSameAs(shown);
        assertThat(shown.scenario()).isEqualTo(id);
        assertThat(shown.outcome()).isEqualTo(expected.outcome());

        assertThat(shown.threadCount()).isEqualTo(expected.threadCount());
        for (int t = 0; t < expected.threadCount(); t++) {
            LaneColumns want = expected.lane(t);
            LaneColumns got = shown.lane(t);
            assertThat(shown.thread(t).name()).isEqualTo(expected.thread(t).name());
            assertThat(got.isDead()).as(shown.thread(t).name() + " ends as in a plain run").isEqualTo(want.isDead());
            assertThat(got.reason(got.size() - 1)).as(shown.thread(t).name() + " ends as in a plain run")
                    .isEqualTo(want.reason(want.size() - 1));
        }
        assertThat(fx(() -> timeline.revealTimeProperty().get())).isEqualTo(shown.endTime());
        assertThat(fx(() -> timeline.playheadProperty().get())).isEqualTo(shown.endTime());

        List<String> printed = new ArrayList<>();
        expected.output().forEach(l -> printed.add(l.text()));
        assertThat(outputTexts()).containsExactlyElementsOf(printed);
        assertThat(text("outputCount")).isEqualTo(printed.size() + " lines");

        int n = expected.threadCount();
        assertThat(text("threadsStatus")).isEqualTo(n + " threads");
        assertThat(text("outcomeStatus")).isEqualTo(Formats.outcome(expected.outcome()));
        assertThat(text("eventsStatus")).isEqualTo("Events " + shown.eventCount() + " / " + shown.eventCount());
        assertThat(text("timeStatus")).isEqualTo(Formats.seconds(shown.endTime()));
        assertThat(text("clockStatus")).isEqualTo("Clock: virtual");
        assertThat(fx(() -> node("emptyState").isVisible())).isFalse();
        assertThat(fx(() -> stage.getTitle())).startsWith(spec.title());
    }

    @Test
    void daemonCleanerShowsOliviaKilledWhenBarronEnds() {
        runToEnd("daemon-cleaner");
        Trace t = c.playback().getTrace();
        LaneColumns olivia = t.lane(t.threadNamed("Olivia"));
        assertThat(olivia.reason(olivia.size() - 1)).isEqualTo(Reason.KILLED);
        assertThat(t.endTime()).isEqualTo(1_200_000);
    }

    @Test
    void aPacedRunUnfoldsLiveWithItsOutputAppearingAsPrinted() {
        c.clockMode = ClockMode.PACED;
        select("chef-soup");
        fx(() -> c.playback().setSpeed(4));
        fx(() -> c.run());
        waitUntil("live with some output", () -> c.playback().getMode() == Mode.LIVE && !c.output().lines().isEmpty());
        int early = fx(() -> c.output().lines().size());
        long p1 = fx(() -> c.playback().getPlayhead());
        assertThat(early).as("lines appear as they are printed, not all at the end").isLessThan(11);
        assertThat(text("modeChip")).isEqualTo("LIVE");
        assertThat(text("clockStatus")).isEqualTo("Clock: paced 4x");
        waitUntil("the playhead moves", () -> c.playback().getPlayhead() > p1);

        waitUntil("the run ends", () -> !c.playback().isRunning());
        waitUntil("the view rests at the end", () -> c.playback().getMode() == Mode.PAUSED);
        assertThat(outputTexts()).hasSize(11);
        assertThat(fx(() -> c.playback().getPlayhead())).isEqualTo(3 * S);
        assertThat(text("outcomeStatus")).isEqualTo("Completed");
    }

    @Test
    void pausingALiveRunFreezesTheViewWhileTheRunEndsBehindIt() {
        c.clockMode = ClockMode.PACED;
        select("chef-soup");
        fx(() -> ((TextField) node("param-olivia")).setText("1"));
        fx(() -> c.run());
        waitUntil("live", () -> c.playback().getMode() == Mode.LIVE);
        fx(() -> c.scenarioList().requestFocus());
        robot.type(KeyCode.SPACE);
        waitUntil("paused", () -> c.playback().getMode() == Mode.PAUSED);
        long frozen = fx(() -> c.playback().getPlayhead());
        fx(() -> ((javafx.scene.control.ComboBox<Double>) node("speedBox")).setValue(8.0));
        waitUntil("the run ends behind the paused view", () -> "Completed".equals(((Label) node("outcomeStatus")).getText()));
        assertThat(fx(() -> c.playback().getPlayhead())).isEqualTo(frozen);
        assertThat(fx(() -> c.playback().getReveal())).isEqualTo(frozen);
        assertThat(disabled("stopButton")).isTrue();
        assertThat(text("clockStatus")).isEqualTo("Clock: paced 8x");
        robot.type(KeyCode.SPACE);
        waitUntil("replays to the end", () -> c.playback().getMode() == Mode.PAUSED
                && c.playback().getPlayhead() == 1_000_000);
        assertThat(outputTexts()).hasSize(11);
    }

    @Test
    void stopEndsAPacedRunAtOnceAndKeepsWhatItRecorded() {
        c.clockMode = ClockMode.PACED;
        select("chef-soup");
        fx(() -> c.run());
        waitUntil("live", () -> c.playback().getMode() == Mode.LIVE && c.playback().getPlayhead() > 0);
        assertThat(disabled("stopButton")).isFalse();
        robot.clickOn("#stopButton");
        waitUntil("stopped", () -> !c.playback().isRunning());
        Trace t = c.playback().getTrace();
        assertThat(t.outcome()).isEqualTo(RunOutcome.STOPPED);
        assertThat(t.endTime()).isLessThan(3 * S);
        for (int i = 0; i < t.threadCount(); i++) {
            assertThat(t.lane(i).isDead()).isTrue();
        }
        assertThat(text("outcomeStatus")).isEqualTo("Stopped");
        assertThat(c.message()).startsWith("Stopped at");
        assertThat(disabled("stopButton")).isTrue();
    }

    @Test
    void stepScrubPlayAndPauseMoveThePlayhead() {
        runToEnd("chef-soup");
        Trace t = c.playback().getTrace();
        long end = t.endTime();
        long before = TraceSteps.previous(t, end);
        assertThat(before).isBetween(0L, end - 1);

        fx(() -> c.scenarioList().requestFocus());
        robot.type(KeyCode.LEFT);
        waitUntil("stepped back", () -> c.playback().getPlayhead() == before);
        robot.type(KeyCode.RIGHT);
        waitUntil("stepped forward", () -> c.playback().getPlayhead() == end);
        robot.clickOn("#stepBackButton");
        waitUntil("stepped back by the button", () -> c.playback().getPlayhead() == before);

        // Scrub: the timeline's playhead is what a drag moves.
        fx(() -> c.timeline().playheadProperty().set(S));
        assertThat(fx(() -> c.playback().getPlayhead())).isEqualTo(S);
        int atOne = fx(() -> c.output().currentIndex());
        assertThat(atOne).isEqualTo(TraceSteps.outputUpTo(t, S, t.outputCount()) - 1);
        assertThat(fx(() -> c.output().lines().get(atOne).time())).isLessThanOrEqualTo(S);

        // Replay from the start: the lanes and output grow again.
        robot.type(KeyCode.HOME);
        waitUntil("replaying", () -> c.playback().getMode() == Mode.PLAYING);
        assertThat(fx(() -> c.output().lines().size())).isLessThan(t.outputCount());
        waitUntil("replay moves", () -> c.playback().getPlayhead() > 0);
        robot.type(KeyCode.SPACE);
        waitUntil("paused", () -> c.playback().getMode() == Mode.PAUSED);
        long held = fx(() -> c.playback().getPlayhead());
        sleep(150);
        assertThat(fx(() -> c.playback().getPlayhead())).isEqualTo(held);
        assertThat(held).isLessThan(end);
        assertThat(text("modeChip")).isEqualTo("PAUSED");

        robot.clickOn("#playButton");
        waitUntil("playing again", () -> c.playback().getMode() == Mode.PLAYING);
        waitUntil("moving on", () -> c.playback().getPlayhead() > held);
    }

    @Test
    void clickingAnOutputLineMovesThePlayheadToIt() {
        runToEnd("chef-soup");
        Trace t = c.playback().getTrace();
        OutputLine last = t.outputLine(t.outputCount() - 1);
        OutputLine third = t.outputLine(6);
        assertThat(third.time()).isNotEqualTo(last.time());
        Node cell = fx(() -> {
            for (Node n : stage.getScene().getRoot().lookupAll(".output-cell")) {
                ListCell<?> lc = (ListCell<?>) n;
                if (lc.getIndex() == 6 && lc.getItem() != null) {
                    return n;
                }
            }
            return null;
        });
        assertThat(cell).as("the seventh output line is on screen").isNotNull();
        robot.clickOn(cell);
        waitUntil("the playhead is at the line", () -> c.playback().getPlayhead() == third.time());
        assertThat(fx(() -> c.timeline().selectedThreadProperty().get())).isEqualTo(third.thread());
        assertThat(fx(() -> c.output().currentIndex())).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aBadValueDisablesRunWithTheReasonAtTheField() {
        select("chef-soup");
        TextField olivia = node("param-olivia");
        Label problem = node("param-olivia-problem");
        assertThat(fx(problem::isVisible)).isFalse();

        robot.clickOn(olivia);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("abc");
        waitUntil("typed", () -> "abc".equals(olivia.getText()));
        assertThat(disabled("runButton")).isTrue();
        assertThat(disabled("emptyRunButton")).isTrue();
        assertThat(fx(problem::isVisible)).isTrue();
        assertThat(fx(problem::getText)).contains("'abc' is not a number of seconds").contains("0 to 30 s");
        assertThat(fx(() -> c.paramForm().problemProperty().get())).startsWith("Olivia's wait:");

        fx(() -> c.scenarioList().requestFocus());
        robot.type(KeyCode.R);
        assertThat(fx(() -> c.playback().getTrace())).as("R does not run a bad value").isNull();

        fx(() -> olivia.setText("-1"));
        assertThat(fx(problem::getText)).contains("out of range");
        assertThat(disabled("runButton")).isTrue();

        fx(() -> olivia.setText("2"));
        assertThat(fx(problem::isVisible)).isFalse();
        assertThat(disabled("runButton")).isFalse();
        fx(() -> c.run());
        waitUntil("ran", () -> c.playback().getTrace() != null && !c.playback().isRunning());
        assertThat(c.playback().getTrace().params()).containsEntry("olivia", "2");
        assertThat(fx(() -> stage.getTitle())).contains("olivia 2 s");
    }

    @Test
    void theStepperButtonsAndArrowKeysChangeANumberWithinItsRange() {
        select("producer-consumer");
        TextField producers = node("param-producers");
        fx(() -> producers.setText("1"));
        fx(() -> producers.requestFocus());
        robot.type(KeyCode.UP);
        waitUntil("stepped up", () -> "2".equals(producers.getText()));
        robot.type(KeyCode.DOWN, 3);
        waitUntil("clamped at the minimum", () -> "1".equals(producers.getText()));
        assertThat(disabled("runButton")).isFalse();
    }

    @Test
    void searchFiltersTheListAndKeepsTheScenarioShown() {
        select("chef-soup");
        TextField search = node("searchField");
        robot.clickOn(search);
        robot.write("unordered");
        waitUntil("filtered", () -> c.scenarioList().getItems().size() == 1);
        assertThat(fx(() -> c.scenarioList().getItems().get(0).id())).isEqualTo("pool-map-vs-imap");
        assertThat(c.currentScenario().id()).as("filtering does not switch scenario").isEqualTo("chef-soup");

        fx(() -> search.setText("no such thing"));
        assertThat(fx(() -> c.scenarioList().getItems().size())).isZero();
        fx(() -> search.setText("THREAD"));
        assertThat(fx(() -> c.scenarioList().getItems().size())).isBetween(1, ScenarioCatalog.all().size() - 1);
        fx(search::clear);
        assertThat(fx(() -> c.scenarioList().getItems().size())).isEqualTo(ScenarioCatalog.all().size());
        assertThat(fx(() -> c.scenarioList().getSelectionModel().getSelectedItem().id())).isEqualTo("chef-soup");

        fx(() -> search.setText("daemon"));
        fx(() -> search.requestFocus());
        robot.type(KeyCode.ENTER);
        waitUntil("Enter picks the first match", () -> c.currentScenario().id().equals("daemon-cleaner"));
    }

    @Test
    void editedValuesSurviveSwitchingScenarios() {
        select("chef-soup");
        fx(() -> ((TextField) node("param-olivia")).setText("5"));
        select("daemon-cleaner");
        select("chef-soup");
        assertThat(fx(() -> ((TextField) node("param-olivia")).getText())).isEqualTo("5");
        assertThat(fx(() -> stage.getTitle())).contains("olivia 5 s");
        robot.clickOn("#resetLink");
        waitUntil("reset", () -> ((TextField) node("param-olivia")).getText().equals("3"));
    }

    @Test
    void aRunThatHitsTheTimeLimitSaysWhyAndTheAppGoesOn() {
        select("daemon-cleaner");
        ToggleSwitch daemon = node("param-daemon");
        fx(() -> daemon.setSelected(false));
        fx(() -> c.run());
        waitUntil("ended", () -> c.playback().getTrace() != null && !c.playback().isRunning());
        assertThat(c.playback().getTrace().outcome()).isEqualTo(RunOutcome.TIME_LIMIT);
        assertThat(text("outcomeStatus")).isEqualTo("Time limit");
        assertThat(fx(() -> node("outcomeStatus").getPseudoClassStates().toString())).contains("bad");
        assertThat(text("messageStatus")).startsWith("Time limit — ").contains("non-daemon").doesNotContain("\n");

        runToEnd("chef-soup");
        assertThat(c.playback().getTrace().outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void eachScenarioKeepsItsLastRun() {
        runToEnd("chef-soup");
        Trace chef = c.playback().getTrace();
        select("daemon-cleaner");
        assertThat(fx(() -> c.playback().getTrace())).isNull();
        assertThat(fx(() -> node("emptyState").isVisible())).isTrue();
        select("chef-soup");
        assertThat(fx(() -> c.playback().getTrace())).isSameAs(chef);
    }

    @Test
    void presentationModeAndThemeRestyleTheWindow() {
        fx(() -> c.scenarioList().requestFocus());
        robot.type(KeyCode.F11);
        waitUntil("presentation on", () -> c.root().getStyleClass().contains("presentation"));
        assertThat(fx(() -> c.timeline().presentationProperty().get())).isTrue();
        assertThat(fx(() -> c.root().lookup(".sidebar"))).as("the list gives its width to the timeline").isNull();
        double big = fx(() -> ((Label) node("runTitle")).getFont().getSize());
        robot.type(KeyCode.ESCAPE);
        waitUntil("presentation off", () -> !c.root().getStyleClass().contains("presentation"));
        assertThat(fx(() -> c.timeline().presentationProperty().get())).isFalse();
        assertThat(fx(() -> c.root().lookup(".sidebar"))).isNotNull();
        fx(() -> c.root().applyCss());
        assertThat(fx(() -> ((Label) node("runTitle")).getFont().getSize())).isLessThan(big);

        assertThat(fx(() -> c.root().getStyleClass().contains("theme-light"))).isTrue();
        robot.clickOn("#themeButton");
        waitUntil("dark", () -> c.root().getStyleClass().contains("theme-dark"));
        assertThat(fx(() -> c.root().getStyleClass().contains("theme-light"))).isFalse();
        fx(() -> c.setTheme(Theme.LIGHT));
    }

    @Test
    void zoomAndFitChangeTheVisibleWindow() {
        runToEnd("producer-consumer");
        TimelineView t = c.timeline();
        WaitForAsyncUtils.waitForFxEvents(3);
        long w0 = fx(() -> t.visibleEnd() - t.visibleStart());
        assertThat(w0).as("a finished run shows a window of time").isGreaterThan(0);
        robot.clickOn("#zoomInButton");
        long w1 = fx(() -> t.visibleEnd() - t.visibleStart());
        assertThat(w1).isLessThan(w0);
        robot.clickOn("#zoomOutButton");
        robot.clickOn("#zoomOutButton");
        long w2 = fx(() -> t.visibleEnd() - t.visibleStart());
        assertThat(w2).isGreaterThan(w1);
        robot.clickOn("#fitButton");
        assertThat(fx(t::visibleStart)).isLessThanOrEqualTo(0);
        assertThat(fx(t::visibleEnd)).isGreaterThanOrEqualTo(c.playback().getTrace().endTime());
    }

    @Test
    void everyScenarioIconExistsInTheIconPack() {
        for (ScenarioSpec s : ScenarioCatalog.all()) {
            assertThat(fx(() -> new FontIcon(s.icon()).getIconCode().getDescription())).isEqualTo(s.icon());
        }
        assertThatThrownBy(() -> fx(() -> new FontIcon("mdi2x-no-such-icon-here"))).isInstanceOf(AssertionError.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
