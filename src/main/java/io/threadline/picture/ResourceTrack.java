package io.threadline.picture;

import io.threadline.trace.ResourceInfo;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.ResourceOp;
import io.threadline.trace.ResourceSpans;
import io.threadline.trace.ResourceState;
import io.threadline.trace.SpanSet;
import io.threadline.trace.Trace;
import io.threadline.trace.WaitRole;

import java.util.StringJoiner;

/**
 * A resource's lane (a lock, a semaphore, a queue, a process's GIL ...): over time, who holds
 * it (a span in the holder's colour, named; an RLock's depth as layers on it; a semaphore's
 * permits in use as rows), the items it carries (a box per item from put to take, its text in
 * the putter's colour), who waits for it (a compact stack of thin stretches under the holder, in
 * each waiter's colour) and the moments worth a mark (a GIL's forced switches, notifies, a
 * barrier's passes, a future's result). Drawing visits only the stretches in view and merges
 * those under a pixel, so a frame costs what the lane's width does.
 */
public final class ResourceTrack implements Track {
    /** Rows of waiters drawn; more are counted in the hover card. */
    static final int WAIT_ROWS = 3;
    private static final int MAX_ROWS = 6;

    private final int resource;
    private final ResourceLanes lanes;

    public ResourceTrack(int resource, ResourceLanes lanes) {
        this.resource = resource;
        this.lanes = lanes;
    }

    /** The resource this lane shows. */
    public int resource() {
        return resource;
    }

    private ResourceSpans spans() {
        return lanes.spans(resource);
    }

    /** The rows of the top band: holders' slots, or item rows for a queue. */
    private int topRows() {
        ResourceSpans s = spans();
        int rows = s.kind().carriesItems() ? s.items().slots() : s.holds().slots();
        return Math.max(1, Math.min(MAX_ROWS, rows));
    }

    @Override
    public double height(PictureMetrics m) {
        int extra = Math.max(0, topRows() - 2);
        return m.laneHeight() + extra * Math.round(m.laneHeight() * 0.22);
    }

    // ------------------------------------------------------------------ geometry

    /** [top, height] of the band of holders or items. */
    private double[] topBand(TrackContext ctx) {
        double pad = Math.max(3, Math.round(ctx.metrics().barPadding() * 0.6));
        // room above for the marks (forced switches, notifies ...) where the lane has them
        double marks = spans().markCount() > 0 ? markSize(ctx) + 1 : 0;
        double waitH = waitBand(ctx)[1];
        return new double[] {pad + marks, ctx.height() - 2 * pad - marks - waitH - 2};
    }

    /** [top, height] of the band of waiters, at the bottom. */
    private double[] waitBand(TrackContext ctx) {
        double row = Math.max(3, Math.round(ctx.metrics().laneHeight() * 0.085));
        double h = WAIT_ROWS * row;
        double pad = Math.max(3, Math.round(ctx.metrics().barPadding() * 0.6));
        return new double[] {ctx.height() - pad - h, h, row};
    }

    private static double markSize(TrackContext ctx) {
        return Math.max(4, Math.round(ctx.metrics().capRadius() * 0.8));
    }

    private long tMin(TrackContext ctx) {
        return (long) Math.floor(ctx.scale().startTime());
    }

    private long tMax(TrackContext ctx) {
        return Math.min(ctx.horizon(), (long) Math.ceil(ctx.scale().endTime()));
    }

    // ------------------------------------------------------------------ painting

    @Override
    public void paint(TrackContext ctx) {
        Trace trace = ctx.trace();
        ResourceInfo info = trace.resource(resource);
        Painter g = ctx.painter();
        g.beginGroup(info.kind().title() + " " + info.name());
        if (info.gilOff()) {
            g.setFont(ctx.metrics().small());
            g.setFill(ctx.theme().color(Ink.MUTED_TEXT));
            g.fillText("GIL off: this process's threads run in parallel, no one waits for a GIL", 8,
                    Math.round(ctx.height() / 2), Painter.Align.LEFT);
            g.endGroup();
            return;
        }
        ResourceSpans s = spans();
        double[] top = topBand(ctx);
        if (s.kind() == ResourceKind.EVENT) {
            paintSet(ctx, s.flag(), top[0], top[1]);
        }
        if (s.kind().carriesItems()) {
            paintRows(ctx, s.items(), top[0], top[1], true);
        } else if (s.kind().held()) {
            paintRows(ctx, s.holds(), top[0], top[1], false);
            if (s.kind().reentrant()) {
                paintDepth(ctx, s, top[0], top[1]);
            }
        }
        double[] wb = waitBand(ctx);
        paintWaits(ctx, s.waits(), wb[0], wb[2]);
        paintMarks(ctx, s, top[0], top[1]);
        g.endGroup();
    }

