package io.threadline.picture;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.GlyphVector;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Draws into an SVG document, so a picture stays sharp at any size in slides and papers.
 * Translations are folded into the coordinates, clips become clip paths, the runnable hatch a
 * pattern.
 *
 * <p>Text is drawn as the outlines of the bundled faces by default, each glyph defined once and
 * placed with {@code <use>} (as matplotlib does): a viewer without Inter, which is most of them,
 * would substitute a wider face and names would run into their badges. Each line keeps its words
 * in an {@code aria-label}. With editable text, lines are {@code <text>} elements naming the
 * faces with fallbacks, their measured length set so a substitute face is squeezed to fit.
 */
public final class SvgPainter implements Painter {
    private static final double TILE = 8;

    private final StringBuilder out = new StringBuilder(1 << 16);
    private final Deque<State> saved = new ArrayDeque<>();
    private final Map<String, String> hatches = new HashMap<>();
    private final Map<String, String> glyphs = new HashMap<>();
    private final boolean outlines;
    private int ids;
    private int openGroups;
    private State s = new State();

    private static final class State implements Cloneable {
        String fill = "#000000";
        String stroke = "#000000";
        double lineWidth = 1;
        double dash;
        double gap;
        boolean round;
        TextStyle font = TextStyle.of(12);
        double alpha = 1;
        double tx;
        double ty;
        int groups;

        State copy() {
            try {
                return (State) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A painter that draws text as glyph outlines. */
    public SvgPainter() {
        this(true);
    }

    /** @param outlines text as glyph outlines (true), or as editable {@code <text>} (false) */
    public SvgPainter(boolean outlines) {
        this.outlines = outlines;
    }

    /** The SVG of {@code picture}, {@code title} as its accessible name; text as outlines. */
    public static String render(TimelinePicture picture, String title) {
        return render(picture, title, true);
    }

    /** The SVG of {@code picture}; {@code outlines} chooses how text is drawn (see the class notes). */
    public static String render(TimelinePicture picture, String title, boolean outlines) {
        SvgPainter g = new SvgPainter(outlines);
        picture.paint(g);
        return g.document(picture.width(), picture.height(), title);
    }

    /** The whole document around what was drawn. */
    public String document(double width, double height, String title) {
        while (openGroups > 0) {
            out.append("</g>\n");
            openGroups--;
        }
        StringBuilder doc = new StringBuilder(out.length() + 512);
        doc.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        doc.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                + " version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"").append(escape(PictureFonts.SANS_FAMILY))
                .append("\">\n");
        if (title != null && !title.isEmpty()) {
            doc.append("<title>").append(escape(title)).append("</title>\n");
        }
        doc.append(out);
        doc.append("</svg>\n");
        return doc.toString();
    }

    // ------------------------------------------------------------------ state

    @Override
    public void save() {
        State copy = s.copy();
        copy.groups = openGroups;
        saved.push(copy);
    }

    @Override
    public void restore() {
        State back = saved.pop();
        while (openGroups > back.groups) {
            out.append("</g>\n");
            openGroups--;
        }
        s = back;
    }

    @Override
    public void translate(double dx, double dy) {
        s.tx += dx;
        s.ty += dy;
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        String id = "c" + (++ids);
        out.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(x + s.tx)).append("\" y=\"")
                .append(num(y + s.ty)).append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"")
                .append(num(Math.max(0, h))).append("\"/></clipPath>\n");
        out.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        openGroups++;
    }

    @Override
    public void setAlpha(double alpha) {
        s.alpha = alpha;
    }

    @Override
    public void setFill(Rgb color) {
        s.fill = color.hex();
    }

    @Override
    public void setHatch(Rgb stripe, Rgb ground) {
        String key = stripe.hex() + ground.hex();
        String id = hatches.get(key);
        if (id == null) {
            id = "h" + (++ids);
            hatches.put(key, id);
            // 45° stripes 8 px apart along x, 3 px wide, as the raster tile: a pattern of vertical
            // stripes rotated, its period 8/√2 across the stripes
            double period = TILE / Math.sqrt(2);
            double stripeWidth = 3 / Math.sqrt(2);
            out.append("<defs><pattern id=\"").append(id).append("\" patternUnits=\"userSpaceOnUse\" width=\"")
                    .append(num(period)).append("\" height=\"").append(num(period))
                    .append("\" patternTransform=\"rotate(45)\"><rect width=\"").append(num(period))
                    .append("\" height=\"").append(num(period)).append("\" fill=\"").append(ground.hex())
                    .append("\"/><rect width=\"").append(num(stripeWidth)).append("\" height=\"").append(num(period))
                    .append("\" fill=\"").append(stripe.hex()).append("\"/></pattern></defs>\n");
        }
        s.fill = "url(#" + id + ")";
    }

