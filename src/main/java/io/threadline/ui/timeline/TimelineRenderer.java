package io.threadline.ui.timeline;

import io.threadline.trace.CauseLink;
import io.threadline.picture.RulerTicks;
import io.threadline.picture.TimeScale;
import io.threadline.picture.TimeText;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * Paints one frame of the timeline on its canvas: row bands and grid, every visible track's body
 * under the time scale, cause arrows, then the fixed gutter of headers; and the ruler on its strip.
 * Only rows on screen are touched; each track's cost follows its width in pixels.
 */
final class TimelineRenderer {
    /** Everything a frame depends on. */
    record Frame(TrackContext base, TimelineRows rows, double width, double height, double scrollY, long playhead,
                 ArrowMode arrows, int focus) {
        double gutter() {
            return base.metrics().gutterWidth();
        }

        double ruler() {
            return base.metrics().rulerHeight();
        }

        double bodyWidth() {
            return base.scale().width();
        }
    }

    /** The cause arrows of the last frame drawn. */
    private List<CauseLink> arrows = List.of();

    List<CauseLink> arrows() {
        return arrows;
    }

    void draw(GraphicsContext gc, Frame f) {
        TrackContext base = f.base();
        TimelinePalette p = base.palette();
        double gutter = f.gutter();
        double ruler = f.ruler();
        double bodyW = f.bodyWidth();
        LaneStrip.nextFrame();
        gc.setGlobalAlpha(1);
        gc.setFill(p.color(PaletteKey.BACKGROUND));
        gc.fillRect(0, 0, f.width(), f.height());
        if (base.trace() == null) {
            arrows = List.of();
            return;
        }
        double top = ruler - f.scrollY();

        // bands and grid under everything
        gc.save();
        clip(gc, gutter, ruler, bodyW, f.height() - ruler);
        int lane = 0;
        for (TimelineRows.Row r : f.rows().rows()) {
            double y = top + r.y();
            if (r.track() instanceof ThreadTrack && lane++ % 2 == 1 && visible(y, r.height(), f)) {
                gc.setFill(p.color(PaletteKey.LANE_ALT));
                gc.fillRect(gutter, y, bodyW, r.height());
            }
        }
        drawGrid(gc, f, ruler, f.height());
        for (TimelineRows.Row r : f.rows().rows()) {
            double y = top + r.y();
            if (!visible(y, r.height(), f)) {
                continue;
            }
            gc.save();
            gc.translate(gutter, y);
            r.track().render(base.with(gc, bodyW, r.height()));
            gc.restore();
            gc.setFill(p.color(PaletteKey.GRID));
            gc.fillRect(gutter, y + r.height() - 1, bodyW, 1);
        }
        gc.save();
        gc.translate(gutter, 0);
        arrows = CauseArrows.draw(gc, base.with(gc, bodyW, f.height()), f.rows(), top, f.arrows(), f.focus());
        gc.restore();
        gc.restore();

        // the gutter stays put while the body pans
        gc.save();
        clip(gc, 0, ruler, gutter, f.height() - ruler);
        gc.setFill(p.color(PaletteKey.GUTTER));
        gc.fillRect(0, ruler, gutter, f.height() - ruler);
        for (TimelineRows.Row r : f.rows().rows()) {
            double y = top + r.y();
            if (!visible(y, r.height(), f)) {
                continue;
            }
            gc.save();
            gc.translate(0, y);
            r.track().renderHeader(base.with(gc, gutter - 1, r.height()));
            gc.restore();
            gc.setFill(p.color(PaletteKey.GRID));
            gc.fillRect(0, y + r.height() - 1, gutter, 1);
        }
        gc.restore();
        gc.setFill(p.color(PaletteKey.BORDER));
        gc.fillRect(gutter - 1, ruler, 1, f.height() - ruler);
    }

    private static boolean visible(double y, double h, Frame f) {
        return y + h > f.ruler() && y < f.height();
    }

