package io.threadline.ui.timeline;

import io.threadline.picture.Ink;
import io.threadline.picture.Painter;
import io.threadline.picture.LaneBins;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.MarkGaps;
import io.threadline.picture.ResourceFoldTrack;
import io.threadline.picture.ResourceTrack;
import io.threadline.picture.ThreadTrack;
import io.threadline.picture.EndRoom;
import io.threadline.picture.TimeScale;
import io.threadline.picture.TimeText;
import io.threadline.picture.TimelineRenderer;
import io.threadline.picture.TimelineRows;
import io.threadline.picture.TraceExtras;
import io.threadline.picture.TrackContext;
import io.threadline.picture.TransitionOrder;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import io.threadline.trace.CauseLink;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.geometry.BoundingBox;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * The timeline control: one lane per thread, grouped by process, with ruler, playhead,
 * counter tracks and result markers. All times are microseconds of scenario time.
 *
 * <p>The lanes and their headers are painted on one canvas, only for what is on screen, the ruler
 * on a strip of its own; the playhead and the hover card are nodes. The view redraws when something it shows changed: its
 * size, a property, its CSS colours, or (checked in {@link #refresh()}) the trace having grown.
 * Colours come from CSS ({@code timeline.css}); the {@code dark} pseudo-class (see
 * {@link #darkProperty()}) or a {@code dark} style class on the view or an ancestor switches to
 * the dark theme.
 */
public class TimelineView extends Region {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final PseudoClass PRESENTATION = PseudoClass.getPseudoClass("presentation");
    /** Keyboard and button zoom step. */
    static final double ZOOM_STEP = 1.5;
    /** The view asks for room for at most this many least-height lanes' worth of rows; more scroll. */
    static final int MOST_ROWS_SHOWN = 22;
    /** Narrowest window: 50 µs across the view. */
    static final double MIN_SPAN = 50;
    /** Narrowest window on the steps axis: three transitions across the view. */
    static final double MIN_STEPS = 3;

    private final ObjectProperty<Trace> trace = new SimpleObjectProperty<>(this, "trace");
    private final LongProperty playhead = new SimpleLongProperty(this, "playhead");
    private final LongProperty revealTime = new SimpleLongProperty(this, "revealTime", Long.MAX_VALUE);
    private final ObjectProperty<ThreadState> highlightedState = new SimpleObjectProperty<>(this, "highlightedState");
    private final IntegerProperty selectedThread = new SimpleIntegerProperty(this, "selectedThread", -1);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final BooleanProperty fitLanes = new SimpleBooleanProperty(this, "fitLanes");
    private final ReadOnlyDoubleWrapper leastHeight = new ReadOnlyDoubleWrapper(this, "leastHeight");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty stepsAxis = new SimpleBooleanProperty(this, "stepsAxis");
    private final javafx.beans.property.DoubleProperty rightReserve =
            new javafx.beans.property.SimpleDoubleProperty(this, "rightReserve");
    private final IntegerProperty shownSteps = new SimpleIntegerProperty(this, "shownSteps", -1);
    private java.util.function.IntConsumer onSeekStep;
    /** Least time between two orders of a growing run on the steps axis. */
    private static final long ORDER_EVERY_NANOS = 250_000_000L;
    private long orderMade;
    private final ObjectProperty<ArrowMode> arrowMode = new SimpleObjectProperty<>(this, "arrowMode", ArrowMode.ALL);
    private final ReadOnlyIntegerWrapper hoveredThread = new ReadOnlyIntegerWrapper(this, "hoveredThread", -1);
    private final ReadOnlyObjectWrapper<TimeScale> timeScale =
            new ReadOnlyObjectWrapper<>(this, "timeScale", new TimeScale(0, 1_000_000, 0));

    private final TimelineStyle style = new TimelineStyle(this, this::invalidate);
    private final ReadOnlyObjectWrapper<PictureTheme> theme =
            new ReadOnlyObjectWrapper<>(this, "theme", PictureTheme.LIGHT);
    private final Canvas canvas = new Canvas();
    private final Canvas rulerCanvas = new Canvas();
    private final Playhead playheadNode = new Playhead();
    private final HoverCard hover = new HoverCard();
    private final ScrollBar vbar = new ScrollBar();
    private final RowsBelowCue rowsBelow = new RowsBelowCue(() -> setScrollY(Double.MAX_VALUE));
    // one painter per canvas, each with its own pool of images
    private final CanvasPainter painter = CanvasPainter.redrawn(canvas.getGraphicsContext2D());
    private final CanvasPainter rulerPainter = CanvasPainter.redrawn(rulerCanvas.getGraphicsContext2D());
    private final TimelineRows rows = new TimelineRows();
    private TraceExtras extras;
    /** The sizes of the mode (desk or projector); {@link #metrics} has the rows' heights fitted to the room. */
    private PictureMetrics base = PictureMetrics.DESK;
    private PictureMetrics metrics = PictureMetrics.DESK;
    private List<CauseLink> arrowsShown = List.of();
    private double scrollY;
    private boolean dirty = true;
    private boolean rulerDirty = true;
    private boolean drawScheduled;
    // what the trace looked like at the last check, to notice growth cheaply
    private long seenEvents = -1;
    private long seenEnd = -1;
    private boolean seenFinished;
    private long framesDrawn;
    private double hoverX;
    private double hoverY;

    public TimelineView() {
        getStyleClass().add("timeline-view");
        // keyboard zoom won't work without focus
        setFocusTraversable(true);
        canvas.setManaged(false);
        rulerCanvas.setManaged(false);
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setManaged(false);
        vbar.setVisible(false);
        getChildren().addAll(canvas, rulerCanvas, playheadNode, vbar, rowsBelow, hover);

        trace.addListener((obs, was, now) -> traceChanged(now));
        playhead.addListener(obs -> {
            placePlayhead();
            // ruler labels make way for the playhead's label: only the ruler strip is redrawn
            invalidateRuler();
        });
        revealTime.addListener(obs -> {
            followTheRun();
            placePlayhead();
            invalidate();
        });
        stepsAxis.addListener((obs, was, now) -> switchAxis(now));
        shownSteps.addListener(obs -> {
            placePlayhead();
            invalidateRuler();
        });
        highlightedState.addListener(obs -> invalidate());
        selectedThread.addListener(obs -> invalidate());
        arrowMode.addListener(obs -> invalidate());
        hoveredThread.addListener((obs, was, now) -> {
            // arrows follow the lane under the pointer; nothing else on the canvas does
            if (arrowMode.get() != ArrowMode.NONE) {
                invalidate();
            }
        });
        presentation.addListener((obs, was, now) -> {
            base = now ? PictureMetrics.PROJECTOR : PictureMetrics.DESK;
            metrics = base;
            pseudoClassStateChanged(PRESENTATION, now);
            if (extras != null) {
                rows.update(trace.get(), extras, metrics);
            }
            requestLayout();
            invalidate();
        });
        fitLanes.addListener((obs, was, now) -> {
            metrics = base;
            if (extras != null) {
                rows.update(trace.get(), extras, metrics);
            }
            requestLayout();
            invalidate();
        });
        rightReserve.addListener(obs -> requestLayout());
        dark.addListener((obs, was, now) -> pseudoClassStateChanged(DARK, now));
        follow.addListener((obs, was, now) -> {
            if (now) {
                followTheRun();
            }
        });
        vbar.valueProperty().addListener((obs, was, now) -> {
            if (now.doubleValue() != scrollY) {
                scrollY = now.doubleValue();
                placePlayhead();
                placeRowsBelow();
                invalidate();
            }
        });
        new TimelineInput(this).install();
    }

    @Override
    public String getUserAgentStylesheet() {
        return TimelineView.class.getResource("timeline.css").toExternalForm();
    }

    // ---- the agreed API

    /** The trace shown; may still be growing (a live run). */
    public ObjectProperty<Trace> traceProperty() {
        return trace;
    }

    /** Where the playhead stands; the user can drag it. */
    public LongProperty playheadProperty() {
        return playhead;
    }

    /** Lanes are drawn up to this time only (Long.MAX_VALUE: everything recorded). */
    public LongProperty revealTimeProperty() {
        return revealTime;
    }

    /** A state whose spans stand out (legend click), or null. */
    public ObjectProperty<ThreadState> highlightedStateProperty() {
        return highlightedState;
    }

    /** The selected thread's id, or -1. */
    public IntegerProperty selectedThreadProperty() {
        return selectedThread;
    }

    /** Which cause arrows are drawn: all (the focused thread's stand out), the focused thread's only, or none. */
    public ObjectProperty<ArrowMode> arrowModeProperty() {
        return arrowMode;
    }

    /** The thread whose lane (or name) is under the pointer, or -1. */
    public ReadOnlyIntegerProperty hoveredThreadProperty() {
        return hoveredThread.getReadOnlyProperty();
    }

    /** The cause arrows on screen in the last frame drawn, for tests and tools that compare the view with the trace. */
    public List<CauseLink> shownArrows() {
        return arrowsShown;
    }

    /**
     * The steps axis: the horizontal axis counts transitions (each one an equal column, the
     * seconds on the ruler), so what happens in one instant is spread out. Off: seconds.
     */
    public BooleanProperty stepsAxisProperty() {
        return stepsAxis;
    }

    /**
     * How many transitions (of the steps axis's order) the window has stepped through; -1: all
     * up to the playhead. On the steps axis the playhead stands just after the last of them.
     */
    public IntegerProperty shownStepsProperty() {
        return shownSteps;
    }

    /** Called, on the steps axis, with the steps shown up to the column clicked or dragged to (instead of a time). */
    public void setOnSeekStep(java.util.function.IntConsumer action) {
        onSeekStep = action;
    }

    /** Larger lanes and fonts for a projector. */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /**
     * While on, the rows' heights follow the view's height ({@link LaneHeights}): lanes grow to
     * fill the room and shrink so every row fits; off, they have the mode's standard heights, as
     * in a picture.
     */
    public BooleanProperty fitLanesProperty() {
        return fitLanes;
    }

    /**
     * The height the view needs for every row at its least height (fitted lanes only; up to a
     * screenful of rows), for the window to give it that room when it can.
     */
    public ReadOnlyDoubleProperty leastHeightProperty() {
        return leastHeight.getReadOnlyProperty();
    }

    /**
     * Width kept free at the view's right, where a docked panel (the wait-for graph) sits: the
     * lanes, the ruler and the scroll bar end before it, the time window is kept, so nothing the
     * panel explains is hidden under it.
     */
    public javafx.beans.property.DoubleProperty rightReserveProperty() {
        return rightReserve;
    }

    /** The height of a thread's lane as drawn now. */
    public double laneHeight() {
        return metrics.laneHeight();
    }

    /** Where {@code thread}'s lane is, in the view's coordinates (ruler and scrolling counted), or null. */
    public BoundingBox laneBounds(int thread) {
        TimelineRows.Row r = rows.rowOf(thread);
        return r == null ? null
                : new BoundingBox(0, metrics.rulerHeight() + r.y() - scrollY, getWidth(), r.height());
    }

    /** Zooms in around the playhead (or the middle when the playhead is off screen). */
    public void zoomIn() {
        zoomBy(ZOOM_STEP, keyboardPivot());
    }

    /** Zooms out around the playhead (or the middle when the playhead is off screen). */
    public void zoomOut() {
        zoomBy(1 / ZOOM_STEP, keyboardPivot());
    }

    /** Shows the whole run (with a small margin), and follows it again if it is still growing. */
    public void fit() {
        Trace t = trace.get();
        // A finished run has its final length: fit all of it, also while a replay reveals it.
        long end = Math.max(t != null && t.isFinished() ? t.endTime() : horizon(), 1);
        if (t != null && !t.isFinished()) {
            // a growing run: leave room to grow into
            end = Math.max(end, 1_000_000);
        }
        TimeScale s = timeScale.get();
        setScale(TimeScale.fitting(end, s.width(), s.steps(), EndRoom.of(t, metrics())).withWidth(s.width()));
        if (t != null && !t.isFinished()) {
            follow.set(true);
        }
    }

    /** Visible window start (µs; a little below 0 after {@link #fit()}, which leaves a margin). */
    public long visibleStart() {
        return (long) Math.floor(timeScale.get().startTime());
    }

    /** Visible window end (µs). */
    public long visibleEnd() {
        return (long) Math.ceil(timeScale.get().endTime());
    }

    /** The tooltip text for a point in the view's coordinates, or null where there is nothing. */
    public String describeAt(double x, double y) {
        Trace t = trace.get();
        if (t == null) {
            return null;
        }
        double gutter = metrics.gutterWidth();
        double ruler = metrics.rulerHeight();
        if (y < ruler) {
            return x >= gutter && x < gutter + bodyWidth()
                    ? TimeText.seconds(Math.round(timeAt(x))) + " — click or drag to move the playhead" : null;
        }
        TimelineRows.Row row = rows.rowAt(y - ruler + scrollY);
        if (row == null) {
            return null;
        }
        double localY = y - (ruler + row.y() - scrollY);
        if (x < gutter) {
            return row.track().describeHeader(context(null, gutter, row.height()));
        }
        if (x >= gutter + bodyWidth()) {
            return null;
        }
        return row.track().describeAt(context(null, bodyWidth(), row.height()), x - gutter, localY);
    }

    /** Redraws now if anything changed (called on each animation tick while a run grows). */
    public void refresh() {
        Trace t = trace.get();
        if (t != null) {
            long events = t.eventCount();
            long end = t.endTime();
            boolean finished = t.isFinished();
            boolean extra = extras.update();
            if (events != seenEvents || end != seenEnd || finished != seenFinished || extra) {
                seenEvents = events;
                seenEnd = end;
                seenFinished = finished;
                if (rows.update(t, extras, metrics)) {
                    requestLayout();
                }
                if (stepsAxis.get() && (finished || System.nanoTime() - orderMade > ORDER_EVERY_NANOS)) {
                    // a live run's order is made anew a few times a second, not every frame
                    orderMade = System.nanoTime();
                    timeScale.set(timeScale.get().withSteps(TransitionOrder.of(t)));
                }
                followTheRun();
                dirty = true;
                if (hover.isVisible()) {
                    // the span under a still pointer may have grown: keep its card true
                    hoverAt(hoverX, hoverY);
                }
            }
        }
        drawIfDirty();
    }

    // ---- more API

    /** While on, the view widens to keep a growing run's end in sight; zooming or panning turns it off. */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** Dark theme (sets the {@code :dark} pseudo-class; timeline.css holds both themes). */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The visible window and its width in pixels (the body, right of the lane names). */
    public ReadOnlyObjectProperty<TimeScale> timeScaleProperty() {
        return timeScale.getReadOnlyProperty();
    }

    /** Shows the window [start, end] (µs); stops following. */
    public void showWindow(long start, long end) {
        follow.set(false);
        TimeScale s = timeScale.get();
        long to = Math.max(end, start + 1);
        setScale(s.steps() == null ? s.withWindow(start, to)
                : s.withWindow(s.position(start) - 0.5, s.position(to) + 0.5));
    }

    /** Thread lanes as laid out now, top to bottom, in view coordinates. */
    public List<LaneLayout> laneLayout() {
        List<LaneLayout> out = new ArrayList<>();
        Trace t = trace.get();
        for (TimelineRows.Row r : rows.rows()) {
            int thread = r.track().thread();
            if (thread >= 0) {
                out.add(new LaneLayout(thread, t.thread(thread).process(),
                        metrics.rulerHeight() + r.y() - scrollY, r.height()));
            }
        }
        return out;
    }

    /** What is drawn at a point of a thread lane (view coordinates), or null if no state is drawn there. */
    public DrawnState drawnAt(double x, double y) {
        if (trace.get() == null || x < metrics.gutterWidth() || x >= metrics.gutterWidth() + bodyWidth()) {
            return null;
        }
        TimelineRows.Row row = rows.rowAt(y - metrics.rulerHeight() + scrollY);
        if (row == null || !(row.track() instanceof ThreadTrack lane)) {
            return null;
        }
        LaneBins b = lane.bins(context(null, bodyWidth(), row.height()));
        int c = (int) Math.floor(x - metrics.gutterWidth());
        ThreadState s = b.state(c);
        return s == null ? null
                : new DrawnState(lane.thread(), s, b.kind(c) == LaneBins.MIXED, b.instantRun(c), b.event(c));
    }

    /** The x (view coordinates) of time t. */
    public double xOf(long t) {
        return metrics.gutterWidth() + timeScale.get().x(t);
    }

    /** The time at view x. */
    public double timeAt(double x) {
        return timeScale.get().time(x - metrics.gutterWidth());
    }

    /** Width of the fixed column of lane names. */
    public double gutterWidth() {
        return metrics.gutterWidth();
    }

    /** Height of the time ruler at the top. */
    public double rulerHeight() {
        return metrics.rulerHeight();
    }

    // ---- package API for the input handler, the legend and tests

    TimelineStyle style() {
        return style;
    }

    /** The colours in force, for nodes that draw like the view (the legend). */
    ReadOnlyObjectProperty<PictureTheme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    PictureMetrics metrics() {
        return metrics;
    }

    double bodyWidth() {
        return timeScale.get().width();
    }

    /** The time the lanes reach: the reveal time, or the end of what was recorded. */
    long horizon() {
        Trace t = trace.get();
        if (t == null) {
            return 0;
        }
        return revealTime.get() == Long.MAX_VALUE ? t.endTime() : revealTime.get();
    }

    /** Paints a frame now, changed or not (for measuring). */
    void redrawNow() {
        dirty = true;
        drawIfDirty();
    }

    /** Frames painted so far: lets tests check that nothing is redrawn when nothing changed. */
    long framesDrawn() {
        return framesDrawn;
    }

    String hoverText() {
        return hover.text();
    }

    /** A zoom the user asked for: stops following. */
    void zoomBy(double factor, double pivotX) {
        follow.set(false);
        setScale(timeScale.get().zoom(factor, pivotX));
    }

    /** A pan the user asked for, in pixels: stops following. */
    void panBy(double dx) {
        panTo(timeScale.get().pan(dx));
    }

    /** A pan the user asked for; the run never slides entirely out of view. */
    void panTo(TimeScale s) {
        follow.set(false);
        double half = s.duration() / 2;
        double lo = -half;
        double hi = Math.max(s.position(horizon()), 0) - half;
        double start = Math.max(lo, Math.min(hi, s.start()));
        setScale(s.withWindow(start, start + s.duration()));
    }

    void scrollBy(double dy) {
        setScrollY(scrollY + dy);
    }

    double scrollY() {
        return scrollY;
    }

    void setScrollY(double y) {
        double max = Math.max(0, rows.contentHeight() - rowsRoom());
        double v = Math.max(0, Math.min(max, y));
        if (v != scrollY) {
            scrollY = v;
            vbar.setValue(v);
            placePlayhead();
            placeRowsBelow();
            invalidate();
        }
    }

    /**
     * The height the rows are seen in: under the ruler, and above the cue that more rows follow
     * when they do not all fit (it keeps its strip while the view scrolls, so that no row's words
     * are under it).
     */
    private double rowsRoom() {
        double room = getHeight() - metrics.rulerHeight();
        return rows.contentHeight() > room ? room - rowsBelow.stripHeight() : room;
    }

    /** Rows not wholly in view below it: the cue at the view's foot counts them. */
    int rowsBelow() {
        double bottom = scrollY + rowsRoom();
        int n = 0;
        for (TimelineRows.Row r : rows.rows()) {
            if (r.bottom() > bottom + 0.5) {
                n++;
            }
        }
        return n;
    }

    private void placeRowsBelow() {
        boolean overflow = trace.get() != null && rows.contentHeight() > getHeight() - metrics.rulerHeight();
        rowsBelow.show(overflow, overflow ? rowsBelow() : 0, canvas.getWidth(), getHeight());
    }

    boolean canScrollVertically() {
        return rows.contentHeight() > getHeight() - metrics.rulerHeight();
    }

    /** Moves the playhead to view x, within the recorded run. */
    void seekTo(double x) {
        if (trace.get() == null) {
            return;
        }
        TransitionOrder order = timeScale.get().steps();
        if (order != null && onSeekStep != null) {
            // the column under the pointer: its transition and those before it have happened
            double p = timeScale.get().positionAt(x - metrics.gutterWidth());
            onSeekStep.accept((int) Math.max(0, Math.min(order.count(), Math.floor(p) + 1)));
            return;
        }
        // snap to a round time about a pixel wide, so the playhead reads "1.25 s", not "1.249731 s"
        long grain = 1;
        while (grain * 10 <= timeScale.get().microsPerPixel()) {
            grain *= 10;
        }
        long t = Math.round(timeAt(x) / grain) * grain;
        playhead.set(Math.max(0, Math.min(horizon(), t)));
    }

    /**
     * Selects the thread whose lane or header is at view (x, y); -1 elsewhere. On a resource lane,
     * the thread holding or waiting there is selected and its lane scrolled into view; the folded
     * "resources" row opens (or folds) its lanes.
     */
    void selectAt(double x, double y) {
        TimelineRows.Row row = rows.rowAt(y - metrics.rulerHeight() + scrollY);
        if (row != null && row.track() instanceof ResourceFoldTrack) {
            rows.toggleResources();
            rows.update(trace.get(), extras, metrics);
            requestLayout();
            invalidate();
            return;
        }
        if (row != null && row.track() instanceof ResourceTrack lane && x >= metrics.gutterWidth()) {
            double localY = y - (metrics.rulerHeight() + row.y() - scrollY);
            int thread = lane.threadAt(context(null, bodyWidth(), row.height()), x - metrics.gutterWidth(), localY);
            selectedThread.set(thread);
            if (thread >= 0) {
                showLane(thread);
            }
            return;
        }
        selectedThread.set(row == null ? -1 : row.track().thread());
    }

    /** Scrolls so that the lane of {@code thread} is in view. */
    public void showLane(int thread) {
        TimelineRows.Row target = rows.rowOf(thread);
        if (target == null) {
            return;
        }
        double visible = rowsRoom();
        if (target.y() < scrollY || target.bottom() > scrollY + visible) {
            setScrollY(target.y() - Math.max(0, (visible - target.height()) / 3));
        }
    }

    /** Scrolls so that the lane of {@code resource} is in view, opening the folded lanes if it is among them. */
    public void showResource(int resource) {
        if (rows.rowOfResource(resource) == null && !rows.resourcesOpen() && trace.get() != null) {
            rows.toggleResources();
            rows.update(trace.get(), extras, metrics);
            requestLayout();
            invalidate();
        }
        TimelineRows.Row target = rows.rowOfResource(resource);
        if (target != null) {
            double visible = rowsRoom();
            setScrollY(Math.max(target.bottom() - visible + 8, Math.min(scrollY, target.y())));
        }
    }

    /** The rows as laid out now (tests and panels that draw beside the view read them). */
    public TimelineRows rows() {
        return rows;
    }

    /**
     * Paints the rows (names and bodies, no arrows) as the view does now, scrolled as they are, on
     * another surface of the view's size: for checks of what each row writes where.
     */
    public void paintRowsOn(Painter g) {
        if (trace.get() == null) {
            return;
        }
        double ruler = metrics.rulerHeight();
        TrackContext base = new TrackContext(g, trace.get(), timeScale.get(), bodyWidth(), 0, horizon(), metrics,
                style.theme(), null, -1);
        TimelineRenderer.paintRows(base, rows, ruler - scrollY, ruler, getHeight(), TimelineRenderer.Arrows.NONE);
    }

    void hoverAt(double x, double y) {
        hoverX = x;
        hoverY = y;
        TimelineRows.Row under = y >= metrics.rulerHeight() ? rows.rowAt(y - metrics.rulerHeight() + scrollY) : null;
        hoveredThread.set(under == null ? -1 : under.track().thread());
        String s = describeAt(x, y);
        if (s == null) {
            hover.hide();
        } else {
            hover.show(s, x, y, getWidth(), getHeight());
        }
    }

    void hideHover() {
        hover.hide();
        hoveredThread.set(-1);
    }

    private double keyboardPivot() {
        double x = playheadX() - metrics.gutterWidth();
        return x >= 0 && x <= bodyWidth() ? x : bodyWidth() / 2;
    }

    // ---- state changes

    private void traceChanged(Trace now) {
        rows.clear();
        extras = now == null ? null : new TraceExtras(now);
        seenEvents = -1;
        scrollY = 0;
        vbar.setValue(0);
        hover.hide();
        hoveredThread.set(-1);
        if (now != null) {
            extras.update();
            rows.update(now, extras, metrics);
            seenEvents = now.eventCount();
            seenEnd = now.endTime();
            seenFinished = now.isFinished();
            follow.set(!now.isFinished());
            TimeScale s = timeScale.get();
            timeScale.set(TimeScale.fitting(1, s.width(), stepsAxis.get() ? TransitionOrder.of(now) : null));
            fit();
        }
        requestLayout();
        invalidate();
    }

    /** Switches between the time axis and the steps axis, keeping the stretch of time in view. */
    private void switchAxis(boolean steps) {
        Trace t = trace.get();
        TimeScale s = timeScale.get();
        if (t == null) {
            timeScale.set(s.withSteps(null));
            return;
        }
        double from = s.startTime();
        double to = s.endTime();
        TransitionOrder order = steps ? TransitionOrder.of(t) : null;
        TimeScale next;
        if (order != null) {
            next = TimeScale.steps(order, order.position(from) - 0.5, order.position(to) + 0.5, s.width());
        } else {
            next = new TimeScale(from, Math.max(to, from + MIN_SPAN), s.width());
        }
        // the whole run before stays the whole run, with the room a fit leaves
        boolean whole = from <= 0 && to >= t.endTime();
        timeScale.set(next);
        if (whole) {
            fit();
        } else {
            setScale(next);
        }
        placePlayhead();
        invalidate();
    }

    /** Keeps a growing run's end in view: widens in steps (a calm ruler), and fits once it ends. */
    private void followTheRun() {
        Trace t = trace.get();
        if (!follow.get() || t == null) {
            return;
        }
        TimeScale s = timeScale.get();
        if (t.isFinished()) {
            fit();
            return;
        }
        double h = s.position(horizon());
        if (h > s.start() + 0.92 * s.duration()) {
            setScale(s.withWindow(s.start(), s.start() + (h - s.start()) * 1.5));
        }
    }

    private void setScale(TimeScale s) {
        TimeScale clamped;
        if (s.steps() != null) {
            clamped = s.clampDuration(MIN_STEPS, Math.max(100, s.steps().count() * 10.0), s.width() / 2);
        } else {
            long runEnd = Math.max(horizon(), 1_000_000);
            clamped = s.clampDuration(MIN_SPAN, Math.max(60_000_000, runEnd * 10.0), s.width() / 2);
        }
        if (!clamped.equals(timeScale.get())) {
            timeScale.set(clamped);
            placePlayhead();
            invalidate();
        }
    }

    /** Asks for a redraw on the next pulse; several requests make one redraw. */
    void invalidate() {
        dirty = true;
        invalidateRuler();
    }

    private void invalidateRuler() {
        rulerDirty = true;
        if (!drawScheduled) {
            drawScheduled = true;
            Platform.runLater(() -> {
                drawScheduled = false;
                drawIfDirty();
            });
        }
    }

    private void drawIfDirty() {
        if (!dirty && !rulerDirty || canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return;
        }
        PictureTheme p = style.theme();
        if (p != theme.get()) {
            theme.set(p);
        }
        if (dirty) {
            dirty = false;
            framesDrawn++;
            drawRows(p);
        }
        rulerDirty = false;
        drawRuler(p);
    }

    private void drawRows(PictureTheme p) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        painter.nextFrame();
        painter.setAlpha(1);
        painter.setFill(p.color(Ink.BACKGROUND));
        painter.fillRect(0, 0, w, h);
        if (trace.get() == null) {
            arrowsShown = List.of();
            return;
        }
        int focus = hoveredThread.get() >= 0 ? hoveredThread.get() : selectedThread.get();
        TimelineRenderer.Arrows arrows = switch (arrowMode.get()) {
            case NONE -> TimelineRenderer.Arrows.NONE;
            case ALL -> new TimelineRenderer.Arrows(true, false, focus);
            case FOCUS -> new TimelineRenderer.Arrows(true, true, focus);
        };
        double ruler = metrics.rulerHeight();
        arrowsShown = TimelineRenderer.paintRows(context(painter, bodyWidth(), 0), rows, ruler - scrollY, ruler, h,
                arrows);
        // the playhead's gaps follow the marks just painted
        placePlayhead();
    }

    /** The ruler on its own strip, redrawn alone when the playhead moves. */
    private void drawRuler(PictureTheme p) {
        // the playhead's own time label sits in the ruler: tick labels under it would be a smudge
        double ruler = metrics.rulerHeight();
        double gutter = metrics.gutterWidth();
        TimeScale s = timeScale.get();
        double phX = playheadX();
        String phText = TimeText.playhead(playhead.get(), s.microsPerPixel());
        double phLabel = rulerPainter.textWidth(phText, metrics.smallBold()) + 20;
        boolean phLeft = phX + ruler * 0.3 + phLabel > gutter + bodyWidth();   // as Playhead.place flips it
        double phFrom = phLeft ? phX - ruler * 0.3 - phLabel : phX - ruler * 0.3;
        double phTo = phLeft ? phX + ruler * 0.3 : phX + ruler * 0.3 + phLabel;
        rulerPainter.nextFrame();
        TimelineRenderer.paintRuler(rulerPainter, s, metrics, p, rulerCanvas.getWidth(), phFrom, phTo);
    }

    private TrackContext context(CanvasPainter g, double w, double h) {
        return new TrackContext(g, trace.get(), timeScale.get(), w, h, horizon(), metrics, style.theme(),
                highlightedState.get(), selectedThread.get());
    }

    /** The playhead's x: after the last transition stepped through on the steps axis, else at its time. */
    private double playheadX() {
        TimeScale s = timeScale.get();
        int k = shownSteps.get();
        if (s.steps() != null && k >= 0 && k <= s.steps().count()) {
            return metrics.gutterWidth() + s.xOfPosition(k - 0.5);
        }
        return xOf(playhead.get());
    }

    private void placePlayhead() {
        Trace t = trace.get();
        double x = playheadX();
        boolean show = t != null && x >= metrics.gutterWidth() - 1 && x <= metrics.gutterWidth() + bodyWidth() + 1;
        playheadNode.setVisible(show);
        if (show) {
            // the marks of the rows' last frame it would cross stay whole (rows' coordinates to the view's)
            List<double[]> gaps = new ArrayList<>();
            double dy = metrics.rulerHeight() - scrollY;
            // (and the cause arrows drawn at its x: at a run's end the last instant's kill or terminate)
            for (double[] g : MarkGaps.forPlayhead(rows, Math.round(x) + 0.5 - metrics.gutterWidth(), 3)) {
                gaps.add(new double[] {Math.max(metrics.rulerHeight(), g[0] + dy), g[1] + dy});
            }
            playheadNode.place(x, metrics.rulerHeight(), getHeight(), metrics.gutterWidth() + bodyWidth(),
                    TimeText.playhead(playhead.get(), timeScale.get().microsPerPixel()), gaps);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(Math.max(0, getWidth() - rightReserve.get()));
        double h = snapSizeY(getHeight());
        double ruler = metrics.rulerHeight();
        fitRows(h - ruler);
        boolean overflow = rows.contentHeight() > h - ruler;
        vbar.setVisible(overflow);
        double barW = overflow ? snapSizeX(vbar.prefWidth(-1)) : 0;
        if (overflow) {
            vbar.resizeRelocate(w - barW, ruler, barW, Math.max(0, h - ruler));
            vbar.setMin(0);
            vbar.setMax(Math.max(0, rows.contentHeight() - rowsRoom()));
            vbar.setVisibleAmount(rowsRoom());
            vbar.setUnitIncrement(metrics.laneHeight());
        }
        // the canvas stops short of the scroll bar: a redrawn canvas over it would repaint the
        // bar's rounded track every frame, which costs the software pipeline more than the lanes
        double canvasW = Math.max(0, w - barW);
        if (canvas.getWidth() != canvasW || canvas.getHeight() != h || rulerCanvas.getWidth() != w
                || rulerCanvas.getHeight() != ruler) {
            canvas.setWidth(canvasW);
            canvas.setHeight(h);
            rulerCanvas.setWidth(w);
            rulerCanvas.setHeight(ruler);
            dirty = true;
            rulerDirty = true;
        }
        setScrollY(scrollY);
        double bodyW = Math.max(0, w - metrics.gutterWidth() - barW);
        if (bodyW != timeScale.get().width()) {
            timeScale.set(timeScale.get().withWidth(bodyW));
            dirty = true;
        }
        playheadNode.resizeRelocate(0, 0, w, h);
        placePlayhead();
        placeRowsBelow();
        drawIfDirty();
    }

    /** Gives the rows the heights that fill {@code room}, while lanes are fitted. */
    private void fitRows(double room) {
        Trace t = trace.get();
        if (!fitLanes.get() || t == null || room <= 0) {
            return;
        }
        PictureMetrics m = LaneHeights.fit(base, room, at -> {
            rows.update(t, extras, at);
            return rows.contentHeight();
        });
        PictureMetrics least = LaneHeights.at(base, LaneHeights.leastLane(base));
        rows.update(t, extras, least);
        // every row at its least height, up to a screenful of rows: beyond that the view scrolls
        leastHeight.set(base.rulerHeight() + Math.min(rows.contentHeight(), MOST_ROWS_SHOWN * least.laneHeight()));
        rows.update(t, extras, m);
        if (!m.equals(metrics)) {
            metrics = m;
            dirty = true;
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return metrics.rulerHeight() + Math.max(rows.contentHeight(), 3 * metrics.laneHeight());
    }

    @Override
    protected double computeMinWidth(double height) {
        return metrics.gutterWidth() + 100;
    }

    @Override
    protected double computeMinHeight(double width) {
        return metrics.rulerHeight() + metrics.laneHeight();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return Holder.META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    private static final class Holder {
        static final List<CssMetaData<? extends Styleable, ?>> META =
                TimelineStyle.cssMetaData(Region.getClassCssMetaData());
    }
}