    /** Holdings (or items) on their slots, a row each, merged where several share a pixel. */
    private void paintRows(TrackContext ctx, SpanSet set, double top, double height, boolean items) {
        Painter g = ctx.painter();
        PictureTheme p = ctx.theme();
        int rows = topRows();
        double gap = rows > 1 ? 1 : 0;
        double rowH = (height - gap * (rows - 1)) / rows;
        TextStyle font = rowH >= ctx.metrics().smallSize() + 2 ? ctx.metrics().smallBold() : null;
        ColumnRuns dense = new ColumnRuns(g);
        for (int slot = 0; slot < set.slots(); slot++) {
            double y = top + (slot % rows) * (rowH + gap);
            dense.row(y, rowH);
            walk(ctx, set, slot, false, 1.5, dense, (id, x0, x1) -> {
                dense.flush();
                double left = Math.max(x0, -4);
                double right = Math.min(x1, ctx.width() + 4);
                g.setFill(ThreadColors.of(p, set.thread(id)));
                g.fillRoundRect(left, y, right - left, rowH, Math.min(6, rowH));
                if (font != null && right - left > 16) {
                    String text = items ? ctx.trace().string(set.extra(id)) : ctx.trace().thread(set.thread(id)).name();
                    g.setFont(font);
                    g.setFill(ThreadColors.textOn(p, set.thread(id)));
                    double lx = Math.max(left, 0) + 5;
                    double room = Math.min(right, ctx.width()) - lx - 4;
                    String fit = TextFit.fit(g, font, room, text, items ? null : initials(text));
                    if (fit == null) {
                        fit = TextFit.ellipsize(g, text, font, room);
                    }
                    if (!fit.isEmpty()) {
                        g.fillText(fit, lx, y + rowH / 2, Painter.Align.LEFT);
                    }
                }
            });
        }
        dense.flush();
    }

    /** A short name for a narrow span: "Checker-12" → "C12", "Thread-3" → "T3", else "". */
    static String initials(String name) {
        int d = name.length();
        while (d > 0 && Character.isDigit(name.charAt(d - 1))) {
            d--;
        }
        return d == name.length() || name.isEmpty() ? null : name.charAt(0) + name.substring(d);
    }

    /** The lane squeezed into one strip (the folded row's overview): holdings or items, every slot on one row. */
    void paintStrip(TrackContext ctx, double y, double h) {
        ResourceSpans s = spans();
        SpanSet set = s.kind().carriesItems() ? s.items() : s.kind() == ResourceKind.EVENT ? s.flag()
                : s.kind().held() ? s.holds() : s.waits();
        Painter g = ctx.painter();
        ColumnRuns runs = new ColumnRuns(g);
        for (int slot = 0; slot < set.slots(); slot++) {
            runs.row(y, h);
            walk(ctx, set, slot, set == s.waits(), 1, runs, (id, x0, x1) -> {
                double left = Math.max(-2, x0);
                runs.column(left, Math.min(ctx.width() + 2, x1) - left, ThreadColors.of(ctx.theme(), set.thread(id)));
            });
        }
        runs.flush();
    }

    /** A stretch wide enough to draw as itself, from x0 to x1. */
    private interface Wide {
        void draw(int id, double x0, double x1);
    }

