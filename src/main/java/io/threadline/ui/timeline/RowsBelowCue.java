package io.threadline.ui.timeline;

import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * A strip at the view's foot while its rows do not all fit: "↓ 2 more rows below" as long as rows
 * lie below the view. On a projector at 1280x720 pool-the-rest's last results rows were cut by
 * the status bar: a row half shown read as the end of the picture, and the scroll bar's thumb,
 * most of its track long, did not say that more followed. The strip keeps its room (the rows are
 * seen above it) while the view scrolls, so that no row's words lie under it; clicking it scrolls
 * to the last row.
 */
final class RowsBelowCue extends Label {
    RowsBelowCue(Runnable showRest) {
        super("↓");
        getStyleClass().add("rows-below");
        setManaged(false);
        setVisible(false);
        setFocusTraversable(false);
        // the rows' pointer handling (seek, select, hover) is not for what lies under the strip
        addEventHandler(MouseEvent.ANY, e -> {
            if (e.getEventType() == MouseEvent.MOUSE_CLICKED && e.getButton() == MouseButton.PRIMARY) {
                showRest.run();
            }
            e.consume();
        });
    }

    /** The height the strip takes from the rows while they do not all fit. */
    double stripHeight() {
        return snapSizeY(prefHeight(-1));
    }

    /**
     * Shows the strip ({@code on}: the rows do not all fit) across a view {@code width} wide and
     * {@code height} tall, saying how many rows are not or not wholly in view, {@code below}.
     */
    void show(boolean on, int below, double width, double height) {
        setVisible(on);
        if (!on) {
            return;
        }
        setText(below <= 0 ? "" : "↓ " + below + (below == 1 ? " more row below" : " more rows below"));
        double h = stripHeight();
        resizeRelocate(0, Math.max(0, height - h), width, h);
    }
}
