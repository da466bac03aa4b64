package io.threadline.ui.teach;

import io.threadline.trace.Trace;
import io.threadline.ui.timeline.LifecycleDiagram;
import io.threadline.ui.timeline.ThreadMoment;
import io.threadline.ui.timeline.TimelineView;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.LongConsumer;

/**
 * The selected thread, followed at the playhead: the lifecycle diagram with its state and the
 * transition just taken (with its reason), then the inspector with its times and transitions.
 * Without a selected thread it says how to pick one.
 */
public final class ThreadPanel extends StackPane {
    private final LifecycleDiagram diagram;
    private final ThreadInspector inspector;
    private final Label headline = new Label();
    private final Label trail = new Label();
    private final Label at = new Label();
    private final VBox content;
    private final ScrollPane scroll;
    private final VBox empty;
    private ThreadMoment moment;

    public ThreadPanel(TimelineView view) {
        getStyleClass().add("thread-panel");
        diagram = new LifecycleDiagram(view);
        diagram.setId("lifecycle-diagram");
        inspector = new ThreadInspector(view);
        inspector.setId("thread-inspector");
        headline.setId("lifecycle-headline");
        headline.getStyleClass().add("lifecycle-headline");
        headline.setWrapText(true);
        headline.setMinHeight(Label.USE_PREF_SIZE);
        trail.setId("lifecycle-trail");
        trail.getStyleClass().add("lifecycle-trail");
        trail.setWrapText(true);
        trail.setMinHeight(Label.USE_PREF_SIZE);
        at.getStyleClass().add("pane-meta");
        Label title = new Label("LIFECYCLE");
        title.getStyleClass().add("section-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(title, grow, at);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox caption = new VBox(headline, trail);
        caption.getStyleClass().add("lifecycle-caption");
        content = new VBox(head, diagram, caption, inspector);
        content.getStyleClass().add("thread-panel-content");
        VBox.setVgrow(inspector, Priority.ALWAYS);
        // a short window scrolls the panel rather than crushing the list of transitions
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("thread-panel-scroll");

        FontIcon icon = new FontIcon("mdi2g-gesture-tap");
        icon.getStyleClass().add("thread-panel-empty-icon");
        Label hint = new Label("Click a lane on the timeline (or a thread's name) to follow that thread here: "
                + "its state at the playhead, how it got there, and every transition it made.");
        hint.setWrapText(true);
        hint.getStyleClass().add("thread-panel-empty-text");
        LifecycleDiagram bare = new LifecycleDiagram(view);
        empty = new VBox(bare, icon, hint);
        empty.setId("thread-panel-empty");
        empty.getStyleClass().add("thread-panel-empty");
        getChildren().addAll(scroll, empty);
        show(null, -1, 0, 0);
    }

    /** Called with the time of a transition the user clicked. */
    public void setOnSeek(LongConsumer action) {
        inspector.setOnSeek(action);
    }

    /** Follows thread {@code t} of {@code trace} at {@code time} (the lanes reach {@code horizon}); -1: none. */
    public void show(Trace trace, int t, long time, long horizon) {
        show(trace, t, time, horizon, Integer.MAX_VALUE);
    }

    /** As {@link #show(Trace, int, long, long)}, the thread's events no further than {@code lastEvent}. */
    public void show(Trace trace, int t, long time, long horizon, int lastEvent) {
        boolean has = trace != null && t >= 0 && t < trace.threadCount();
        scroll.setVisible(has);
        empty.setVisible(!has);
        if (!has) {
            diagram.show(null);
            inspector.update(null, -1, 0, 0);
            moment = null;
            return;
        }
        long when = Math.min(time, horizon);
        ThreadMoment m = ThreadMoment.at(trace, t, when, lastEvent);
        if (!m.equals(moment)) {
            moment = m;
            diagram.show(m);
            headline.setText(Words.headline(trace, m));
            trail.setText(Words.trail(trace, m));
            at.setText("at " + Words.seconds(when));
        }
        inspector.update(trace, t, time, horizon, lastEvent);
    }

    public LifecycleDiagram diagram() {
        return diagram;
    }

    public ThreadInspector inspector() {
        return inspector;
    }

    /** The caption under the diagram: what the thread is doing, and how it got there. */
    public String caption() {
        return headline.getText() + "\n" + trail.getText();
    }
}
