package io.threadline.ui.teach;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one colouring of source code, for the read-only {@link CodeView} and the {@link CodeEditor}:
 * the coloured tokens of a text (comments, strings, annotations, numbers, keywords, type names),
 * each with its style class in threadline.css. What lies between tokens is plain text.
 */
public final class CodeTokens {
    /**
     * A coloured stretch of the text.
     *
     * @param start first character
     * @param end   one past the last character
     * @param kind  its style class: code-comment, code-string, code-annotation, code-number,
     *              code-keyword or code-type
     */
    public record Token(int start, int end, String kind) {
    }

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

    private CodeTokens() {
    }

    /** The coloured tokens of {@code text}, in order, none overlapping. */
    public static List<Token> of(String text, CodeView.Language language) {
        Pattern p = language == CodeView.Language.PYTHON ? PYTHON_TOKENS : JAVA_TOKENS;
        Set<String> keywords = language == CodeView.Language.PYTHON ? PYTHON_KEYWORDS : JAVA_KEYWORDS;
        List<Token> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
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
                continue;
            }
            out.add(new Token(m.start(), m.end(), kind));
        }
        return out;
    }
}
