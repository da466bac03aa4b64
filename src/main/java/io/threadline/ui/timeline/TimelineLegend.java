package io.threadline.ui.timeline;

import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.StateMarks;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import javafx.css.PseudoClass;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

import java.util.EnumMap;
import java.util.Map;

/**
 * The five states with their looks, drawn by the same painter as the lanes. Clicking a state
 * highlights its spans in the view (others dim); clicking it again, or Escape in the view, clears it.
 * A name is never cut: where the row is short the entries wrap onto a second line.
 */
public class TimelineLegend extends FlowPane {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    private static final Map<ThreadState, String> MEANING = new EnumMap<>(ThreadState.class);

    static {
        MEANING.put(ThreadState.NEW, "New: the thread object exists; start() has not been called yet.\n"
                + "A dotted ring at a lane's start: the thread was new for an instant (created and started at once).");
        MEANING.put(ThreadState.RUNNABLE,
                "Runnable: ready to run, but no free core, or its process's GIL is held by another thread.");
        MEANING.put(ThreadState.RUNNING, "Running: holds a core (and its process's GIL).");
        MEANING.put(ThreadState.WAITING,
                "Waiting: blocked, with the reason written on the bar (sleep, join, lock, queue-get …).");
        MEANING.put(ThreadState.DEAD, "Dead: finished. ● returned   ✕ raised an exception   ⚡ killed");
    }

    private final TimelineView view;
    private final ToggleGroup group = new ToggleGroup();
    private final Map<ThreadState, ToggleButton> items = new EnumMap<>(ThreadState.class);
    private final Map<ThreadState, Canvas> swatches = new EnumMap<>(ThreadState.class);
    private boolean syncing;

    public TimelineLegend(TimelineView view) {
        this.view = view;
        getStyleClass().add("timeline-legend");
        setHgap(4);
        setVgap(2);
        // one line where it fits
        setPrefWrapLength(2000);
        // a legend that wraps asks for its second line's height
        setMinHeight(Region.USE_PREF_SIZE);
        for (ThreadState s : ThreadState.values()) {
            Canvas swatch = new Canvas();
            ToggleButton item = new ToggleButton(s.label(), swatch);
            item.getStyleClass().setAll("legend-item");
            item.setUserData(s);
            item.setToggleGroup(group);
            item.setTooltip(new Tooltip(MEANING.get(s)));
            item.setMinWidth(Region.USE_PREF_SIZE);
            items.put(s, item);
            swatches.put(s, swatch);
            getChildren().add(item);
        }

        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (!syncing) {
                view.highlightedStateProperty().set(now == null ? null : (ThreadState) now.getUserData());
            }
        });
        view.highlightedStateProperty().addListener((obs, was, now) -> select(now));
        view.themeProperty().addListener(obs -> paintSwatches());
        view.presentationProperty().addListener((obs, was, now) -> {
            pseudoClassStateChanged(PRESENTATION, now);
            paintSwatches();
        });
        view.darkProperty().addListener((obs, was, now) -> pseudoClassStateChanged(DARK, now));
        pseudoClassStateChanged(PRESENTATION, view.presentationProperty().get());
        pseudoClassStateChanged(DARK, view.darkProperty().get());
        select(view.highlightedStateProperty().get());
        paintSwatches();
    }

    @Override
    public String getUserAgentStylesheet() {
        return TimelineView.class.getResource("timeline.css").toExternalForm();
    }

    /** The legend entry for a state (for tests and keyboard users). */
    public ToggleButton item(ThreadState state) {
        return items.get(state);
    }

    private void select(ThreadState s) {
        syncing = true;
        try {
            Toggle t = s == null ? null : items.get(s);
            if (group.getSelectedToggle() != t) {
                group.selectToggle(t);
            }
        } finally {
            syncing = false;
        }
    }

    private void paintSwatches() {
        PictureTheme p = view.themeProperty().get();
        PictureMetrics m = view.presentationProperty().get() ? PictureMetrics.PROJECTOR : PictureMetrics.DESK;
        double h = Math.round(m.smallSize() + 8);
        double w = Math.round(h * 1.9);
        for (Map.Entry<ThreadState, Canvas> e : swatches.entrySet()) {
            Canvas c = e.getValue();
            boolean dead = e.getKey() == ThreadState.DEAD;
            c.setWidth(dead ? Math.round(h * 3.2) : w);
            c.setHeight(h);
            GraphicsContext gc = c.getGraphicsContext2D();
            gc.clearRect(0, 0, c.getWidth(), h);
            CanvasPainter g = new CanvasPainter(gc);
            if (dead) {
                double r = Math.round(h * 0.26);
                double step = c.getWidth() / 3;
                Reason[] ends = {Reason.RETURNED, Reason.RAISED, Reason.KILLED};
                for (int i = 0; i < ends.length; i++) {
                    StateMarks.cap(g, p, ends[i], Math.round(step * (i + 0.5)), Math.round(h / 2), r);
                }
            } else {
                StateMarks.span(g, p, m, e.getKey(), 0, w, 0, h);
            }
        }
    }
}
