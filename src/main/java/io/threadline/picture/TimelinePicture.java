package io.threadline.picture;

import io.threadline.trace.OutputLine;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A trace's timeline as one picture, drawn on any {@link Painter}: a heading and the states'
 * legend, the ruler, one lane per thread grouped by process, counter charts and pool results,
 * cause arrows, the playhead and the last printed lines. The rows and the ruler are the window's
 * own ({@link TimelineRows} painted by {@link TimelineRenderer}), here the whole height, for a
 * slide, a paper or a frame of a recording. Drawing cost follows the picture's width, not the trace.
 */
public final class TimelinePicture {
    private static final double PAD = 14;
    private static final double OUTPUT_LINE = 18;

    private final Trace trace;
    private final PictureOptions options;
    private final TimeScale scale;
    private final long horizon;
    private final TimelineRows rows = new TimelineRows();
    private final List<CauseArrows.Label> arrowLabels = new ArrayList<>();
    private final double headerHeight;
    private final double rowsHeight;
    private final double outputHeight;
    private final double height;

    private TimelinePicture(Trace trace, PictureOptions options) {
        this.trace = trace;
        this.options = options;
        PictureMetrics m = options.metrics();
        long end = Math.max(trace.endTime(), 1);
        horizon = Math.min(options.horizon(), end);
        double bodyWidth = Math.max(1, options.width() - m.gutterWidth());
        TransitionOrder order = options.steps() ? TransitionOrder.of(trace) : null;
        if (options.wholeRun()) {
            // as the window's "fit"
            scale = TimeScale.fitting(end, bodyWidth, order, EndRoom.of(trace, m));
        } else if (order != null) {
            scale = TimeScale.steps(order, order.position(options.from()) - 0.5, order.position(options.to()) + 0.5,
                    bodyWidth);
        } else {
            scale = new TimeScale(options.from(), options.to(), bodyWidth);
        }
        TraceExtras extras = new TraceExtras(trace);
        extras.update();
        rows.update(trace, extras, m);
        double h = 0;
        if (options.title() != null) {
            h += PAD + titleLine(m);
            if (options.subtitle() != null && !options.subtitle().isEmpty()) {
                h += subtitleLine(m);
            }
        }
        if (options.legend()) {
            h += (h == 0 ? PAD : 6) + legendHeight(m);
        }
        headerHeight = h == 0 ? 0 : h + 12;
        rowsHeight = Math.max(rows.contentHeight(), m.laneHeight());
        outputHeight = options.outputLines() > 0 ? 12 + 24 + options.outputLines() * OUTPUT_LINE + 8 : 0;
        height = Math.ceil(headerHeight + m.rulerHeight() + rowsHeight + outputHeight + 1);
    }

    /** Lays out and returns the picture of {@code trace}; the trace should not grow meanwhile. */
    public static TimelinePicture of(Trace trace, PictureOptions options) {
        return new TimelinePicture(trace, options);
    }

    public double width() {
        return options.width();
    }

    /** The whole height in logical pixels, from the heading to the output strip. */
    public double height() {
        return height;
    }

    /** The time scale of the lanes' body (x = 0 at the gutter's right edge). */
    public TimeScale scale() {
        return scale;
    }

    /** The cause arrows' labels of the last paint, in the picture's coordinates. */
    public List<CauseArrows.Label> arrowLabels() {
        return List.copyOf(arrowLabels);
    }

    /** The rows as laid out, their y from the top of the lanes' area (the ruler's bottom). */
    public TimelineRows rows() {
        return rows;
    }

    /** Where the lanes' area starts, from the picture's top. */
    public double rowsTop() {
        return headerHeight + options.metrics().rulerHeight();
    }

    public PictureOptions options() {
        return options;
    }

    /** Where the ruler's top is, in the picture's pixels (below the heading and legend). */
    public double rulerTop() {
        return headerHeight;
    }

    private static TextStyle titleFont(PictureMetrics m) {
        return TextStyle.bold(Math.round(m.fontSize() * 1.45));
    }

    private static double titleLine(PictureMetrics m) {
        return Math.round(titleFont(m).size() * 1.4);
    }

    private static double subtitleLine(PictureMetrics m) {
        return Math.round(m.fontSize() * 1.55);
    }

    private static double legendHeight(PictureMetrics m) {
        return Math.round(m.smallSize() + 8);
    }

    // ------------------------------------------------------------------ drawing

