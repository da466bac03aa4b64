package io.threadline.ui.teach;

import io.threadline.ui.control.Tips;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.util.UndoUtils;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Python program as an editor shows it (RichTextFX's code area): line numbers, colouring, undo,
 * find, and, when editable, typing with Python's indentation (Tab is four spaces, Enter keeps the
 * line's indentation and adds a level after a colon). Read-only it is the code a scenario runs.
 *
 * <p>Two kinds of marks lie on the lines: a problem (a SyntaxError's line, with its message in a
 * strip under the code, which moves the caret there when clicked), and the line each thread is at,
 * as {@link CodeView} marks them (a band, a bar in the thread's colour in the gutter, and a tag
 * with the threads' names at the right edge). Marks are paragraph styles, kept out of the undo
 * history, so moving the playhead never becomes an edit.
 */
public final class CodeEditor extends VBox {
    private static final String INDENT = "    ";

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
    private final TagLayer tags = new TagLayer();
    private final HBox findBar;
    private final TextField findField = new TextField();
    private final Label findCount = new Label();
    private final Label problemLabel = new Label();
    private final CodeView.Language language;
    /** Marks by paragraph (0-based), in the order given. */
    private final Map<Integer, List<CodeView.LineMark>> marksByLine = new LinkedHashMap<>();
    /** The style classes each paragraph has now, to change only those that differ. */
    private final Map<Integer, List<String>> applied = new HashMap<>();
    private List<CodeView.LineMark> lineMarks = List.of();
    private int problemLine = -1;
    private String problem;

    public CodeEditor() {
        this(CodeView.Language.PYTHON);
    }

    public CodeEditor(CodeView.Language language) {
        this.language = language;
        getStyleClass().add("code-editor");
        area.getStyleClass().add("code-editor-area");
        // Styles are ours to set (colours, marks): only typing is undone.
        area.setUndoManager(UndoUtils.plainTextUndoManager(area));
        area.setParagraphGraphicFactory(this::gutter);
        area.setWrapText(false);
        area.multiPlainChanges().subscribe(changes -> recolour());
        area.estimatedScrollYProperty().addListener((o, a, b) -> tags.requestLayout());
        area.widthProperty().addListener(o -> tags.requestLayout());
        area.heightProperty().addListener(o -> tags.requestLayout());
        Nodes.addInputMap(area, InputMap.sequence(
                InputMap.consumeWhen(EventPattern.keyPressed(KeyCode.TAB), area::isEditable,
                        e -> area.replaceSelection(INDENT)),
                InputMap.consumeWhen(EventPattern.keyPressed(KeyCode.ENTER), area::isEditable, e -> newLine())));

        tags.setMouseTransparent(true);
        tags.setManaged(true);
        StackPane body = new StackPane(scroll, tags);
        body.getStyleClass().add("code-editor-body");
        VBox.setVgrow(body, Priority.ALWAYS);

        findBar = buildFindBar();
        problemLabel.setId("code-problem");
        problemLabel.getStyleClass().add("code-problem");
        problemLabel.setGraphic(new FontIcon("mdi2a-alert-circle-outline"));
        problemLabel.setWrapText(true);
        problemLabel.setMinHeight(Region.USE_PREF_SIZE);
        problemLabel.setMaxWidth(Double.MAX_VALUE);
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        problemLabel.setVisible(false);
        problemLabel.setOnMouseClicked(e -> goToProblem());
        getChildren().addAll(findBar, body, problemLabel);
        setEditable(false);
    }

    private HBox buildFindBar() {
        FontIcon icon = new FontIcon("mdi2m-magnify");
        findField.setId("code-find-field");
        findField.setPromptText("Find in the code");
        findField.getStyleClass().add("code-find-field");
        HBox.setHgrow(findField, Priority.ALWAYS);
        findField.textProperty().addListener((o, a, b) -> find(true, true));
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                find(!e.isShiftDown(), false);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                closeFind();
                e.consume();
            }
        });
        findCount.getStyleClass().add("code-find-count");
        findCount.setMinWidth(Region.USE_PREF_SIZE);
        Button previous = iconButton("mdi2c-chevron-up", "Previous match (Shift+Enter)", () -> find(false, false));
        Button next = iconButton("mdi2c-chevron-down", "Next match (Enter)", () -> find(true, false));
        Button close = iconButton("mdi2c-close", "Close (Esc)", this::closeFind);
        HBox bar = new HBox(icon, findField, findCount, previous, next, close);
        bar.setId("code-find-bar");
        bar.getStyleClass().add("code-find-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setVisible(false);
        return bar;
    }

    private static Button iconButton(String icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll("button-icon", "flat", "small");
        Tips.set(b, tip);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    // ------------------------------------------------------------------ text

    /** Shows {@code text} as a new document: undo history, marks and problem cleared. */
    public void show(String text) {
        String t = text == null ? "" : text.replace("\r\n", "\n");
        if (!t.equals(area.getText())) {
            area.replaceText(t);
        }
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.showParagraphAtTop(0);
        lineMarks = List.of();
        marksByLine.clear();
        problemLine = -1;
        problem = null;
        problemLabel.setVisible(false);
        restyleParagraphs();
        recolour();
    }

    public String text() {
        return area.getText();
    }

    /** The text as it is typed. */
    public ObservableValue<String> textProperty() {
        return area.textProperty();
    }

    /** Editable (Edit), or read-only (the code a scenario runs). */
    public void setEditable(boolean editable) {
        area.setEditable(editable);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("editing"), editable);
    }

    public boolean isEditable() {
        return area.isEditable();
    }

    /** The code area itself, for focus and for the tests. */
    public CodeArea area() {
        return area;
    }

    private void newLine() {
        int par = area.getCurrentParagraph();
        String line = area.getParagraph(par).getText();
        String before = line.substring(0, Math.min(area.getCaretColumn(), line.length()));
        int n = 0;
        while (n < before.length() && (before.charAt(n) == ' ' || before.charAt(n) == '\t')) {
            n++;
        }
        String indent = before.substring(0, n) + (before.strip().endsWith(":") ? INDENT : "");
        area.replaceSelection("\n" + indent);
        area.requestFollowCaret();
    }

    private void recolour() {
        String text = area.getText();
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        List<String> plain = List.of("code-token", "code-plain");
        int at = 0;
        for (CodeTokens.Token t : CodeTokens.of(text, language)) {
            if (t.start() > at) {
                spans.add(plain, t.start() - at);
            }
            spans.add(List.of("code-token", t.kind()), t.end() - t.start());
            at = t.end();
        }
        spans.add(plain, Math.max(0, text.length() - at));
        StyleSpans<Collection<String>> built = spans.create();
        area.setStyleSpans(0, built);
    }

    // ------------------------------------------------------------------ find

    /** Opens the find bar (Ctrl+F in the code), with the selection as what to find. */
    public void openFind() {
        String selected = area.getSelectedText();
        findBar.setVisible(true);
        if (selected != null && !selected.isEmpty() && !selected.contains("\n")) {
            findField.setText(selected);
        }
        findField.requestFocus();
        findField.selectAll();
        find(true, true);
    }

    public void closeFind() {
        findBar.setVisible(false);
        area.requestFocus();
    }

    public boolean isFinding() {
        return findBar.isVisible();
    }

    /** Selects the next (or previous) match of the find field from the caret; {@code here}: a match at the caret counts. */
    private void find(boolean forward, boolean here) {
        String what = findField.getText();
        if (what == null || what.isEmpty()) {
            findCount.setText("");
            return;
        }
        String text = area.getText().toLowerCase(Locale.ROOT);
        String w = what.toLowerCase(Locale.ROOT);
        List<Integer> hits = new ArrayList<>();
        for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
            hits.add(i);
        }
        if (hits.isEmpty()) {
            findCount.setText("no match");
            findField.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), true);
            return;
        }
        findField.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), false);
        int from = here ? area.getSelection().getStart() : area.getSelection().getStart() + (forward ? 1 : 0);
        int pick = -1;
        if (forward) {
            for (int k = 0; k < hits.size() && pick < 0; k++) {
                if (hits.get(k) >= from) {
                    pick = k;
                }
            }
            pick = pick < 0 ? 0 : pick;
        } else {
            for (int k = hits.size() - 1; k >= 0 && pick < 0; k--) {
                if (hits.get(k) < from) {
                    pick = k;
                }
            }
            pick = pick < 0 ? hits.size() - 1 : pick;
        }
        int start = hits.get(pick);
        area.selectRange(start, start + w.length());
        area.requestFollowCaret();
        findCount.setText((pick + 1) + " of " + hits.size());
    }

    // ------------------------------------------------------------------ problem

    /** Marks {@code line} (from 1) as where the program went wrong, with {@code message} under the code. */
    public void showProblem(int line, String message) {
        problem = message;
        problemLine = line >= 1 && line <= area.getParagraphs().size() ? line - 1 : -1;
        problemLabel.setText(message);
        problemLabel.setVisible(true);
        restyleParagraphs();
        if (problemLine >= 0) {
            reveal(problemLine);
        }
    }

    public void clearProblem() {
        problem = null;
        problemLine = -1;
        problemLabel.setVisible(false);
        restyleParagraphs();
    }

    /** The problem shown, or null. */
    public String problem() {
        return problem;
    }

    /** The problem's line (from 1), or 0. */
    public int problemLine() {
        return problemLine + 1;
    }

    private void goToProblem() {
        if (problemLine >= 0 && problemLine < area.getParagraphs().size()) {
            area.moveTo(problemLine, 0);
            area.requestFollowCaret();
            area.requestFocus();
        }
    }

    // ------------------------------------------------------------------ thread marks

    /** Marks the line each thread is at, as {@link CodeView#setMarks} does. */
    public void setMarks(List<CodeView.LineMark> wanted) {
        List<CodeView.LineMark> now = wanted == null ? List.of() : List.copyOf(wanted);
        if (now.equals(lineMarks)) {
            return;
        }
        Integer was = primary(lineMarks);
        lineMarks = now;
        marksByLine.clear();
        int lines = area.getParagraphs().size();
        for (CodeView.LineMark m : now) {
            if (m.line() >= 1 && m.line() <= lines) {
                marksByLine.computeIfAbsent(m.line() - 1, k -> new ArrayList<>()).add(m);
            }
        }
        restyleParagraphs();
        tags.rebuild();
        Integer p = primary(now);
        if (p != null && !Objects.equals(p, was) && p >= 1 && p <= lines) {
            reveal(p - 1);
        }
    }

    /** Brings a paragraph into view with a line of context around it, the view moved only if needed. */
    private void reveal(int par) {
        try {
            int first = area.firstVisibleParToAllParIndex();
            int last = area.lastVisibleParToAllParIndex();
            if (par > first && par < last) {
                return;
            }
        } catch (RuntimeException e) {
            // nothing laid out yet: centre it
        }
        area.showParagraphAtCenter(par);
    }

    public List<CodeView.LineMark> marks() {
        return lineMarks;
    }

    /** The selected thread's marked line, or -1. */
    public int primaryLine() {
        Integer p = primary(lineMarks);
        return p == null ? -1 : p;
    }

    private static Integer primary(List<CodeView.LineMark> marks) {
        for (CodeView.LineMark m : marks) {
            if (m.primary()) {
                return m.line();
            }
        }
        return null;
    }

    /** The lead mark of a line: the selected thread's, else the first. */
    private static CodeView.LineMark lead(List<CodeView.LineMark> here) {
        for (CodeView.LineMark m : here) {
            if (m.primary()) {
                return m;
            }
        }
        return here.get(0);
    }

    private void restyleParagraphs() {
        int lines = area.getParagraphs().size();
        Map<Integer, List<String>> wanted = new HashMap<>();
        marksByLine.forEach((par, here) -> {
            List<String> c = new ArrayList<>(List.of("code-mark-line"));
            if (lead(here).primary()) {
                c.add("primary");
            }
            wanted.put(par, c);
        });
        if (problemLine >= 0) {
            wanted.computeIfAbsent(problemLine, k -> new ArrayList<>()).add("code-problem-line");
        }
        for (Integer par : new ArrayList<>(applied.keySet())) {
            if (!wanted.containsKey(par) && par < lines) {
                area.setParagraphStyle(par, List.of());
            }
        }
        applied.keySet().retainAll(wanted.keySet());
        wanted.forEach((par, classes) -> {
            if (par < lines && !classes.equals(applied.get(par))) {
                area.setParagraphStyle(par, classes);
                applied.put(par, classes);
            }
        });
        // the gutter's bars follow the marks: a new factory redraws the visible lines' gutters
        area.setParagraphGraphicFactory(this::gutter);
    }

    /** A line's gutter: its number, and a bar in the colour of the thread marked there. */
    private Node gutter(int par) {
        // padded to the longest number in a monospaced face, so every line's text starts at the same x
        int digits = Integer.toString(Math.max(area.getParagraphs().size(), 99)).length();
        Label number = new Label(String.format(Locale.ROOT, "%" + digits + "d", par + 1));
        number.getStyleClass().add("code-editor-number");
        number.setMinWidth(Region.USE_PREF_SIZE);
        Region bar = new Region();
        bar.getStyleClass().add("code-editor-bar");
        List<CodeView.LineMark> here = marksByLine.get(par);
        if (here != null) {
            bar.getStyleClass().add(ThreadColours.mark(lead(here).colour()));
        }
        if (par == problemLine) {
            number.getStyleClass().add("problem");
        }
        HBox g = new HBox(bar, number);
        g.getStyleClass().add("code-editor-gutter");
        g.setMinWidth(Region.USE_PREF_SIZE);
        return g;
    }

    /** The threads' names at the right edge of their lines, over the code. */
    private final class TagLayer extends Pane {
        private final Map<Integer, Label> byLine = new LinkedHashMap<>();

        void rebuild() {
            getChildren().clear();
            byLine.clear();
            marksByLine.forEach((par, here) -> {
                CodeView.LineMark lead = lead(here);
                Label tag = new Label(CodeView.tagText(here, lead));
                tag.getStyleClass().addAll("code-mark-tag", ThreadColours.mark(lead.colour()));
                if (lead.primary()) {
                    tag.getStyleClass().add("primary");
                }
                byLine.put(par, tag);
                getChildren().add(tag);
            });
            requestLayout();
            // the lines' places are known once the code has been laid out
            Platform.runLater(this::requestLayout);
        }

        @Override
        protected void layoutChildren() {
            double right = area.getWidth() - 16;
            for (var e : byLine.entrySet()) {
                Label tag = e.getValue();
                Optional<Bounds> b = e.getKey() < area.getParagraphs().size()
                        ? area.getParagraphBoundsOnScreen(e.getKey()) : Optional.empty();
                if (b.isEmpty()) {
                    tag.setVisible(false);
                    continue;
                }
                Bounds local = screenToLocal(b.get());
                if (local == null) {
                    tag.setVisible(false);
                    continue;
                }
                double tw = tag.prefWidth(-1);
                double th = Math.min(local.getHeight(), tag.prefHeight(-1));
                tag.setVisible(true);
                tag.resizeRelocate(Math.max(0, right - tw), local.getMinY() + (local.getHeight() - th) / 2, tw, th);
            }
        }
    }

}
