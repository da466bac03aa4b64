package io.threadline.ui.teach;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadInfo;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import io.threadline.ui.control.Tips;
import io.threadline.ui.timeline.RowReveal;
import io.threadline.ui.timeline.StateSwatch;
import io.threadline.ui.timeline.StateTimeBar;
import io.threadline.ui.timeline.ThreadMoment;
import io.threadline.ui.timeline.TimelineView;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ObservableListBase;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One thread up close: its name, role, daemon flag and process; how long it spent in each state
 * (numbers and a bar) up to the playhead; and its transitions, each with time, state, reason and
 * cause. The row at the playhead is marked, later ones dimmed; clicking a row moves the playhead there.
 */
public final class ThreadInspector extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass FUTURE = PseudoClass.getPseudoClass("future");
    private static final ThreadState[] TIMED = {ThreadState.RUNNING, ThreadState.RUNNABLE, ThreadState.WAITING,
        ThreadState.NEW};

    private final TimelineView view;
    private final Label name = new Label();
    private final Label about = new Label();
    private final Label timesMeta = new Label();
    private final StateTimeBar bar;
    private final Map<ThreadState, Label> timeLabels = new EnumMap<>(ThreadState.class);
    private final Label transitionsMeta = new Label();
    private final Rows rows = new Rows();
    private final ListView<Integer> list = new ListView<>(rows);
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private LongConsumer onSeek = t -> {
    };

    private Trace trace;
    private int thread = -1;
    private StateTimes times;
    private long shownTime = Long.MIN_VALUE;
    private boolean revealPending;
    private int shownSize = -1;

    public ThreadInspector(TimelineView view) {
        this.view = view;
        getStyleClass().add("thread-inspector");
        name.getStyleClass().add("inspector-name");
        about.getStyleClass().add("inspector-about");
        about.setWrapText(true);
        VBox head = new VBox(name, about);
        head.getStyleClass().add("inspector-head");

        bar = new StateTimeBar(view);
        bar.setId("inspector-time-bar");
        // two columns where they fit, one under the other where they do not (presentation mode)
        FlowPane numbers = new FlowPane();
        numbers.getStyleClass().add("inspector-times");
        for (ThreadState s : TIMED) {
            StateSwatch sw = new StateSwatch(view, 22, 12);
            sw.show(s, null);
            Label l = new Label();
            l.setId("inspector-time-" + s.label());
            l.getStyleClass().add("inspector-time");
            l.setGraphic(sw);
            timeLabels.put(s, l);
            l.setMinWidth(Region.USE_PREF_SIZE);
            numbers.getChildren().add(l);
        }
        timesMeta.getStyleClass().add("pane-meta");
        HBox timesHead = header("TIME IN EACH STATE", timesMeta);

        transitionsMeta.getStyleClass().add("pane-meta");
        HBox listHead = header("TRANSITIONS", transitionsMeta);
        list.setId("inspector-transitions");
        list.getStyleClass().add("inspector-list");
        list.setCellFactory(v -> new Row());
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label("No transitions recorded yet."));
        VBox.setVgrow(list, Priority.ALWAYS);
        // a list first shown (its tab just picked) or resized scrolls to the row at the playhead again
        list.heightProperty().addListener(obs -> reveal());
        // four rows at least: a list of two rows reads as a mistake (a short window scrolls the panel)
        list.minHeightProperty().bind(list.fixedCellSizeProperty().multiply(4).add(8));
        getChildren().addAll(head, timesHead, bar, numbers, listHead, list);
    }

    private static HBox header(String title, Label meta) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox h = new HBox(t, grow, meta);
        h.setAlignment(Pos.BASELINE_LEFT);
        h.getStyleClass().add("inspector-section");
        return h;
    }

    /** Called with the time of a row the user clicked. */
    public void setOnSeek(LongConsumer action) {
        onSeek = action;
    }

    /**
     * Brings the panel in step: thread {@code t} of {@code tr} at {@code time}, with the trace seen
     * up to {@code horizon}. Cheap when nothing changed; appends only new rows.
     */
    public void update(Trace tr, int t, long time, long horizon) {
        update(tr, t, time, horizon, Integer.MAX_VALUE);
    }

    /** As {@link #update(Trace, int, long, long)}, the current row no further than event {@code lastEvent}. */
    public void update(Trace tr, int t, long time, long horizon, int lastEvent) {
        if (tr != trace || t != thread) {
            trace = tr;
            thread = t;
            times = tr == null || t < 0 ? null : new StateTimes(tr.lane(t));
            shownTime = Long.MIN_VALUE;
            shownSize = -1;
            list.scrollTo(0);
            rows.setSize(0);
            if (tr != null && t >= 0) {
                ThreadInfo info = tr.thread(t);
                name.setText(info.name());
                name.getStyleClass().removeIf(c -> c.startsWith("thread-"));
                name.getStyleClass().add(ThreadColours.text(t));
                about.setText(Words.about(tr, info));
            }
        }
        if (tr == null || t < 0) {
            return;
        }
        LaneColumns lane = tr.lane(t);
        int size = lane.size();
        // rows up to the horizon: what the lanes show
        int visible = Math.min(size, lane.indexAt(horizon) + 1);
        boolean grew = visible != shownSize;
        if (grew) {
            if (visible < shownSize) {
                // from the top: a flow left past the rows that are gone logs for each empty row it fills
                list.scrollTo(0);
            }
            shownSize = visible;
            rows.setSize(visible);
            transitionsMeta.setText(visible == 1 ? "1" : Integer.toString(visible));
        }
        int at = Math.min(Math.min(lane.indexAt(time), visible - 1), lastEvent);
        if (at != current.get()) {
            current.set(at);
            reveal();
        }
        if (time != shownTime || grew) {
            shownTime = time;
            long[] spent = times.upTo(Math.min(time, horizon), visible);
            long total = 0;
            for (long v : spent) {
                total += v;
            }
            bar.setTimes(spent);
            for (ThreadState s : TIMED) {
                long v = spent[s.ordinal()];
                String share = Words.share(v, total);
                timeLabels.get(s).setText(s.label() + " " + Words.seconds(v) + (share.isEmpty() ? "" : " · " + share));
            }
            timesMeta.setText("up to " + Words.seconds(Math.min(time, horizon)));
        }
    }

    /** Scrolls just enough to show the row at the playhead, once the list knows its new rows. */
    private void reveal() {
        if (revealPending) {
            return;
        }
        revealPending = true;
        Platform.runLater(() -> {
            revealPending = false;
            int i = current.get();
            if (i < 0 || i >= rows.size()) {
                return;
            }
            RowReveal.show(list, i);
        });
    }

    /** The thread shown, or -1. */
    public int thread() {
        return thread;
    }

    /** The transitions list (for tests: its items are event indexes). */
    public ListView<Integer> list() {
        return list;
    }

    /** A row as text: "0.500 waiting join Olivia", with " · woken by Olivia" when caused. */
    public String rowText(int event) {
        ThreadMoment.Step s = ThreadMoment.step(trace, trace.lane(thread), event);
        String why = Words.reason(s.reason(), s.detail());
        String cause = Words.cause(trace, s);
        return Words.column(s.time()) + " " + s.to().label() + (why.isEmpty() ? "" : " " + why)
                + (cause.isEmpty() ? "" : " · " + cause);
    }

    /** The time-in-state line for a state, as shown. */
    public String timeText(ThreadState s) {
        Label l = timeLabels.get(s);
        return l == null ? "" : l.getText();
    }

    /** The index of the row at the playhead, or -1. */
    public int currentRow() {
        return current.get();
    }

    /** Row i is event i: a list of indexes that grows without copying the lane. */
    private static final class Rows extends ObservableListBase<Integer> {
        private int size;

        void setSize(int n) {
            if (n == size) {
                return;
            }
            int was = size;
            beginChange();
            if (n > was) {
                size = n;
                nextAdd(was, n);
            } else {
                List<Integer> gone = new ArrayList<>();
                for (int i = n; i < was; i++) {
                    gone.add(i);
                }
                size = n;
                nextRemove(n, gone);
            }
            endChange();
        }

        @Override
        public Integer get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return index;
        }

        @Override
        public int size() {
            return size;
        }
    }

    private final class Row extends ListCell<Integer> {
        private final Label time = new Label();
        private final StateSwatch swatch = new StateSwatch(view, 18, 11);
        private final Label state = new Label();
        private final Label why = new Label();
        private final Label cause = new Label();
        private final HBox row;

        Row() {
            getStyleClass().add("inspector-row");
            // as wide as the list, never wider: long reasons are cut, not scrolled to
            setPrefWidth(0);
            time.getStyleClass().add("inspector-row-time");
            state.getStyleClass().add("inspector-row-state");
            why.getStyleClass().add("inspector-row-why");
            cause.getStyleClass().add("inspector-row-cause");
            state.setGraphic(swatch);
            time.setMinWidth(Region.USE_PREF_SIZE);
            state.setMinWidth(Region.USE_PREF_SIZE);
            why.setMinWidth(0);
            cause.setMinWidth(0);
            HBox.setHgrow(why, Priority.ALWAYS);
            why.setMaxWidth(Double.MAX_VALUE);
            row = new HBox(time, state, why, cause);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("inspector-row-box");
            current.addListener((o, a, b) -> mark());
            setOnMouseClicked(e -> {
                Integer i = getItem();
                if (i != null && trace != null && thread >= 0) {
                    onSeek.accept(trace.lane(thread).time(i));
                }
            });
        }

        @Override
        protected void updateItem(Integer event, boolean empty) {
            super.updateItem(event, empty);
            setText(null);
            if (empty || event == null || trace == null || thread < 0) {
                setGraphic(null);
                Tips.set(this, null);
                mark();
                return;
            }
            ThreadMoment.Step s = ThreadMoment.step(trace, trace.lane(thread), event);
            time.setText(Words.column(s.time()));
            swatch.show(s.to(), s.reason());
            state.setText(s.to().label());
            String w = Words.reason(s.reason(), s.detail());
            // a killing's long story goes to the tooltip; the row says who
            why.setText(s.reason() == Reason.KILLED ? s.reason().label() : w);
            String c = Words.cause(trace, s);
            cause.setText(c);
            // a cell is refilled as the list scrolls and the run grows: a popup window each time was waste
            Tips.set(this, (s.from() == null ? "created" : s.from().label()) + " → " + s.to().label()
                    + (w.isEmpty() ? "" : "\n" + w) + (c.isEmpty() ? "" : "\n" + c)
                    + (s.line() > 0 ? "\nprogram line " + s.line() : "") + "\nclick to move the playhead here");
            setGraphic(row);
            mark();
        }

        private void mark() {
            boolean has = !isEmpty() && getItem() != null;
            pseudoClassStateChanged(CURRENT, has && getIndex() == current.get());
            pseudoClassStateChanged(FUTURE, has && getIndex() > current.get());
        }
    }
}
