package io.threadline.ui;

import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/** A program of the user's own in the sidebar: its name, and whether it is saved and where. */
final class ProgramCell extends ListCell<ProgramDraft> {
    static final double HEIGHT = 50;

    private final Label title = new Label();
    private final Label summary = new Label();
    private final HBox row;
    private final ContextMenu menu = new ContextMenu();

    ProgramCell(Consumer<ProgramDraft> close) {
        getStyleClass().addAll("scenario-cell", "program-cell");
        FontIcon icon = new FontIcon("mdi2l-language-python");
        icon.getStyleClass().add("scenario-icon");
        StackPane badge = new StackPane(icon);
        badge.getStyleClass().addAll("scenario-badge", "program-badge");
        title.getStyleClass().add("scenario-title");
        summary.getStyleClass().add("program-summary");
        title.setMinWidth(0);
        summary.setMinWidth(0);
        VBox text = new VBox(title, summary);
        text.getStyleClass().add("scenario-text");
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(badge, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("scenario-row");
        MenuItem closeItem = new MenuItem("Close program", new FontIcon("mdi2c-close"));
        closeItem.setOnAction(e -> {
            if (getItem() != null) {
                close.accept(getItem());
            }
        });
        menu.getItems().add(closeItem);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ProgramDraft d, boolean empty) {
        super.updateItem(d, empty);
        setText(null);
        if (empty || d == null) {
            setGraphic(null);
            setContextMenu(null);
            return;
        }
        title.setText(d.name());
        summary.setText(d.file() == null ? "not saved to a file"
                : (d.modified() ? "changed · " : "") + FileMenu.shorten(d.file().getParent()));
        setGraphic(row);
        setContextMenu(menu);
    }

}
