package io.threadline.ui.timeline;

import io.threadline.picture.LaneBins;
import io.threadline.picture.SpanText;
import io.threadline.picture.TimeScale;
import io.threadline.picture.TimeText;
import io.threadline.trace.LaneColumns;
import io.threadline.trace.ThreadInfo;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/** A thread's lane: its states over time, binned per pixel column, with labels and an end cap. */
final class ThreadTrack implements Track {
    private static final double LABEL_PAD = 6;
    /** Least room for a label in a busy lane (one painted from a {@link LaneStrip}). */
    private static final double BUSY_LABEL_ROOM = 60;

    private final int thread;
    private final boolean indented;
    private final LaneBins bins = new LaneBins();
    // what the bins were computed for, so hover answers from what is on screen
    private TimeScale binnedScale;
    private long binnedHorizon = Long.MIN_VALUE;
    private int binnedSize = -1;

    ThreadTrack(int thread, boolean indented) {
        this.thread = thread;
        this.indented = indented;
    }

    @Override
    public int thread() {
        return thread;
    }

    @Override
    public double height(TimelineMetrics m) {
        return m.laneHeight();
    }

    /** The bins for the context's scale and horizon (recomputed only if they changed). */
    LaneBins bins(TrackContext ctx) {
        LaneColumns lane = ctx.trace().lane(thread);
        int size = lane.size();
        int w = (int) Math.ceil(ctx.width());
        if (!ctx.scale().equals(binnedScale) || ctx.horizon() != binnedHorizon || size != binnedSize
                || bins.width() != w) {
            bins.bin(lane, size, ctx.horizon(), ctx.scale(), w);
            binnedScale = ctx.scale();
            binnedHorizon = ctx.horizon();
            binnedSize = size;
        }
        return bins;
    }

    @Override
    public void render(TrackContext ctx) {
        GraphicsContext gc = ctx.gc();
        TimelineMetrics m = ctx.metrics();
        TimelinePalette p = ctx.palette();
        if (ctx.selected() == thread) {
            gc.setFill(p.color(PaletteKey.SELECTION));
            gc.fillRect(0, 0, ctx.width(), ctx.height());
        }
        LaneBins b = bins(ctx);
        LaneColumns lane = ctx.trace().lane(thread);
        int w = b.width();
        double barTop = m.barPadding();
        double barHeight = ctx.height() - 2 * m.barPadding();
        ThreadState hi = ctx.highlighted();
        List<int[]> labelled = new ArrayList<>();
        // a busy lane's bars are painted as one image: a few shapes per run would cost far more
        LaneStrip strip = runs(b, w) >= LaneStrip.MIN_RUNS ? LaneStrip.begin(p, m, w, barTop, barHeight) : null;

        int x = 0;
        while (x < w) {
            byte kind = b.kind(x);
            if (kind == LaneBins.EMPTY) {
                x++;
                continue;
            }
            ThreadState s = b.state(x);
            // a merged column's event is found only when asked (hover): not needed to draw it
            int ev = kind == LaneBins.PURE ? b.event(x) : -1;
            int x1 = x + 1;
            while (x1 < w && b.kind(x1) == kind && b.state(x1) == s && (kind != LaneBins.PURE || b.event(x1) == ev)) {
                x1++;
            }
            gc.setGlobalAlpha(hi == null || hi == s ? 1 : 0.18);
            if (kind == LaneBins.PURE) {
                // a span cut by the view's edge shows no outline there: it goes on
                double left = x == 0 && lane.time(ev) < ctx.scale().start() ? -4 : x;
                // ...nor where it is still going on (a living thread's last span)
                boolean ongoing = ev == b.size() - 1 && lane.state(ev) != ThreadState.DEAD;
                double right = x1 == w || ongoing ? x1 + 4 : x1;
                if (strip != null) {
                    strip.span(s, left, right, hi == null || hi == s ? 1 : 0.18);
                } else {
                    StatePainter.span(gc, p, m, s, left, right, barTop, barHeight);
                }
                labelled.add(new int[] {x, x1, ev});
            } else if (strip != null) {
                double alpha = hi == null || hi == s ? 1 : 0.18;
                strip.mergedSpan(s, x, x1, alpha);
                if (x1 - x >= 3) {
                    strip.mixedBand(x, x1, alpha);
                }
            } else {
                StatePainter.mergedSpan(gc, p, s, x, x1, barTop, barHeight);
                if (x1 - x >= 3) {
                    // dense stretch: a strip says "several states here, zoom in"
                    gc.setFill(p.color(PaletteKey.MIXED));
                    gc.fillRect(x, barTop + barHeight - 3, x1 - x, 3);
                }
            }
            x = x1;
        }
        if (strip != null) {
            gc.setGlobalAlpha(1);
            strip.draw(gc);
        }
        gc.setGlobalAlpha(hi == null || hi == ThreadState.RUNNING ? 1 : 0.18);
        gc.setFill(p.color(PaletteKey.RUNNING));
        double tickWidth = Math.max(2, m.line() + 1);
        for (int c = 0; c < w; c++) {
            if (b.instantRun(c)) {
                // the thread ran for an instant of scenario time: a thin running tick
                gc.fillRect(c, barTop, tickWidth, barHeight);
            }
        }
        gc.setGlobalAlpha(1);
        // each label is a text layout on the render thread: a busy lane keeps only the roomy ones
        drawLabels(ctx, labelled, lane, barTop, barHeight, strip != null ? BUSY_LABEL_ROOM : 12);
        drawCap(ctx, b, lane);
        drawNewMark(ctx, b, lane);
    }

