package io.threadline.ui;

import io.threadline.runtime.ClockMode;
import io.threadline.trace.RunOutcome;
import io.threadline.trace.Trace;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The status bar (status-bar.fxml): the playhead's time, the events up to it, the threads, how
 * the run stands, the clock, what made the run (for whoever records the screen) and one line of
 * news: what was saved or opened, or what went wrong.
 */
public final class StatusBar {
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");
    private static final PseudoClass GOOD = PseudoClass.getPseudoClass("good");

    @FXML private Label timeStatus;
    @FXML private Label eventsStatus;
    @FXML private Label threadsStatus;
    @FXML private Label outcomeStatus;
    @FXML private FontIcon outcomeIcon;
    @FXML private Label clockStatus;
    @FXML private Label runStatus;
    @FXML private Label messageStatus;
    private final Tooltip messageTip = new Tooltip();
    private String message = "";

    @FXML
    private void initialize() {
        for (Label l : new Label[]{timeStatus, eventsStatus, threadsStatus, outcomeStatus, clockStatus}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        messageStatus.setMinWidth(0);
        // The message may be cut at the window's edge; its tooltip has all of it.
        messageTip.setWrapText(true);
        messageTip.setMaxWidth(640);
        messageTip.setShowDelay(Duration.millis(300));
    }

    /** Brings the items in step with the trace shown (null: none) at {@code playhead}. */
    void update(Trace t, long playhead, double speed, ClockMode clockMode, RunOutcome o) {
        timeStatus.setText(Formats.seconds(playhead));
        if (t == null) {
            eventsStatus.setText("No events");
            threadsStatus.setText("No threads");
            clockStatus.setText("Clock: " + clockMode.label() + " " + Formats.speed(speed));
        } else {
            long total = t.eventCount();
            long upTo = Math.min(total, TraceSteps.countUpTo(t, playhead));
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
        messageStatus.pseudoClassStateChanged(BAD, error);
        messageTip.setText(message);
        messageStatus.setTooltip(message.isEmpty() ? null : messageTip);
    }

    String message() {
        return message;
    }

    String run() {
        return runStatus.getText();
    }
}
