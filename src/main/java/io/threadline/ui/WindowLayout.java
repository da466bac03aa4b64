package io.threadline.ui;

import io.threadline.ui.KeyMap.Shortcut;
import io.threadline.ui.timeline.TimelineView;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the window shares its room: three columns (the scenario list, the timeline over the output,
 * the side panel over the code), and presentation mode, where the room is the timeline's: the
 * window fills the screen, the scenario list makes way for a picker in the toolbar, and the
 * prediction and tour bar, the output, the code and the side panel fold into a strip along the
 * foot, one key opening and closing each. The style sheet makes every text larger.
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
    /** Where the side panel starts in presentation mode, once opened. */
    static final double PRESENTATION_SIDE_PANEL_START = 0.6;
    /** The timeline's share of the centre column in presentation mode, once the output is opened. */
    static final double PRESENTATION_TIMELINE_SHARE = 0.72;

    /** What folds into the strip in presentation mode, with its key. */
    enum Part {
        TOUR("Predict & tour", "mdi2c-comment-question-outline", Shortcut.SHOW_TOUR),
        OUTPUT("Output", "mdi2c-console-line", Shortcut.SHOW_OUTPUT),
        CODE("Code", "mdi2c-code-tags", Shortcut.SHOW_CODE),
        PANEL("Scenario", "mdi2i-information-outline", Shortcut.SHOW_PANEL);

        final String title;
        final String icon;
        final Shortcut key;

        Part(String title, String icon, Shortcut key) {
            this.title = title;
            this.icon = icon;
            this.key = key;
        }
    }

    /** The nodes the layout moves about. */
    record Nodes(Region root, SplitPane columns, Node list, SplitPane centre, Node outputArea, SplitPane sidePanel,
                 Node tourSlot, TimelineView timeline, Pane strip, List<Node> deskOnly, List<Node> presentationOnly) {
    }

    private final Nodes n;
    private final Map<Part, ToggleButton> toggles = new EnumMap<>(Part.class);
    private final Set<Part> open = EnumSet.noneOf(Part.class);
    /** Where the side panel's divider was before the code got room, or -1 while it has none. */
    private double codeRoomFrom = -1;
    private double[] savedColumns = {LIST_END, SIDE_PANEL_START};
    private double[] savedCentre = {TIMELINE_SHARE};
    private double[] savedSide = {DETAILS_SHARE};
    private boolean presentation;
    /** The side panel's two parts (the scenario's tabs over the code), as the mode found them. */
    private List<Node> sideParts = List.of();
    private Stage stage;
    /** Whether presentation mode takes the whole screen; tests of given window sizes turn it off. */
    private boolean fullScreen = true;
    private Runnable onLeft;

    WindowLayout(Nodes nodes) {
        n = nodes;
        n.columns().setDividerPositions(LIST_END, SIDE_PANEL_START);
        // A wider window widens the timeline; the list and the side panel keep their width.
        SplitPane.setResizableWithParent(n.list(), false);
        SplitPane.setResizableWithParent(n.sidePanel(), false);
        n.centre().setDividerPositions(TIMELINE_SHARE);
        n.sidePanel().setDividerPositions(DETAILS_SHARE);
        for (Part p : Part.values()) {
            Label key = new Label(p.key.keys());
            key.getStyleClass().add("fold-key");
            Label title = new Label(p.title);
            title.getStyleClass().add("fold-title");
            HBox face = new HBox(new FontIcon(p.icon), title, key);
            face.getStyleClass().add("fold-face");
            ToggleButton b = new ToggleButton(null, face);
            b.getStyleClass().add("fold-toggle");
            b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            b.setMinWidth(Region.USE_PREF_SIZE);
            // keys belong to the timeline, not to the toggle clicked last
            b.setFocusTraversable(false);
            Toolbar.tooltip(b, "Show or hide: " + p.title.toLowerCase(Locale.ROOT), p.key.keys());
            b.selectedProperty().addListener((o, was, now) -> {
                if (now != open.contains(p)) {
                    setOpen(p, now);
                }
            });
            toggles.put(p, b);
            n.strip().getChildren().add(b);
        }
        n.strip().setMinWidth(Region.USE_PREF_SIZE);
        showMode();
    }

    /** The window that presentation mode fills the screen with. */
    void attach(Stage window) {
        stage = window;
        // Escape is ours: it closes a comparison first, and only then leaves the mode
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && presentation && fullScreen && onLeft != null) {
                // the window manager took full screen away: leave the mode with it
                onLeft.run();
            }
        });
    }

    /** Hears the window leave full screen by other means than the mode's switch. */
    void setOnLeftFullScreen(Runnable r) {
        onLeft = r;
    }

    /** Whether presentation mode makes the window full screen (on by default). */
    void setFullScreen(boolean on) {
        fullScreen = on;
    }

    /**
     * The code gets more of the side panel while a program the user edits is shown, and gives it
     * back after; a divider the user moved stays where they put it.
     */
    void roomForCode(boolean editing) {
        if (presentation) {
            return;
        }
        double at = n.sidePanel().getDividerPositions()[0];
        if (editing && codeRoomFrom < 0 && at > EDITING_DETAILS_SHARE + 0.03) {
            codeRoomFrom = at;
            n.sidePanel().setDividerPositions(EDITING_DETAILS_SHARE);
        } else if (!editing && codeRoomFrom >= 0) {
            if (Math.abs(at - EDITING_DETAILS_SHARE) < 0.03) {
                n.sidePanel().setDividerPositions(codeRoomFrom);
            }
            codeRoomFrom = -1;
        }
    }

    boolean presentation() {
        return presentation;
    }

    /** Whether {@code p} is open (in presentation mode; out of it everything is). */
    boolean isOpen(Part p) {
        return !presentation || open.contains(p);
    }

    /** Opens or closes {@code p} in presentation mode; false out of it (the key then does nothing). */
    boolean toggle(Part p) {
        if (!presentation) {
            return false;
        }
        setOpen(p, !open.contains(p));
        return true;
    }

    /** Opens {@code p} if presentation mode has it folded. */
    void reveal(Part p) {
        if (presentation && !open.contains(p)) {
            setOpen(p, true);
        }
    }

    private void setOpen(Part p, boolean on) {
        if (on) {
            open.add(p);
        } else {
            open.remove(p);
        }
        toggles.get(p).setSelected(on);
        arrange();
    }

    /**
     * Presentation mode on or off: the whole screen and large text, the scenario list put away and
     * the parts folded while it is on; everything back where it was when it goes off.
     */
    void setPresentation(boolean on) {
        if (on == presentation) {
            return;
        }
        if (on) {
            savedColumns = n.columns().getDividerPositions();
            savedCentre = n.centre().getDividerPositions();
            savedSide = n.sidePanel().getDividerPositions();
            sideParts = List.copyOf(n.sidePanel().getItems());
            open.clear();
            toggles.values().forEach(t -> t.setSelected(false));
        }
        presentation = on;
        n.timeline().presentationProperty().set(on);
        if (on) {
            List<Node> away = new java.util.ArrayList<>(n.deskOnly());
            away.addAll(List.of(n.list(), n.sidePanel(), n.outputArea(), n.tourSlot()));
            keepFocusOutOf(away);
        }
        n.root().getStyleClass().remove("presentation");
        if (on) {
            n.root().getStyleClass().add("presentation");
        }
        showMode();
        arrange();
        if (stage != null && fullScreen) {
            stage.setFullScreen(on);
        }
    }

    /**
     * Gives the timeline the focus if it is in a part about to be put away (the scenario list, the
     * side panel, the output):
     * left to itself the focus went to the next control, the legend's "new", whose ring then stood
     * in every picture of the class like a filter switched on.
     */
    private void keepFocusOutOf(List<Node> parts) {
        javafx.scene.Scene scene = n.root().getScene();
        Node f = scene == null ? null : scene.getFocusOwner();
        for (Node q = f; q != null; q = q.getParent()) {
            if (parts.contains(q)) {
                n.timeline().requestFocus();
                return;
            }
        }
    }

    private void showMode() {
        for (Node d : n.deskOnly()) {
            d.setVisible(!presentation);
            d.setManaged(!presentation);
        }
        for (Node p : n.presentationOnly()) {
            p.setVisible(presentation);
            p.setManaged(presentation);
        }
    }

    /** Puts the parts where the mode and the open parts say. */
    private void arrange() {
        boolean tour = isOpen(Part.TOUR);
        n.tourSlot().setVisible(tour);
        n.tourSlot().setManaged(tour);

        List<Node> centre = n.centre().getItems();
        boolean output = isOpen(Part.OUTPUT);
        if (output && !centre.contains(n.outputArea())) {
            centre.add(n.outputArea());
            n.centre().setDividerPositions(presentation ? PRESENTATION_TIMELINE_SHARE : savedCentre[0]);
        } else if (!output) {
            centre.remove(n.outputArea());
        }

        List<Node> side = n.sidePanel().getItems();
        boolean details = isOpen(Part.PANEL);
        boolean code = isOpen(Part.CODE);
        boolean changed = sideParts.size() == 2
                && place(side, sideParts.get(0), details, 0) | place(side, sideParts.get(1), code, side.size());
        if (changed && side.size() == 2) {
            n.sidePanel().setDividerPositions(presentation ? 0.45 : savedSide[0]);
        }

        List<Node> columns = n.columns().getItems();
        boolean list = !presentation;
        boolean panel = details || code;
        boolean moved = place(columns, n.list(), list, 0) | place(columns, n.sidePanel(), panel, columns.size());
        if (moved) {
            if (!presentation) {
                n.columns().setDividerPositions(savedColumns);
            } else if (panel) {
                n.columns().setDividerPositions(PRESENTATION_SIDE_PANEL_START);
            }
        }
    }

    /** Puts {@code node} in {@code items} at {@code at} or takes it out; true if that changed anything. */
    private static boolean place(List<Node> items, Node node, boolean in, int at) {
        boolean there = items.contains(node);
        if (in && !there) {
            items.add(Math.min(at, items.size()), node);
            return true;
        }
        if (!in && there) {
            items.remove(node);
            return true;
        }
        return false;
    }
}
