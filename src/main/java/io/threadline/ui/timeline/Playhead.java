package io.threadline.ui.timeline;

import io.threadline.picture.MarkGaps;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

import java.util.List;

/**
 * The playhead: a line over the lanes with a handle in the ruler and the time beside it. A
 * scene-graph node, not canvas pixels, so moving it never redraws the lanes.
 */
final class Playhead extends Region {
    // a filled box, not a Line: a stroke goes through the software rasterizer row by row
    private final Region line = new Region();
    private final Polygon handle = new Polygon();
    private final Rectangle grip = new Rectangle();
    private final Label time = new Label();

    Playhead() {
        getStyleClass().add("playhead");
        line.getStyleClass().add("playhead-line");
        handle.getStyleClass().add("playhead-handle");
        time.getStyleClass().add("playhead-time");
        // a wider invisible strip makes the 2-px line easy to grab
        grip.getStyleClass().add("playhead-grip");
        grip.setOpacity(0);
        grip.setWidth(10);
        grip.setCursor(Cursor.H_RESIZE);
        handle.setCursor(Cursor.H_RESIZE);
        line.setMouseTransparent(true);
        line.setManaged(false);
        time.setMouseTransparent(true);
        setPickOnBounds(false);
        getChildren().addAll(line, grip, handle, time);
        setManaged(false);
    }

    /**
     * Puts the playhead at x (view coordinates) over a view whose ruler and lanes span [0, height);
     * its time label goes right of the handle, or left of it near the right edge {@code maxX}.
     */
    void place(double x, double rulerHeight, double height, double maxX, String text) {
        place(x, rulerHeight, height, maxX, text, List.of());
    }

    /**
     * As {@link #place(double, double, double, double, String)}, the line stopping short over
     * {@code gaps} ({top, bottom} in the view's coordinates: the marks of threads it would cross,
     * see {@link MarkGaps}).
     */
    void place(double x, double rulerHeight, double height, double maxX, String text, List<double[]> gaps) {
        double cx = Math.round(x) + 0.5;
        double lw = Math.max(1, line.prefWidth(-1));
        double top0 = Math.round(rulerHeight * 0.35);
        line.resizeRelocate(Math.round(cx - lw / 2), top0, lw, Math.max(0, height - top0));
        clipAround(gaps, top0, height, lw);
        double w = Math.max(6, rulerHeight * 0.22);
        double top = 2;
        double bottom = rulerHeight * 0.62;
        handle.getPoints().setAll(cx - w, top, cx + w, top, cx + w, bottom - w, cx, bottom, cx - w, bottom - w);
        grip.setX(cx - grip.getWidth() / 2);
        grip.setY(rulerHeight);
        grip.setHeight(Math.max(0, height - rulerHeight));
        time.setText(text);
        time.autosize();
        double labelX = cx + w + 4;
        if (labelX + time.getWidth() > maxX) {
            labelX = cx - w - 4 - time.getWidth();
        }
        time.relocate(Math.round(labelX), Math.round(top + (bottom - top - time.getHeight()) / 2));
    }

    /** Shows the line only outside the gaps (a clip of its pieces; none when there is no gap). */
    private void clipAround(List<double[]> gaps, double top0, double height, double lw) {
        if (gaps.isEmpty()) {
            line.setClip(null);
            return;
        }
        Group pieces = new Group();
        for (double[] piece : MarkGaps.pieces(gaps, 0, top0, height)) {
            pieces.getChildren().add(new Rectangle(0, piece[0] - top0, lw, piece[1] - piece[0]));
        }
        line.setClip(pieces);
    }
}
