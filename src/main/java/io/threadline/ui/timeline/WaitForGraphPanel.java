package io.threadline.ui.timeline;

import io.threadline.picture.Ink;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.WaitForGraphPicture;
import io.threadline.trace.Trace;
import io.threadline.ui.control.Tips;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The wait-for graph at the playhead, in a panel docked at the timeline's right: who waits for
 * what and who holds it, a deadlock's cycle in red with its members named from the moment it
 * closes. It follows the playhead while playing and scrubbing; the picture is the export's own
 * ({@link WaitForGraphPicture}), painted through the same painter as the lanes. It opens by
 * itself when the cycle of a deadlock closes at the playhead, and closes with its button. While
 * it is open the lanes end before it ({@link TimelineView#rightReserveProperty()}): it explains
 * the deadlock, so it must not cover it.
 */
public final class WaitForGraphPanel extends VBox {
    private static final double WIDTH = 420;
    /** Wider on a projector: its words are the lanes' size there. */
    private static final double PROJECTOR_WIDTH = 500;
    /** Space between the panel and the view's right edge, and between the lanes and the panel. */
    private static final double MARGIN = 10;

    private final TimelineView view;
    private final Canvas canvas = new Canvas();
    private final CanvasPainter painter = CanvasPainter.redrawn(canvas.getGraphicsContext2D());
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    /** Pressed while the panel is open, by its button or by a deadlock: it says the panel is there. */
    private final ToggleButton opener = new ToggleButton();
    private WaitForGraphPicture shown;
    private boolean scheduled;
    /** Traces whose deadlock already opened the panel once: closing it keeps it closed. */
    private Trace openedFor;
    /** Whether the panel is open because a deadlock opened it (not the user's button). */
    private boolean openedByItself;

    public WaitForGraphPanel(TimelineView view) {
        this.view = view;
        getStyleClass().add("wait-for-graph");
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        // it floats over the lanes: opening it must never make the timeline's column wider or taller
        setMinSize(0, 0);
        Button close = new Button("✕");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> showing.set(false));
        close.setAccessibleText("Close the wait-for graph");
        // the picture carries its own heading: the close button sits on its top-right corner
        StackPane body = new StackPane(canvas, close);
        StackPane.setAlignment(close, Pos.TOP_RIGHT);
        getChildren().add(body);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        StackPane.setAlignment(this, Pos.TOP_RIGHT);
        opener.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("mdi2s-sitemap"));
        opener.setId("waitForGraphButton");
        opener.setAccessibleText("Wait-for graph");
        Tips.set(opener, "Wait-for graph: who waits for what at the playhead,"
                + " and the cycle of a deadlock");
        opener.getStyleClass().add("small");
        // the button's pressed look is the panel's state, whoever opened or closed it (a plain
        // button looked the same open and closed: a review of the projector's pictures)
        opener.selectedProperty().bindBidirectional(showing);
        opener.setOnAction(e -> openedByItself = false);
        // a panel a deadlock opened goes with that run: another scenario or run starts without it
        // (it stayed open over the next scenario's lanes, saying "nobody waits")
        view.traceProperty().addListener((o, before, now) -> {
            if (openedByItself && now != openedFor) {
                openedByItself = false;
                showing.set(false);
            }
        });
        opener.visibleProperty().bind(view.traceProperty().isNotNull());
        opener.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        opener.managedProperty().bind(opener.visibleProperty());
        visibleProperty().bind(showing);
        managedProperty().bind(showing);
        showing.addListener((obs, was, now) -> {
            if (!now) {
                view.rightReserveProperty().set(0);
            }
            redraw();
        });
        view.presentationProperty().addListener(obs -> redraw());
        view.widthProperty().addListener(obs -> redraw());
        view.playheadProperty().addListener(obs -> redraw());
        view.traceProperty().addListener(obs -> redraw());
        view.themeProperty().addListener(obs -> redraw());
    }

    /**
     * The button that opens and closes the panel, for the run's heading beside its other tools.
     * It floated over the lanes' bottom-right corner, where a run's end and its last results are:
     * it hid prime-check's results row and the last lanes' ends (a review of the projector's pictures).
     */
    public ToggleButton opener() {
        return opener;
    }

    /** Whether the panel is shown; a button or shortcut toggles it. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /** The picture on screen now, or null (closed, or no trace). */
    public WaitForGraphPicture shown() {
        return shown;
    }

    /** Called on each animation tick while a run grows: a graph at a live playhead may change. */
    public void refresh() {
        redraw();
    }

    private void redraw() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        Platform.runLater(() -> {
            scheduled = false;
            draw();
        });
    }

    private void draw() {
        Trace t = view.traceProperty().get();
        if (t == null) {
            shown = null;
            return;
        }
        long at = Math.min(view.playheadProperty().get(), t.endTime());
        boolean projector = view.presentationProperty().get();
        // the lanes keep at least about half the view
        double width = Math.max(320, Math.min(projector ? PROJECTOR_WIDTH : WIDTH, view.getWidth() * 0.4));
        WaitForGraphPicture p = WaitForGraphPicture.at(t, at, width, view.themeProperty().get(),
                projector ? PictureMetrics.PROJECTOR : PictureMetrics.DESK);
        if (p.graph().hasDeadlock() && openedFor != t) {
            // the moment the lesson is about: show it without being asked, once per run
            openedFor = t;
            openedByItself = !showing.get();
            showing.set(true);
        }
        if (!showing.get()) {
            shown = null;
            return;
        }
        shown = p;
        // docked under the ruler, down to the view's foot at most
        double top = view.rulerHeight() + MARGIN / 2;
        double h = Math.max(120, Math.min(p.height(), view.getHeight() - top - MARGIN - 4));
        canvas.setWidth(p.width());
        canvas.setHeight(h);
        StackPane.setMargin(this, new javafx.geometry.Insets(top, MARGIN, 0, 0));
        view.rightReserveProperty().set(p.width() + 4 + 2 * MARGIN);
        io.threadline.picture.PictureTheme theme = view.themeProperty().get();
        setStyle("-fx-background-color: " + theme.color(Ink.BORDER).hex() + ", " + theme.color(Ink.BACKGROUND).hex()
                + "; -fx-background-insets: 0, 1; -fx-background-radius: 6; -fx-padding: 2;");
        p.paint(painter);
        setAccessibleText(p.describe());
    }
}
