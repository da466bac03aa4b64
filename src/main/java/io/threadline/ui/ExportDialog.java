package io.threadline.ui;

import io.threadline.export.PlaybackRecorder;
import io.threadline.export.Recording;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.TimelinePicture;
import io.threadline.trace.Trace;
import io.threadline.ui.timeline.CanvasPainter;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks how to export: the picture of the timeline (PNG at 1x or 2x, or SVG; the visible window or
 * the whole run) or a recording of the run playing (GIF or PNG frames, at a speed and frame rate).
 * The form is a node of its own ({@link Form}) so tests fill it without a dialog.
 */
final class ExportDialog {
    private static final double PREVIEW_WIDTH = 480;
    private static final double PREVIEW_HEIGHT = 280;

    private ExportDialog() {
    }

    /** Shows the dialog; empty if the user cancelled. */
    static Optional<ExportRequest> ask(Window owner, boolean recording, ExportRequest initial, Trace trace,
                                       Function<ExportRequest, PictureOptions> look) {
        Dialog<ExportRequest> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(recording ? "Record the playback" : "Export the picture");
        d.setHeaderText(recording
                ? "The run plays back as in the window, the lanes growing with the playhead."
                : "The timeline as a picture for slides and papers.");
        style(d);
        Form form = new Form(recording, initial, trace);
        form.preview(look);
        d.getDialogPane().setContent(new VBox(12, form.grid, form.preview));
        ButtonType go = new ButtonType(recording ? "Record…" : "Export…", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        d.setResultConverter(b -> b == go ? form.request() : null);
        return d.showAndWait();
    }

    /** The window's face and size for a dialog (the theme itself reaches it as the user-agent stylesheet). */
    static void style(Dialog<?> d) {
        d.getDialogPane().setStyle("-fx-font-family: \"Inter\"; -fx-font-size: 13px;");
    }

    private static HBox line(javafx.scene.Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }

    /** The fields of the dialog. */
    static final class Form {
        final GridPane grid = new GridPane();
        final ChoiceBox<ExportRequest.Kind> kind = new ChoiceBox<>();
        final RadioButton visible = new RadioButton("Visible window");
        final RadioButton whole = new RadioButton("Whole run");
        final ChoiceBox<String> scale = new ChoiceBox<>(FXCollections.observableArrayList("1x", "2x", "3x"));
        final ChoiceBox<String> theme = new ChoiceBox<>(FXCollections.observableArrayList("Light", "Dark"));
        final CheckBox large = new CheckBox("Presentation sizes");
        final Spinner<Integer> width = new Spinner<>(400, 20_000, 1200, 100);
        final CheckBox heading = new CheckBox("Scenario, parameters and seed above");
        final ChoiceBox<Double> speed = new ChoiceBox<>();
        final ChoiceBox<Integer> fps = new ChoiceBox<>(FXCollections.observableArrayList(5, 10, 15, 20, 25, 30));
        final CheckBox output = new CheckBox("Printed lines under the lanes");
        final Label estimate = new Label();
        /** The picture as it will be, small, drawn by the same painter code as the file. */
        final Canvas preview = new Canvas(PREVIEW_WIDTH, 1);
        private final Trace trace;

        Form(boolean recording, ExportRequest initial, Trace trace) {
            this.trace = trace;
            grid.getStyleClass().add("export-form");
            grid.setHgap(12);
            grid.setVgap(10);
            grid.setPadding(new Insets(8, 4, 4, 4));
            kind.getItems().setAll(recording ? List.of(ExportRequest.Kind.GIF, ExportRequest.Kind.FRAMES)
                    : List.of(ExportRequest.Kind.PNG, ExportRequest.Kind.SVG));
            kind.setValue(initial.kind().recording == recording ? initial.kind() : kind.getItems().get(0));
            ToggleGroup range = new ToggleGroup();
            visible.setToggleGroup(range);
            whole.setToggleGroup(range);
            (initial.wholeRun() || recording ? whole : visible).setSelected(true);
            scale.setValue(Math.round(initial.scale()) + "x");
            theme.setValue(initial.dark() ? "Dark" : "Light");
            large.setSelected(initial.large());
            width.setEditable(true);
            width.getValueFactory().setValue((int) Math.round(initial.width()));
            heading.setSelected(initial.heading());
            speed.getItems().setAll(PlaybackModel.SPEEDS);
            speed.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Double v) {
                    return v == null ? "" : Formats.speed(v);
                }

                @Override
                public Double fromString(String s) {
                    return Double.valueOf(s.replace("x", ""));
                }
            });
            speed.setValue(PlaybackModel.SPEEDS.contains(initial.speed()) ? initial.speed() : 1.0);
            fps.setValue(fps.getItems().contains((int) initial.fps()) ? (int) initial.fps() : 10);
            output.setSelected(initial.output());

