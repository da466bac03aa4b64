package io.threadline.ui.control;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content joins the window when the tab is first selected. A TabPane keeps every
 * tab's content in the scene, hidden or not, so an unselected tab's nodes still go through the
 * first frame's CSS pass and layout: for the Python and Thread tabs, about a fifth of the window's
 * nodes at start-up. The content is built and kept up to date as before; only its place in the
 * scene waits.
 */
public final class LazyTab {
    private LazyTab() {
    }

    /** Holds {@code tab}'s content back until the tab is selected (at once if it is already). */
    public static void defer(Tab tab) {
        Node content = tab.getContent();
        if (content == null || tab.isSelected()) {
            return;
        }
        tab.setContent(null);
        InvalidationListener[] once = new InvalidationListener[1];
        once[0] = o -> {
            if (tab.isSelected()) {
                tab.selectedProperty().removeListener(once[0]);
                if (tab.getContent() == null) {
                    // unless something gave the tab other content meanwhile
                    tab.setContent(content);
                }
            }
        };
        tab.selectedProperty().addListener(once[0]);
    }
}
