package io.threadline.ui;

import io.threadline.picture.StepCursor;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Trace;
import io.threadline.ui.timeline.RowReveal;
import io.threadline.ui.teach.ThreadColours;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/**
 * What the program printed, one row per line: time, thread (coloured by thread), text. Lines
 * appear as the reveal time passes them; the line at the playhead is marked and later ones are
 * dimmed, so the output reads in step with the timeline. Clicking a line seeks to its time.
 */
public final class OutputPane extends StackPane {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass FUTURE = PseudoClass.getPseudoClass("future");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final ObservableList<OutputLine> lines = FXCollections.observableArrayList();
    private final ListView<OutputLine> list = new ListView<>(lines);
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    /** Characters of the longest thread name, so the text column lines up (the font is monospaced). */
    private final IntegerProperty nameChars = new SimpleIntegerProperty(6);
    private final Label empty = new Label("The program's output appears here as it prints.");
    private Trace trace;
    private boolean revealPending;
    private static final long LIVE_UPDATE_NANOS = 100_000_000L;
    private long lastLiveUpdate;
    private Consumer<OutputLine> onPick = line -> {
    };

    public OutputPane() {
        getStyleClass().add("output-pane");
        list.setId("output-list");
        list.getStyleClass().add("output-list");
        // a list folded away (presentation mode) catches up with the playhead when it is shown again
        list.heightProperty().addListener((o, was, now) -> {
            if (was.doubleValue() <= 0 && now.doubleValue() > 0) {
                reveal(current.get());
            }
        });
        list.setCellFactory(v -> new LineCell());
        list.setFocusTraversable(false);
        empty.getStyleClass().add("output-empty");
        list.setPlaceholder(empty);
        getChildren().add(list);
    }

    /** Called with a line the user clicked. */
    public void setOnPick(Consumer<OutputLine> action) {
        onPick = action;
    }

    /** The lines shown now (those printed up to the reveal time). */
    public ObservableList<OutputLine> lines() {
        return lines;
    }

    /** Index of the line at the playhead (the last printed at or before it), or -1. */
    public int currentIndex() {
        return current.get();
    }

    /**
     * Brings the list in step with the trace: lines up to {@code reveal}, the one at
     * {@code playhead} marked. Cheap when nothing changed; appends only what is new.
     */
    public void update(Trace t, long reveal, long playhead) {
        update(t, reveal, playhead, null);
    }

    /** As {@link #update(Trace, long, long)}, the current line following a cursor stepping through an instant. */
    public void update(Trace t, long reveal, long playhead, StepCursor cursor) {
        if (t == trace && t != null && !t.isFinished() && System.nanoTime() - lastLiveUpdate < LIVE_UPDATE_NANOS) {
            // A live run can print thousands of lines a second: catching up ten times a second
            // reads the same and keeps each pulse short.
            return;
        }
        lastLiveUpdate = System.nanoTime();
        if (t != trace) {
            trace = t;
            // from the top: a flow left at the end of rows that are gone fills the gap with empty
            // rows (and logs for each); a reveal scrolls to the playhead's line
            list.scrollTo(0);
            lines.clear();
            nameChars.set(6);
        }
        if (t == null) {
            current.set(-1);
            return;
        }
        int count = t.outputCount();
        int shown = TraceSteps.outputUpTo(t, reveal, count);
        int have = lines.size();
        if (shown < have) {
            list.scrollTo(0);
            lines.remove(shown, have);
        } else if (shown > have) {
            OutputLine[] add = new OutputLine[shown - have];
            int longest = nameChars.get();
            for (int i = have; i < shown; i++) {
                add[i - have] = t.outputLine(i);
                int thread = add[i - have].thread();
                if (thread < t.threadCount()) {
                    longest = Math.max(longest, t.thread(thread).name().length());
                }
            }
            nameChars.set(Math.min(longest, 24));
            lines.addAll(add);
        }
        int at = TraceSteps.outputUpTo(t, playhead, shown) - 1;
        if (cursor != null && cursor.order().trace() == t) {
            at = Math.min(at, cursor.outputShown() - 1);
        }
        if (at != current.get()) {
            current.set(at);
            reveal(at);
        }
    }

    /** Scrolls just enough to show line {@code index}, once the list knows its new items. */
    private void reveal(int index) {
        if (index < 0 || revealPending) {
            return;
        }
        revealPending = true;
        Platform.runLater(() -> {
            revealPending = false;
            int i = current.get();
            if (i < 0 || i >= lines.size()) {
                return;
            }
            RowReveal.show(list, i);
        });
    }

    private final class LineCell extends ListCell<OutputLine> {
        private String colourClass = "";
        private final Label time = new Label();
        private final Label thread = new Label();
        private final Label text = new Label();
        private final FontIcon errorIcon = new FontIcon("mdi2a-alert-octagon");
        private final HBox row = new HBox(time, thread, text);

        LineCell() {
            getStyleClass().add("output-cell");
            time.getStyleClass().add("output-time");
            thread.getStyleClass().add("output-thread");
            text.getStyleClass().add("output-text");
            errorIcon.getStyleClass().add("output-error-icon");
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("output-row");
            time.setMinWidth(USE_PREF_SIZE);
            HBox.setHgrow(text, Priority.ALWAYS);
            current.addListener((o, a, b) -> mark());
            thread.minWidthProperty().bind(nameChars.multiply(0.6).multiply(
                    javafx.beans.binding.Bindings.createDoubleBinding(() -> thread.getFont().getSize(),
                            thread.fontProperty())));
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    onPick.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(OutputLine line, boolean isEmpty) {
            super.updateItem(line, isEmpty);
            setText(null);
            if (isEmpty || line == null) {
                setGraphic(null);
                pseudoClassStateChanged(ERROR, false);
                mark();
                return;
            }
            time.setText(Formats.secondsColumn(line.time()));
            String name = trace != null && line.thread() < trace.threadCount()
                    ? trace.thread(line.thread()).name() : "#" + line.thread();
            thread.setText(name);
            String colour = ThreadColours.text(line.thread());
            if (!colour.equals(colourClass)) {
                // Changing a style class re-runs CSS on the cell: only when the colour changes.
                thread.getStyleClass().remove(colourClass);
                thread.getStyleClass().add(colour);
                colourClass = colour;
            }
            text.setText(line.text());
            text.setGraphic(line.error() ? errorIcon : null);
            pseudoClassStateChanged(ERROR, line.error());
            setGraphic(row);
            mark();
        }

        private void mark() {
            int i = getIndex();
            boolean has = !isEmpty() && getItem() != null;
            pseudoClassStateChanged(CURRENT, has && i == current.get());
            pseudoClassStateChanged(FUTURE, has && i > current.get());
        }
    }
}
