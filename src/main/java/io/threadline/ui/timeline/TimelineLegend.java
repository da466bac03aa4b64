package io.threadline.ui.timeline;

import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.StateMarks;
import io.threadline.picture.StateStyle;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.ui.control.Tips;
import javafx.css.PseudoClass;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The five states with their looks, drawn by the same painter as the lanes. Clicking a state
 * highlights its spans in the view (others dim); clicking it again, or Escape in the view, clears it.
 * A name is never cut: where the row is short the entries wrap onto a second line. "Dead" names
 * its three end marks, so a class reads ✕ as "raised" without hovering; "waiting" its two
 * outlines, the thin one of a sleep or I/O and the thick one of a wait on another thread (a lock's
 * owner, a joined thread, a queue's other end: StateStyle.waitsOnAnother), which the lanes drew
 * with nothing to say what the thick one meant (a review of the projector's pictures). Where those words would make the legend
 * wrap they go first (the marks stay, the tooltip names them), since a second legend line costs
 * a lane's height.
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
        MEANING.put(ThreadState.WAITING, "Waiting: blocked, with the reason written on the box.\n"
                + "Thick outline: waits on another thread (" + waits(true) + "),"
                + " where the box is tall enough to keep its words whole inside it.\n"
                + "Thin outline: waits on the clock, I/O or a thread's start (" + waits(false) + ").");
        MEANING.put(ThreadState.DEAD, "Dead: finished. ● returned   ✕ raised an exception   ⚡ killed");
    }

    private final TimelineView view;
    private final ToggleGroup group = new ToggleGroup();
    private final Map<ThreadState, ToggleButton> items = new EnumMap<>(ThreadState.class);
    private final Map<ThreadState, Canvas> swatches = new EnumMap<>(ThreadState.class);
    private static final Reason[] ENDS = {Reason.RETURNED, Reason.RAISED, Reason.KILLED};
    private final Canvas[] endMarks = new Canvas[ENDS.length];
    private final Label[] endWords = new Label[ENDS.length];
    /** The wait's two outlines, thin then thick, and their words. */
    private static final String[] WAITS = {"sleep, io", "on another thread"};
    private final Canvas[] waitMarks = new Canvas[WAITS.length];
    private final Label[] waitWords = new Label[WAITS.length];
    private boolean wordsShown = true;
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
            ToggleButton item = new ToggleButton(s.label(), s == ThreadState.DEAD ? endsKey()
                    : s == ThreadState.WAITING ? waitsKey() : swatch);
            if (s == ThreadState.DEAD || s == ThreadState.WAITING) {
                item.setContentDisplay(ContentDisplay.RIGHT);
            }
            item.getStyleClass().setAll("legend-item");
            item.setUserData(s);
            item.setToggleGroup(group);
            Tips.set(item, MEANING.get(s));
            item.setMinWidth(Region.USE_PREF_SIZE);
            items.put(s, item);
            if (s != ThreadState.DEAD && s != ThreadState.WAITING) {
                swatches.put(s, swatch);
            }
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

    @Override
    protected void layoutChildren() {
        boolean words = wordsFit();
        if (words != wordsShown) {
            wordsShown = words;
            for (Label w : endWords) {
                w.setContentDisplay(words ? ContentDisplay.LEFT : ContentDisplay.GRAPHIC_ONLY);
            }
            for (Label w : waitWords) {
                w.setContentDisplay(words ? ContentDisplay.LEFT : ContentDisplay.GRAPHIC_ONLY);
            }
        }
        super.layoutChildren();
    }

    /** Whether every entry, the end marks' and the outlines' words included, fits on one line. */
    private boolean wordsFit() {
        double need = snappedLeftInset() + snappedRightInset() + getHgap() * (items.size() - 1);
        for (ToggleButton b : items.values()) {
            need += b.prefWidth(-1);
        }
        if (!wordsShown) {
            for (Label w : (Iterable<Label>) Stream.concat(Stream.of(endWords), Stream.of(waitWords))::iterator) {
                Text t = new Text(w.getText());
                t.setFont(w.getFont());
                need += Math.ceil(t.getLayoutBounds().getWidth()) + w.getGraphicTextGap();
            }
        }
        return need <= getWidth() + 0.5;
    }

    /** Whether the end marks' and the outlines' words are shown (for tests). */
    boolean endWordsShown() {
        return wordsShown;
    }

    /** "● returned ✕ raised ⚡ killed": each end mark with its word. */
    private HBox endsKey() {
        HBox key = new HBox();
        key.getStyleClass().add("legend-ends");
        for (int i = 0; i < ENDS.length; i++) {
            endMarks[i] = new Canvas();
            Label word = new Label(ENDS[i].name().toLowerCase(java.util.Locale.ROOT), endMarks[i]);
            word.getStyleClass().add("legend-end");
            word.setMinWidth(Region.USE_PREF_SIZE);
            endWords[i] = word;
            key.getChildren().add(word);
        }
        return key;
    }

    /**
     * "[thin] sleep, io [thick] on another thread": a wait's two outlines, each with its words
     * (the labels of the waits it is drawn for are in the tooltip).
     */
    private HBox waitsKey() {
        HBox key = new HBox();
        key.getStyleClass().add("legend-ends");
        for (int i = 0; i < WAITS.length; i++) {
            waitMarks[i] = new Canvas();
            Label word = new Label(WAITS[i], waitMarks[i]);
            word.getStyleClass().addAll("legend-end", "legend-wait");
            word.setMinWidth(Region.USE_PREF_SIZE);
            waitWords[i] = word;
            key.getChildren().add(word);
        }
        return key;
    }

    /** The labels of the waits with a thick outline ({@code heavy}) or a thin one, as the lanes write them. */
    private static String waits(boolean heavy) {
        return Stream.of(Reason.values())
                .filter(r -> r.state() == ThreadState.WAITING && StateStyle.waitsOnAnother(r) == heavy)
                .map(Reason::label).collect(Collectors.joining(", "));
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
            c.setWidth(w);
            c.setHeight(h);
            GraphicsContext gc = c.getGraphicsContext2D();
            gc.clearRect(0, 0, w, h);
            StateMarks.span(new CanvasPainter(gc), p, m, e.getKey(), 0, w, 0, h);
        }
        // the wait's swatches: the plain box, and the same with the heavy outline the lanes draw inside it
        // (narrower than the others': two of them and their words share one entry's room)
        double ww = Math.round(h * 1.4);
        for (int i = 0; i < waitMarks.length; i++) {
            Canvas c = waitMarks[i];
            c.setWidth(ww);
            c.setHeight(h);
            GraphicsContext gc = c.getGraphicsContext2D();
            gc.clearRect(0, 0, ww, h);
            CanvasPainter g = new CanvasPainter(gc);
            StateMarks.span(g, p, m, ThreadState.WAITING, 0, ww, 0, h);
            if (i == 1) {
                StateStyle look = StateStyle.of(ThreadState.WAITING);
                StateMarks.heavyOutline(g, p.color(look.stroke()), Math.max(1, Math.round(m.line())), 0, ww,
                        StateMarks.shapeTop(look, 0, h), StateMarks.shapeHeight(look, h), true, true);
            }
        }
        double r = Math.round(h * 0.26);
        for (int i = 0; i < ENDS.length; i++) {
            Canvas c = endMarks[i];
            c.setWidth(Math.round(2 * r + 4));
            c.setHeight(h);
            GraphicsContext gc = c.getGraphicsContext2D();
            gc.clearRect(0, 0, c.getWidth(), h);
            StateMarks.cap(new CanvasPainter(gc), p, ENDS[i], Math.round(c.getWidth() / 2), Math.round(h / 2), r);
        }
    }
}