    /**
     * A thread created and started at the same instant (or nearly) is new for no visible time: a
     * dotted ring at its lane's start says it was new there, instead of the state vanishing.
     */
    private void drawNewMark(TrackContext ctx, LaneBins b, LaneColumns lane) {
        double cx = newMarkX(ctx, b, lane);
        if (Double.isNaN(cx)) {
            return;
        }
        ThreadState hi = ctx.highlighted();
        ctx.gc().setGlobalAlpha(hi == null || hi == ThreadState.NEW ? 1 : 0.25);
        StatePainter.newMark(ctx.gc(), ctx.palette(), ctx.metrics(), cx, Math.round(ctx.height() / 2),
                ctx.metrics().capRadius());
        ctx.gc().setGlobalAlpha(1);
    }

    /** The x of the "new for an instant" ring, or NaN when the new span shows for itself (or is off screen). */
    private double newMarkX(TrackContext ctx, LaneBins b, LaneColumns lane) {
        if (b.size() < 2 || lane.state(0) != ThreadState.NEW) {
            return Double.NaN;
        }
        double r = ctx.metrics().capRadius();
        double x0 = ctx.scale().x(lane.time(0));
        double x1 = ctx.scale().x(lane.time(1));
        if (x1 - x0 >= 2 * r + 4) {
            return Double.NaN;
        }
        double cx = Math.round(x0);
        return cx < -2 * r || cx > ctx.width() + 2 * r ? Double.NaN : cx;
    }

    /** Runs of columns drawn alike: a new one wherever the kind or state changes. */
    private static int runs(LaneBins b, int w) {
        int runs = 0;
        byte prevKind = LaneBins.EMPTY;
        ThreadState prev = null;
        for (int x = 0; x < w; x++) {
            byte k = b.kind(x);
            ThreadState s = b.state(x);
            if (k != LaneBins.EMPTY && (k != prevKind || s != prev)) {
                runs++;
            }
            prevKind = k;
            prev = s;
        }
        return runs;
    }

