package io.threadline.picture;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.OutputLine;
import io.threadline.trace.Reason;
import io.threadline.trace.ResultMark;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace's timeline as one picture, drawn on any {@link Painter}: a heading and the states'
 * legend, the ruler, one lane per thread grouped by process, counter charts and pool results,
 * cause arrows, the playhead and the last printed lines. It lays out and draws like the window's
 * timeline (the same scale, binning, look table and words), but the whole height, for a slide,
 * a paper or a frame of a recording. Drawing cost follows the picture's width, not the trace.
 */
public final class TimelinePicture {
    private static final double PAD = 14;
    private static final double OUTPUT_LINE = 18;

    private enum Kind { PROCESS, LANE, COUNTER, RESULTS }

    /** One band of the timeline at height y below the ruler. */
    private record Row(Kind kind, int id, Object ref, double y, double height, boolean indented) {
    }

    private final Trace trace;
    private final PictureOptions options;
    private final Frame frame;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<ResultMark>> results = new LinkedHashMap<>();
    private final Map<CounterTrack, Long> counterMax = new HashMap<>();
    private final double headerHeight;
    private final double rowsHeight;
    private final double outputHeight;
    private final double height;

    private TimelinePicture(Trace trace, PictureOptions options) {
        this.trace = trace;
        this.options = options;
        PictureMetrics m = options.metrics();
        long end = Math.max(trace.endTime(), 1);
        long horizon = Math.min(options.horizon(), end);
        double bodyWidth = Math.max(1, options.width() - m.gutterWidth());
        TimeScale scale;
        if (options.wholeRun()) {
            // as the window's "fit": a little room on both sides of the run
            double margin = Math.max(end * 0.02, 5);
            scale = new TimeScale(-margin, end + margin * 1.5, bodyWidth);
        } else {
            scale = new TimeScale(options.from(), options.to(), bodyWidth);
        }
        frame = new Frame(trace, scale, horizon, options.theme(), m);
        for (ResultMark r : trace.results()) {
            results.computeIfAbsent(r.variant(), v -> new ArrayList<>()).add(r);
        }
        layoutRows(m);
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
        double rh = 0;
        for (Row r : rows) {
            rh = Math.max(rh, r.y() + r.height());
        }
        rowsHeight = Math.max(rh, m.laneHeight());
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
        return frame.scale();
    }