    /**
     * Visits the stretches of one slot in view: each at least {@code minWidth} pixels wide goes to
     * {@code wide}; narrower ones become one-pixel columns of {@code dense}, in the thread's colour,
     * or the colour of "mixed" where several start in the same pixel, which it skips by search.
     * A stretch's ends are its threads' moments ({@code waits}: a wait's begin and end, else what
     * its holder or putter did), so on the steps axis they sit in those threads' own steps.
     */
    private static void walk(TrackContext ctx, SpanSet set, int slot, boolean waits, double minWidth,
                             ColumnRuns dense, Wide wide) {
        TimeScale sc = ctx.scale();
        long t1 = Math.min(ctx.horizon(), (long) Math.ceil(sc.endTime()));
        int n = set.slotSize(slot);
        int k = set.firstEndingFrom(slot, (long) Math.floor(sc.startTime()));
        while (k < n) {
            int id = set.slotSpan(slot, k);
            long from = set.start(id);
            if (from > t1) {
                break;
            }
            int who = set.thread(id);
            long end = set.endOr(id, ctx.horizon());
            double x0 = waits ? sc.waitStartX(who, from) : sc.actionX(who, from);
            double x1;
            if (end >= ctx.horizon()) {
                x1 = sc.x(ctx.horizon());
            } else if (waits) {
                x1 = sc.waitEndX(who, end);
            } else {
                x1 = sc.actionX(set.closer(id) >= 0 ? set.closer(id) : who, end);
            }
            if (x1 - x0 >= minWidth) {
                wide.draw(id, x0, x1);
                k++;
                continue;
            }
            int px = (int) Math.floor(x0);
            long next = (long) Math.ceil(sc.time(px + 1));
            int k2 = Math.max(k + 1, set.firstStartingAfter(slot, next - 1));
            if (x1 > x0 || k2 - k > 1) {
                dense.column(px, 1, k2 - k > 1 ? ctx.theme().color(Ink.MIXED) : ThreadColors.of(ctx.theme(), set.thread(id)));
            }
            k = k2;
        }
    }

    /** An RLock's depth beyond 1: a thin layer on top of the holder's span per extra level. */
    private void paintDepth(TrackContext ctx, ResourceSpans s, double top, double height) {
        Painter g = ctx.painter();
        TimeScale sc = ctx.scale();
        double layer = Math.max(2, Math.round(height * 0.12));
        g.setFill(ctx.theme().color(Ink.BACKGROUND));
        g.setAlpha(0.55);
        for (int i = 0; i < s.depthChanges(); i++) {
            int d = s.depthValue(i);
            long from = s.depthTime(i);
            if (from > tMax(ctx)) {
                break;
            }
            long to = i + 1 < s.depthChanges() ? s.depthTime(i + 1) : ctx.horizon();
            to = Math.min(to, ctx.horizon());
            if (d < 2 || to < tMin(ctx)) {
                continue;
            }
            double x0 = Math.max(-2, sc.x(from));
            double x1 = Math.min(ctx.width() + 2, sc.x(to));
            if (x1 - x0 < 1) {
                continue;
            }
            for (int level = 1; level < Math.min(d, 5); level++) {
                g.fillRect(x0 + 2, top + level * (layer + 1) - 1, Math.max(0, x1 - x0 - 4), 1);
            }
            if (x1 - x0 > 40) {
                g.setAlpha(1);
                g.setFont(ctx.metrics().small());
                ResourceState at = ctx.trace().resourceLane(resource).stateAt(from);
                g.setFill(ThreadColors.textOn(ctx.theme(), at.holderCount() > 0 ? at.holder(0) : 0));
                g.fillText("depth " + d, Math.min(x1, ctx.width()) - 5, top + height / 2, Painter.Align.RIGHT);
                g.setFill(ctx.theme().color(Ink.BACKGROUND));
                g.setAlpha(0.55);
            }
        }
        g.setAlpha(1);
    }