    private void drawLabels(TrackContext ctx, List<int[]> runs, LaneColumns lane, double barTop, double barHeight,
                            double minRoom) {
        GraphicsContext gc = ctx.gc();
        Font font = ctx.metrics().small();
        gc.setFont(font);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        double y = Math.round(barTop + barHeight / 2);
        ThreadState hi = ctx.highlighted();
        for (int[] r : runs) {
            double room = r[1] - r[0] - 2 * LABEL_PAD;
            if (room < minRoom) {
                continue;
            }
            ThreadState s = lane.state(r[2]);
            String text = ctx.text().fit(font, room, SpanText.labels(ctx.trace(), lane, r[2]));
            if (text == null) {
                continue;
            }
            StateLook look = StateLook.of(s);
            double tx = r[0] + LABEL_PAD;
            gc.setGlobalAlpha(hi == null || hi == s ? 1 : 0.35);
            if (look.shape() == StateLook.Shape.HATCHED) {
                // stripes behind letters hurt reading: give the label a calm ground
                double tw = ctx.text().width(text, font);
                gc.setFill(ctx.palette().color(PaletteKey.RUNNABLE_FILL));
                double h = Math.round(font.getSize() + 4);
                gc.fillRect(tx - 3, Math.round(y - h / 2), Math.ceil(tw) + 6, h);
            }
            gc.setFill(ctx.palette().color(look.text()));
            gc.fillText(text, Math.round(tx), y);
        }
        gc.setGlobalAlpha(1);
    }

    private void drawCap(TrackContext ctx, LaneBins b, LaneColumns lane) {
        int size = b.size();
        if (size == 0 || lane.state(size - 1) != ThreadState.DEAD) {
            return;
        }
        double r = ctx.metrics().capRadius();
        double cx = Math.round(ctx.scale().x(b.laneEnd()));
        if (cx < -2 * r || cx > ctx.width() + 2 * r) {
            return;
        }
        ThreadState hi = ctx.highlighted();
        ctx.gc().setGlobalAlpha(hi == null || hi == ThreadState.DEAD ? 1 : 0.25);
        StatePainter.cap(ctx.gc(), ctx.palette(), lane.reason(size - 1), cx, Math.round(ctx.height() / 2), r);
        ctx.gc().setGlobalAlpha(1);
    }

    /** The x of this lane's end cap, or NaN if it has none on screen. */
    double capX(TrackContext ctx) {
        LaneBins b = bins(ctx);
        LaneColumns lane = ctx.trace().lane(thread);
        if (b.size() == 0 || lane.state(b.size() - 1) != ThreadState.DEAD) {
            return Double.NaN;
        }
        return Math.round(ctx.scale().x(b.laneEnd()));
    }

    @Override
    public String describeAt(TrackContext ctx, double x, double y) {
        LaneBins b = bins(ctx);
        Trace trace = ctx.trace();
        double cap = capX(ctx);
        if (!Double.isNaN(cap) && Math.abs(x - cap) <= ctx.metrics().capRadius() + 3) {
            return SpanText.describeDeath(trace, thread, b.size() - 1);
        }
        double ring = newMarkX(ctx, b, trace.lane(thread));
        if (!Double.isNaN(ring) && Math.abs(x - ring) <= ctx.metrics().capRadius() + 3) {
            return SpanText.describeNewInstant(trace, thread);
        }
        int c = (int) Math.floor(x);
        switch (b.kind(c)) {
            case LaneBins.PURE:
                return SpanText.describeSpan(trace, thread, b.event(c), b.size(), b.laneEnd());
            case LaneBins.MIXED: {
                LaneColumns lane = trace.lane(thread);
                double t0 = ctx.scale().time(c);
                int cover = LaneBins.lastAtOrBefore(lane, b.size(), (long) Math.ceil(t0) - 1, 0);
                int to = cover + b.changes(c);
                return SpanText.describeMerged(trace, thread, Math.max(cover, 0), to, t0, ctx.scale().time(c + 1));
            }
            default:
                return null;
        }
    }

    /** What is drawn at body x: the column's state and whether several spans merged there. */
    DrawnState drawnAt(TrackContext ctx, double x) {
        LaneBins b = bins(ctx);
        int c = (int) Math.floor(x);
        ThreadState s = b.state(c);
        if (s == null) {
            return null;
        }
        return new DrawnState(thread, s, b.kind(c) == LaneBins.MIXED, b.instantRun(c), b.event(c));
    }

    // ---- header

