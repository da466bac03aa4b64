package io.threadline.picture;

import io.threadline.trace.CauseLink;

import java.util.List;

/**
 * Paints the timeline's rows and its ruler through a {@link Painter}: the window's frame and
 * every exported picture are painted by these two methods. Row bands and grid, each visible
 * track's body under the time scale, cause arrows, then the fixed gutter of headers; the ruler on
 * its strip. Only rows inside the band asked for are touched; each track's cost follows its
 * width in pixels.
 */
public final class TimelineRenderer {
    private TimelineRenderer() {
    }

    /**
     * Which cause arrows to draw: none, all (the focused thread's stand out) or only the focused
     * thread's.
     */
    public record Arrows(boolean on, boolean focusOnly, int focus) {
        public static final Arrows NONE = new Arrows(false, false, -1);
        public static final Arrows ALL = new Arrows(true, false, -1);
    }

    /**
     * Paints the rows between y = {@code from} and {@code to} of the painter (the lanes' area:
     * gutter and body, the full width); content y = 0 lies at painter y = {@code top}, which
     * scrolling moves. The base context carries the scale (its width is the body's), the look and
     * the view's state. Returns the cause arrows drawn.
     */
    public static List<CauseLink> paintRows(TrackContext base, TimelineRows rows, double top, double from, double to,
                                            Arrows arrows) {
        return paintRows(base, rows, top, from, to, arrows, null);
    }

    /** As above; the cause arrows' labels drawn are added to {@code labels} (painter coordinates), if not null. */
    public static List<CauseLink> paintRows(TrackContext base, TimelineRows rows, double top, double from, double to,
                                            Arrows arrows, List<CauseArrows.Label> labels) {
        Painter g = base.painter();
        PictureTheme p = base.theme();
        double gutter = base.metrics().gutterWidth();
        double bodyW = base.scale().width();
        double h = to - from;

        // bands and grid under everything
        g.save();
        g.clip(gutter, from, bodyW, h);
        int lane = 0;
        for (TimelineRows.Row r : rows.rows()) {
            double y = top + r.y();
            if (r.track().thread() >= 0 && lane++ % 2 == 1 && visible(y, r.height(), from, to)) {
                g.setFill(p.color(Ink.LANE_ALT));
                g.fillRect(gutter, y, bodyW, r.height());
            }
        }
        grid(g, base, gutter, from, to);
        callDividers(g, base, rows, gutter, from, to);
        for (TimelineRows.Row r : rows.rows()) {
            double y = top + r.y();
            if (!visible(y, r.height(), from, to)) {
                continue;
            }
            g.save();
            g.translate(gutter, y);
            r.track().paint(base.with(g, bodyW, r.height()));
            g.restore();
            g.setFill(p.color(Ink.GRID));
            g.fillRect(gutter, y + r.height() - 1, bodyW, 1);
        }
        List<CauseLink> drawn = List.of();
        rows.arrowShafts().clear();
        if (arrows.on()) {
            g.save();
            g.translate(gutter, 0);
            drawn = CauseArrows.paint(base.with(g, bodyW, h), rows, top, from, to, arrows.focusOnly(), arrows.focus(),
                    labels, gutter);
            if (!arrows.focusOnly()) {
                HandoverArrows.paint(base.with(g, bodyW, h), rows, top, from, to);
            }
            g.restore();
        }
        g.restore();

        // the gutter stays put while the body pans
        g.save();
        g.clip(0, from, gutter, h);
        g.setFill(p.color(Ink.GUTTER));
        g.fillRect(0, from, gutter, h);
        for (TimelineRows.Row r : rows.rows()) {
            double y = top + r.y();
            if (!visible(y, r.height(), from, to)) {
                continue;
            }
            g.save();
            g.translate(0, y);
            r.track().paintHeader(base.with(g, gutter - 1, r.height()));
            g.restore();
            g.setFill(p.color(Ink.GRID));
            g.fillRect(0, y + r.height() - 1, gutter, 1);
        }
        g.restore();
        g.setFill(p.color(Ink.BORDER));
        g.fillRect(gutter - 1, from, 1, h);
        return drawn;
    }

