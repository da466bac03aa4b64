package io.threadline.ui.timeline;

import io.threadline.picture.Ink;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.StateMarks;
import io.threadline.trace.ThreadState;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

import java.util.Arrays;

/**
 * One bar split in the share of time a thread spent in each state, each part drawn as the lanes
 * draw that state (new, runnable, running, waiting; dead takes no time).
 */
public class StateTimeBar extends Region {
    private static final ThreadState[] ORDER = {ThreadState.NEW, ThreadState.RUNNABLE, ThreadState.RUNNING,
        ThreadState.WAITING};

    private final TimelineView view;
    private final Canvas canvas = new Canvas();
    private long[] times = new long[ThreadState.values().length];

    public StateTimeBar(TimelineView view) {
        this.view = view;
        getStyleClass().add("state-time-bar");
        getChildren().add(canvas);
        view.themeProperty().addListener(obs -> paint());
    }

    /** Microseconds per state, indexed by {@link ThreadState#ordinal()}. */
    public void setTimes(long[] perState) {
        if (Arrays.equals(perState, times)) {
            return;
        }
        times = perState.clone();
        paint();
    }

    @Override
    protected double computePrefHeight(double width) {
        return 18;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
    }

    private void paint() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.clearRect(0, 0, w, h);
        PictureTheme p = view.themeProperty().get();
        CanvasPainter g = new CanvasPainter(gc);
        long total = 0;
        for (ThreadState s : ORDER) {
            total += times[s.ordinal()];
        }
        gc.setStroke(CanvasPainter.color(p.color(Ink.BORDER)));
        gc.setLineWidth(1);
        if (total <= 0 || w <= 2) {
            gc.strokeRect(0.5, 0.5, Math.max(0, w - 1), Math.max(0, h - 1));
            return;
        }
        // whole pixels, every state with time in it at least 2 px wide, the rest shared out by time
        double x = 0;
        long done = 0;
        for (ThreadState s : ORDER) {
            long t = times[s.ordinal()];
            if (t <= 0) {
                continue;
            }
            done += t;
            double x1 = Math.max(x + 2, Math.round(w * done / (double) total));
            StateMarks.span(g, p, PictureMetrics.DESK, s, x, Math.min(w, x1), 0, h);
            x = Math.min(w, x1);
        }
    }
}