    private static void clip(GraphicsContext gc, double x, double y, double w, double h) {
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.closePath();
        gc.clip();
    }

    private static void drawGrid(GraphicsContext gc, Frame f, double y0, double y1) {
        TimeScale s = f.base().scale();
        long step = RulerTicks.step(s.microsPerPixel(), f.base().metrics().labelSpacing());
        gc.setFill(f.base().palette().color(PaletteKey.GRID));
        for (long t = Math.max(0, RulerTicks.firstTick(s.start(), step)); t <= s.end(); t += step) {
            double x = f.gutter() + Math.floor(s.x(t));
            gc.fillRect(x, y0, 1, y1 - y0);
        }
    }

    /** Paints the ruler on its own strip (a second small canvas, redrawn alone when the playhead moves). */
    void drawRuler(GraphicsContext gc, Frame f) {
        TrackContext base = f.base();
        TimelinePalette p = base.palette();
        TimelineMetrics m = base.metrics();
        TimeScale s = base.scale();
        double ruler = f.ruler();
        double gutter = f.gutter();
        gc.setFill(p.color(PaletteKey.RULER));
        gc.fillRect(0, 0, f.width(), ruler);
        gc.setFill(p.color(PaletteKey.BORDER));
        gc.fillRect(0, ruler - 1, f.width(), 1);
        gc.fillRect(gutter - 1, 0, 1, ruler);

        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(m.smallBold());
        gc.setFill(p.color(PaletteKey.MUTED_TEXT));
        gc.fillText("THREADS", 14, Math.round(ruler / 2));

        gc.save();
        clip(gc, gutter, 0, f.bodyWidth(), ruler);
        long step = RulerTicks.step(s.microsPerPixel(), m.labelSpacing());
        int divisions = RulerTicks.minorDivisions(step);
        long minor = Math.max(1, step / divisions);
        gc.setFill(p.color(PaletteKey.MUTED_TEXT));
        double minorH = Math.round(ruler * 0.18);
        for (long t = Math.max(0, RulerTicks.firstTick(s.start(), minor)); t <= s.end(); t += minor) {
            if (t % step != 0) {
                gc.fillRect(gutter + Math.floor(s.x(t)), ruler - 1 - minorH, 1, minorH);
            }
        }
        gc.setFont(m.small());
        gc.setFill(p.color(PaletteKey.TEXT));
        double majorH = Math.round(ruler * 0.42);
        // the playhead's own time label sits in the ruler: tick labels under it would be a smudge
        double phX = gutter + s.x(f.playhead());
        String phText = TimeText.playhead(f.playhead(), s.microsPerPixel());
        double phLabel = base.text().width(phText, m.smallBold()) + 20;
        boolean phLeft = phX + ruler * 0.3 + phLabel > gutter + f.bodyWidth();   // as Playhead.place flips it
        double phFrom = phLeft ? phX - ruler * 0.3 - phLabel : phX - ruler * 0.3;
        double phTo = phLeft ? phX + ruler * 0.3 : phX + ruler * 0.3 + phLabel;
        double labelY = Math.round((ruler - 1 - majorH) / 2) + 1;
        for (long t = Math.max(0, RulerTicks.firstTick(s.start() - step, step)); t <= s.end(); t += step) {
            double x = gutter + Math.floor(s.x(t));
            gc.fillRect(x, ruler - 1 - majorH, 1, majorH);
            String label = TimeText.tick(t, step);
            double lw = base.text().width(label, m.small());
            boolean right = x + 4 + lw > gutter + f.bodyWidth();
            double l0 = right ? x - 3 - lw : x + 4;
            if (l0 < phTo && l0 + lw > phFrom) {
                continue;
            }
            if (right) {
                gc.setTextAlign(TextAlignment.RIGHT);
                gc.fillText(label, x - 3, labelY);
                gc.setTextAlign(TextAlignment.LEFT);
            } else {
                gc.fillText(label, x + 4, labelY);
            }
        }
        gc.restore();
    }
}
