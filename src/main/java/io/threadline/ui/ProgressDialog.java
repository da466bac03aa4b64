package io.threadline.ui;

import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A long export's progress: a bar, what it is doing ("frame 12 of 31") and Cancel. It closes
 * itself when the work ends, however it ends; the window stays live behind it.
 */
final class ProgressDialog {
    private ProgressDialog() {
    }

    static Dialog<Void> show(Window owner, String title, Task<?> task) {
        Dialog<Void> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        ExportDialog.style(d);
        d.setTitle(title);
        d.setHeaderText(title);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(360);
        bar.progressProperty().bind(task.progressProperty());
        Label what = new Label();
        what.textProperty().bind(task.messageProperty());
        VBox box = new VBox(10, bar, what);
        box.setPadding(new Insets(8, 4, 4, 4));
        box.getStyleClass().add("export-progress");
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL);
        boolean[] done = {false};
        d.setResultConverter(b -> {
            // only the user's Cancel stops the work: closing because it ended must not (while the
            // task turns SUCCEEDED its future may not be done yet, and a cancel would still win);
            // not interrupting: an interrupt would close the file under the writer
            if (!done[0]) {
                task.cancel(false);
            }
            return null;
        });
        task.stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                done[0] = true;
                d.setResult(null);
                d.close();
            }
        });
        d.show();
        return d;
    }
}
