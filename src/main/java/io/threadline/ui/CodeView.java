package io.threadline.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only source code with line numbers and light syntax colouring (Java or Python). The
 * package and import lines of a Java file are left out, but lines keep their numbers in the
 * file, so they match the line numbers the runtime records.
 */
public final class CodeView extends StackPane {
    /** The languages the colouring knows. */
    public enum Language { JAVA, PYTHON }

    private static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "boolean", "break", "case", "catch", "class", "continue", "default", "do", "double",
            "else", "enum", "extends", "final", "finally", "for", "if", "implements", "import", "instanceof",
            "int", "interface", "long", "new", "package", "private", "protected", "public", "record", "return",
            "static", "super", "switch", "synchronized", "this", "throw", "throws", "try", "var", "void",
            "volatile", "while", "true", "false", "null");
    private static final Set<String> PYTHON_KEYWORDS = Set.of(
            "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
            "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
            "or", "pass", "raise", "return", "try", "while", "with", "yield", "True", "False", "None", "self");

    private static final Pattern JAVA_TOKENS = Pattern.compile(
            "(?<comment>//[^\\n]*|/\\*.*?\\*/)"
                    + "|(?<string>\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*')"
                    + "|(?<annotation>@[A-Za-z_]\\w*)"
                    + "|(?<number>\\b\\d[\\d_]*(?:\\.\\d+)?[lLdDfF]?\\b)"
                    + "|(?<word>[A-Za-z_]\\w*)",
            Pattern.DOTALL);
    private static final Pattern PYTHON_TOKENS = Pattern.compile(
            "(?<comment>#[^\\n]*)"
                    + "|(?<string>[rbfRBF]?(?:\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'))"
                    + "|(?<annotation>@[A-Za-z_][\\w.]*)"
                    + "|(?<number>\\b\\d[\\d_]*(?:\\.\\d+)?\\b)"
                    + "|(?<word>[A-Za-z_]\\w*)");

    private final Text numbers = new Text();
    private final TextFlow code = new TextFlow();
    private final ScrollPane scroll;
    private final Label placeholder = new Label();
    private String source = "";

    public CodeView() {
        getStyleClass().add("code-view");
        numbers.getStyleClass().add("code-line-number");
        numbers.setTextAlignment(TextAlignment.RIGHT);
        TextFlow gutter = new TextFlow(numbers);
        gutter.getStyleClass().add("code-gutter");
        gutter.setTextAlignment(TextAlignment.RIGHT);
        code.getStyleClass().add("code-text");
        HBox body = new HBox(gutter, code);
        body.getStyleClass().add("code-body");
        scroll = new ScrollPane(body);
        scroll.getStyleClass().add("code-scroll");
        scroll.setFitToHeight(true);
        placeholder.getStyleClass().add("code-placeholder");
        placeholder.setWrapText(true);
        StackPane.setAlignment(placeholder, Pos.CENTER);
        getChildren().addAll(scroll, placeholder);
    }

    /** Shows {@code text}; when it is empty, {@code missing} is shown instead. */
    public void show(String text, Language language, String missing) {
        source = text == null ? "" : text;
        boolean none = source.isBlank();
        placeholder.setText(missing);
        placeholder.setVisible(none);
        scroll.setVisible(!none);
        code.getChildren().clear();
        if (none) {
            numbers.setText("");
            return;
        }
        String[] all = source.replace("\r\n", "\n").split("\n", -1);
        int last = all.length;
        while (last > 0 && all[last - 1].isBlank()) {
            last--;
        }
        int first = language == Language.JAVA ? firstBodyLine(all) : 0;
        StringBuilder nums = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = first; i < last; i++) {
            nums.append(i + 1);
            body.append(all[i]);
            if (i < last - 1) {
                nums.append('\n');
                body.append('\n');
            }
        }
        numbers.setText(nums.toString());
        code.getChildren().setAll(highlight(body.toString(), language));
    }

    /** The source as given. */
    public String source() {
        return source;
    }

    /** The first line after the package and import block (blank lines after it skipped too). */
    static int firstBodyLine(String[] lines) {
        int i = 0;
        while (i < lines.length) {
            String s = lines[i].trim();
            if (s.isEmpty() || s.startsWith("package ") || s.startsWith("import ")) {
                i++;
            } else {
                break;
            }
        }
        return i == lines.length ? 0 : i;
    }

    /** Text nodes for {@code text}, each with a style class for its kind of token. */
    static List<Text> highlight(String text, Language language) {
        Pattern p = language == Language.PYTHON ? PYTHON_TOKENS : JAVA_TOKENS;
        Set<String> keywords = language == Language.PYTHON ? PYTHON_KEYWORDS : JAVA_KEYWORDS;
        List<Text> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        int at = 0;
        StringBuilder plain = new StringBuilder();
        while (m.find()) {
            plain.append(text, at, m.start());
            String kind;
            if (m.group("comment") != null) {
                kind = "code-comment";
            } else if (m.group("string") != null) {
                kind = "code-string";
            } else if (m.group("annotation") != null) {
                kind = "code-annotation";
            } else if (m.group("number") != null) {
                kind = "code-number";
            } else if (keywords.contains(m.group("word"))) {
                kind = "code-keyword";
            } else if (Character.isUpperCase(m.group("word").charAt(0))) {
                kind = "code-type";
            } else {
                plain.append(m.group());
                at = m.end();
                continue;
            }
            flush(plain, out);
            Text t = new Text(m.group());
            t.getStyleClass().addAll("code-token", kind);
            out.add(t);
            at = m.end();
        }
        plain.append(text.substring(at));
        flush(plain, out);
        return out;
    }

    private static void flush(StringBuilder plain, List<Text> out) {
        if (plain.length() > 0) {
            Text t = new Text(plain.toString());
            t.getStyleClass().addAll("code-token", "code-plain");
            out.add(t);
            plain.setLength(0);
        }
    }
}