    @Override
    public void setStroke(Rgb color) {
        s.stroke = color.hex();
    }

    @Override
    public void setLineWidth(double width) {
        s.lineWidth = width;
    }

    @Override
    public void setLineDashes(double dash, double gap) {
        s.dash = dash;
        s.gap = gap;
    }

    @Override
    public void setRoundCaps(boolean round) {
        s.round = round;
    }

    @Override
    public void setFont(TextStyle style) {
        s.font = style;
    }

    // ------------------------------------------------------------------ shapes

    private void fillAttrs() {
        out.append(" fill=\"").append(s.fill).append('"');
        opacity();
        out.append("/>\n");
    }

    private void strokeAttrs() {
        out.append(" fill=\"none\" stroke=\"").append(s.stroke).append("\" stroke-width=\"").append(num(s.lineWidth))
                .append('"');
        if (s.dash > 0) {
            out.append(" stroke-dasharray=\"").append(num(s.dash)).append(' ').append(num(s.gap)).append('"');
        }
        out.append(" stroke-linecap=\"").append(s.round ? "round" : "square").append('"');
        opacity();
        out.append("/>\n");
    }

    private void opacity() {
        if (s.alpha < 1) {
            out.append(" opacity=\"").append(num(s.alpha)).append('"');
        }
    }

    private void rect(double x, double y, double w, double h, double arc) {
        if (w < 0) {
            x += w;
            w = -w;
        }
        if (h < 0) {
            y += h;
            h = -h;
        }
        out.append("<rect x=\"").append(num(x + s.tx)).append("\" y=\"").append(num(y + s.ty)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append('"');
        if (arc > 0) {
            double r = Math.min(arc / 2, Math.min(w, h) / 2);
            out.append(" rx=\"").append(num(r)).append("\" ry=\"").append(num(r)).append('"');
        }
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        rect(x, y, w, h, 0);
        fillAttrs();
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        rect(x, y, w, h, 0);
        strokeAttrs();
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        rect(x, y, w, h, arc);
        fillAttrs();
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        rect(x, y, w, h, arc);
        strokeAttrs();
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        out.append("<ellipse cx=\"").append(num(x + w / 2 + s.tx)).append("\" cy=\"").append(num(y + h / 2 + s.ty))
                .append("\" rx=\"").append(num(w / 2)).append("\" ry=\"").append(num(h / 2)).append('"');
        fillAttrs();
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        out.append("<ellipse cx=\"").append(num(x + w / 2 + s.tx)).append("\" cy=\"").append(num(y + h / 2 + s.ty))
                .append("\" rx=\"").append(num(w / 2)).append("\" ry=\"").append(num(h / 2)).append('"');
        strokeAttrs();
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        out.append("<line x1=\"").append(num(x1 + s.tx)).append("\" y1=\"").append(num(y1 + s.ty))
                .append("\" x2=\"").append(num(x2 + s.tx)).append("\" y2=\"").append(num(y2 + s.ty)).append('"');
        strokeAttrs();
    }

    private void points(String element, double[] xs, double[] ys, int n) {
        out.append('<').append(element).append(" points=\"");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(num(xs[i] + s.tx)).append(',').append(num(ys[i] + s.ty));
        }
        out.append('"');
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        if (n > 0) {
            points("polygon", xs, ys, n);
            fillAttrs();
        }
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int n) {
        if (n > 0) {
            points("polygon", xs, ys, n);
            strokeAttrs();
        }
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        if (n > 0) {
            points("polyline", xs, ys, n);
            strokeAttrs();
        }
    }

