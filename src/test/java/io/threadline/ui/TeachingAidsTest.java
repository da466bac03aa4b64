package io.threadline.ui;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.scenario.TourStep;
import io.threadline.trace.CauseKind;
import io.threadline.trace.CauseLink;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.ui.control.Tips;
import io.threadline.ui.teach.CodeView;
import io.threadline.ui.teach.ComparePane;
import io.threadline.ui.teach.TeachingAids;
import io.threadline.ui.teach.ThreadInspector;
import io.threadline.ui.teach.TourBar;
import io.threadline.ui.timeline.ArrowMode;
import io.threadline.ui.timeline.LaneLayout;
import io.threadline.ui.timeline.TimelineView;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The teaching aids in the window: follow a thread (diagram, code line, inspector), cause arrows
 * and their menu, the guided tour, the prediction the run answers, and the comparison of two runs.
 */
class TeachingAidsTest extends FxTestBase {
    private static final long S = 1_000_000;

    private TeachingAids teach() {
        return c.teach();
    }

    /** Runs to the end and waits for the tour bar to settle (the timeline moves down when it grows). */
    private void runAndSettle(String id) {
        runToEnd(id);
        waitUntil("the tour is ready", () -> !teach().tourBar().tour().isEmpty());
        WaitForAsyncUtils.waitForFxEvents(4);
    }

    /** Clicks a thread's name in the timeline's gutter, as a student would. */
    private void clickLane(String name) {
        int id = c.playback().getTrace().threadNamed(name);
        TimelineView t = c.timeline();
        Point2D at = fx(() -> {
            LaneLayout lane = t.laneLayout().stream().filter(l -> l.thread() == id).findFirst().orElseThrow();
            return t.localToScreen(t.gutterWidth() / 2, lane.centerY());
        });
        robot.clickOn(at);
        waitUntil(name + " selected", () -> t.selectedThreadProperty().get() == id);
    }

