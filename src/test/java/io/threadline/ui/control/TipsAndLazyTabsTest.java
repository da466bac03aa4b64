package io.threadline.ui.control;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the window does not build before its first frame: a tooltip until the pointer comes over
 * its control, an unselected tab's content until the tab is selected. Neither may change what the
 * user sees once they are wanted.
 */
@ExtendWith(ApplicationExtension.class)
class TipsAndLazyTabsTest {
    private Button button;
    private Label far;
    private Label second;
    private Tab secondTab;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        button = new Button("Run");
        far = new Label("elsewhere");
        second = new Label("the second tab's content");
        secondTab = new Tab("Second", second);
        tabs = new TabPane(new Tab("First", new Label("first")), secondTab);
        VBox box = new VBox(40, button, far, tabs);
        stage.setScene(new Scene(box, 400, 300));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTipIsMadeWhenThePointerComesOverItsControlAndShowsTheLatestText(FxRobot robot) throws Exception {
        fx(() -> {
            Tips.set(button, "Run the scenario", Tips.QUICK);
            return null;
        });
        assertThat(fx(button::getTooltip)).as("no popup window before the pointer comes").isNull();
        assertThat(fx(() -> Tips.has(button))).isTrue();
        assertThat(fx(() -> Tips.text(button))).isEqualTo("Run the scenario");
        assertThat(fx(button::getAccessibleHelp)).as("a screen reader has it at once").isEqualTo("Run the scenario");
        fx(() -> {
            Tips.set(button, "Fix the marked parameter first", Tips.QUICK);
            return null;
        });

        robot.moveTo(far).moveTo(button).moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> button.getTooltip() != null
                && button.getTooltip().isShowing()));
        assertThat(fx(() -> button.getTooltip().getText())).isEqualTo("Fix the marked parameter first");
        assertThat(fx(() -> button.getTooltip().getShowDelay())).isEqualTo(Tips.QUICK);

        fx(() -> {
            Tips.set(button, "Run the scenario", null);
            return null;
        });
        assertThat(fx(() -> button.getTooltip().getText())).as("the made tip follows").isEqualTo("Run the scenario");
        fx(() -> {
            Tips.set(button, null);
            return null;
        });
        assertThat(fx(button::getTooltip)).isNull();
        assertThat(fx(() -> Tips.has(button))).isFalse();
        robot.moveTo(far);
    }

    @Test
    void aTipSetWhileThePointerIsOverItsControlIsMadeAtOnce(FxRobot robot) throws Exception {
        robot.moveTo(far).moveTo(button).moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(button::isHover));
        fx(() -> {
            Tips.set(button, "Copy this message");
            return null;
        });
        assertThat(fx(() -> button.getTooltip() == null ? null : button.getTooltip().getText()))
                .as("no entry is coming to make it").isEqualTo("Copy this message");
        robot.moveTo(far);
    }

    @Test
    void aTipTakenAwayBeforeItWasMadeNeverShows(FxRobot robot) throws Exception {
        fx(() -> {
            Tips.set(button, "Hide this message");
            Tips.set(button, null);
            return null;
        });
        robot.moveTo(far).moveTo(button).moveBy(2, 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(button::getTooltip)).isNull();
        assertThat(fx(() -> Tips.text(button))).isNull();
    }

    @Test
    void anUnselectedTabsContentJoinsTheSceneWhenTheTabIsFirstSelected() throws Exception {
        fx(() -> {
            LazyTab.defer(secondTab);
            return null;
        });
        assertThat(fx(() -> second.getScene())).as("not styled nor laid out with the first frame").isNull();
        fx(() -> {
            second.setText("changed meanwhile");
            tabs.getSelectionModel().select(secondTab);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> second.getScene() == tabs.getScene() && second.isVisible())).isTrue();
        assertThat(fx(secondTab::getContent)).isSameAs(second);
        assertThat(fx(second::getText)).isEqualTo("changed meanwhile");
        fx(() -> {
            tabs.getSelectionModel().select(0);
            return null;
        });
        assertThat(fx(secondTab::getContent)).as("and stays").isSameAs(second);
    }

    @Test
    void aSelectedTabKeepsItsContent() throws Exception {
        Tab first = fx(() -> tabs.getTabs().get(0));
        Object content = fx(first::getContent);
        fx(() -> {
            LazyTab.defer(first);
            return null;
        });
        assertThat(fx(first::getContent)).isSameAs(content);
    }
}
