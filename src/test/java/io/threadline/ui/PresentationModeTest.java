package io.threadline.ui;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.ui.KeyMap.Shortcut;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCodeCombination;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presentation mode as a teacher uses it: the whole screen, the timeline alone under the toolbar,
 * each folded part opened and closed by its key, scenarios changed by the picker or by Page Down
 * past a tour's end, and everything back where it was when the mode is left.
 */
class PresentationModeTest extends FxTestBase {

    private SplitPane columns() {
        return node("columns") instanceof SplitPane s ? s : null;
    }

    private SplitPane centre() {
        return node("centerSplit");
    }

    private Node output;

    /** The output's column, which presentation mode takes out of the scene. */
    private Node outputArea() {
        if (output == null) {
            output = node("outputArea");
        }
        return output;
    }

    private void press(Shortcut s) {
        fx(() -> c.timeline().requestFocus());
        robot.push(((KeyCodeCombination) s.combination()).getCode());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The focus left in the scenario list, which the mode puts away, went to the next control, the
     * legend's "new": its focus ring stood in every picture of the class, like a filter switched on.
     */
    @Test
    void theFocusGoesToTheTimelineNotToTheLegend() {
        runToEnd("chef-soup");
        fx(() -> node("scenarioList").requestFocus());
        assertThat(fx(() -> stage.getScene().getFocusOwner())).isSameAs(node("scenarioList"));
        fx(() -> c.setPresentation(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> stage.getScene().getFocusOwner())).as("the focus owner").isSameAs(fx(() -> c.timeline()));
    }

    /** The heading's tools showing their words (not their icons alone). */
    private long toolsWithWords() {
        return fx(() -> ((javafx.scene.Parent) node("timelineHeader")).lookupAll("*").stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && !(n instanceof javafx.scene.control.Label)
                        && l.getGraphic() != null
                        && l.getText() != null && !l.getText().isEmpty()
                        && l.getContentDisplay() != javafx.scene.control.ContentDisplay.GRAPHIC_ONLY && l.isVisible())
                .count());
    }

    /**
     * A long subtitle leaves the heading's tools their icons alone; the next scenario's short one
     * gives them their words back. They stayed icons for every scenario after producer-consumer's
     * (a review of the projector's pictures).
     */
    @Test
    void theHeadingsToolsGetTheirWordsBackAfterALongSubtitle() {
        fx(() -> c.setPresentation(true));
        select("chef-soup");
        WaitForAsyncUtils.waitForFxEvents();
        long words = toolsWithWords();
        assertThat(words).as("tools with words beside a short subtitle").isPositive();
        fx(() -> ((javafx.scene.control.Label) node("runParams")).setText("a subtitle long enough to need the room of "
                + "every tool in the row, ".repeat(6)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toolsWithWords()).as("beside a long one").isZero();
        select("barrier");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toolsWithWords()).as("beside the next scenario's short subtitle").isEqualTo(words);
    }

    /**
     * The wait-for graph's button sits in the run's heading, not over the lanes: floating over
     * their bottom-right corner it hid a run's end and its last results (prime-check's row).
     */
    @Test
    void theWaitForGraphsButtonIsInTheHeadingAndTogglesThePanel() {
        fx(() -> c.setPresentation(true));
        runToEnd("chef-soup");
        javafx.scene.control.ToggleButton opener = node("waitForGraphButton");
        assertThat(fx(opener::isSelected)).as("pressed before the panel opens").isFalse();
        assertThat(fx(() -> opener.isVisible())).isTrue();
        javafx.geometry.Bounds b = fx(() -> opener.localToScene(opener.getBoundsInLocal()));
        javafx.geometry.Bounds lanes = fx(() -> c.timeline().localToScene(c.timeline().getBoundsInLocal()));
        assertThat(b.intersects(lanes)).as("button %s over the lanes %s", b, lanes).isFalse();
        assertThat(fx(() -> opener.getParent() == node("timelineHeader"))).isTrue();
        javafx.scene.Node panel = fx(() -> stage.getScene().lookup(".wait-for-graph"));
        fx(opener::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(panel::isVisible)).as("the panel, opened").isTrue();
        assertThat(fx(opener::isSelected)).as("the button looks pressed while the panel is open").isTrue();
        fx(opener::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(panel::isVisible)).as("the panel, closed by the same button").isFalse();
        assertThat(fx(opener::isSelected)).as("and no longer pressed").isFalse();
    }