    /** Draws the whole picture with its top-left corner at the painter's origin. */
    public void paint(Painter g) {
        PictureMetrics m = options.metrics();
        PictureTheme p = options.theme();
        double w = options.width();
        g.setAlpha(1);
        g.setFill(p.color(Ink.BACKGROUND));
        g.fillRect(0, 0, w, height);
        header(g);

        double rulerTop = headerHeight;
        double rowsTop = rulerTop + m.rulerHeight();
        double rowsBottom = rowsTop + rowsHeight;
        TrackContext base = TrackContext.of(g, trace, scale, horizon, m, p);
        arrowLabels.clear();
        TimelineRenderer.paintRows(base, rows, rowsTop, rowsTop, rowsBottom,
                options.arrows() ? TimelineRenderer.Arrows.ALL : TimelineRenderer.Arrows.NONE, arrowLabels);

        g.save();
        g.translate(0, rulerTop);
        double[] ph = options.playhead() >= 0 ? playheadLabel(g) : null;
        TimelineRenderer.paintRuler(g, scale, m, p, w, ph == null ? 0 : ph[0], ph == null ? 0 : ph[1]);
        g.restore();
        playhead(g, rulerTop, rowsBottom);
        // a frame around ruler and lanes, so the picture stands on a slide of any colour
        g.setStroke(p.color(Ink.BORDER));
        g.setLineWidth(1);
        g.strokeRect(0.5, rulerTop + 0.5, w - 1, rowsBottom - rulerTop);
        output(g, rowsBottom);
    }

    private void header(Painter g) {
        if (headerHeight == 0) {
            return;
        }
        PictureMetrics m = options.metrics();
        PictureTheme p = options.theme();
        double y = 0;
        if (options.title() != null) {
            TextStyle titleFont = titleFont(m);
            g.setFont(titleFont);
            g.setFill(p.color(Ink.TEXT));
            g.fillText(TextFit.ellipsize(g, options.title(), titleFont, options.width() - 2 * PAD), PAD,
                    PAD + titleLine(m) / 2, Painter.Align.LEFT);
            y = PAD + titleLine(m);
            if (options.subtitle() != null && !options.subtitle().isEmpty()) {
                g.setFont(m.font());
                g.setFill(p.color(Ink.MUTED_TEXT));
                g.fillText(TextFit.ellipsize(g, options.subtitle(), m.font(), options.width() - 2 * PAD), PAD,
                        y + subtitleLine(m) / 2, Painter.Align.LEFT);
                y += subtitleLine(m);
            }
        }
        if (options.legend()) {
            y += y == 0 ? PAD : 6;
            legend(g, PAD, y);
        }
    }

    /** The five states with their looks, as the window's legend shows them. */
    private void legend(Painter g, double x, double top) {
        PictureMetrics m = options.metrics();
        PictureTheme p = options.theme();
        double h = legendHeight(m);
        double w = Math.round(h * 1.9);
        TextStyle font = m.font();
        for (ThreadState s : ThreadState.values()) {
            if (s == ThreadState.DEAD) {
                x = deadKey(g, x, top, h) + 18;
                continue;
            } else {
                StateMarks.span(g, p, m, s, x, x + w, top, h);
                x += w;
            }
            g.setFont(font);
            g.setFill(p.color(Ink.TEXT));
            g.fillText(s.label(), x + 7, Math.round(top + h / 2), Painter.Align.LEFT);
            x += 7 + g.textWidth(s.label(), font) + 18;
        }
    }

    /**
     * "dead ● returned ✕ raised ⚡ killed", as the window's legend has it: each end mark with its
     * word, or the three marks alone where the picture is too narrow for the words.
     */
    private double deadKey(Painter g, double x, double top, double h) {
        PictureMetrics m = options.metrics();
        PictureTheme p = options.theme();
        TextStyle font = m.font();
        TextStyle small = m.small();
        double mid = Math.round(top + h / 2);
        double r = Math.round(h * 0.26);
        Reason[] ends = {Reason.RETURNED, Reason.RAISED, Reason.KILLED};
        g.setFont(font);
        g.setFill(p.color(Ink.TEXT));
        g.fillText(ThreadState.DEAD.label(), x, mid, Painter.Align.LEFT);
        x += g.textWidth(ThreadState.DEAD.label(), font) + 10;
        double need = 0;
        for (Reason end : ends) {
            need += 2 * r + 4 + g.textWidth(end.name().toLowerCase(java.util.Locale.ROOT), small) + 12;
        }
        boolean named = x + need <= width() - PAD;
        for (Reason end : ends) {
            StateMarks.cap(g, p, end, Math.round(x + r), mid, r);
            x += 2 * r + 4;
            if (named) {
                String word = end.name().toLowerCase(java.util.Locale.ROOT);
                g.setFont(small);
                g.setFill(p.color(Ink.MUTED_TEXT));
                g.fillText(word, x, mid, Painter.Align.LEFT);
                x += g.textWidth(word, small) + 12;
            } else {
                x += 6;
            }
        }
        return x;
    }

    /** Where the playhead's time label goes in the ruler: {from, to, x of the line, flipped left (1) or not}. */
    private double[] playheadLabel(Painter g) {
        PictureMetrics m = options.metrics();
        TimeScale s = scale;
        double x = m.gutterWidth() + Math.round(s.x(options.playhead())) + 0.5;
        String text = TimeText.playhead(options.playhead(), s.microsPerPixel());
        double tw = g.textWidth(text, m.smallBold()) + 12;
        double hw = Math.max(6, m.rulerHeight() * 0.22);
        boolean left = x + hw + 4 + tw > m.gutterWidth() + s.width();
        return left ? new double[] {x - hw - 4 - tw, x + hw, x, 1} : new double[] {x - hw, x + hw + 4 + tw, x, 0};
    }

