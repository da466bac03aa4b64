package io.threadline.ui.timeline;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The hover details: a card that follows the pointer with what is under it. A node of the view
 * rather than a Tooltip, so it shows at once, in the view's fonts, and in snapshots.
 */
final class HoverCard extends VBox {
    private final Label title = new Label();
    private final Label body = new Label();

    HoverCard() {
        getStyleClass().add("timeline-hover");
        title.getStyleClass().add("title");
        body.getStyleClass().add("body");
        getChildren().addAll(title, body);
        setMouseTransparent(true);
        setManaged(false);
        setVisible(false);
    }

    /** Shows text (first line as the title) near (x, y), kept inside a w × h area. */
    void show(String text, double x, double y, double w, double h) {
        int nl = text.indexOf('\n');
        title.setText(nl < 0 ? text : text.substring(0, nl));
        body.setText(nl < 0 ? "" : text.substring(nl + 1));
        body.setVisible(nl >= 0);
        body.setManaged(nl >= 0);
        applyCss();
        autosize();
        double cw = getWidth();
        double ch = getHeight();
        double px = x + 16 + cw > w ? x - 12 - cw : x + 16;
        double py = y + 20 + ch > h ? y - 8 - ch : y + 20;
        relocate(Math.round(Math.max(0, px)), Math.round(Math.max(0, py)));
        setVisible(true);
    }

    void hide() {
        setVisible(false);
    }

    String text() {
        return isVisible() ? title.getText() + (body.getText().isEmpty() ? "" : "\n" + body.getText()) : null;
    }
}
