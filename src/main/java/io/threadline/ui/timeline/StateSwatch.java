package io.threadline.ui.timeline;

import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.StateMarks;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * A small picture of a state as the lanes draw it, for panels beside the timeline (a list of a
 * thread's transitions, time per state); repaints when the view's colours change.
 */
public class StateSwatch extends Canvas {
    private final TimelineView view;
    private final InvalidationListener repaint = obs -> paint();
    private ThreadState state;
    private Reason ending = Reason.RETURNED;

    public StateSwatch(TimelineView view, double width, double height) {
        super(width, height);
        this.view = view;
        getStyleClass().add("state-swatch");
        view.themeProperty().addListener(new WeakInvalidationListener(repaint));
    }

    /** Shows a state; for dead, {@code how} picks the end mark (returned, raised, killed). */
    public void show(ThreadState s, Reason how) {
        if (s == state && how == ending) {
            return;
        }
        state = s;
        ending = how == null ? Reason.RETURNED : how;
        paint();
    }

    public ThreadState state() {
        return state;
    }

    private void paint() {
        GraphicsContext gc = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        gc.clearRect(0, 0, w, h);
        if (state == null) {
            return;
        }
        PictureTheme p = view.themeProperty().get();
        CanvasPainter g = new CanvasPainter(gc);
        if (state == ThreadState.DEAD) {
            StateMarks.cap(g, p, ending, Math.round(w / 2), Math.round(h / 2), Math.round(h * 0.3));
        } else {
            StateMarks.span(g, p, PictureMetrics.DESK, state, 0, w, 0, h);
        }
    }
}