    private void playhead(Painter g, double rulerTop, double rowsBottom) {
        long t = options.playhead();
        if (t < 0) {
            return;
        }
        PictureMetrics m = options.metrics();
        PictureTheme p = options.theme();
        TimeScale s = scale;
        double cx = m.gutterWidth() + Math.round(s.x(t)) + 0.5;
        if (cx < m.gutterWidth() - 1 || cx > m.gutterWidth() + s.width() + 1) {
            return;
        }
        double ruler = m.rulerHeight();
        Rgb c = p.color(Ink.PLAYHEAD);
        g.setStroke(c);
        double lineWidth = Math.max(2, m.line() + 1);
        g.setLineWidth(lineWidth);
        // the marks it would cross (threads dying at the instant it stands at) stay whole; a
        // line's square ends reach half its width past them
        List<double[]> gaps = MarkGaps.forPlayhead(rows, cx - m.gutterWidth(), lineWidth);
        double from = rulerTop + ruler * 0.35;
        for (double[] piece : MarkGaps.pieces(gaps, rulerTop + ruler, from, rowsBottom)) {
            g.strokeLine(cx, piece[0] > from ? piece[0] + lineWidth / 2 : piece[0], cx,
                    piece[1] < rowsBottom ? piece[1] - lineWidth / 2 : piece[1]);
        }
        double hw = Math.max(6, ruler * 0.22);
        double top = rulerTop + 2;
        double bottom = rulerTop + ruler * 0.62;
        g.setFill(c);
        g.fillPolygon(new double[] {cx - hw, cx + hw, cx + hw, cx, cx - hw},
                new double[] {top, top, bottom - hw, bottom, bottom - hw}, 5);
        double[] label = playheadLabel(g);
        String text = TimeText.playhead(t, s.microsPerPixel());
        TextStyle font = m.smallBold();
        double lh = Math.round(font.size() + 6);
        double lx = label[3] == 1 ? label[0] : cx + hw + 4;
        double lw = g.textWidth(text, font) + 12;
        double ly = Math.round(rulerTop + (ruler - lh) / 2);
        g.fillRoundRect(lx, ly, lw, lh, 8);
        g.setFont(font);
        g.setFill(p.color(Ink.PLAYHEAD_TEXT));
        g.fillText(text, lx + 6, ly + lh / 2, Painter.Align.LEFT);
    }

    /** A time as the output pane shows it: "0.500". */
    private static String seconds(long micros) {
        return String.format(java.util.Locale.ROOT, "%.3f", micros / 1e6);
    }

    /** The last lines the program printed up to the horizon, as the output pane shows them. */
    private void output(Painter g, double top) {
        int n = options.outputLines();
        if (n == 0) {
            return;
        }
        PictureMetrics m = options.metrics();
        PictureTheme p = options.theme();
        double y = top + 12;
        g.setFont(m.smallBold());
        g.setFill(p.color(Ink.MUTED_TEXT));
        g.fillText("OUTPUT", PAD, y + 10, Painter.Align.LEFT);
        y += 24;
        List<OutputLine> shown = new ArrayList<>();
        for (int i = trace.outputCount() - 1; i >= 0 && shown.size() < n; i--) {
            OutputLine line = trace.outputLine(i);
            if (line.time() <= horizon) {
                shown.add(0, line);
            }
        }
        TextStyle mono = TextStyle.mono(m.smallSize());
        TextStyle monoName = new TextStyle(m.smallSize(), true, true);
        double timeW = g.textWidth(seconds(trace.endTime()), mono);
        double nameW = 0;
        for (int t = 0; t < trace.threadCount(); t++) {
            nameW = Math.max(nameW, g.textWidth(trace.thread(t).name(), monoName));
        }
        nameW = Math.min(nameW, 200);
        for (OutputLine line : shown) {
            double cy = y + OUTPUT_LINE / 2;
            g.setFont(mono);
            g.setFill(p.color(Ink.MUTED_TEXT));
            g.fillText(seconds(line.time()), PAD + timeW, cy,
                    Painter.Align.RIGHT);
            g.setFont(monoName);
            g.setFill(p.color(Ink.TEXT));
            String name = TextFit.ellipsize(g, trace.thread(line.thread()).name(), monoName, nameW);
            g.fillText(name, PAD + timeW + 14, cy, Painter.Align.LEFT);
            g.setFont(mono);
            g.setFill(p.color(line.error() ? Ink.FAILED : Ink.TEXT));
            double tx = PAD + timeW + 14 + nameW + 14;
            g.fillText(TextFit.ellipsize(g, line.text(), mono, options.width() - tx - PAD), tx, cy,
                    Painter.Align.LEFT);
            y += OUTPUT_LINE;
        }
    }
}