    /** An event's flag: a band where it is set. */
    private void paintSet(TrackContext ctx, SpanSet flag, double top, double height) {
        Painter g = ctx.painter();
        TimeScale sc = ctx.scale();
        for (int k = flag.slots() == 0 ? 0 : flag.firstEndingFrom(0, tMin(ctx)); flag.slots() > 0
                && k < flag.slotSize(0); k++) {
            int id = flag.slotSpan(0, k);
            if (flag.start(id) > tMax(ctx)) {
                break;
            }
            double x0 = Math.max(-2, sc.x(flag.start(id)));
            double x1 = Math.min(ctx.width() + 2, sc.x(Math.min(flag.endOr(id, ctx.horizon()), ctx.horizon())));
            // a neutral band: the flag belongs to no thread, and the state colours are the lanes'
            g.setFill(ctx.theme().color(Ink.COUNTER_FILL));
            g.fillRoundRect(x0, top, Math.max(1.5, x1 - x0), height, 6);
            g.setStroke(ctx.theme().color(Ink.COUNTER));
            g.setLineWidth(1);
            g.strokeRoundRect(x0 + 0.5, top + 0.5, Math.max(0.5, x1 - x0 - 1), height - 1, 6);
            if (x1 - x0 > 30) {
                g.setFont(ctx.metrics().smallBold());
                g.setFill(ctx.theme().color(Ink.COUNTER));
                g.fillText("set", Math.max(x0, 0) + 5, top + height / 2, Painter.Align.LEFT);
            }
        }
    }

    /** Waits as thin stretches in the waiter's colour, a row per slot (the first few). */
    private void paintWaits(TrackContext ctx, SpanSet waits, double top, double row) {
        Painter g = ctx.painter();
        PictureTheme p = ctx.theme();
        ColumnRuns dense = new ColumnRuns(g);
        for (int slot = 0; slot < Math.min(WAIT_ROWS, waits.slots()); slot++) {
            dense.row(top + slot * row, row - 1);
            walk(ctx, waits, slot, true, 1, dense, (id, x0, x1) -> {
                double left = Math.max(-2, x0);
                dense.column(left, Math.min(ctx.width() + 2, x1) - left, ThreadColors.of(p, waits.thread(id)));
            });
        }
        dense.flush();
    }

    /** Forced switches, notifies, passes, results and timeouts: a small triangle over the band. */
    private void paintMarks(TrackContext ctx, ResourceSpans s, double top, double height) {
        Painter g = ctx.painter();
        TimeScale sc = ctx.scale();
        double r = markSize(ctx);
        double lastX = Double.NEGATIVE_INFINITY;
        for (int i = s.firstMarkFrom(tMin(ctx)); i < s.markCount(); i++) {
            long t = s.markTime(i);
            if (t > tMax(ctx)) {
                break;
            }
            double x = Math.round(sc.x(t)) + 0.5;
            if (x - lastX < 2) {
                continue;
            }
            lastX = x;
            g.setFill(ctx.theme().color(s.markOp(i) == ResourceOp.TIMEOUT ? Ink.FAILED : Ink.ACCENT));
            g.fillPolygon(new double[] {x - r, x + r, x}, new double[] {top - r - 1, top - r - 1, top + 1}, 3);
        }
    }

    @Override
    public void paintHeader(TrackContext ctx) {
        Painter g = ctx.painter();
        PictureMetrics m = ctx.metrics();
        PictureTheme p = ctx.theme();
        ResourceInfo info = ctx.trace().resource(resource);
        double mid = ctx.height() / 2;
        double y1 = Math.round(mid - m.fontSize() * 0.55);
        g.setFont(m.bold());
        g.setFill(p.color(Ink.TEXT));
        g.fillText(TextFit.ellipsize(g, info.name(), m.bold(), ctx.width() - 22), 14, y1, Painter.Align.LEFT);
        g.setFont(m.small());
        g.setFill(p.color(Ink.MUTED_TEXT));
        g.fillText(TextFit.ellipsize(g, headerLine(ctx), m.small(), ctx.width() - 22), 14,
                Math.round(mid + m.smallSize() * 0.8), Painter.Align.LEFT);
    }

