package io.threadline.ui.timeline;

import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.Region;

/**
 * The timeline control: one lane per thread, grouped by process, with ruler, playhead,
 * counter tracks and result markers. Skeleton of the agreed API; drawn in the UI work.
 * All times are microseconds of scenario time.
 */
public class TimelineView extends Region {
    private final ObjectProperty<Trace> trace = new SimpleObjectProperty<>(this, "trace");
    private final LongProperty playhead = new SimpleLongProperty(this, "playhead");
    private final LongProperty revealTime = new SimpleLongProperty(this, "revealTime", Long.MAX_VALUE);
    private final ObjectProperty<ThreadState> highlightedState = new SimpleObjectProperty<>(this, "highlightedState");
    private final IntegerProperty selectedThread = new SimpleIntegerProperty(this, "selectedThread", -1);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");

    /** The trace shown; may still be growing (a live run). */
    public ObjectProperty<Trace> traceProperty() {
        return trace;
    }

    /** Where the playhead stands; the user can drag it. */
    public LongProperty playheadProperty() {
        return playhead;
    }

    /** Lanes are drawn up to this time only (Long.MAX_VALUE: everything recorded). */
    public LongProperty revealTimeProperty() {
        return revealTime;
    }

    /** A state whose spans stand out (legend click), or null. */
    public ObjectProperty<ThreadState> highlightedStateProperty() {
        return highlightedState;
    }

    /** The selected thread's id, or -1. */
    public IntegerProperty selectedThreadProperty() {
        return selectedThread;
    }

    /** Larger lanes and fonts for a projector. */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public void zoomIn() {
    }

    public void zoomOut() {
    }

    /** Shows the whole run. */
    public void fit() {
    }

    /** Visible window start. */
    public long visibleStart() {
        return 0;
    }

    /** Visible window end. */
    public long visibleEnd() {
        return 0;
    }

    /** The tooltip text for a point in the view's coordinates, or null where there is nothing. */
    public String describeAt(double x, double y) {
        return null;
    }

    /** Redraws now if anything changed (called on each animation tick while a run grows). */
    public void refresh() {
    }
}
