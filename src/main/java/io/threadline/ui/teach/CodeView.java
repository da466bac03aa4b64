package io.threadline.ui.teach;

import javafx.beans.binding.Bindings;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Read-only source code with line numbers and light syntax colouring (Java or Python). The
 * package and import lines of a Java file are left out, but lines keep their numbers in the
 * file, so they match the line numbers the runtime records.
 */
public final class CodeView extends StackPane {
    /** Room between a line's code and its tag, when the tag must follow the code. */
    private static final double TAG_GAP = 14;
    /** The languages the colouring knows. */
    public enum Language { JAVA, PYTHON }

    /**
     * A line to mark: where a thread is in the program.
     *
     * @param line    the line's number in the file (as the runtime records call sites)
     * @param label   words for its tag, e.g. the thread's name
     * @param colour  the thread colour (a thread's number: {@link ThreadColours} cycles them)
     * @param primary the selected thread's line: marked strongest, and scrolled into view
     */
    public record LineMark(int line, String label, int colour, boolean primary) {
    }

    private final Text numbers = new Text();
    private final TextFlow code = new TextFlow();
    private final ScrollPane scroll;
    private final MarkLayer marks = new MarkLayer();
    private String source = "";
    /** File line number of the first line shown, and where each shown line starts in the text. */
    private int firstLine = 1;
    private int[] lineStarts = new int[0];
    private List<LineMark> lineMarks = List.of();

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
        // marks lie behind the code, but are laid out after it (they read where its lines ended up)
        marks.setViewOrder(1);
        marks.setMouseTransparent(true);
        StackPane content = new StackPane(body, marks);
        content.setAlignment(Pos.TOP_LEFT);
        scroll = new ScrollPane(content);
        content.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getWidth(), scroll.viewportBoundsProperty()));
        scroll.viewportBoundsProperty().addListener(obs -> marks.requestLayout());
        scroll.getStyleClass().add("code-scroll");
        scroll.setFitToHeight(true);
        getChildren().add(scroll);
    }

    /** Shows the program {@code text}, marks cleared. */
    public void show(String text, Language language) {
        source = text == null ? "" : text;
        code.getChildren().clear();
        lineMarks = List.of();
        marks.getChildren().clear();
        lineStarts = new int[0];
        String[] all = source.replace("\r\n", "\n").split("\n", -1);
        int last = all.length;
        while (last > 0 && all[last - 1].isBlank()) {
            last--;
        }
        int first = language == Language.JAVA ? firstBodyLine(all) : 0;
        StringBuilder nums = new StringBuilder();
        StringBuilder body = new StringBuilder();
        firstLine = first + 1;
        lineStarts = new int[Math.max(0, last - first)];
        for (int i = first; i < last; i++) {
            lineStarts[i - first] = body.length();
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

    /**
     * Marks lines, each in its thread's colour; one line may carry several threads (their labels
     * are joined). Lines not shown (the imports) or beyond the file are left out.
     */
    public void setMarks(List<LineMark> wanted) {
        List<LineMark> now = wanted == null ? List.of() : List.copyOf(wanted);
        if (now.equals(lineMarks)) {
            return;
        }
        Integer was = primaryLine(lineMarks);
        lineMarks = now;
        marks.rebuild(!Objects.equals(was, primaryLine(now)));
    }

    /** The marks asked for (see {@link #setMarks}). */
    public List<LineMark> marks() {
        return lineMarks;
    }

    /** The selected thread's marked line, or -1. */
    public int primaryLine() {
        Integer l = primaryLine(lineMarks);
        return l == null ? -1 : l;
    }

    private static Integer primaryLine(List<LineMark> list) {
        for (LineMark m : list) {
            if (m.primary()) {
                return m.line();
            }
        }
        return null;
    }

    /** Whether a file line is on screen in the code (not one of the hidden imports). */
    boolean shows(int line) {
        int i = line - firstLine;
        return i >= 0 && i < lineStarts.length;
    }

    /**
     * The bands behind marked lines, with a tag naming the threads at the right edge of the view.
     * Positions come from the text's own caret shapes, so they follow the font (presentation mode).
     */
    private final class MarkLayer extends Pane {
        private final Map<Integer, Node[]> byLine = new LinkedHashMap<>();
        private boolean scrollPending;

        MarkLayer() {
            getStyleClass().add("code-marks");
            setManaged(true);
        }

        void rebuild(boolean scrollToPrimary) {
            getChildren().clear();
            byLine.clear();
            Map<Integer, List<LineMark>> grouped = new LinkedHashMap<>();
            for (LineMark m : lineMarks) {
                if (shows(m.line())) {
                    grouped.computeIfAbsent(m.line(), k -> new ArrayList<>()).add(m);
                }
            }
            for (var e : grouped.entrySet()) {
                List<LineMark> here = e.getValue();
                LineMark lead = here.get(0);
                boolean primary = false;
                for (LineMark m : here) {
                    if (m.primary()) {
                        lead = m;
                        primary = true;
                    }
                }
                String colour = ThreadColours.mark(lead.colour());
                Region band = new Region();
                band.getStyleClass().addAll("code-mark-band", colour);
                Region bar = new Region();
                bar.getStyleClass().addAll("code-mark-bar", colour);
                Label tag = new Label(tagText(here, lead));
                tag.getStyleClass().addAll("code-mark-tag", colour);
                if (primary) {
                    band.getStyleClass().add("primary");
                    tag.getStyleClass().add("primary");
                }
                getChildren().addAll(band, bar, tag);
                byLine.put(e.getKey(), new Node[] {band, bar, tag});
            }
            scrollPending |= scrollToPrimary;
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            var vp = scroll.getViewportBounds();
            double right = Math.min(w, -vp.getMinX() + vp.getWidth());
            double primaryY = -1;
            double lineH = 0;
            for (var e : byLine.entrySet()) {
                double[] span = lineSpan(e.getKey());
                if (span == null) {
                    continue;
                }
                Node[] n = e.getValue();
                double y = span[0];
                double h = span[1] - span[0];
                n[0].resizeRelocate(0, y, w, h);
                n[1].resizeRelocate(0, y, 4, h);
                Label tag = (Label) n[2];
                double tw = tag.prefWidth(-1);
                double th = Math.min(h, tag.prefHeight(-1));
                // at the view's right edge, unless the line's code reaches there: then after the code
                double x = Math.max(0, right - tw - 6);
                double end = lineEnd(e.getKey());
                if (end + TAG_GAP > x) {
                    x = end + TAG_GAP;
                }
                tag.resizeRelocate(x, y + (h - th) / 2, tw, th);
                if (n[0].getStyleClass().contains("primary")) {
                    primaryY = y;
                    lineH = h;
                }
            }
            if (scrollPending && primaryY >= 0) {
                scrollPending = false;
                double contentH = getHeight();
                double viewH = vp.getHeight();
                double top = -vp.getMinY();
                if (contentH > viewH && (primaryY < top || primaryY + lineH > top + viewH)) {
                    double target = Math.max(0, Math.min(contentH - viewH, primaryY - viewH / 3));
                    scroll.setVvalue(target / (contentH - viewH));
                }
            }
        }

        /** Where a file line's code ends, in this layer's coordinates (0 if unknown). */
        private double lineEnd(int line) {
            int i = line - firstLine;
            if (i < 0 || i >= lineStarts.length || code.getChildren().isEmpty()) {
                return 0;
            }
            int end = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : lineStarts[i];
            for (PathElement pe : code.caretShape(Math.max(lineStarts[i], end), true)) {
                if (pe instanceof MoveTo mt) {
                    return code.getParent().localToParent(code.localToParent(mt.getX(), 0)).getX() - getLayoutX();
                }
            }
            return 0;
        }

        /** Top and bottom of a file line in this layer's coordinates, or null. */
        private double[] lineSpan(int line) {
            int i = line - firstLine;
            if (i < 0 || i >= lineStarts.length || code.getChildren().isEmpty()) {
                return null;
            }
            PathElement[] caret = code.caretShape(lineStarts[i], true);
            double top = Double.NaN;
            double bottom = Double.NaN;
            for (PathElement pe : caret) {
                double y = pe instanceof MoveTo mt ? mt.getY()
                        : pe instanceof LineTo lt ? lt.getY() : Double.NaN;
                if (!Double.isNaN(y)) {
                    top = Double.isNaN(top) ? y : Math.min(top, y);
                    bottom = Double.isNaN(bottom) ? y : Math.max(bottom, y);
                }
            }
            if (Double.isNaN(top)) {
                return null;
            }
            Point2D a = code.getParent().localToParent(code.localToParent(0, top));
            Point2D b = code.getParent().localToParent(code.localToParent(0, bottom));
            return new double[] {a.getY() - getLayoutY(), b.getY() - getLayoutY()};
        }
    }

    /** The tag of a line marked for several threads: the lead's name, one more, and how many else. */
    static String tagText(List<LineMark> here, LineMark lead) {
        StringBuilder s = new StringBuilder(lead.label());
        int shown = 1;
        for (LineMark m : here) {
            if (m == lead) {
                continue;
            }
            if (shown == 2) {
                s.append(" +").append(here.size() - shown);
                break;
            }
            s.append(", ").append(m.label());
            shown++;
        }
        return s.toString();
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
        List<Text> out = new ArrayList<>();
        int at = 0;
        for (CodeTokens.Token t : CodeTokens.of(text, language)) {
            if (t.start() > at) {
                out.add(text(text.substring(at, t.start()), "code-plain"));
            }
            out.add(text(text.substring(t.start(), t.end()), t.kind()));
            at = t.end();
        }
        if (at < text.length()) {
            out.add(text(text.substring(at), "code-plain"));
        }
        return out;
    }

    private static Text text(String s, String kind) {
        Text t = new Text(s);
        t.getStyleClass().addAll("code-token", kind);
        return t;
    }
}
