package io.threadline.ui;

import io.threadline.scenario.ScenarioSpec;
import javafx.geometry.Pos;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/** A scenario in the list: its icon, title and one line. */
final class ScenarioCell extends ListCell<ScenarioSpec> {
    private final FontIcon icon = new FontIcon();
    private final StackPane badge = new StackPane(icon);
    // both Texts: a long title wraps ("Pool: map vs imap_unordered") rather than being cut
    private final Text title = new Text();
    private final Text summary = new Text();
    private final HBox row;

    ScenarioCell() {
        getStyleClass().add("scenario-cell");
        badge.getStyleClass().add("scenario-badge");
        icon.getStyleClass().add("scenario-icon");
        title.getStyleClass().add("scenario-title");
        summary.getStyleClass().add("scenario-summary");
        VBox text = new VBox(title, summary);
        text.getStyleClass().add("scenario-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(badge, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("scenario-row");
        // A Text wraps at a width it is given, and reports its height for it: the cell's width,
        // less the badge and paddings.
        text.setMinWidth(0);
        summary.wrappingWidthProperty().bind(widthProperty().subtract(badge.widthProperty()).subtract(40));
        title.wrappingWidthProperty().bind(summary.wrappingWidthProperty());
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ScenarioSpec s, boolean empty) {
        super.updateItem(s, empty);
        setText(null);
        if (empty || s == null) {
            setGraphic(null);
            return;
        }
        icon.setIconLiteral(s.icon());
        title.setText(s.title());
        summary.setText(s.summary());
        setGraphic(row);
    }
}
