package io.threadline.picture;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.ThreadInfo;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread's lane: its states over time, binned per pixel column ({@link LaneBins}), with labels
 * where they fit, a tick where it ran for an instant, the dotted ring of a thread new for no
 * visible time and the end cap; and its header with name and badges. The window and every
 * export draw lanes with this class.
 */
public final class ThreadTrack implements Track {
    private static final double LABEL_PAD = 6;
    /** Padding of a label in a box too tight for {@link #LABEL_PAD}: a short word still fits. */
    private static final double TIGHT_PAD = 3;
    /** Least room for a label in a lane painted from pixels (each label is a text layout). */
    private static final double BUSY_LABEL_ROOM = 60;
    private static final double LABEL_ROOM = 12;
    /** Waits labelled in a lane painted from pixels, at most, each frame. */
    private static final int MAX_BUSY_WAIT_LABELS = 48;
    private static final double FADED = 0.18;
    /** Least height of bar a label laid over a lane leaves showing, in pixels. */
    private static final double MIN_BAR_SHOWN = 4;

    private final int thread;
    private final boolean indented;
    /** Width of the process's rail beside an indented lane's header (the header band's colour). */
    static final double RAIL = 8;
    private final LaneBins bins = new LaneBins();
    private final LaneStrip strip = new LaneStrip();
    private final List<int[]> labelled = new ArrayList<>();
    /** The span labels of the last frame painted, {x, y, w, h} in the row's coordinates. */
    private final List<double[]> spanLabels = new ArrayList<>();
    /** The stretches of bar (and instant ticks) of the last frame painted, {x0, x1}. */
    private final List<double[]> drawnRuns = new ArrayList<>();
    /** The end cap and the "new for an instant" ring of the last frame painted, {x, y, w, h}. */
    private final List<double[]> marks = new ArrayList<>();
    private double drawnBarTop;
    private double drawnBarBottom;
    // what the bins were computed for, so hover answers from what is on screen
    private TimeScale binnedScale;
    private long binnedHorizon = Long.MIN_VALUE;
    private int binnedSize = -1;

    public ThreadTrack(int thread, boolean indented) {
        this.thread = thread;
        this.indented = indented;
    }

    @Override
    public int thread() {
        return thread;
    }

    @Override
    public double height(PictureMetrics m) {
        return m.laneHeight();
    }

    /** The bins for the context's scale and horizon (recomputed only if they changed). */
    public LaneBins bins(TrackContext ctx) {
        LaneColumns lane = ctx.trace().lane(thread);
        int size = lane.size();
        int w = (int) Math.ceil(ctx.width());
        if (!ctx.scale().equals(binnedScale) || ctx.horizon() != binnedHorizon || size != binnedSize
                || bins.width() != w) {
            TransitionOrder steps = ctx.scale().steps();
            bins.bin(lane, steps == null ? null : steps.steps(thread), size, ctx.horizon(), ctx.scale(), w);
            binnedScale = ctx.scale();
            binnedHorizon = ctx.horizon();
            binnedSize = size;
        }
        return bins;
    }

    @Override
    public void paint(TrackContext ctx) {
        Painter g = ctx.painter();
        PictureTheme p = ctx.theme();
        g.beginGroup(title(ctx.trace()));
        if (ctx.selected() == thread) {
            g.setFill(p.color(Ink.SELECTION));
            g.fillRect(0, 0, ctx.width(), ctx.height());
        }
        LaneBins b = bins(ctx);
        LaneColumns lane = ctx.trace().lane(thread);
        bars(ctx, b, lane);
        drawCap(ctx, b, lane);
        drawNewMark(ctx, b, lane);
        g.endGroup();
    }

    /**
     * Space above and below the bars: the metrics', or less in a lane squeezed so low that its
     * bars would be lower than their words (a projector showing 16 lanes): the bars take the
     * padding first, down to a pixel, before their words outgrow them.
     */
    static double barPadding(TrackContext ctx) {
        double pad = ctx.metrics().barPadding();
        double least = StateMarks.laneLeast(ctx.metrics());
        if (ctx.height() - 2 * pad >= least) {
            return pad;
        }
        return Math.max(1, Math.floor((ctx.height() - least) / 2));
    }