            int row = 0;
            grid.addRow(row++, new Label("Save as"), kind);
            if (!recording) {
                grid.addRow(row++, new Label("Show"), line(visible, whole));
            }
            grid.addRow(row++, new Label("Width"), line(width, new Label("points")));
            grid.addRow(row++, new Label("Pixels"), line(scale, new Label("per point (2x for crisp slides)")));
            grid.addRow(row++, new Label("Colours"), line(theme, large));
            grid.add(heading, 1, row++);
            if (recording) {
                grid.addRow(row++, new Label("Speed"), line(speed, new Label("scenario seconds per second")));
                grid.addRow(row++, new Label("Frame rate"), line(fps, new Label("frames per second")));
                grid.add(output, 1, row++);
                grid.add(estimate, 1, row);
                speed.valueProperty().addListener(o -> updateEstimate());
                fps.valueProperty().addListener(o -> updateEstimate());
                updateEstimate();
            }
            kind.valueProperty().addListener(o -> scale.setDisable(kind.getValue() == ExportRequest.Kind.SVG));
            scale.setDisable(kind.getValue() == ExportRequest.Kind.SVG);
        }

        /** Keeps the preview in step with the fields. */
        void preview(Function<ExportRequest, PictureOptions> look) {
            Runnable redraw = () -> drawPreview(look);
            for (javafx.beans.Observable o : List.of(kind.valueProperty(), visible.selectedProperty(),
                    scale.valueProperty(), theme.valueProperty(), large.selectedProperty(), width.valueProperty(),
                    heading.selectedProperty(), output.selectedProperty())) {
                o.addListener(x -> redraw.run());
            }
            redraw.run();
        }

        private void drawPreview(Function<ExportRequest, PictureOptions> look) {
            if (trace == null) {
                return;
            }
            PictureOptions o = look.apply(request());
            TimelinePicture p = TimelinePicture.of(trace, o);
            double k = PREVIEW_WIDTH / p.width();
            preview.setHeight(Math.min(PREVIEW_HEIGHT, Math.ceil(p.height() * k)));
            GraphicsContext gc = preview.getGraphicsContext2D();
            gc.save();
            gc.clearRect(0, 0, preview.getWidth(), preview.getHeight());
            gc.scale(k, k);
            p.paint(new CanvasPainter(gc));
            gc.restore();
        }

        private void updateEstimate() {
            if (trace == null || speed.getValue() == null || fps.getValue() == null) {
                return;
            }
            Recording r = new Recording(speed.getValue(), fps.getValue(), 2, 1);
            long frames = r.frames(trace.endTime());
            double seconds = trace.endTime() / 1e6 / speed.getValue();
            boolean tooMany = frames > Recording.MAX_FRAMES;
            estimate.setText(String.format(Locale.ROOT, "%d frames, %.1f s%s", frames, seconds,
                    tooMany ? ": too many, raise the speed or lower the frame rate" : ""));
            estimate.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("bad"), tooMany);
        }

        /** What the fields say. */
        ExportRequest request() {
            double s = Double.parseDouble(scale.getValue().replace("x", ""));
            return new ExportRequest(kind.getValue(), whole.isSelected(), s, "Dark".equals(theme.getValue()),
                    large.isSelected(), width.getValue(), heading.isSelected(),
                    speed.getValue() == null ? 1 : speed.getValue(), fps.getValue() == null ? 10 : fps.getValue(),
                    output.isSelected());
        }
    }

    /** The frames a recording of {@code trace} would have, or a problem; for messages. */
    static String check(Trace trace, ExportRequest r) {
        try {
            PlaybackRecorder.frames(trace, new Recording(r.speed(), r.fps(), 2, r.scale()));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