    private void scrub(long time) {
        fx(() -> c.timeline().playheadProperty().set(time));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of a line of the scenario's Java file. */
    private static String sourceLine(ScenarioSpec s, int line) {
        return s.javaSource().split("\n", -1)[line - 1];
    }

    private List<CauseLink> arrows() {
        WaitForAsyncUtils.waitForFxEvents(4);
        return fx(() -> List.copyOf(c.timeline().shownArrows()));
    }

    @Test
    void selectingAThreadAndMovingThePlayheadMoveTheDiagramAndTheCodeLine() {
        ScenarioSpec chef = ScenarioCatalog.byId("chef-soup");
        runAndSettle("chef-soup");
        CodeView code = node("javaCode");
        assertThat(fx(() -> teach().threadPanel().lookup("#thread-panel-empty").isVisible()))
                .as("no thread yet: a hint").isTrue();

        clickLane("Barron");
        TabPane tabs = node("detailTabs");
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("threadTab");
        assertThat(fx(() -> node("thread-panel-empty").isVisible())).isFalse();

        scrub(S / 4);
        waitUntil("Barron sleeps at 0.25 s", () -> teach().threadPanel().diagram().state() == ThreadState.WAITING
                && code.primaryLine() > 0);
        assertThat(sourceLine(chef, code.primaryLine())).contains("sleep(cookTime)");
        assertThat(fx(() -> teach().threadPanel().caption())).startsWith("Barron is waiting: sleep 0.5 s");

        scrub(S);
        waitUntil("Barron joins at 1 s", () -> sourceLine(chef, code.primaryLine()).contains("olivia.join()"));
        assertThat(fx(() -> teach().threadPanel().diagram().state())).isEqualTo(ThreadState.WAITING);
        assertThat(fx(() -> teach().threadPanel().diagram().litTransitions())).endsWith("running → waiting");
        assertThat(fx(() -> teach().threadPanel().caption())).startsWith("Barron is waiting: join Olivia")
                .contains("since 0.500 s");

        scrub(3 * S);
        waitUntil("Barron has ended", () -> teach().threadPanel().diagram().state() == ThreadState.DEAD);
        assertThat(fx(() -> teach().threadPanel().diagram().litTransitions())).endsWith("running → dead");
        assertThat(sourceLine(chef, code.primaryLine())).contains("both done");

        // every thread's line at once, the selected one marked first
        scrub(S);
        waitUntil("both lines", () -> code.marks().size() == 2);
        assertThat(fx(() -> code.marks())).extracting(CodeView.LineMark::label).containsExactlyInAnyOrder("Barron", "Olivia");
        CodeView.LineMark hers = fx(() -> code.marks().stream().filter(m -> m.label().equals("Olivia")).findFirst()
                .orElseThrow());
        assertThat(hers.primary()).isFalse();
        assertThat(sourceLine(chef, hers.line())).contains("sleep(oliviaSleep)");
        robot.clickOn("#code-all-threads");
        waitUntil("only the selected thread's line", () -> code.marks().size() == 1);
        assertThat(fx(() -> code.marks().get(0).label())).isEqualTo("Barron");
    }

    @Test
    void theInspectorListsTheTransitionsAndAClickMovesThePlayheadThere() {
        runAndSettle("chef-soup");
        Trace t = c.playback().getTrace();
        clickLane("Olivia");
        ThreadInspector inspector = teach().threadPanel().inspector();
        LaneColumns lane = t.lane(t.threadNamed("Olivia"));
        waitUntil("every transition listed", () -> inspector.list().getItems().size() == lane.size());
        assertThat(fx(() -> inspector.rowText(0))).isEqualTo("0.000 new created · created by Barron");
        assertThat(fx(() -> inspector.rowText(1))).isEqualTo("0.000 runnable started · started by Barron");
        assertThat(fx(() -> inspector.rowText(3))).isEqualTo("0.000 waiting sleep 3 s");
        waitUntil("the row's tip waits for the pointer, its text ready", () -> inspector.list().lookupAll(".list-cell")
                .stream().anyMatch(n -> n instanceof ListCell<?> cell && cell.getIndex() == 3
                        && cell.getTooltip() == null && String.valueOf(Tips.text(cell)).startsWith("running → waiting")
                        && Tips.text(cell).endsWith("click to move the playhead here")));
        assertThat(fx(() -> inspector.timeText(ThreadState.WAITING))).isEqualTo("waiting 3.000 s · 100 %");
        assertThat(fx(() -> inspector.timeText(ThreadState.RUNNING))).isEqualTo("running 0.000 s");

        scrub(S);
        waitUntil("times up to the playhead", () -> inspector.timeText(ThreadState.WAITING).startsWith("waiting 1.000 s"));
        assertThat(fx(inspector::currentRow)).isEqualTo(3);

        // row 4: her timer ends the sleep at 3 s
        int wake = 4;
        assertThat(fx(() -> inspector.rowText(wake))).isEqualTo("3.000 runnable timer");
        // a 1280 x 800 window scrolls the panel to its list
        fx(() -> ((javafx.scene.control.ScrollPane) teach().threadPanel().lookup(".thread-panel-scroll")).setVvalue(1));
        fx(() -> inspector.list().scrollTo(wake));
        WaitForAsyncUtils.waitForFxEvents();
        Node row = fx(() -> {
            for (Node n : inspector.list().lookupAll(".inspector-row")) {
                ListCell<?> cell = (ListCell<?>) n;
                if (cell.getIndex() == wake && cell.getItem() != null) {
                    return n;
                }
            }
            return null;
        });
        assertThat(row).as("the row is on screen").isNotNull();
        robot.clickOn(row);
        waitUntil("the playhead is at her wake-up", () -> c.playback().getPlayhead() == 3 * S);
        int last = lane.size() - 1;
        waitUntil("the row at the playhead is marked: the last at that instant, her death",
                () -> inspector.currentRow() == last);
        assertThat(fx(() -> c.timeline().selectedThreadProperty().get())).isEqualTo(t.threadNamed("Olivia"));
    }

    @Test
    void theThreadTabsTransitionsStayInItsTabAndScrollIntoView() {
        fx(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        runAndSettle("producer-consumer");
        clickLane("Producer-1");
        WaitForAsyncUtils.waitForFxEvents(4);
        ThreadInspector inspector = teach().threadPanel().inspector();
        javafx.scene.control.ScrollPane scroll =
                (javafx.scene.control.ScrollPane) teach().threadPanel().lookup(".thread-panel-scroll");
        TabPane tabs = node("detailTabs");
        fx(() -> {
            javafx.geometry.Bounds tab = tabs.localToScene(tabs.getLayoutBounds());
            javafx.geometry.Bounds panel = teach().threadPanel().localToScene(teach().threadPanel().getLayoutBounds());
            assertThat(panel.getMaxY()).as("the panel ends in its tab, not under the code's divider")
                    .isLessThanOrEqualTo(tab.getMaxY() + 0.5);
            scroll.setVvalue(scroll.getVmax());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(4);
        fx(() -> {
            javafx.geometry.Bounds view = scroll.localToScene(scroll.getLayoutBounds());
            javafx.geometry.Bounds list = inspector.list().localToScene(inspector.list().getLayoutBounds());
            assertThat(list.getMaxY()).as("scrolled down, the list's foot is in view").isLessThanOrEqualTo(view.getMaxY() + 0.5);
            assertThat(list.getHeight()).as("four rows at least").isGreaterThanOrEqualTo(inspector.list().getFixedCellSize() * 4);
            return null;
        });
    }

    @Test
    void arrowsFollowTheirMenuTheKeyAndTheSelectedThread() {
        runToEnd("chef-soup");
        Trace t = c.playback().getTrace();
        int barron = t.threadNamed("Barron");
        int olivia = t.threadNamed("Olivia");
        assertThat(arrows()).as("all arrows by default").anyMatch(l -> l.kind() == CauseKind.JOIN
                && l.from() == olivia && l.to() == barron);

        fx(() -> c.scenarioList().requestFocus());
        robot.type(KeyCode.A);
        waitUntil("A: the selected thread's arrows", () -> c.timeline().arrowModeProperty().get() == ArrowMode.FOCUS);
        assertThat(fx(() -> teach().arrowsButton().getText())).isEqualTo("Arrows: selected");
        assertThat(arrows()).as("no thread selected or hovered").isEmpty();
        fx(() -> c.timeline().selectedThreadProperty().set(olivia));
        assertThat(arrows()).extracting(CauseLink::kind).contains(CauseKind.JOIN, CauseKind.START);

        robot.clickOn("#arrowsButton");
        robot.clickOn("#arrows-none");
        waitUntil("off", () -> c.timeline().arrowModeProperty().get() == ArrowMode.NONE);
        assertThat(arrows()).isEmpty();
        assertThat(fx(() -> teach().arrowsButton().getText())).isEqualTo("Arrows: off");

        robot.clickOn("#arrowsButton");
        robot.clickOn("#arrows-all");
        waitUntil("all again", () -> c.timeline().arrowModeProperty().get() == ArrowMode.ALL);
        assertThat(arrows()).isNotEmpty();
    }

    @Test
    void theTourMovesThePlayheadToEachMomentAndBack() {
        runToEnd("chef-soup");
        Trace t = c.playback().getTrace();
        List<TourStep> steps = ScenarioCatalog.byId("chef-soup").tour(t);
        TourBar bar = teach().tourBar();
        waitUntil("the tour is ready", () -> bar.tour().size() == steps.size() && node("tour-row").isVisible());
        assertThat(steps.size()).isGreaterThanOrEqualTo(4);
        assertThat(fx(bar::index)).isEqualTo(-1);
        assertThat(fx(() -> node("tour-prev").isDisabled())).isTrue();

        for (int i = 0; i < 4; i++) {
            robot.clickOn("#tour-next");
            int at = i;
            waitUntil("step " + (i + 1), () -> bar.index() == at);
            assertThat(fx(() -> c.playback().getPlayhead())).isEqualTo(steps.get(i).time());
            assertThat(fx(() -> c.timeline().selectedThreadProperty().get())).isEqualTo(steps.get(i).thread());
            assertThat(fx(bar::stepText)).isEqualTo(steps.get(i).title() + " — " + steps.get(i).note());
        }
        assertThat(steps.get(3).time()).as("Barron joins at 0.5 s").isEqualTo(S / 2);

        fx(() -> c.scenarioList().requestFocus());
        robot.type(KeyCode.PAGE_UP);
        waitUntil("back one", () -> bar.index() == 2);
        assertThat(fx(() -> c.playback().getPlayhead())).isEqualTo(steps.get(2).time());
        robot.type(KeyCode.PAGE_DOWN);
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil("on to Olivia's end", () -> bar.index() == 4);
        assertThat(fx(() -> c.playback().getPlayhead())).isEqualTo(3 * S);
        assertThat(fx(() -> c.timeline().selectedThreadProperty().get())).isEqualTo(t.threadNamed("Olivia"));
    }

    @Test
    void aPredictionPickedBeforeTheRunIsAnsweredByIt() {
        select("chef-soup");
        TourBar bar = teach().tourBar();
        ScenarioSpec chef = ScenarioCatalog.byId("chef-soup");
        assertThat(fx(() -> node("predict-row").isVisible())).isTrue();
        assertThat(fx(() -> node("predict-question").lookup(".text") != null)).isTrue();
        assertThat(fx(bar::stage)).isEqualTo(TourBar.Stage.ASK);
        assertThat(chef.prediction(chef.defaults()).choices()).containsExactly("at 0.5 s", "at 3 s", "at 3.5 s");

        // the lesson would give the answer away: it waits for the run
        assertThat(fx(() -> node("lesson").isVisible())).isFalse();
        assertThat(fx(() -> node("lessonLink").isVisible())).isTrue();

        robot.clickOn("#predict-choice-1");
        waitUntil("picked", () -> bar.picked() == 1);
        fx(() -> c.run());
        waitUntil("answered", () -> bar.stage() == TourBar.Stage.ANSWERED);
        waitUntil("the lesson shown", () -> node("lesson").isVisible());
        assertThat(fx(() -> ((javafx.scene.control.Label) node("lesson")).getText())).startsWith("Notice:")
                .isEqualTo(chef.lesson(c.playback().getTrace()));
        assertThat(fx(() -> node("lessonLink").isVisible())).isFalse();
        assertThat(fx(bar::verdict)).startsWith("Right");
        assertThat(fx(() -> node("predict-choice-1").getPseudoClassStates().toString())).contains("right");
        assertThat(fx(() -> node("predict-choice-0").isVisible())).as("the other choices make way").isFalse();

        // a new value, a new question: Olivia sleeps 1 s
        fx(() -> ((TextField) node("param-olivia")).setText("1"));
        waitUntil("asking again", () -> bar.stage() == TourBar.Stage.ASK && bar.picked() == -1);
        robot.clickOn("#predict-choice-2");
        waitUntil("picked 1.5 s", () -> bar.picked() == 2);
        fx(() -> c.run());
        waitUntil("answered again", () -> bar.stage() == TourBar.Stage.ANSWERED
                && c.playback().getTrace().params().get("olivia").equals("1"));
        assertThat(fx(bar::verdict)).startsWith("Not quite");
        assertThat(fx(() -> node("predict-choice-2").getPseudoClassStates().toString())).contains("wrong");
        assertThat(fx(() -> node("predict-choice-1").getPseudoClassStates().toString()))
                .as("done at 1 s, Olivia's sleep, not the sum").contains("right");
    }

    @Test
    void aStoppedRunAnswersNothingWhetherStoppedOrLeftForAnotherScenario() {
        c.clockMode = io.threadline.runtime.ClockMode.PACED;
        select("daemon-cleaner");
        fx(() -> ((atlantafx.base.controls.ToggleSwitch) node("param-daemon")).setSelected(false));
        TourBar bar = teach().tourBar();
        waitUntil("asking", () -> bar.stage() == TourBar.Stage.ASK && bar.picked() == -1);
        robot.clickOn("#predict-choice-0");
        waitUntil("picked", () -> bar.picked() == 0);
        fx(() -> c.run());
        waitUntil("live", () -> c.playback().isRunning() && c.playback().getPlayhead() > 0);
        fx(() -> c.stop());
        waitUntil("stopped", () -> !c.playback().isRunning() && bar.stage() == TourBar.Stage.STOPPED);
        WaitForAsyncUtils.waitForFxEvents(4);
        assertThat(c.playback().getTrace().outcome()).isEqualTo(io.threadline.trace.RunOutcome.STOPPED);
        assertThat(fx(bar::verdict)).contains("stopped before its end").contains("answers nothing");
        assertThat(fx(() -> node("predict-choice-0").getPseudoClassStates().toString()))
                .doesNotContain("right").doesNotContain("wrong");
        assertThat(fx(() -> node("predict-choice-1").getPseudoClassStates().toString()))
                .doesNotContain("right").doesNotContain("wrong");
        assertThat(fx(() -> bar.tour())).as("no tour of an end that never came").isEmpty();
        assertThat(fx(() -> node("lesson").isVisible())).as("the lesson still waits for an answer").isFalse();
        assertThat(c.message()).contains("answers no prediction");

        // the same with another scenario picked while the run goes on
        select("chef-soup");
        fx(() -> c.run());
        waitUntil("live", () -> c.playback().isRunning() && c.playback().getPlayhead() > 0);
        Trace left = c.playback().getTrace();
        select("deadlock");
        assertThat(c.message()).contains("Chef soup was stopped").contains("answers no prediction");
        waitUntil("the left run is over", () -> left.isFinished());
        select("chef-soup");
        waitUntil("its stopped run shown", () -> c.playback().getTrace() == left
                && bar.stage() == TourBar.Stage.STOPPED);
        assertThat(fx(bar::verdict)).contains("answers nothing");
        assertThat(fx(() -> node("lesson").isVisible())).isFalse();
    }

    @Test
    void thePythonTabAndTheLessonFollowTheRunOnScreen() {
        select("chef-soup");
        var python = c.panel().pythonCode();
        fx(() -> c.panel().showPython());
        assertThat(fx(python::text)).contains("OLIVIA_SLEEP = 3.0");
        fx(() -> ((TextField) node("param-olivia")).setText("1"));
        fx(() -> ((TextField) node("param-cook")).setText("2"));
        waitUntil("the code says the form's values before a run", () -> python.text().contains("OLIVIA_SLEEP = 1.0")
                && python.text().contains("COOK_TIME = 2.0"));
        runAndSettle("chef-soup");
        waitUntil("the lesson told with the run's numbers", () -> ((javafx.scene.control.Label) node("lesson"))
                .getText().contains("Olivia is done at 1 s"));
        assertThat(fx(() -> ((javafx.scene.control.Label) node("lesson")).getText())).doesNotContain("0.5 s");

        // each thread's line in Python, as in Java: at 0.5 s Olivia sleeps and Barron cooks
        fx(() -> c.panel().codeTabs().getSelectionModel().select(0));
        scrub(S / 4);
        assertThat(fx(python::marks)).as("no marks drawn while the tab is behind the Java one").isEmpty();
        fx(() -> c.panel().showPython());
        scrub(S / 2);
        ScenarioSpec chef = ScenarioCatalog.byId("chef-soup");
        String[] lines = chef.pythonSource().split("\n", -1);
        waitUntil("marks in Python", () -> python.marks().size() == 2);
        List<CodeView.LineMark> marks = fx(python::marks);
        assertThat(marks).extracting(CodeView.LineMark::label).containsExactlyInAnyOrder("Barron", "Olivia");
        for (CodeView.LineMark m : marks) {
            assertThat(lines[m.line() - 1]).as(m.label()).contains("time.sleep(");
        }

        // a new value in the form: the run on screen still says what it ran
        fx(() -> ((TextField) node("param-olivia")).setText("5"));
        WaitForAsyncUtils.waitForFxEvents(4);
        assertThat(fx(python::text)).contains("OLIVIA_SLEEP = 1.0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aShortRunPlaysInSlowMotionFittedToItsLessonsWindow() {
        c.clockMode = io.threadline.runtime.ClockMode.PACED;
        select("race-condition");
        var speedBox = (javafx.scene.control.ComboBox<Double>) node("speedBox");
        assertThat(fx(speedBox::getValue)).isEqualTo(1.0);
        long wallStart = System.nanoTime();
        fx(() -> c.run());
        waitUntil("live in slow motion", () -> c.playback().isRunning() && c.playback().getSpeed() == 0.02);
        assertThat(fx(speedBox::getValue)).as("the speed box says so").isEqualTo(0.02);
        // fitted to the whole run of a tenth of a second, not to the second a growing run leaves room for
        assertThat(fx(() -> c.timeline().visibleEnd())).isLessThan(150_000);
        assertThat(fx(() -> c.timeline().visibleStart())).isLessThanOrEqualTo(0);
        waitUntil("the run ended", () -> !c.playback().isRunning() && c.playback().getTrace().isFinished());
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
        assertThat(wallMillis).as("0.1 s of scenario time lasts seconds on screen").isGreaterThan(3_000);
        waitUntil("the user's speed again at the end", () -> c.playback().getSpeed() == 1.0);
        assertThat(fx(() -> c.timeline().visibleEnd())).as("still fitted to the window").isLessThan(150_000);

        // a replay goes slowly too, until the user picks a speed of their own
        fx(() -> c.replay());
        waitUntil("replaying slowly", () -> c.playback().getMode() == PlaybackModel.Mode.PLAYING
                && c.playback().getSpeed() == 0.02);
        fx(() -> speedBox.setValue(0.5));
        WaitForAsyncUtils.waitForFxEvents(10);
        assertThat(fx(() -> c.playback().getSpeed())).as("the user's choice wins").isEqualTo(0.5);

        // a scenario that names no window runs at the user's speed
        select("chef-soup");
        fx(() -> c.run());
        waitUntil("live", () -> c.playback().isRunning());
        assertThat(fx(() -> c.playback().getSpeed())).isEqualTo(0.5);
        fx(() -> c.stop());
    }

    @Test
    void theLessonCanBeShownBeforeARunForATeacherWhoWantsIt() {
        select("deadlock");
        assertThat(fx(() -> node("lesson").isVisible())).isFalse();
        robot.clickOn("#lessonLink");
        waitUntil("the lesson shown", () -> node("lesson").isVisible());
        assertThat(fx(() -> node("lessonLink").isVisible())).isFalse();
        select("chef-soup");
        select("deadlock");
        assertThat(fx(() -> node("lesson").isVisible())).as("still shown when coming back").isTrue();
    }

    @Test
    void theUnselectedTabsJoinTheWindowWhenFirstSelectedWithWhatTheyHeldMeanwhile() {
        select("chef-soup");
        assertThat(fx(() -> stage.getScene().lookup("#pythonCode")))
                .as("the Python tab's editor is not in the window before its tab is selected").isNull();
        assertThat(fx(() -> stage.getScene().lookup(".thread-panel"))).as("nor the thread panel").isNull();
        String python = ScenarioCatalog.byId("chef-soup").pythonSource();
        assertThat(fx(() -> c.panel().pythonCode().text())).as("kept up to date meanwhile").isEqualTo(python);

        fx(() -> c.panel().showPython());
        waitUntil("the editor in the window", () -> stage.getScene().lookup("#pythonCode") == c.panel().pythonCode());
        assertThat(fx(() -> c.panel().pythonCode().text())).isEqualTo(python);
        waitUntil("the editor laid out in its tab",
                () -> c.panel().pythonCode().isVisible() && c.panel().pythonCode().getHeight() > 100);

        runAndSettle("chef-soup");
        clickLane("Barron");
        waitUntil("the thread panel in the window, showing Barron",
                () -> stage.getScene().lookup(".thread-panel") == teach().threadPanel()
                        && teach().threadPanel().caption().startsWith("Barron"));
    }

    @Test
    void compareShowsTwoRunsOnOneTimeAxisWithTheirEndTimes() {
        select("chef-soup");
        assertThat(fx(() -> stage.getScene().lookup("#compare-pane")))
                .as("not in the window before it is first shown (its nodes would cost the first frame)").isNull();
        robot.clickOn("#compareButton");
        waitUntil("compare open", () -> teach().isComparing());
        ComparePane p = teach().comparePane();
        javafx.scene.layout.Pane holder = (javafx.scene.layout.Pane) p.getParent();
        assertThat(fx(() -> holder.getChildren().indexOf(p)))
                .as("over the timeline, under the wait-for graph panel and its button")
                .isGreaterThan(fx(() -> holder.getChildren().indexOf(c.timeline())))
                .isLessThan(fx(() -> holder.getChildren().indexOf(holder.lookup(".wait-for-graph"))));
        assertThat(fx(() -> p.param().getValue().name())).isEqualTo("olivia");
        fx(() -> {
            p.valueA().setText("3");
            p.valueB().setText("1");
        });
        robot.clickOn("#compare-run");
        waitUntil("both ran", () -> !p.isBusy() && p.viewB().traceProperty().get() != null);
        Trace a = p.viewA().traceProperty().get();
        Trace b = p.viewB().traceProperty().get();
        assertThat(a.endTime()).isEqualTo(3 * S);
        assertThat(b.endTime()).isEqualTo(S);
        assertThat(fx(p::captionA)).startsWith("olivia 3 s — ended at 3.000 s");
        assertThat(fx(p::captionB)).startsWith("olivia 1 s — ended at 1.000 s (2.000 s sooner than A)");
        assertThat(fx(() -> p.viewA().visibleEnd())).isGreaterThanOrEqualTo(3 * S);
        assertThat(fx(() -> p.viewB().visibleEnd())).as("one axis: B shows as far as A").isEqualTo(fx(() -> p.viewA().visibleEnd()));

        fx(() -> p.viewB().showWindow(0, S / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> p.viewA().visibleStart())).isEqualTo(0);
        assertThat(fx(() -> p.viewA().visibleEnd())).isEqualTo(S / 2);
        fx(() -> p.viewA().playheadProperty().set(S / 4));
        assertThat(fx(() -> p.viewB().playheadProperty().get())).isEqualTo(S / 4);

        fx(() -> c.scenarioList().requestFocus());
        robot.type(KeyCode.ESCAPE);
        waitUntil("closed", () -> !teach().isComparing());
        assertThat(fx(() -> node("compare-pane").isVisible())).isFalse();
    }

    @Test
    void comparingPoolsSaysWhenTheFirstAndLastResultsArrived() {
        select("pool-map-vs-imap");
        fx(() -> c.scenarioList().requestFocus());
        robot.type(KeyCode.C);
        waitUntil("compare open", () -> teach().isComparing());
        ComparePane p = teach().comparePane();
        assertThat(fx(() -> p.param().getValue().name())).isEqualTo("workers");
        assertThat(fx(() -> p.valueA().getText() + " vs " + p.valueB().getText())).isEqualTo("2 vs 8");
        fx(p::run);
        waitUntil("both ran", () -> !p.isBusy() && p.viewB().traceProperty().get() != null);
        Trace a = p.viewA().traceProperty().get();
        Trace b = p.viewB().traceProperty().get();
        assertThat(b.endTime()).as("8 workers finish sooner than 2").isLessThan(a.endTime());
        assertThat(fx(p::captionA)).contains("map: first result").contains("imap_unordered: first result")
                .contains("last " + Formats.seconds(a.endTime()));
        assertThat(fx(p::captionB)).contains("ended at " + Formats.seconds(b.endTime()));
    }
}