    private void bars(TrackContext ctx, LaneBins b, LaneColumns lane) {
        Painter g = ctx.painter();
        PictureMetrics m = ctx.metrics();
        PictureTheme p = ctx.theme();
        int w = b.width();
        double barTop = barPadding(ctx);
        double barHeight = ctx.height() - 2 * barTop;
        labelled.clear();
        spanLabels.clear();
        drawnRuns.clear();
        marks.clear();
        drawnBarTop = barTop;
        drawnBarBottom = barTop + barHeight;
        // a busy lane's bars are painted as one block of pixels where the surface has them
        PixelBlock block = null;
        if (runs(b, w) >= LaneStrip.MIN_RUNS) {
            strip.begin(p, m, w, barTop, barHeight);
            block = g.pixels(w, strip.height());
        }
        LaneStrip s = block == null ? null : strip;

        int x = 0;
        while (x < w) {
            byte kind = b.kind(x);
            if (kind == LaneBins.EMPTY) {
                x++;
                continue;
            }
            ThreadState state = b.state(x);
            // a merged column's event is found only when asked (hover): not needed to draw it
            int ev = kind == LaneBins.PURE ? b.event(x) : -1;
            int x1 = x + 1;
            while (x1 < w && b.kind(x1) == kind && b.state(x1) == state
                    && (kind != LaneBins.PURE || b.event(x1) == ev)) {
                x1++;
            }
            double alpha = ctx.alpha(state, FADED);
            // a merged stretch holds spans thinner than a pixel: nothing may lie over it
            drawnRuns.add(new double[] {x, kind == LaneBins.PURE ? x1 : x + 0.5});
            if (kind == LaneBins.PURE) {
                // a span cut by the view's edge shows no outline there: it goes on
                double left = x == 0 && ctx.scale().eventPosition(ctx.trace(), thread, ev) < ctx.scale().start() ? -4 : x;
                // ...nor where it is still going on (a living thread's last span), which ends at
                // the horizon: the lane is not drawn past what was recorded
                boolean ongoing = ev == b.size() - 1 && lane.state(ev) != ThreadState.DEAD;
                double right = x1 == w || ongoing ? x1 + 4 : x1;
                if (ongoing) {
                    right = Math.min(right, Math.floor(ctx.scale().xOfPosition(b.endPosition())) + 1);
                }
                if (s != null) {
                    s.span(state, left, right, alpha);
                } else {
                    g.setAlpha(alpha);
                    StateMarks.laneSpan(g, p, m, state, left, right, barTop, barHeight);
                }
                labelled.add(new int[] {x, x1, ev});
            } else if (s != null) {
                s.mergedSpan(state, x, x1, alpha);
                if (x1 - x >= 3) {
                    s.mixedBand(x, x1, alpha);
                }
            } else {
                g.setAlpha(alpha);
                StateMarks.mergedSpan(g, p, state, x, x1, barTop, barHeight, StateMarks.laneLeast(m));
                if (x1 - x >= 3) {
                    // dense stretch: a strip says "several states here, zoom in"
                    g.setFill(p.color(Ink.MIXED));
                    g.fillRect(x, barTop + barHeight - 3, x1 - x, 3);
                }
            }
            x = x1;
        }
        g.setAlpha(1);
        if (s != null) {
            s.draw(block);
        }
        instantTicks(ctx, b, barTop);
        heavyOutlines(ctx, lane, barTop, barHeight);
        // each label is a text layout on the render thread: a busy lane keeps only the roomy ones
        drawLabels(ctx, b, lane, barTop, barHeight, s != null ? BUSY_LABEL_ROOM : LABEL_ROOM);
    }

    /**
     * Where the thread ran for no scenario time (woken and back to waiting at one instant): a
     * hairline tick above the bar, never a fill, so a lane's colours keep following its time
     * however many instants a column holds.
     */
    private void instantTicks(TrackContext ctx, LaneBins b, double barTop) {
        Painter g = ctx.painter();
        double tick = Math.max(1, Math.round(ctx.metrics().line()));
        double top = Math.max(1, Math.round(barTop * 0.25));
        g.setAlpha(ctx.alpha(ThreadState.RUNNING, FADED));
        g.setFill(ctx.theme().color(Ink.RUNNING));
        int w = b.width();
        for (int c = 0; c < w; c++) {
            if (b.instantRun(c)) {
                int c1 = c + 1;
                while (c1 < w && b.instantRun(c1)) {
                    c1++;
                }
                g.fillRect(c, top, c1 - c == 1 ? tick : c1 - c, barTop + 1 - top);
                drawnRuns.add(new double[] {c, c1});
                c = c1;
            }
        }
        g.setAlpha(1);
    }