    public PictureOptions options() {
        return options;
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

    private void layoutRows(PictureMetrics m) {
        int threads = trace.threadCount();
        int processes = trace.processCount();
        boolean grouped = processes > 1;
        List<List<Integer>> byProcess = new ArrayList<>();
        for (int p = 0; p <= processes; p++) {
            byProcess.add(new ArrayList<>());
        }
        for (int t = 0; t < threads; t++) {
            int p = trace.thread(t).process();
            byProcess.get(p >= 0 && p < processes ? p : processes).add(t);
        }
        double y = 0;
        for (int p = 0; p <= processes; p++) {
            List<Integer> group = byProcess.get(p);
            if (group.isEmpty()) {
                continue;
            }
            if (grouped && p < processes) {
                rows.add(new Row(Kind.PROCESS, p, null, y, m.processHeight(), false));
                y += m.processHeight();
            }
            for (int t : group) {
                rows.add(new Row(Kind.LANE, t, null, y, m.laneHeight(), grouped));
                y += m.laneHeight();
            }
        }
        for (CounterTrack c : trace.counters()) {
            counterMax.put(c, ChartPainter.max(c, frame.horizon()));
            rows.add(new Row(Kind.COUNTER, -1, c, y, m.counterHeight(), false));
            y += m.counterHeight();
        }
        for (String v : results.keySet()) {
            rows.add(new Row(Kind.RESULTS, -1, v, y, m.resultsHeight(), false));
            y += m.resultsHeight();
        }
    }

    // ------------------------------------------------------------------ drawing

    /** Draws the whole picture with its top-left corner at the painter's origin. */
    public void paint(Painter g) {
        PictureMetrics m = options.metrics();
        PictureTheme p = options.theme();
        double w = options.width();
        double gutter = m.gutterWidth();
        double bodyW = frame.scale().width();
        g.setAlpha(1);
        g.setFill(p.color(Ink.BACKGROUND));
        g.fillRect(0, 0, w, height);
        header(g);

        double rulerTop = headerHeight;
        double rowsTop = rulerTop + m.rulerHeight();
        double rowsBottom = rowsTop + rowsHeight;

        // bands, grid and bodies, clipped to the body
        g.save();
        g.clip(gutter, rowsTop, bodyW, rowsHeight);
        int lane = 0;
        for (Row r : rows) {
            if (r.kind() == Kind.LANE && lane++ % 2 == 1) {
                g.setFill(p.color(Ink.LANE_ALT));
                g.fillRect(gutter, rowsTop + r.y(), bodyW, r.height());
            }
        }
        grid(g, gutter, rowsTop, rowsBottom);
        Map<Integer, double[]> laneRows = new HashMap<>();
        for (Row r : rows) {
            g.save();
            g.translate(gutter, rowsTop + r.y());
            switch (r.kind()) {
                case PROCESS -> LanePainter.processBand(g, frame, bodyW, r.height());
                case LANE -> {
                    g.beginGroup(LanePainter.title(trace, r.id()));
                    if (frame.horizon() < trace.endTime()) {
                        // a frame of a playback: lanes still growing end open at the horizon
                        g.clip(-bodyW, 0, bodyW + Math.floor(frame.scale().x(frame.horizon())) + 1, r.height());
                    }
                    LanePainter.body(g, frame, r.id(), r.height());
                    g.endGroup();
                    laneRows.put(r.id(), new double[] {r.y(), r.height()});
                }
                case COUNTER -> {
                    CounterTrack c = (CounterTrack) r.ref();
                    ChartPainter.counter(g, frame, c, counterMax.get(c), r.height());
                }
                case RESULTS -> ChartPainter.results(g, frame, (String) r.ref(), results.get((String) r.ref()),
                        r.height());
            }
            g.restore();
            g.setFill(p.color(Ink.GRID));
            g.fillRect(gutter, rowsTop + r.y() + r.height() - 1, bodyW, 1);
        }
        if (options.arrows()) {
            g.save();
            g.translate(gutter, rowsTop);
            ArrowPainter.draw(g, frame, laneRows);
            g.restore();
        }
        g.restore();

        // the gutter of names
        g.save();
        g.clip(0, rowsTop, gutter, rowsHeight);
        g.setFill(p.color(Ink.GUTTER));
        g.fillRect(0, rowsTop, gutter, rowsHeight);
        for (Row r : rows) {
            g.save();
            g.translate(0, rowsTop + r.y());
            switch (r.kind()) {
                case PROCESS -> LanePainter.processHeader(g, frame, r.id(), gutter - 1, r.height());
                case LANE -> LanePainter.header(g, frame, r.id(), r.indented(), gutter - 1, r.height());
                case COUNTER -> {
                    CounterTrack c = (CounterTrack) r.ref();
                    ChartPainter.counterHeader(g, frame, c, counterMax.get(c), gutter - 1, r.height());
                }
                case RESULTS -> ChartPainter.resultsHeader(g, frame, (String) r.ref(),
                        results.get((String) r.ref()), gutter - 1, r.height());
            }
            g.restore();
            g.setFill(p.color(Ink.GRID));
            g.fillRect(0, rowsTop + r.y() + r.height() - 1, gutter, 1);
        }
        g.restore();
        g.setFill(p.color(Ink.BORDER));
        g.fillRect(gutter - 1, rowsTop, 1, rowsHeight);

        ruler(g, rulerTop);
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
                double r = Math.round(h * 0.26);
                double cw = Math.round(h * 3.2);
                double step = cw / 3;
                Reason[] ends = {Reason.RETURNED, Reason.RAISED, Reason.KILLED};
                for (int i = 0; i < ends.length; i++) {
                    StateMarks.cap(g, p, ends[i], Math.round(x + step * (i + 0.5)), Math.round(top + h / 2), r);
                }
                x += cw;
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

    private void grid(Painter g, double gutter, double y0, double y1) {
        TimeScale s = frame.scale();
        long step = RulerTicks.step(s.microsPerPixel(), options.metrics().labelSpacing());
        g.setFill(options.theme().color(Ink.GRID));
        for (long t = Math.max(0, RulerTicks.firstTick(s.start(), step)); t <= s.end(); t += step) {
            g.fillRect(gutter + Math.floor(s.x(t)), y0, 1, y1 - y0);
        }
    }

    private void ruler(Painter g, double top) {
        PictureMetrics m = options.metrics();
        PictureTheme p = options.theme();
        TimeScale s = frame.scale();
        double ruler = m.rulerHeight();
        double gutter = m.gutterWidth();
        double w = options.width();
        g.save();
        g.translate(0, top);
        g.setFill(p.color(Ink.RULER));
        g.fillRect(0, 0, w, ruler);
        g.setFill(p.color(Ink.BORDER));
        g.fillRect(0, ruler - 1, w, 1);
        g.fillRect(gutter - 1, 0, 1, ruler);
        g.setFont(m.smallBold());
        g.setFill(p.color(Ink.MUTED_TEXT));
        g.fillText("THREADS", 14, Math.round(ruler / 2), Painter.Align.LEFT);

        g.clip(gutter, 0, s.width(), ruler);
        long step = RulerTicks.step(s.microsPerPixel(), m.labelSpacing());
        long minor = Math.max(1, step / RulerTicks.minorDivisions(step));
        double minorH = Math.round(ruler * 0.18);
        for (long t = Math.max(0, RulerTicks.firstTick(s.start(), minor)); t <= s.end(); t += minor) {
            if (t % step != 0) {
                g.fillRect(gutter + Math.floor(s.x(t)), ruler - 1 - minorH, 1, minorH);
            }
        }
        g.setFont(m.small());
        g.setFill(p.color(Ink.TEXT));
        double majorH = Math.round(ruler * 0.42);
        double labelY = Math.round((ruler - 1 - majorH) / 2) + 1;
        boolean playhead = options.playhead() >= 0;
        double[] ph = playhead ? playheadLabel(g) : null;
        for (long t = Math.max(0, RulerTicks.firstTick(s.start() - step, step)); t <= s.end(); t += step) {
            double x = gutter + Math.floor(s.x(t));
            g.fillRect(x, ruler - 1 - majorH, 1, majorH);
            String label = TimeText.tick(t, step);
            double lw = g.textWidth(label, m.small());
            boolean right = x + 4 + lw > gutter + s.width();
            double l0 = right ? x - 3 - lw : x + 4;
            if (ph != null && l0 < ph[1] && l0 + lw > ph[0]) {
                continue;   // the playhead's own label sits there
            }
            g.fillText(label, right ? x - 3 : x + 4, labelY, right ? Painter.Align.RIGHT : Painter.Align.LEFT);
        }
        g.restore();
    }

    /** Where the playhead's time label goes in the ruler: {from, to, x of the line, flipped left (1) or not}. */
    private double[] playheadLabel(Painter g) {
        PictureMetrics m = options.metrics();
        TimeScale s = frame.scale();
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
        TimeScale s = frame.scale();
        double cx = m.gutterWidth() + Math.round(s.x(t)) + 0.5;
        if (cx < m.gutterWidth() - 1 || cx > m.gutterWidth() + s.width() + 1) {
            return;
        }
        double ruler = m.rulerHeight();
        Rgb c = p.color(Ink.PLAYHEAD);
        g.setStroke(c);
        g.setLineWidth(Math.max(2, m.line() + 1));
        g.strokeLine(cx, rulerTop + ruler * 0.35, cx, rowsBottom);
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
            if (line.time() <= frame.horizon()) {
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
