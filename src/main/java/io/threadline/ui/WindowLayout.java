package io.threadline.ui;

import io.threadline.ui.timeline.TimelineView;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * How the window shares its room: three columns (the scenario list, the timeline over the output,
 * the side panel over the code), and presentation mode, where the room looks at the timeline: the
 * scenario list gives it its width, and the style sheet makes every text larger.
 */
final class WindowLayout {
    /** Where the scenario list ends, as a share of the window's width. */
    static final double LIST_END = 0.2;
    /** Where the side panel starts, as a share of the window's width. */
    static final double SIDE_PANEL_START = 0.7;
    /** The timeline's share of the centre column's height; the output has the rest. */
    static final double TIMELINE_SHARE = 0.66;
    /** The scenario tab's share of the side panel's height; the code has the rest. */
    static final double DETAILS_SHARE = 0.6;
    /** The scenario tab's share while the user's program is shown: the code being edited gets the room. */
    static final double EDITING_DETAILS_SHARE = 0.34;
    /** Where the side panel starts in presentation mode, the scenario list put away. */
    static final double PRESENTATION_SIDE_PANEL_START = 0.68;

    private final Region root;
    private final SplitPane columns;
    private final Node list;
    private final TimelineView timeline;
    private final SplitPane sidePanel;
    /** Where the side panel's divider was before the code got room, or -1 while it has none. */
    private double codeRoomFrom = -1;
    private double[] savedColumns = {LIST_END, SIDE_PANEL_START};
    private boolean presentation;

    WindowLayout(Region root, SplitPane columns, Node list, SplitPane centre, SplitPane sidePanel,
                 TimelineView timeline) {
        this.root = root;
        this.columns = columns;
        this.list = list;
        this.timeline = timeline;
        this.sidePanel = sidePanel;
        columns.setDividerPositions(LIST_END, SIDE_PANEL_START);
        // A wider window widens the timeline; the list and the side panel keep their width.
        SplitPane.setResizableWithParent(list, false);
        SplitPane.setResizableWithParent(sidePanel, false);
        centre.setDividerPositions(TIMELINE_SHARE);
        sidePanel.setDividerPositions(DETAILS_SHARE);
    }

    /**
     * The code gets more of the side panel while a program the user edits is shown, and gives it
     * back after; a divider the user moved stays where they put it.
     */
    void roomForCode(boolean editing) {
        double at = sidePanel.getDividerPositions()[0];
        if (editing && codeRoomFrom < 0 && at > EDITING_DETAILS_SHARE + 0.03) {
            codeRoomFrom = at;
            sidePanel.setDividerPositions(EDITING_DETAILS_SHARE);
        } else if (!editing && codeRoomFrom >= 0) {
            if (Math.abs(at - EDITING_DETAILS_SHARE) < 0.03) {
                sidePanel.setDividerPositions(codeRoomFrom);
            }
            codeRoomFrom = -1;
        }
    }

    boolean presentation() {
        return presentation;
    }

    /** Presentation mode on or off: large text, and the scenario list put away while it is on. */
    void setPresentation(boolean on) {
        presentation = on;
        timeline.presentationProperty().set(on);
        root.getStyleClass().remove("presentation");
        if (on) {
            root.getStyleClass().add("presentation");
            if (columns.getItems().contains(list)) {
                savedColumns = columns.getDividerPositions();
                columns.getItems().remove(list);
                columns.setDividerPositions(PRESENTATION_SIDE_PANEL_START);
            }
        } else if (!columns.getItems().contains(list)) {
            columns.getItems().add(0, list);
            columns.setDividerPositions(savedColumns);
        }
    }
}