    /**
     * The steps axis's ruler: a minor tick between steps where they are wide enough to tell
     * apart, a major tick where time moves on, labelled with its seconds where there is room.
     */
    private static void stepsRuler(Painter g, TimeScale s, PictureMetrics m, PictureTheme p, double keepFrom,
                                   double keepTo) {
        double ruler = m.rulerHeight();
        double gutter = m.gutterWidth();
        StepTicks ticks = StepTicks.of(s, m.labelSpacing());
        g.setFill(p.color(Ink.MUTED_TEXT));
        double minorH = Math.round(ruler * 0.18);
        for (double x : ticks.minor()) {
            g.fillRect(gutter + Math.floor(x), ruler - 1 - minorH, 1, minorH);
        }
        g.setFont(m.small());
        g.setFill(p.color(Ink.TEXT));
        double majorH = Math.round(ruler * 0.42);
        double labelY = Math.round((ruler - 1 - majorH) / 2) + 1;
        double[] xs = ticks.labelled();
        long[] times = ticks.times();
        for (int i = 0; i < xs.length; i++) {
            double x = gutter + Math.floor(xs[i]);
            g.fillRect(x, ruler - 1 - majorH, 1, majorH);
            // an instant falls at any microsecond: its seconds to the millisecond read best
            String label = TimeText.seconds(Math.round(times[i] / 1000.0) * 1000);
            double lw = g.textWidth(label, m.small());
            boolean right = x + 4 + lw > gutter + s.width();
            double l0 = right ? x - 3 - lw : x + 4;
            if (l0 < keepTo && l0 + lw > keepFrom) {
                continue;
            }
            g.fillText(label, right ? x - 3 : x + 4, labelY, right ? Painter.Align.RIGHT : Painter.Align.LEFT);
        }
    }

    private static boolean visible(double y, double h, double from, double to) {
        return y + h > from && y < to;
    }

    /**
     * A dashed line across the lanes where a later pool call begins (imap_unordered after map):
     * one run shows two calls one after the other, and the class should see where the second starts.
     */
    private static void callDividers(Painter g, TrackContext base, TimelineRows rows, double gutter, double y0,
                                     double y1) {
        TimeScale s = base.scale();
        g.setStroke(base.theme().color(Ink.MUTED_TEXT));
        g.setLineWidth(1);
        g.setLineDashes(5, 4);
        for (long t : rows.callDividers()) {
            if (t >= s.startTime() && t <= s.endTime() && t <= base.horizon()) {
                double x = gutter + Math.floor(s.x(t)) + 0.5;
                g.strokeLine(x, y0, x, y1);
            }
        }
        g.setLineDashes(0, 0);
    }

    private static void grid(Painter g, TrackContext base, double gutter, double y0, double y1) {
        TimeScale s = base.scale();
        if (s.steps() != null) {
            g.setFill(base.theme().color(Ink.GRID));
            for (double x : StepTicks.of(s, base.metrics().labelSpacing()).labelled()) {
                g.fillRect(gutter + Math.floor(x), y0, 1, y1 - y0);
            }
            return;
        }
        long step = RulerTicks.step(s.microsPerPixel(), base.metrics().labelSpacing());
        g.setFill(base.theme().color(Ink.GRID));
        for (long t = Math.max(0, RulerTicks.firstTick(s.start(), step)); t <= s.end(); t += step) {
            g.fillRect(gutter + Math.floor(s.x(t)), y0, 1, y1 - y0);
        }
    }

    /**
     * Paints the ruler, {@code metrics.rulerHeight()} tall, with its top-left at the painter's
     * origin: "THREADS" over the gutter, ticks and times over the body. Tick labels that would
     * touch [{@code keepFrom}, {@code keepTo}) (where the playhead's own label sits) are left out.
     */
    public static void paintRuler(Painter g, TimeScale s, PictureMetrics m, PictureTheme p, double width,
                                  double keepFrom, double keepTo) {
        double ruler = m.rulerHeight();
        double gutter = m.gutterWidth();
        g.setFill(p.color(Ink.RULER));
        g.fillRect(0, 0, width, ruler);
        g.setFill(p.color(Ink.BORDER));
        g.fillRect(0, ruler - 1, width, 1);
        g.fillRect(gutter - 1, 0, 1, ruler);
        g.setFont(m.smallBold());
        g.setFill(p.color(Ink.MUTED_TEXT));
        g.fillText("THREADS", 14, Math.round(ruler / 2), Painter.Align.LEFT);

        g.save();
        g.clip(gutter, 0, s.width(), ruler);
        if (s.steps() != null) {
            stepsRuler(g, s, m, p, keepFrom, keepTo);
            g.restore();
            return;
        }
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
        for (long t = Math.max(0, RulerTicks.firstTick(s.start() - step, step)); t <= s.end(); t += step) {
            double x = gutter + Math.floor(s.x(t));
            g.fillRect(x, ruler - 1 - majorH, 1, majorH);
            String label = TimeText.tick(t, step);
            double lw = g.textWidth(label, m.small());
            boolean right = x + 4 + lw > gutter + s.width();
            double l0 = right ? x - 3 - lw : x + 4;
            if (l0 < keepTo && l0 + lw > keepFrom) {
                continue;   // the playhead's own label sits there
            }
            g.fillText(label, right ? x - 3 : x + 4, labelY, right ? Painter.Align.RIGHT : Painter.Align.LEFT);
        }
        g.restore();
    }
}
