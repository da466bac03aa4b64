package io.threadline.ui;

import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Tells the user that the app itself went wrong: one plain sentence, the stack trace folded away
 * under "Show details", and a button that copies those details for a bug report. It never blocks:
 * it is not modal, and errors that come while it is open are added to it instead of opening
 * dialog after dialog (a fault in a frame handler repeats sixty times a second).
 */
final class ErrorDialog {
    static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);

    private final Alert alert = new Alert(Alert.AlertType.ERROR, "", COPY, ButtonType.CLOSE);
    private final Label summary = new Label();
    private final Label more = new Label();
    private final TextArea details = new TextArea();
    private int count;

    ErrorDialog(Window owner, String logNote) {
        alert.setTitle("Threadline");
        alert.setHeaderText("Something went wrong in Threadline");
        alert.initModality(Modality.NONE);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        summary.setId("error-summary");
        summary.setWrapText(true);
        more.setId("error-more");
        more.setVisible(false);
        more.setManaged(false);
        Label note = new Label("The app goes on; what you had is still there. " + logNote);
        note.setWrapText(true);
        VBox content = new VBox(8, summary, more, note);
        content.setMaxWidth(520);
        alert.getDialogPane().setContent(content);

        details.setId("error-details");
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(14);
        details.setStyle("-fx-font-family: 'JetBrains Mono', monospace;");
        VBox.setVgrow(details, Priority.ALWAYS);
        alert.getDialogPane().setExpandableContent(new VBox(details));
        alert.getDialogPane().setExpanded(false);
        // Copying must not close the dialog: the user may want to read on.
        alert.getDialogPane().lookupButton(COPY).addEventFilter(ActionEvent.ACTION, e -> {
            copyDetails();
            e.consume();
        });
    }

    /** Adds an error: the first sets the sentence shown, later ones are counted and appended. */
    void add(String sentence, String detailText) {
        count++;
        if (count == 1) {
            summary.setText(sentence);
        } else {
            more.setText((count - 1) + (count == 2 ? " more error" : " more errors")
                    + " since; the latest: " + sentence);
            more.setVisible(true);
            more.setManaged(true);
        }
        String block = "#" + count + " " + sentence + "\n" + detailText;
        // The details stay readable even if a fault repeats for hours.
        if (details.getLength() < 200_000) {
            details.appendText(details.getLength() == 0 ? block : "\n" + block);
        }
    }

    void show() {
        if (!alert.isShowing()) {
            alert.show();
        }
    }

    boolean isShowing() {
        return alert.isShowing();
    }

    void close() {
        alert.close();
    }

    int count() {
        return count;
    }

    String details() {
        return details.getText();
    }

    Alert alert() {
        return alert;
    }

    void copyDetails() {
        ClipboardContent c = new ClipboardContent();
        c.putString(summary.getText() + "\n\n" + details.getText());
        Clipboard.getSystemClipboard().setContent(c);
    }
}