    @Override
    public void fillText(String text, double x, double y, Align align) {
        if (text.isEmpty()) {
            return;
        }
        TextStyle f = s.font;
        if (outlines) {
            outlinedText(text, x, y, align);
            return;
        }
        // the baseline from the same metrics as the PNG, rather than dominant-baseline, which
        // viewers honour unevenly
        double base = y + PictureFonts.baselineOffset(PictureFonts.font(f));
        out.append("<text x=\"").append(num(x + s.tx)).append("\" y=\"").append(num(base + s.ty)).append('"');
        if (f.mono()) {
            out.append(" font-family=\"").append(escape(PictureFonts.MONO_FAMILY)).append('"');
        }
        out.append(" font-size=\"").append(num(f.size())).append('"');
        if (f.bold()) {
            out.append(" font-weight=\"600\"");
        }
        if (align != Align.LEFT) {
            out.append(" text-anchor=\"").append(align == Align.CENTER ? "middle" : "end").append('"');
        }
        out.append(" fill=\"").append(s.fill.startsWith("url") ? "#000000" : s.fill).append('"');
        opacity();
        // a viewer without the face substitutes a wider or narrower one: the measured length
        // keeps every label inside the room it was fitted to
        out.append(" textLength=\"").append(num(PictureFonts.width(text, f)))
                .append("\" lengthAdjust=\"spacingAndGlyphs\"");
        out.append(" xml:space=\"preserve\">").append(escape(text)).append("</text>\n");
    }

    /** One line as glyph outlines placed where Java2D lays them out, as the PNG draws them. */
    private void outlinedText(String text, double x, double y, Align align) {
        Font font = PictureFonts.fontFor(text, s.font);
        GlyphVector gv = font.createGlyphVector(PictureFonts.FRC, text);
        double w = PictureFonts.width(text, s.font);
        double left = align == Align.LEFT ? x : align == Align.CENTER ? x - w / 2 : x - w;
        double base = y + PictureFonts.baselineOffset(font);
        out.append("<g aria-label=\"").append(escape(text)).append("\" fill=\"")
                .append(s.fill.startsWith("url") ? "#000000" : s.fill).append('"');
        opacity();
        out.append('>');
        for (int i = 0; i < gv.getNumGlyphs(); i++) {
            Point2D at = gv.getGlyphPosition(i);
            String id = glyph(font, gv.getGlyphCode(i));
            if (id != null) {
                out.append("<use xlink:href=\"#").append(id).append("\" x=\"").append(num(left + at.getX() + s.tx))
                        .append("\" y=\"").append(num(base + at.getY() + s.ty)).append("\"/>");
            }
        }
        out.append("</g>\n");
    }

    /** The id of a glyph's outline, defined on first use; null for a glyph with no ink (a space). */
    private String glyph(Font font, int code) {
        String key = font.getFontName() + "/" + font.getSize2D() + "/" + code;
        if (glyphs.containsKey(key)) {
            return glyphs.get(key);
        }
        Shape shape = font.createGlyphVector(PictureFonts.FRC, new int[] {code}).getGlyphOutline(0);
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> points(d.append('M'), c, 1);
                case PathIterator.SEG_LINETO -> points(d.append('L'), c, 1);
                case PathIterator.SEG_QUADTO -> points(d.append('Q'), c, 2);
                case PathIterator.SEG_CUBICTO -> points(d.append('C'), c, 3);
                default -> d.append('Z');
            }
        }
        String id = null;
        if (d.length() > 0) {
            id = "g" + (++ids);
            out.append("<defs><path id=\"").append(id).append("\" d=\"").append(d).append("\"/></defs>\n");
        }
        glyphs.put(key, id);
        return id;
    }

    private static void points(StringBuilder d, double[] c, int n) {
        for (int i = 0; i < 2 * n; i++) {
            if (i > 0) {
                d.append(' ');
            }
            d.append(num(c[i]));
        }
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        return PictureFonts.width(text, style);
    }

    @Override
    public void beginGroup(String title) {
        out.append("<g><title>").append(escape(title)).append("</title>\n");
        openGroups++;
    }

    @Override
    public void endGroup() {
        out.append("</g>\n");
        openGroups--;
    }

    // ------------------------------------------------------------------ text

    /** A number with at most two decimals, no trailing zeros: "12", "12.5", "-0.25". */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long hundredths = Math.round(v * 100);
        if (hundredths % 100 == 0) {
            return Long.toString(hundredths / 100);
        }
        String t = String.format(Locale.ROOT, "%.2f", hundredths / 100.0);
        return t.endsWith("0") ? t.substring(0, t.length() - 1) : t;
    }

    /** Text safe inside an XML attribute or element: escaped, characters XML forbids left out. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\t', '\n', '\r' -> b.append(' ');
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xfffe && c != 0xffff) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
