package io.threadline.ui.timeline;

import io.threadline.picture.Ink;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.StateMarks;
import io.threadline.picture.StateStyle;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class TimelineLegendTest {
    private TimelineView view;
    private TimelineLegend legend;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        legend = new TimelineLegend(view);
        view.traceProperty().set(Traces.of("chef-soup"));
        stage.setScene(new Scene(new BorderPane(view, legend, null, null, null), 1000, 500));
        stage.show();
    }

    @Test
    void listsTheFiveStates() {
        for (ThreadState s : ThreadState.values()) {
            assertThat(legend.item(s).getText()).isEqualTo(s.label());
            assertThat(legend.item(s).isVisible()).isTrue();
        }
    }

    @Test
    void clickingAStateHighlightsItAndClickingAgainClears(FxRobot robot) {
        robot.clickOn(legend.item(ThreadState.WAITING));
        assertThat(view.highlightedStateProperty().get()).isEqualTo(ThreadState.WAITING);
        robot.clickOn(legend.item(ThreadState.RUNNING));
        assertThat(view.highlightedStateProperty().get()).isEqualTo(ThreadState.RUNNING);
        assertThat(legend.item(ThreadState.WAITING).isSelected()).isFalse();
        robot.clickOn(legend.item(ThreadState.RUNNING));
        assertThat(view.highlightedStateProperty().get()).isNull();
    }

    @Test
    void followsTheViewWhenTheHighlightIsSetElsewhere() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.highlightedStateProperty().set(ThreadState.DEAD));
        assertThat(legend.item(ThreadState.DEAD).isSelected()).isTrue();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.highlightedStateProperty().set(null));
        assertThat(legend.item(ThreadState.DEAD).isSelected()).isFalse();
    }

    @Test
    void namesTheEndMarksWhereTheyFitAndDropsTheWordsBeforeWrapping() {
        double wide = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> laidOut(1000));
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5_000, legend::endWordsShown))
                .as("room for 'returned raised killed' at 1000 px").isTrue();
        // a little short of one line with the words (they take about 170 px)
        double oneLineWithWords = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            double sum = legend.snappedLeftInset() + legend.snappedRightInset() + legend.getHgap() * 4;
            for (ThreadState s : ThreadState.values()) {
                sum += legend.item(s).prefWidth(-1);
            }
            return sum;
        });
        // read in the same turn of the JavaFX thread: a pulse in between lays the legend out at its
        // BorderPane's 1000 px again (the test failed so under load)
        double[] narrow = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> new double[] {
            laidOut(oneLineWithWords - 60), legend.endWordsShown() ? 1 : 0});
        assertThat(narrow[1]).as("the words go before the legend wraps").isZero();
        assertThat(narrow[0]).as("still one line").isEqualTo(wide);
        assertThat(legend.item(ThreadState.DEAD).getText()).isEqualTo("dead");
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5_000, () -> laidOut(1000) > 0 && legend.endWordsShown()))
                .as("and come back with the room").isTrue();
    }

    /**
     * "waiting" shows its two outlines, as the lanes draw them: the thin one with the words of a
     * wait on the clock, the thick one (a second outline inside the first) with "on another
     * thread"; the tooltip lists the waits each is drawn for, from the rule the lanes follow.
     */
    @Test
    void waitingExplainsItsThickOutline() {
        for (boolean presentation : new boolean[] {false, true}) {
            List<Object[]> keys = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
                view.presentationProperty().set(presentation);
                laidOut(1000);
                return legend.item(ThreadState.WAITING).lookupAll(".legend-wait").stream()
                        .map(n -> new Object[] {((Label) n).getText(), ((Canvas) ((Label) n).getGraphic())
                                .snapshot(null, null).getPixelReader(), ((Label) n).getGraphic()})
                        .toList();
            });
            assertThat(keys).extracting(k -> k[0]).containsExactly("sleep, io", "on another thread");
            PictureMetrics m = presentation ? PictureMetrics.PROJECTOR : PictureMetrics.DESK;
            PictureTheme theme = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.themeProperty().get());
            StateStyle look = StateStyle.of(ThreadState.WAITING);
            int lw = (int) Math.max(1, Math.round(m.line()));
            int[] inside = new int[2];
            for (int i = 0; i < 2; i++) {
                Canvas c = (Canvas) keys.get(i)[2];
                int x = (int) (c.getWidth() / 2);
                // the row just inside the plain outline: the thick one's second outline lies there
                int y = (int) StateMarks.shapeTop(look, 0, c.getHeight()) + lw;
                inside[i] = ((PixelReader) keys.get(i)[1]).getArgb(x, y) & 0xffffff;
            }
            assertThat(inside[0]).as("thin: the box's fill just inside its outline")
                    .isEqualTo(theme.color(Ink.WAITING_FILL).value() & 0xffffff);
            assertThat(inside[1]).as("thick: a second outline there")
                    .isEqualTo(theme.color(Ink.WAITING).value() & 0xffffff);
        }
        String tip = WaitForAsyncUtils.waitForAsyncFx(5_000,
                () -> legend.item(ThreadState.WAITING).getAccessibleHelp());
        String thick = tip.lines().filter(l -> l.startsWith("Thick")).findFirst().orElseThrow();
        String thin = tip.lines().filter(l -> l.startsWith("Thin")).findFirst().orElseThrow();
        for (Reason r : Reason.values()) {
            if (r.state() == ThreadState.WAITING) {
                assertThat(StateStyle.waitsOnAnother(r) ? thick : thin).as(r.label()).contains(r.label());
            }
        }
        assertThat(thick).contains("lock", "join", "queue-get");
        assertThat(thin).contains("sleep", "io").doesNotContain("join", "queue-get");
    }

    /**
     * At a projector's 1280 px the legend, both outlines' words and the end marks' included, is
     * one line: a second would cost a lane's height.
     */
    @Test
    void oneLineAtAProjectorsWidthWithEveryWord() {
        double[] laid = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            view.presentationProperty().set(true);
            double wide = laidOut(4000);
            double projector = laidOut(1280);
            return new double[] {wide, projector, legend.endWordsShown() ? 1 : 0};
        });
        assertThat(laid[2]).as("every word shown at 1280 px").isEqualTo(1);
        assertThat(laid[1]).as("one line at 1280 px").isEqualTo(laid[0]);
    }

    /** The legend's height once laid out at {@code width} (two passes: dropping the words changes the entries' widths). */
    private double laidOut(double width) {
        for (int i = 0; i < 3; i++) {
            legend.applyCss();
            legend.resize(width, legend.prefHeight(width));
            legend.layout();
        }
        return legend.getHeight();
    }
}
