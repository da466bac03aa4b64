package io.threadline.ui;

import io.threadline.runtime.ClockMode;
import io.threadline.picture.StepCursor;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import io.threadline.ui.control.Tips;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The status bar (status-bar.fxml): the playhead's time, the events up to it, the threads, how
 * the run stands, the clock, what made the run (for whoever records the screen) and one line of
 * news: what was saved or opened, or what went wrong. Where the bar is short of room the least
 * needed items make way for the news (the clock first, then what made the run, the threads, the
 * events, the time, which the playhead shows too), rather than the news being cut; in
 * presentation mode the strip of folded parts comes first.
 */
public final class StatusBar {
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass GOOD = PseudoClass.getPseudoClass("good");

    @FXML private HBox statusBar;
    @FXML private HBox foldStrip;
    @FXML private Label timeStatus;
    @FXML private Label eventsStatus;
    @FXML private Label threadsStatus;
    @FXML private Label outcomeStatus;
    @FXML private FontIcon outcomeIcon;
    @FXML private Label clockStatus;
    @FXML private Label runStatus;
    @FXML private Label messageStatus;
    private String message = "";

    @FXML
    private void initialize() {
        for (Label l : new Label[]{timeStatus, eventsStatus, threadsStatus, outcomeStatus, clockStatus}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        messageStatus.setMinWidth(0);
        // Items are dropped and the news shortened after a layout pass, never inside one: a label
        // changed while its parent lays the bar out may not be laid out again, and the news then
        // stayed blank (seen at 1920x1080 presentation)
        for (Label l : new Label[]{eventsStatus, threadsStatus, clockStatus, runStatus}) {
            l.textProperty().addListener(o -> fitLater());
        }
        statusBar.widthProperty().addListener(o -> fitLater());
        // the news takes the room the items leave (it grows to fill it): sentences go where it is
        // short; squeezed below its first sentence (the items grew: presentation mode's larger
        // fonts come after the switch), the items are fitted again
        messageStatus.widthProperty().addListener(o -> {
            if (messageStatus.getWidth() + 0.5 < textWidth(firstSentence(message))) {
                fitLater();
            }
            shortenLater();
        });
        messageStatus.fontProperty().addListener(o -> fitLater());
        foldStrip.managedProperty().addListener(o -> fitLater());
    }

    /** Brings the items in step with the trace shown (null: none) at {@code playhead}. */
    void update(Trace t, long playhead, double speed, ClockMode clockMode, RunOutcome o, StepCursor cursor) {
        timeStatus.setText(Formats.seconds(playhead));
        if (t == null) {
            eventsStatus.setText("No events");
            threadsStatus.setText("No threads");
            clockStatus.setText("Clock: " + clockMode.label() + " " + Formats.speed(speed));
        } else {
            long total = t.eventCount();
            // stepping through one instant counts its transitions one by one
            long upTo = Math.min(total, cursor != null ? cursor.shown() : TraceSteps.countUpTo(t, playhead));
            eventsStatus.setText("Events " + upTo + " / " + total);
            int n = t.threadCount();
            threadsStatus.setText(n == 1 ? "1 thread" : n + " threads");
            boolean paced = ClockMode.PACED.label().equals(t.clock());
            clockStatus.setText("Clock: " + t.clock() + (paced ? " " + Formats.speed(speed) : ""));
        }
        outcomeStatus.setText(Formats.outcome(o));
        String icon = o == null ? "mdi2c-circle-outline" : switch (o) {
            case RUNNING -> "mdi2r-record-circle-outline";
            case COMPLETED -> "mdi2c-check-circle-outline";
            case STOPPED -> "mdi2s-stop-circle-outline";
            default -> "mdi2a-alert-circle-outline";
        };
        if (!icon.equals(outcomeIcon.getIconLiteral())) {
            outcomeIcon.setIconLiteral(icon);
        }
        boolean good = o == RunOutcome.COMPLETED;
        boolean bad = o != null && !good && o != RunOutcome.RUNNING && o != RunOutcome.STOPPED;
        outcomeStatus.pseudoClassStateChanged(BAD, bad);
        outcomeStatus.pseudoClassStateChanged(GOOD, good);
        outcomeStatus.pseudoClassStateChanged(LIVE, o == RunOutcome.RUNNING);
    }

    /** What made the run: "chef-soup olivia=3 cook=0.5 · seed 0", or the file of a foreign trace. */
    void setRun(String text) {
        runStatus.setText(text);
    }

    /** The one line of news; an error is marked as such. */
    void setMessage(String text, boolean error) {
        message = text == null ? "" : text;
        messageStatus.setText(message);
        fitLater();
        shortenLater();
        messageStatus.pseudoClassStateChanged(BAD, error);
        // the message may be cut at the window's edge; its tooltip has all of it
        Tips.set(messageStatus, message.isEmpty() ? null : message, Duration.millis(300), 640);
    }

    /** Shows the items that fit beside the news, dropping the least needed first. */
    private void fit() {
        List<Label> dropOrder = List.of(clockStatus, runStatus, threadsStatus, eventsStatus, timeStatus);
        dropOrder.forEach(l -> show(l, true));
        double room = statusBar.getWidth() - statusBar.snappedLeftInset() - statusBar.snappedRightInset();
        if (room <= 0) {
            return;
        }
        double need = -statusBar.getSpacing();
        for (Node c : statusBar.getChildren()) {
            if (c.isManaged()) {
                // the news needs room for its first sentence; the rest is dropped before an item is
                need += (c == messageStatus ? textWidth(firstSentence(message)) : c.prefWidth(-1)) + statusBar.getSpacing();
            }
        }
        for (Label l : dropOrder) {
            if (need <= room) {
                break;
            }
            need -= l.prefWidth(-1) + statusBar.getSpacing();
            show(l, false);
        }
    }

    /**
     * The news as far as it fits in {@code width}, whole sentences first: "Finished at 3.000 s."
     * keeps its point where "… Press Space to replay, or drag the playhead." has no room, rather
     * than ending in "or dra…". A single sentence too long for the room is cut as before.
     */
    private void shortenMessage(double width) {
        String shown = message;
        if (width > 0 && textWidth(shown) > width) {
            int end = shown.length();
            while (true) {
                int cut = shown.lastIndexOf(". ", end - 2);
                if (cut <= 0) {
                    break;
                }
                String shorter = shown.substring(0, cut + 1);
                end = cut + 1;
                if (textWidth(shorter) <= width) {
                    shown = shorter;
                    break;
                }
                shown = shorter;
            }
        }
        if (!shown.equals(messageStatus.getText())) {
            messageStatus.setText(shown);
        }
    }

    /** Runs its task once after the current pulse, however often it is asked before then. */
    private static final class AfterLayout {
        private final Runnable task;
        private boolean pending;

        AfterLayout(Runnable task) {
            this.task = task;
        }

        void ask() {
            if (pending) {
                return;
            }
            pending = true;
            javafx.application.Platform.runLater(() -> {
                pending = false;
                task.run();
            });
        }
    }

    private final AfterLayout fitting = new AfterLayout(this::fit);
    private final AfterLayout shortening = new AfterLayout(() -> shortenMessage(messageStatus.getWidth()));

    private void fitLater() {
        fitting.ask();
    }

    private void shortenLater() {
        shortening.ask();
    }

    private static String firstSentence(String text) {
        int cut = text.indexOf(". ");
        return cut < 0 ? text : text.substring(0, cut + 1);
    }

    private double textWidth(String text) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(messageStatus.getFont());
        return Math.ceil(t.getLayoutBounds().getWidth()) + messageStatus.snappedLeftInset()
                + messageStatus.snappedRightInset() + 2;
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    /** The strip presentation mode folds the window's parts into. */
    HBox foldStrip() {
        return foldStrip;
    }

    String message() {
        return message;
    }

    String run() {
        return runStatus.getText();
    }
}