    @Override
    public void renderHeader(TrackContext ctx) {
        GraphicsContext gc = ctx.gc();
        TimelineMetrics m = ctx.metrics();
        TimelinePalette p = ctx.palette();
        ThreadInfo info = ctx.trace().thread(thread);
        boolean selected = ctx.selected() == thread;
        if (selected) {
            gc.setFill(p.color(PaletteKey.SELECTION));
            gc.fillRect(0, 0, ctx.width(), ctx.height());
            gc.setFill(p.color(PaletteKey.ACCENT));
            gc.fillRect(0, 0, Math.max(4, m.line() * 3), ctx.height());
        }
        double x = indented ? 24 : 14;
        double y = Math.round(ctx.height() / 2);
        Font badgeFont = m.smallBold();
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(m.bold());
        gc.setFill(p.color(PaletteKey.TEXT));
        double room = ctx.width() - x - 8;
        String name = ctx.text().ellipsize(info.name(), m.bold(), room);
        gc.fillText(name, x, y);
        // the name matters most: badges follow only as far as they fit
        double bx = x + ctx.text().width(name, m.bold()) + 8;
        for (String badge : badges(info)) {
            double bw = ctx.text().width(badge, badgeFont) + 12;
            if (bx + bw > ctx.width() - 6) {
                break;
            }
            bx += badge(ctx, badge, bx, y) + 6;
        }
    }

    private static List<String> badges(ThreadInfo info) {
        List<String> out = new ArrayList<>();
        if (info.role() != ThreadRole.THREAD) {
            out.add(info.role().label());
        }
        if (info.daemon()) {
            out.add("daemon");
        }
        return out;
    }

    /** A small pill; "main" is filled so the program's own thread is found at a glance. Returns its width. */
    private static double badge(TrackContext ctx, String text, double x, double cy) {
        GraphicsContext gc = ctx.gc();
        TimelinePalette p = ctx.palette();
        Font f = ctx.metrics().smallBold();
        double tw = Math.ceil(ctx.text().width(text, f));
        double h = Math.round(f.getSize() + 6);
        double w = tw + 12;
        double top = Math.round(cy - h / 2);
        double left = Math.round(x);
        Color accent = p.color(PaletteKey.ACCENT);
        if (text.equals("main")) {
            gc.setFill(accent);
            gc.fillRoundRect(left, top, w, h, h, h);
            gc.setFill(p.color(PaletteKey.BACKGROUND));
        } else {
            gc.setStroke(p.color(PaletteKey.MUTED_TEXT));
            gc.setLineWidth(1);
            gc.strokeRoundRect(left + 0.5, top + 0.5, w - 1, h - 1, h, h);
            gc.setFill(p.color(PaletteKey.MUTED_TEXT));
        }
        gc.setFont(f);
        gc.fillText(text, left + 6, cy);
        return w;
    }

    @Override
    public String describeHeader(TrackContext ctx) {
        ThreadInfo info = ctx.trace().thread(thread);
        StringBuilder s = new StringBuilder(info.name());
        s.append(" — ").append(switch (info.role()) {
            case MAIN -> "the main thread";
            case WORKER -> "a pool worker";
            case HELPER -> "a pool helper thread";
            case PROCESS -> "the main thread of a child process";
            case TASK -> "an asyncio task of " + (info.parent() >= 0 ? ctx.trace().thread(info.parent()).name()
                    : "an event loop");
            case THREAD -> "a thread";
        });
        if (info.daemon()) {
            s.append(", daemon (killed when the last non-daemon thread ends)");
        }
        s.append("\nprocess ").append(ctx.trace().process(info.process()).name());
        LaneColumns lane = ctx.trace().lane(thread);
        if (lane.size() > 0) {
            s.append("\ncreated at ").append(TimeText.seconds(lane.time(0)));
        }
        if (lane.isDead()) {
            s.append(", ").append(lane.reason(lane.size() - 1).label()).append(" at ")
                    .append(TimeText.seconds(lane.time(lane.size() - 1)));
        }
        return s.toString();
    }
}