    @Test
    void theTimelineTakesTheScreenAndEachPartComesBackByItsKey() {
        runToEnd("chef-soup");
        outputArea();
        int columnsBefore = fx(() -> columns().getItems().size());
        fx(() -> c.setPresentation(true));
        waitUntil("full screen", () -> stage.isFullScreen());
        assertThat(fx(() -> columns().getItems().size())).as("the scenario list and the side panel put away")
                .isEqualTo(1);
        assertThat(fx(() -> centre().getItems().contains(outputArea()))).as("the output folded").isFalse();
        assertThat(fx(() -> node("tourSlot").isVisible())).as("the tour bar folded").isFalse();
        assertThat(fx(() -> node("scenarioPicker").isVisible())).as("the picker shown").isTrue();

        press(Shortcut.SHOW_OUTPUT);
        assertThat(fx(() -> centre().getItems().contains(outputArea()))).as("O opens the output").isTrue();
        press(Shortcut.SHOW_OUTPUT);
        assertThat(fx(() -> centre().getItems().contains(outputArea()))).as("O closes it again").isFalse();

        press(Shortcut.SHOW_TOUR);
        assertThat(fx(() -> node("tourSlot").isVisible())).as("Q opens the tour bar").isTrue();

        press(Shortcut.SHOW_CODE);
        assertThat(fx(() -> columns().getItems().size())).as("K opens the side column with the code").isEqualTo(2);
        assertThat(fx(() -> c.panel().split().getItems())).as("the code alone").hasSize(1);
        assertThat(fx(() -> c.panel().codeTabs().getScene())).isNotNull();
        assertThat(fx(() -> c.panel().detailTabs().getScene())).isNull();
        press(Shortcut.SHOW_PANEL);
        assertThat(fx(() -> c.panel().split().getItems())).as("I adds the scenario's panel over the code").hasSize(2);
        assertThat(fx(() -> c.panel().split().getItems().get(0))).isSameAs(fx(() -> c.panel().detailTabs()));
        assertThat(fx(() -> c.panel().codeTabs().getScene())).isNotNull();
        press(Shortcut.SHOW_CODE);
        press(Shortcut.SHOW_PANEL);
        assertThat(fx(() -> columns().getItems().size())).as("both closed: the column goes").isEqualTo(1);

        press(Shortcut.BACK_OUT);
        waitUntil("out of full screen", () -> !stage.isFullScreen());
        assertThat(fx(() -> c.layout().presentation())).isFalse();
        assertThat(fx(() -> columns().getItems().size())).isEqualTo(columnsBefore);
        assertThat(fx(() -> centre().getItems().contains(outputArea()))).isTrue();
        assertThat(fx(() -> node("tourSlot").isVisible())).isTrue();
        assertThat(fx(() -> c.panel().split().getItems())).hasSize(2);
        assertThat(fx(() -> c.panel().split().getItems())).as("the code back in its holder, with the all-threads switch")
                .doesNotContain(fx(() -> c.panel().codeTabs()));
    }

    @Test
    void outsideTheModeTheFoldKeysDoNothing() {
        runToEnd("chef-soup");
        for (Shortcut s : List.of(Shortcut.SHOW_OUTPUT, Shortcut.SHOW_CODE, Shortcut.SHOW_PANEL, Shortcut.SHOW_TOUR)) {
            press(s);
        }
        assertThat(fx(() -> centre().getItems().contains(outputArea()))).isTrue();
        assertThat(fx(() -> c.panel().split().getItems())).hasSize(2);
        assertThat(fx(() -> node("tourSlot").isVisible())).isTrue();
    }

    @Test
    void scenariosChangeWithoutLeavingTheMode() {
        runToEnd("chef-soup");
        waitUntil("the tour is ready", () -> !c.teach().tourBar().tour().isEmpty());
        fx(() -> c.setPresentation(true));
        ComboBox<ScenarioSpec> picker = node("scenarioPicker");
        assertThat(fx(picker::getValue)).isSameAs(ScenarioCatalog.byId("chef-soup"));

        int steps = fx(() -> c.teach().tourBar().tour().size());
        for (int i = 0; i < steps; i++) {
            press(Shortcut.TOUR_NEXT);
        }
        assertThat(fx(() -> c.teach().tourBar().index())).as("Page Down walks the tour first").isEqualTo(steps - 1);
        assertThat(fx(() -> node("tourSlot").isVisible())).as("a step's note is shown").isTrue();
        assertThat(fx(() -> c.currentScenario().id())).isEqualTo("chef-soup");
        press(Shortcut.TOUR_NEXT);
        ScenarioSpec second = ScenarioCatalog.all().get(1);
        assertThat(fx(() -> c.currentScenario())).as("past the tour's end: the next scenario").isSameAs(second);
        assertThat(fx(picker::getValue)).isSameAs(second);
        assertThat(fx(() -> c.layout().presentation())).isTrue();

        ScenarioSpec last = ScenarioCatalog.all().get(ScenarioCatalog.all().size() - 1);
        fx(() -> picker.setValue(last));
        assertThat(fx(() -> c.currentScenario())).as("the picker shows the scenario picked").isSameAs(last);
        assertThat(fx(() -> c.layout().presentation())).isTrue();
        fx(() -> c.setPresentation(false));
    }

    @Test
    void underscoresInNamesAreNoMnemonics() {
        select("pool-map-vs-imap");
        javafx.scene.control.Button run = node("emptyRunButton");
        assertThat(fx(() -> ((javafx.scene.text.Text) run.lookup(".text")).getText()))
                .isEqualTo("Run Pool: map vs imap_unordered");
        runToEnd("pool-map-vs-imap");
        waitUntil("the prediction is shown", () -> stage.getScene().lookup("#predict-choice-1") != null);
        Node chip = node("predict-choice-1");
        assertThat(fx(() -> ((javafx.scene.text.Text) chip.lookup(".text")).getText())).contains("imap_unordered");
        fx(() -> c.setPresentation(true));
        ComboBox<ScenarioSpec> picker = node("scenarioPicker");
        String shown = fx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return ((javafx.scene.text.Text) picker.getButtonCell().lookup(".text")).getText();
        });
        assertThat(shown).isEqualTo("Pool: map vs imap_unordered");
        fx(() -> c.setPresentation(false));
    }
}
