package io.threadline.ui;

import io.threadline.ui.control.Tips;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * The run's heading over the timeline keeps its words where the row is short of room: first the
 * tools beside it (arrows, compare, you schedule) show only their icons, their words going to
 * their tooltips, then the parameters wrap onto a second line; the title is never cut.
 */
final class HeaderFit {
    /** The parameters wrap within at least this width rather than in a column of single words. */
    private static final double PARAMS_LEAST = 140;
    private final HBox header;
    private final Label title;
    private final Label params;
    private boolean compact;
    /** The row's width with the tools' words. */
    private double fullNeed;

    HeaderFit(HBox header, Label title, Label params) {
        this.header = header;
        this.title = title;
        this.params = params;
    }

    void install() {
        title.setMinWidth(Region.USE_PREF_SIZE);
        params.setWrapText(true);
        // a wrapping label in a row short of room otherwise collapses to one line
        params.setMinHeight(Region.USE_PREF_SIZE);
        params.setMinWidth(PARAMS_LEAST);
        header.widthProperty().addListener(o -> fit());
        title.textProperty().addListener(o -> fit());
        params.textProperty().addListener(o -> fit());
    }

    /** The width the row asks for at its tools' present look, parameters on one line. */
    private double need() {
        double w = header.snappedLeftInset() + header.snappedRightInset() - header.getSpacing();
        for (Node c : header.getChildren()) {
            if (c.isManaged()) {
                double p = c == params ? oneLine() : c.prefWidth(-1);
                w += p + header.getSpacing();
            }
        }
        return w;
    }

    /**
     * The row's width with the tools' words, measured now while they show icons only: measured
     * once and kept, a long subtitle left the tools without words for every scenario after it,
     * short ones too (a review of the projector's pictures).
     */
    private double needWithWords() {
        List<Labeled> tools = tools();
        tools.forEach(t -> t.setContentDisplay(ContentDisplay.LEFT));
        double w = need();
        tools.forEach(t -> t.setContentDisplay(ContentDisplay.GRAPHIC_ONLY));
        return w;
    }

    private double oneLine() {
        params.setWrapText(false);
        double w = params.prefWidth(-1);
        params.setWrapText(true);
        return w;
    }

    private void fit() {
        double width = header.getWidth();
        if (width <= 0) {
            return;
        }
        fullNeed = compact ? needWithWords() : need();
        boolean want = fullNeed > width;
        if (want != compact) {
            compact = want;
            for (Labeled tool : tools()) {
                tool.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
                if (compact && !Tips.has(tool) && tool.getText() != null) {
                    Toolbar.tooltip(tool, tool.getText(), null);
                }
            }
        }
    }

    /** The buttons with an icon and words in the row (not its labels). */
    private List<Labeled> tools() {
        List<Labeled> out = new ArrayList<>();
        collect(header, out);
        return out;
    }

    private static void collect(Parent p, List<Labeled> out) {
        for (Node c : p.getChildrenUnmodifiable()) {
            if (c instanceof Labeled l && !(c instanceof Label)) {
                if (l.getGraphic() != null && l.getText() != null && !l.getText().isEmpty()) {
                    out.add(l);
                }
            } else if (c instanceof Parent q && !(c instanceof Label)) {
                collect(q, out);
            }
        }
    }

    boolean compact() {
        return compact;
    }
}