    /** The kind and, at the horizon, who has it: "Lock · held by A · 2 waiting". */
    private String headerLine(TrackContext ctx) {
        Trace trace = ctx.trace();
        ResourceInfo info = trace.resource(resource);
        StringJoiner out = new StringJoiner(" · ");
        out.add(kindText(info));
        if (info.gilOff()) {
            out.add("off");
            return out.toString();
        }
        ResourceState st = trace.resourceLane(resource).stateAt(ctx.horizon());
        if (info.kind().carriesItems()) {
            out.add(st.itemCount() + (st.itemCount() == 1 ? " item" : " items"));
        } else if (info.kind().shared()) {
            out.add(st.holderCount() + " of " + info.capacity() + " in use");
        } else if (info.kind().held() && st.holderCount() > 0) {
            out.add((info.kind() == ResourceKind.FUTURE ? "run by " : "held by ") + trace.thread(st.holder(0)).name());
        } else if (info.kind() == ResourceKind.EVENT) {
            out.add(st.isSet() ? "set" : "clear");
        }
        if (st.waiterCount() > 0) {
            out.add(st.waiterCount() + (info.kind() == ResourceKind.GIL ? " asking" : " waiting"));
        }
        return out.toString();
    }

    private static String kindText(ResourceInfo info) {
        return switch (info.kind()) {
            case SEMAPHORE, BOUNDED_SEMAPHORE -> info.kind().title() + "(" + info.capacity() + ")";
            case QUEUE -> info.capacity() > 0 ? "Queue(maxsize=" + info.capacity() + ")" : "Queue";
            default -> info.kind().title();
        };
    }

    // ------------------------------------------------------------------ pointer

    @Override
    public String describeAt(TrackContext ctx, double x, double y) {
        Trace trace = ctx.trace();
        ResourceInfo info = trace.resource(resource);
        if (info.gilOff()) {
            return info.name() + ": the GIL is off, so this process's threads run in parallel";
        }
        long t = Math.round(ctx.scale().time(x));
        if (t < 0 || t > ctx.horizon()) {
            return null;
        }
        StringJoiner out = new StringJoiner("\n");
        out.add(info.name() + " (" + kindText(info) + ") at " + TimeText.seconds(t));
        String item = itemAt(ctx, x, y, t);
        if (item != null) {
            out.add(item);
        }
        String mark = markNear(ctx, x);
        if (mark != null) {
            out.add(mark);
        }
        ResourceState st = trace.resourceLane(resource).stateAt(t);
        for (int i = 0; i < st.holderCount(); i++) {
            String depth = info.kind().reentrant() ? " (depth " + st.depth(i) + ")" : "";
            String verb = info.kind() == ResourceKind.FUTURE ? "running its task: " : "held by ";
            out.add(verb + trace.thread(st.holder(i)).name() + depth + " since " + TimeText.seconds(st.heldSince(i)));
        }
        if (info.kind().held() && st.holderCount() == 0 && info.kind() != ResourceKind.FUTURE) {
            out.add("free");
        }
        if (info.kind() == ResourceKind.EVENT) {
            out.add((st.isSet() ? "set" : "clear") + " since " + TimeText.seconds(st.flagSince()));
        }
        if (info.kind().carriesItems()) {
            out.add(st.itemCount() == 0 ? "empty" : st.itemCount() + (st.itemCount() == 1 ? " item" : " items")
                    + " waiting to be taken");
        }
        for (int i = 0; i < st.waiterCount(); i++) {
            String how = st.role(i) == WaitRole.WAITS ? "" : " (" + st.role(i).label() + ")";
            out.add((i + 1) + ". " + trace.thread(st.waiter(i)).name() + (info.kind() == ResourceKind.GIL
                    ? " asks for it" : " waits") + how + " since " + TimeText.seconds(st.waitingSince(i)));
        }
        if (st.waiterCount() > 0) {
            out.add("click a waiter's stretch to go to its lane");
        }
        return out.toString();
    }

