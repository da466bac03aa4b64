package io.threadline.ui.timeline;

import io.threadline.picture.TimeScale;
import javafx.scene.Cursor;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * Mouse and keyboard on the timeline: drag the body to pan, ctrl+wheel or pinch to zoom around
 * the pointer, wheel to scroll (or pan when everything fits), click the ruler or drag the playhead
 * to move it, click a lane to select its thread, +/− to zoom, 0 to fit, arrows to pan.
 */
final class TimelineInput {
    /** Pixels the pointer may move before a press counts as a drag, not a click. */
    private static final double DRAG_SLOP = 4;
    /** Zoom per wheel notch (40 units). */
    private static final double WHEEL_ZOOM = 1.25;

    private enum Gesture { NONE, SCRUB, PRESS, PAN }

    private final TimelineView view;
    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private double pressScroll;
    private TimeScale pressScale;

    TimelineInput(TimelineView view) {
        this.view = view;
    }

    void install() {
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        view.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        view.addEventHandler(MouseEvent.MOUSE_EXITED, e -> view.hideHover());
        view.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        view.addEventHandler(ZoomEvent.ZOOM, this::zoomed);
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    private boolean inRuler(double x, double y) {
        return y < view.rulerHeight() && x >= view.gutterWidth();
    }

    private boolean inBody(double x, double y) {
        return y >= view.rulerHeight() && x >= view.gutterWidth() && x < view.gutterWidth() + view.bodyWidth();
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double x = localX(e);
        double y = localY(e);
        pressX = x;
        pressY = y;
        pressScale = view.timeScaleProperty().get();
        pressScroll = view.scrollY();
        view.hideHover();
        if (inRuler(x, y) || isPlayhead(e)) {
            gesture = Gesture.SCRUB;
            view.seekTo(x);
        } else {
            gesture = Gesture.PRESS;
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        double x = localX(e);
        double y = localY(e);
        switch (gesture) {
            case SCRUB -> view.seekTo(x);
            case PRESS -> {
                if (Math.hypot(x - pressX, y - pressY) > DRAG_SLOP && inBody(pressX, pressY)) {
                    gesture = Gesture.PAN;
                    view.setCursor(Cursor.CLOSED_HAND);
                    pan(x, y);
                }
            }
            case PAN -> pan(x, y);
            default -> {
            }
        }
        e.consume();
    }

    private void pan(double x, double y) {
        view.panTo(pressScale.withWidth(view.bodyWidth()).pan(x - pressX));
        view.setScrollY(pressScroll - (y - pressY));
    }

    private void released(MouseEvent e) {
        if (gesture == Gesture.PRESS && e.getButton() == MouseButton.PRIMARY) {
            view.selectAt(localX(e), localY(e));
        }
        gesture = Gesture.NONE;
        updateCursor(localX(e), localY(e));
        e.consume();
    }

    private void moved(MouseEvent e) {
        double x = localX(e);
        double y = localY(e);
        updateCursor(x, y);
        view.hoverAt(x, y);
    }

    private void updateCursor(double x, double y) {
        view.setCursor(inRuler(x, y) ? Cursor.HAND : inBody(x, y) ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    }

    private void scrolled(ScrollEvent e) {
        double x = localX(e);
        double pivot = Math.max(0, Math.min(view.bodyWidth(), x - view.gutterWidth()));
        if (e.isControlDown() || e.isShortcutDown()) {
            if (e.getDeltaY() != 0) {
                view.zoomBy(Math.pow(WHEEL_ZOOM, e.getDeltaY() / 40), pivot);
            }
        } else if (e.isShiftDown() || e.getDeltaX() != 0 || !view.canScrollVertically()) {
            // shift+wheel comes as deltaX on some platforms and as deltaY on others
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            view.panBy(d);
        } else {
            view.scrollBy(-e.getDeltaY());
        }
        view.hideHover();
        e.consume();
    }

    private void zoomed(ZoomEvent e) {
        double pivot = Math.max(0, Math.min(view.bodyWidth(), localX(e) - view.gutterWidth()));
        view.zoomBy(e.getZoomFactor(), pivot);
        e.consume();
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> view.zoomIn();
            case MINUS, SUBTRACT -> view.zoomOut();
            case DIGIT0, NUMPAD0, HOME -> view.fit();
            case LEFT -> view.panBy(view.bodyWidth() / 8);
            case RIGHT -> view.panBy(-view.bodyWidth() / 8);
            case ESCAPE -> {
                view.selectedThreadProperty().set(-1);
                view.highlightedStateProperty().set(null);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static boolean isPlayhead(MouseEvent e) {
        for (Object n = e.getTarget(); n instanceof javafx.scene.Node node; n = node.getParent()) {
            if (node instanceof Playhead) {
                return true;
            }
        }
        return false;
    }

    private double localX(javafx.scene.input.InputEvent e) {
        return coords(e)[0];
    }

    private double localY(javafx.scene.input.InputEvent e) {
        return coords(e)[1];
    }

    private double[] coords(javafx.scene.input.InputEvent e) {
        double sx;
        double sy;
        if (e instanceof MouseEvent m) {
            sx = m.getSceneX();
            sy = m.getSceneY();
        } else if (e instanceof ScrollEvent s) {
            sx = s.getSceneX();
            sy = s.getSceneY();
        } else if (e instanceof ZoomEvent z) {
            sx = z.getSceneX();
            sy = z.getSceneY();
        } else {
            return new double[] {0, 0};
        }
        var p = view.sceneToLocal(sx, sy);
        return new double[] {p.getX(), p.getY()};
    }
}
