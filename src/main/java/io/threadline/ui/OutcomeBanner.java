package io.threadline.ui;

import io.threadline.trace.RunOutcome;
import io.threadline.ui.control.Tips;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Above the timeline, says why a run did not end normally — the deadlock's cycle, the thread the
 * watchdog found stuck and its line, the threads alive at the time limit — in full: the text
 * wraps, and scrolls if a deadlock of many threads makes it long, but is never cut. The status
 * bar has one line; the room needs the whole sentence.
 */
public final class OutcomeBanner extends VBox {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final FontIcon icon = new FontIcon("mdi2a-alert-octagon-outline");
    private final Label title = new Label();
    private final Label message = new Label();
    private final ScrollPane scroll = new ScrollPane(message);
    private final Button copy = new Button();
    private final Button close = new Button();
    private RunOutcome shown;

    public OutcomeBanner() {
        getStyleClass().add("outcome-banner");
        setId("outcome-banner");
        title.getStyleClass().add("outcome-title");
        title.setId("outcome-title");
        title.setMinWidth(0);
        message.getStyleClass().add("outcome-message");
        message.setId("outcome-message");
        message.setWrapText(true);
        // Wrapped to the banner's width and as tall as it needs: no ellipsis, ever.
        message.setMinHeight(Region.USE_PREF_SIZE);
        scroll.getStyleClass().add("outcome-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        // a scroll pane asks for one line of a wrapped label (its height at no width): it asks for
        // the lines the message has at the banner's width instead, up to the style's maximum,
        // and the column above may not squeeze it (the second line of a deadlock was cut)
        scroll.setMinHeight(Region.USE_PREF_SIZE);
        scroll.widthProperty().addListener(obs -> fitScroll());
        message.textProperty().addListener(obs -> fitScroll());
        message.fontProperty().addListener(obs -> fitScroll());
        copy.setGraphic(new FontIcon("mdi2c-content-copy"));
        copy.getStyleClass().addAll("button-icon", "flat");
        Tips.set(copy, "Copy this message");
        copy.setFocusTraversable(false);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(title.getText() + ": " + message.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        close.setGraphic(new FontIcon("mdi2c-close"));
        close.getStyleClass().addAll("button-icon", "flat");
        Tips.set(close, "Hide this message");
        close.setFocusTraversable(false);
        close.setId("outcome-close");
        close.setOnAction(e -> hide());
        icon.getStyleClass().add("outcome-icon");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, icon, title, gap, copy, close);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("outcome-head");
        getChildren().addAll(head, scroll);
        hide();
    }

    /**
     * Shows how a finished run ended if it is worth a banner (deadlock, failure, time limit);
     * hides it otherwise. Showing the same outcome again keeps a banner the user closed closed.
     */
    public void show(RunOutcome outcome, String why) {
        if (outcome == null || outcome == RunOutcome.RUNNING || outcome == RunOutcome.COMPLETED
                || outcome == RunOutcome.STOPPED) {
            shown = null;
            hide();
            return;
        }
        String text = why == null || why.isBlank() ? "No reason was recorded." : why.strip();
        if (outcome == shown && text.equals(message.getText())) {
            return;
        }
        shown = outcome;
        title.setText(titleOf(outcome));
        message.setText(text);
        pseudoClassStateChanged(WARNING, outcome == RunOutcome.TIME_LIMIT);
        setVisible(true);
        setManaged(true);
    }

    private void fitScroll() {
        double w = scroll.getWidth() - scroll.snappedLeftInset() - scroll.snappedRightInset();
        if (w > 0) {
            scroll.setPrefViewportHeight(Math.ceil(message.prefHeight(w)));
        }
    }

    public void hide() {
        setVisible(false);
        setManaged(false);
    }

    public String title() {
        return title.getText();
    }

    public String message() {
        return message.getText();
    }

    static String titleOf(RunOutcome o) {
        switch (o) {
            case DEADLOCK:
                return "Deadlock: every live thread waits, and nothing will ever wake them";
            case RAISED:
                return "An exception ended the main thread (the traceback is in the output)";
            case FAILED:
                return "The run was stopped: a thread stopped coming back to the runtime";
            case TIME_LIMIT:
                return "The run reached its time limit";
            default:
                return Formats.outcome(o);
        }
    }
}