    /** The item under the pointer of a queue's lane: which, put by whom, taken by whom. */
    private String itemAt(TrackContext ctx, double x, double y, long t) {
        ResourceSpans s = spans();
        if (!s.kind().carriesItems()) {
            return null;
        }
        double[] top = topBand(ctx);
        int rows = topRows();
        int row = (int) Math.floor((y - top[0]) / (top[1] / rows));
        if (row < 0 || row >= rows) {
            return null;
        }
        SpanSet items = s.items();
        for (int slot = row; slot < items.slots(); slot += rows) {
            int id = items.at(slot, t);
            if (id >= 0 && items.start(id) <= ctx.horizon()) {
                Trace trace = ctx.trace();
                String taken = items.end(id) == SpanSet.OPEN || items.end(id) > ctx.horizon() ? "not taken yet"
                        : items.closer(id) < 0 ? "dropped at " + TimeText.seconds(items.end(id))
                        : "taken by " + trace.thread(items.closer(id)).name() + " at " + TimeText.seconds(items.end(id));
                return "item " + (id + 1) + ": " + trace.string(items.extra(id)) + " — put by "
                        + trace.thread(items.thread(id)).name() + " at " + TimeText.seconds(items.start(id)) + ", " + taken;
            }
        }
        return null;
    }

    private String markNear(TrackContext ctx, double x) {
        ResourceSpans s = spans();
        Trace trace = ctx.trace();
        long from = Math.round(ctx.scale().time(x - 4));
        for (int i = s.firstMarkFrom(from); i < s.markCount(); i++) {
            if (ctx.scale().x(s.markTime(i)) > x + 4) {
                break;
            }
            String who = trace.thread(s.markThread(i)).name();
            String at = " at " + TimeText.seconds(s.markTime(i));
            int arg = s.markArg(i);
            return switch (s.markOp(i)) {
                case FORCED -> "forced switch" + at + ": " + who + "'s switch interval was up and "
                        + trace.thread(arg).name() + " asked for the GIL";
                case NOTIFY -> who + " notified" + at + ", waking " + arg;
                case PASS -> who + " arrived last" + at + ": everyone goes on";
                case DONE -> who + " set the result" + at + ": " + trace.string(arg);
                case TIMEOUT -> who + " gave up waiting" + at + " (timeout)";
                default -> null;
            };
        }
        return null;
    }

    /** The thread of the holding, item or wait under a point of the body, or -1 (clicks go to its lane). */
    public int threadAt(TrackContext ctx, double x, double y) {
        ResourceSpans s = spans();
        long t = Math.round(ctx.scale().time(x));
        if (t > ctx.horizon()) {
            return -1;
        }
        double[] wb = waitBand(ctx);
        if (y >= wb[0] - 1) {
            int slot = (int) Math.floor((y - wb[0]) / wb[2]);
            int id = slot >= 0 && slot < s.waits().slots() ? s.waits().at(slot, t) : -1;
            // the rows are a few pixels each: a click beside one takes the first waiter there
            for (int k = 0; id < 0 && k < s.waits().slots(); k++) {
                id = s.waits().at(k, t);
            }
            return id < 0 ? -1 : s.waits().thread(id);
        }
        SpanSet set = s.kind().carriesItems() ? s.items() : s.holds();
        double[] top = topBand(ctx);
        int rows = topRows();
        int row = (int) Math.floor((y - top[0]) / (top[1] / rows));
        for (int slot = Math.max(0, row); row >= 0 && slot < set.slots(); slot += rows) {
            int id = set.at(slot, t);
            if (id >= 0) {
                return set.thread(id);
            }
        }
        return -1;
    }

    @Override
    public String describeHeader(TrackContext ctx) {
        ResourceInfo info = ctx.trace().resource(resource);
        String what = switch (info.kind()) {
            case GIL -> info.gilOff() ? "the GIL is off" : "who holds this process's GIL, who asks for it (runnable"
                    + " threads), and each forced switch at the end of a switch interval (▼)";
            case LOCK, RLOCK -> "who holds the lock (a span in the holder's colour) and who waits for it, in order";
            case SEMAPHORE, BOUNDED_SEMAPHORE -> "the permits in use (a row each) and who waits for one";
            case QUEUE, PIPE, POOL_RESULTS -> "its items, from put to take, in the putter's colour; and who waits";
            case CONDITION -> "who waits to be notified; ▼ marks each notify";
            case EVENT -> "when the flag is set, and who waits for it";
            case BARRIER -> "who waits at the barrier; ▼ marks each time it lets everyone through";
            case FUTURE -> "the worker running its task, who waits for the result; ▼ the result";
        };
        return info.name() + " — " + kindText(info) + "\n" + what + "\nThreads keep one colour in every resource lane.";
    }
}