    /**
     * Where the span labels of the last frame painted are, each {x, y, w, h} in the row's
     * coordinates: cause arrows keep their own labels off them.
     */
    public List<double[]> spanLabels() {
        return java.util.Collections.unmodifiableList(spanLabels);
    }

    /** The new ring and end cap of the last frame painted, {x, y, w, h} each in the row's coordinates. */
    @Override
    public List<double[]> marks() {
        return java.util.Collections.unmodifiableList(marks);
    }

    /**
     * Whether a box laid over this lane (an arrow's label, {x, y, w, h} in the row's coordinates,
     * as of the last frame painted) would hide what the lane says: an end cap or a new ring under
     * it, a stretch of bar narrower than the box (it would vanish under it), or so much of the
     * bar's height that no state shows beside it (a lane squeezed on a projector).
     */
    public boolean hides(double x, double y, double w, double h) {
        for (double[] m : marks) {
            if (x < m[0] + m[2] && x + w > m[0] && y < m[1] + m[3] && y + h > m[1]) {
                return true;
            }
        }
        double over = Math.min(y + h, drawnBarBottom) - Math.max(y, drawnBarTop);
        if (over <= 0) {
            return false;
        }
        // a lane too short to show its bar above and below the box takes none over it
        double bar = drawnBarBottom - drawnBarTop;
        if (bar < h + 2 * MIN_BAR_SHOWN || bar - over < Math.max(MIN_BAR_SHOWN, bar * 0.2)) {
            return true;
        }
        for (double[] r : drawnRuns) {
            if (x < r[1] && x + w > r[0] && r[1] - r[0] < w) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether labelled span {@code r} (a shape {@code h} tall) gets a heavy outline {@code lw} more
     * inside its own: only where the lane's words still fit inside it at their size. In a lane
     * squeezed to 25-31 px the heavy outline took the room the words needed, and its boxes wrote
     * 12-14 px beside the 18 px of the thin ones in the same lane (a review of the projector's
     * pictures); there the words say what the wait is on, and the outline is left out.
     */
    private static boolean heavy(TrackContext ctx, LaneColumns lane, int[] r, double lw, double h) {
        int ev = r[2];
        return lane.state(ev) == ThreadState.WAITING && StateStyle.waitsOnAnother(lane.reason(ev))
                && r[1] - r[0] >= 4 * lw + 2 && h >= 4 * lw + 2
                && BoxWords.fits(ctx.metrics().small(), h - 4 * lw);
    }

    /**
     * Waits on another thread get a heavy outline, twice the plain one, drawn inside it over each
     * such span wide enough to show it: a lock, a queue or a join reads apart from a sleep.
     */
    private void heavyOutlines(TrackContext ctx, LaneColumns lane, double barTop, double barHeight) {
        Painter g = ctx.painter();
        StateStyle look = StateStyle.of(ThreadState.WAITING);
        double lw = Math.max(1, Math.round(ctx.metrics().line()));
        double least = StateMarks.laneLeast(ctx.metrics());
        double y = StateMarks.shapeTop(look, barTop, barHeight, least);
        double h = StateMarks.shapeHeight(look, barHeight, least);
        Rgb stroke = ctx.theme().color(look.stroke());
        g.setAlpha(ctx.alpha(ThreadState.WAITING, FADED));
        for (int[] r : labelled) {
            int ev = r[2];
            if (!heavy(ctx, lane, r, lw, h)) {
                continue;
            }
            // the sides only where the span starts or ends in view (a cut span goes on)
            boolean startsHere = ctx.scale().eventX(ctx.trace(), thread, ev) >= r[0] - 1;
            boolean endsHere = ev + 1 < lane.size() && ctx.scale().eventX(ctx.trace(), thread, ev + 1) <= r[1] + 1;
            StateMarks.heavyOutline(g, stroke, lw, r[0], r[1], y, h, startsHere, endsHere);
        }
        g.setAlpha(1);
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

    private void drawLabels(TrackContext ctx, LaneBins b, LaneColumns lane, double barTop, double barHeight,
                            double minRoom) {
        Painter g = ctx.painter();
        TextStyle font = ctx.metrics().small();
        g.setFont(font);
        double least = StateMarks.laneLeast(ctx.metrics());
        // the ring of a thread new for an instant sits on its first span: the words start after it
        double ring = newMarkX(ctx, b, lane);
        double clear = Double.isNaN(ring) ? Double.NEGATIVE_INFINITY : ring + ctx.metrics().capRadius() + 2;
        // the end mark sits on the last span's end: its words stop before it (executor's "get",
        // process-data's "sleep 0.2 s" ran under the dot; a review of the projector's pictures)
        double cap = capX(ctx);
        double capLeft = Double.isNaN(cap) ? Double.POSITIVE_INFINITY : cap - ctx.metrics().capRadius() - 1;
        int waitsBusy = 0;
        for (int[] r : labelled) {
            double from = Math.max(r[0], clear - LABEL_PAD);
            double to = capLeft < r[1] && capLeft > r[0] ? capLeft : r[1];
            double room = to - from - 2 * LABEL_PAD;
            ThreadState s = lane.state(r[2]);
            // a wait's reason is worth a label even in a busy lane, up to a bound on the text laid out
            boolean wait = s == ThreadState.WAITING && room >= LABEL_ROOM - LABEL_PAD
                    && (minRoom == LABEL_ROOM || waitsBusy++ < MAX_BUSY_WAIT_LABELS);
            if (room < minRoom && !wait) {
                continue;
            }
            StateStyle look = StateStyle.of(s);
            // the label keeps within its shape's outline: a squeezed lane's shapes are first made
            // as tall as their words (StateMarks.laneLeast, barPadding), and where even that is
            // short the words' ground is the shape's inside, never over its outline. Over it, the
            // outline stopped at each word and went on after it, as if broken; outlined, the
            // ground read as a box of its own (two reviews of the projector's pictures). The
            // letters too (BoxWords): a heavy outline is drawn only where they fit inside it at
            // their size (heavy), and a box lower than even that takes a smaller size
            double shapeTop = StateMarks.shapeTop(look, barTop, barHeight, least);
            double shapeH = StateMarks.shapeHeight(look, barHeight, least);
            double lw = Math.max(1, Math.round(ctx.metrics().line()));
            double edge = look.shape() == StateStyle.Shape.SOLID ? 0 : heavy(ctx, lane, r, lw, shapeH) ? 2 * lw : lw;
            double inside = shapeH - 2 * edge;
            TextStyle words = BoxWords.style(font, inside);
            String[] candidates = SpanText.labels(ctx.trace(), lane, r[2]);
            String text = TextFit.fit(g, words, room, candidates);
            double pad = LABEL_PAD;
            if (text == null && s == ThreadState.WAITING) {
                // a wait's reason is the story: its shortest word, closer to the edges
                pad = TIGHT_PAD;
                from = Math.max(r[0], clear - pad);
                text = TextFit.fit(g, words, to - from - 2 * pad - 1, candidates[candidates.length - 1]);
            }
            if (text == null) {
                continue;
            }
            double tx = from + pad;
            double labelH = Math.min(Math.round(words.size() + 4), inside);
            double gy = shapeTop + edge + Math.floor((inside - labelH) / 2);
            double ty = BoxWords.y(words, shapeTop + edge, inside, Math.round(gy + labelH / 2));
            double tw = Math.ceil(g.textWidth(text, words));
            // the fifth: the words' size, so that a lane's labels can be checked for one size
            spanLabels.add(new double[] {tx - 3, gy, tw + 6, labelH, words.size()});
            g.setAlpha(ctx.alpha(s, 0.35));
            if (look.shape() == StateStyle.Shape.HATCHED) {
                // stripes behind letters hurt reading: give the label a calm ground
                g.setFill(ctx.theme().color(Ink.RUNNABLE_FILL));
                g.fillRect(tx - 3, gy, tw + 6, labelH);
            }
            g.setFill(ctx.theme().color(look.text()));
            g.setFont(words);
            g.fillText(text, Math.round(tx), ty, Painter.Align.LEFT);
        }
        g.setAlpha(1);
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
        Painter g = ctx.painter();
        double r = ctx.metrics().capRadius();
        marks.add(new double[] {cx - r - 1, Math.round(ctx.height() / 2) - r - 1, 2 * r + 2, 2 * r + 2});
        g.setAlpha(ctx.alpha(ThreadState.NEW, 0.25));
        StateMarks.newMark(g, ctx.theme(), ctx.metrics(), cx, Math.round(ctx.height() / 2), r);
        g.setAlpha(1);
    }

    /**
     * The x of the "new for an instant" ring, or NaN when the new span shows for itself (or is off
     * screen). A thread that also ends within the ring's width (made, run and dead in an instant)
     * would have its end cap drawn under the ring: the two sit side by side about the instant.
     */
    private double newMarkX(TrackContext ctx, LaneBins b, LaneColumns lane) {
        double ring = ringAt(ctx, b, lane);
        if (Double.isNaN(ring)) {
            return ring;
        }
        return Double.isNaN(sharedInstant(ctx, b, lane, ring)) ? ring : ring - sideBySide(ctx);
    }

    /** Where ring and cap would meet (the cap's x), or NaN when they do not: see {@link #newMarkX}. */
    private double sharedInstant(TrackContext ctx, LaneBins b, LaneColumns lane, double ring) {
        double cap = capAt(ctx, b, lane);
        return Double.isNaN(ring) || Double.isNaN(cap) || Math.abs(cap - ring) >= 2 * sideBySide(ctx) ? Double.NaN : cap;
    }

    /** How far ring and cap each move from a shared instant: a radius and a pixel of air. */
    private static double sideBySide(TrackContext ctx) {
        return ctx.metrics().capRadius() + 1;
    }

    private double ringAt(TrackContext ctx, LaneBins b, LaneColumns lane) {
        if (b.size() < 2 || lane.state(0) != ThreadState.NEW) {
            return Double.NaN;
        }
        double r = ctx.metrics().capRadius();
        double x0 = ctx.scale().eventX(ctx.trace(), thread, 0);
        double x1 = ctx.scale().eventX(ctx.trace(), thread, 1);
        if (x1 - x0 >= 2 * r + 4) {
            return Double.NaN;
        }
        double cx = Math.round(x0);
        return cx < -2 * r || cx > ctx.width() + 2 * r ? Double.NaN : cx;
    }

    private void drawCap(TrackContext ctx, LaneBins b, LaneColumns lane) {
        double cx = capX(ctx);
        double r = ctx.metrics().capRadius();
        if (Double.isNaN(cx) || cx < -2 * r || cx > ctx.width() + 2 * r) {
            return;
        }
        Painter g = ctx.painter();
        marks.add(new double[] {cx - r - 1, Math.round(ctx.height() / 2) - r - 1, 2 * r + 2, 2 * r + 2});
        g.setAlpha(ctx.alpha(ThreadState.DEAD, 0.25));
        StateMarks.cap(g, ctx.theme(), lane.reason(b.size() - 1), cx, Math.round(ctx.height() / 2), r);
        endWords(ctx, lane.detail(b.size() - 1), cx + r + 5);
        g.setAlpha(1);
    }

    /**
     * How the thread ended, in words after its end mark where the lane has room for them: the
     * exception it raised, the signal that ended its process, the sys.exit that gave its process's
     * exit code. processes' lesson is Process-2's exit code 3, and its lane ended with a plain dot.
     */
    private void endWords(TrackContext ctx, int detail, double x) {
        String words = detail < 0 ? null : ctx.trace().string(detail);
        if (words == null || words.isEmpty() || x > ctx.width()) {
            return;
        }
        Painter g = ctx.painter();
        TextStyle font = ctx.metrics().small();
        // words that start before the playhead stop short of it: run across it, they were struck
        // through by its line, and they wrote into time that had not happened yet (pool-the-rest)
        double horizon = Math.round(ctx.scale().x(ctx.horizon()));
        double end = x < horizon ? Math.min(horizon - 6, ctx.width() - 4) : ctx.width() - 4;
        // whole words or none: "ValueErr…" and "terminat…" read as words of their own (the hover card has them all)
        String fit = TextFit.ellipsizeWords(g, words, font, end - x);
        if (fit.isEmpty()) {
            return;
        }
        double y = Math.round(ctx.height() / 2);
        double w = Math.ceil(g.textWidth(fit, font));
        double h = Math.round(font.size() + 4);
        spanLabels.add(new double[] {x - 2, Math.round(y - h / 2), w + 4, h});
        g.setFont(font);
        g.setFill(ctx.theme().color(Ink.MUTED_TEXT));
        g.fillText(fit, Math.round(x), y, Painter.Align.LEFT);
    }

    /** The x of this lane's end cap (beside a ring at the same instant), or NaN if the thread has not ended by the horizon. */
    public double capX(TrackContext ctx) {
        LaneBins b = bins(ctx);
        LaneColumns lane = ctx.trace().lane(thread);
        double cap = capAt(ctx, b, lane);
        return Double.isNaN(sharedInstant(ctx, b, lane, ringAt(ctx, b, lane))) ? cap : cap + sideBySide(ctx);
    }

    private double capAt(TrackContext ctx, LaneBins b, LaneColumns lane) {
        if (b.size() == 0 || lane.state(b.size() - 1) != ThreadState.DEAD) {
            return Double.NaN;
        }
        return Math.round(ctx.scale().xOfPosition(b.endPosition()));
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

    // ---- header

    @Override
    public void paintHeader(TrackContext ctx) {
        Painter g = ctx.painter();
        PictureMetrics m = ctx.metrics();
        PictureTheme p = ctx.theme();
        ThreadInfo info = ctx.trace().thread(thread);
        if (indented) {
            // the header band's colour down the gutter of its process's lanes: where the process
            // ends, and that the lanes after it (flush left) are not its threads
            g.setFill(p.color(Ink.PROCESS_HEADER));
            g.fillRect(0, 0, RAIL, ctx.height());
        }
        // a selected lane's ground and accent over it (the rail would hide the accent)
        if (ctx.selected() == thread) {
            g.setFill(p.color(Ink.SELECTION));
            g.fillRect(0, 0, ctx.width(), ctx.height());
            g.setFill(p.color(Ink.ACCENT));
            g.fillRect(0, 0, Math.max(4, m.line() * 3), ctx.height());
        }
        double x = indented ? 24 : 14;
        double y = Math.round(ctx.height() / 2);
        // the thread's own colour, the one its holdings, waits and items have in the resource
        // lanes and its name has in the output: the key from those lanes back to this one
        double sw = Math.max(8, Math.round(m.fontSize() * 0.62));
        g.setFill(ThreadColors.of(p, thread));
        g.fillRoundRect(x, y - sw / 2, sw, sw, Math.round(sw * 0.35));
        x += sw + Math.round(sw * 0.6);
        g.setFont(m.bold());
        g.setFill(p.color(Ink.TEXT));
        String name = TextFit.ellipsize(g, info.name(), m.bold(), ctx.width() - x - 8);
        g.fillText(name, x, y, Painter.Align.LEFT);
        // the name matters most: badges follow only as far as they fit
        double bx = x + g.textWidth(name, m.bold()) + 8;
        for (String badge : badges(ctx.trace(), info)) {
            double bw = g.textWidth(badge, m.smallBold()) + 12;
            if (bx + bw > ctx.width() - 6) {
                break;
            }
            bx += badge(ctx, badge, bx, y) + 6;
        }
    }

    private List<String> badges(Trace trace, ThreadInfo info) {
        List<String> out = new ArrayList<>();
        String process = trace.process(info.process()).name();
        boolean ownProcess = !indented && trace.processCount() > 1 && info.role() != ThreadRole.MAIN;
        if (ownProcess && !process.equals(info.name())) {
            // a process of one thread has no header row: its lane names it
            out.add(process);
        } else if (ownProcess && info.role() != ThreadRole.PROCESS) {
            // named after its process (a pool's ForkPoolWorker-1): say it is one, first, so that
            // a lane below another process's header is not read as one of its threads
            out.add(ThreadRole.PROCESS.label());
        }
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
        Painter g = ctx.painter();
        PictureTheme p = ctx.theme();
        TextStyle font = ctx.metrics().smallBold();
        double tw = Math.ceil(g.textWidth(text, font));
        double h = Math.round(font.size() + 6);
        double w = tw + 12;
        double top = Math.round(cy - h / 2);
        double left = Math.round(x);
        if (text.equals("main")) {
            g.setFill(p.color(Ink.ACCENT));
            g.fillRoundRect(left, top, w, h, h);
            g.setFill(p.color(Ink.BACKGROUND));
        } else {
            g.setStroke(p.color(Ink.MUTED_TEXT));
            g.setLineWidth(1);
            g.strokeRoundRect(left + 0.5, top + 0.5, w - 1, h - 1, h);
            g.setFill(p.color(Ink.MUTED_TEXT));
        }
        g.setFont(font);
        g.fillText(text, left + 6, cy, Painter.Align.LEFT);
        return w;
    }

    /** What a lane shows, for an SVG tooltip. */
    private String title(Trace trace) {
        ThreadInfo info = trace.thread(thread);
        return info.name() + " (" + info.role().label() + (info.daemon() ? ", daemon" : "") + ")";
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
