package io.threadline.ui.timeline;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Scrolls a list that follows the playhead (the output, a thread's transitions) just enough to
 * show one row whole. {@code VirtualFlow.scrollTo} puts a row that is off screen at the top: for
 * a row near the end that leaves room below the list's last row, which the flow then fills with
 * empty cells and logs "index exceeds maxCellCount" on stderr, once per call in a big run. So a row
 * below the view is brought in as the view's last row instead.
 */
public final class RowReveal {
    private RowReveal() {
    }

    /** Shows row {@code i} of {@code list} whole, scrolling as little as it can. */
    public static void show(ListView<?> list, int i) {
        if (list.getScene() == null || list.getHeight() <= 0) {
            // folded away: laid out with no room, the flow would fill it with empty rows and log;
            // its owner reveals the row again once it is shown
            return;
        }
        list.layout();
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            list.scrollTo(i);
            return;
        }
        if (i < 0 || i >= flow.getCellCount()) {
            // the flow does not know the row yet; the next reveal will
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null || i < first.getIndex()) {
            flow.scrollToTop(i);
        } else if (i > last.getIndex()) {
            double row = list.getFixedCellSize() > 0 ? list.getFixedCellSize() : last.getHeight();
            int rows = (int) Math.max(1, Math.floor(viewHeight(flow) / Math.max(1, row)));
            // one row more than fits above it, so the view is full to its foot; showWhole aligns the row with it
            flow.scrollToTop(Math.max(0, i - rows));
        }
        showWhole(flow, i);
    }

    /** The flow's height less a horizontal scroll bar over its foot. */
    private static double viewHeight(VirtualFlow<?> flow) {
        double view = flow.getHeight();
        for (Node n : flow.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()) {
                view -= bar.getHeight();
            }
        }
        return view;
    }

    /** Scrolls by what is left for row {@code i} to be whole on screen. */
    private static void showWhole(VirtualFlow<?> flow, int i) {
        flow.layout();
        IndexedCell<?> cell = flow.getVisibleCell(i);
        if (cell == null) {
            return;
        }
        double below = cell.getLayoutY() + cell.getHeight() - viewHeight(flow);
        if (below > 0) {
            flow.scrollPixels(below);
        } else if (cell.getLayoutY() < 0) {
            flow.scrollPixels(cell.getLayoutY());
        }
    }
}
