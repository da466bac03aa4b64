package io.threadline.picture;

import io.threadline.trace.ResourceKind;
import io.threadline.trace.Trace;
import io.threadline.trace.WaitForGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The wait-for graph at one moment as a picture, for the window's panel and for export: threads
 * in a column on the left, what they wait for on the right, an arrow from each waiting thread to
 * the resource it waits for (dashed) and from each resource to its holder (solid), a join as an
 * arrow between two threads. A deadlock's cycle is drawn in red and named under the graph, from
 * the moment it closes. GIL lanes are left out (their waiters are only runnable, never stuck);
 * threads that wait for nothing and hold nothing are listed on one line. A key under the heading
 * says which line is which, so an edge's own word is drawn only where it has room: two words
 * on one spot (a thread that waits and holds) would be read as neither.
 */
public final class WaitForGraphPicture {
    private static final double PAD = 12;
    private static final double GAP = 8;

    private final Trace trace;
    private final WaitForGraph graph;
    private final double width;
    private final PictureTheme theme;
    private final PictureMetrics metrics;
    private final List<WaitForGraph.Node> threads = new ArrayList<>();
    private final List<WaitForGraph.Node> resources = new ArrayList<>();
    private final List<WaitForGraph.Edge> edges = new ArrayList<>();
    private final List<String> idle = new ArrayList<>();
    private final List<String> caption = new ArrayList<>();
    private final double nodeHeight;
    private final double height;
    /** Label boxes drawn so far in this paint, {x, y, w, h}: a label that would touch one is left out. */
    private final List<double[]> labelled = new ArrayList<>();

    private WaitForGraphPicture(Trace trace, WaitForGraph graph, double width, PictureTheme theme,
                                PictureMetrics metrics) {
        this.trace = trace;
        this.graph = graph;
        this.width = width;
        this.theme = theme;
        this.metrics = metrics;
        Set<WaitForGraph.Node> linked = new LinkedHashSet<>();
        for (WaitForGraph.Edge e : graph.edges()) {
            if (gil(e.from()) || gil(e.to())) {
                continue;
            }
            edges.add(e);
            linked.add(e.from());
            linked.add(e.to());
        }
        List<WaitForGraph.Node> waitedFor = new ArrayList<>();
        for (WaitForGraph.Node n : graph.nodes()) {
            if (n.thread() && linked.contains(n)) {
                threads.add(n);
            } else if (n.thread()) {
                idle.add(trace.thread(n.id()).name());
            } else if (linked.contains(n)) {
                waitedFor.add(n);
            }
        }
        placeResources(waitedFor);
        if (graph.hasDeadlock()) {
            caption.add("Deadlock: the cycle closed at " + TimeText.seconds(graph.closedAt(trace)));
            for (String clause : graph.describeCycle(trace).split("; ")) {
                caption.add(clause);
            }
        }
        nodeHeight = Math.round(metrics.fontSize() * 2.1);
        int rows = Math.max(1, Math.max(threads.size(), resources.size()));
        double line = Math.round(metrics.fontSize() * 1.5);
        height = Math.ceil(PAD + line + key() + 6 + rows * (nodeHeight + GAP) + (idle.isEmpty() ? 0 : line)
                + caption.size() * line + PAD);
    }

    /** The graph of {@code trace} at {@code t} (a deadlocked run's end shows the moment before it was stopped). */
    public static WaitForGraphPicture at(Trace trace, long t, double width, PictureTheme theme, PictureMetrics metrics) {
        return new WaitForGraphPicture(trace, WaitForGraph.shownAt(trace, t), Math.max(320, width), theme, metrics);
    }

    /**
     * Puts each resource level with its holder where that row is free, so "holds" runs straight
     * across and the waits cross over to it: a cycle reads as a zigzag between the columns.
     */
    private void placeResources(List<WaitForGraph.Node> all) {
        List<WaitForGraph.Node> rows = new ArrayList<>();
        List<WaitForGraph.Node> rest = new ArrayList<>();
        for (WaitForGraph.Node r : all) {
            int want = -1;
            for (WaitForGraph.Edge e : edges) {
                if (e.from().equals(r) && e.to().thread()) {
                    want = threads.indexOf(e.to());
                    break;
                }
            }
            while (want >= 0 && rows.size() <= want) {
                rows.add(null);
            }
            if (want >= 0 && rows.get(want) == null) {
                rows.set(want, r);
            } else {
                rest.add(r);
            }
        }
        for (WaitForGraph.Node r : rest) {
            int free = rows.indexOf(null);
            if (free >= 0) {
                rows.set(free, r);
            } else {
                rows.add(r);
            }
        }
        resources.addAll(rows);
    }

    private boolean gil(WaitForGraph.Node n) {
        return !n.thread() && trace.resource(n.id()).kind() == ResourceKind.GIL;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public WaitForGraph graph() {
        return graph;
    }

    /** What the picture says, as text (the panel's accessible text, a test's view of it). */
    public String describe() {
        StringJoiner out = new StringJoiner("\n");
        out.add(heading());
        for (WaitForGraph.Edge e : edges) {
            out.add(WaitForGraph.name(trace, e.from()) + " " + (e.label().isEmpty() ? "→" : e.label()) + " "
                    + WaitForGraph.name(trace, e.to()) + (e.inCycle() ? " (cycle)" : ""));
        }
        caption.forEach(out::add);
        return out.toString();
    }

    private String heading() {
        return "Wait-for graph at " + TimeText.seconds(graph.time()) + (graph.hasDeadlock() ? " — deadlock"
                : edges.isEmpty() ? " — nobody waits" : " — no deadlock");
    }

    /** Draws the picture with its top-left corner at the painter's origin. */
    public void paint(Painter g) {
        PictureTheme p = theme;
        PictureMetrics m = metrics;
        g.setAlpha(1);
        g.setFill(p.color(Ink.BACKGROUND));
        g.fillRect(0, 0, width, height);
        double line = Math.round(m.fontSize() * 1.5);
        double y = PAD + line / 2;
        g.setFont(m.bold());
        g.setFill(p.color(graph.hasDeadlock() ? Ink.FAILED : Ink.TEXT));
        g.fillText(TextFit.ellipsize(g, heading(), m.bold(), width - 2 * PAD), PAD, y, Painter.Align.LEFT);
        if (key() > 0) {
            paintKey(g, PAD + line + key() / 2);
        }
        double top = PAD + line + key() + 6;
        labelled.clear();
        double colW = Math.round((width - 2 * PAD) * 0.4);
        double leftX = PAD + 40;
        double rightX = width - PAD - colW;
        Map<WaitForGraph.Node, double[]> boxes = new HashMap<>();
        for (int i = 0; i < threads.size(); i++) {
            boxes.put(threads.get(i), new double[] {leftX, top + i * (nodeHeight + GAP), colW - 40, nodeHeight});
        }
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i) == null) {
                continue;
            }
            boxes.put(resources.get(i), new double[] {rightX, top + i * (nodeHeight + GAP), colW, nodeHeight});
        }
        Set<WaitForGraph.Node> inCycle = new LinkedHashSet<>(graph.cycle());
        // edges under the nodes, the cycle's on top
        for (int pass = 0; pass < 2; pass++) {
            for (WaitForGraph.Edge e : edges) {
                if (e.inCycle() == (pass == 1)) {
                    edge(g, e, boxes.get(e.from()), boxes.get(e.to()));
                }
            }
        }
        g.setLineDashes(0, 0);
        for (WaitForGraph.Node n : threads) {
            node(g, n, boxes.get(n), inCycle.contains(n));
        }
        for (WaitForGraph.Node n : resources) {
            if (n != null) {
                node(g, n, boxes.get(n), inCycle.contains(n));
            }
        }
        int rows = Math.max(1, Math.max(threads.size(), resources.size()));
        y = top + rows * (nodeHeight + GAP) + line / 2;
        g.setFont(m.small());
        if (!idle.isEmpty()) {
            g.setFill(p.color(Ink.MUTED_TEXT));
            g.fillText(TextFit.ellipsize(g, "waiting for nothing: " + String.join(", ", idle), m.small(),
                    width - 2 * PAD), PAD, y, Painter.Align.LEFT);
            y += line;
        }
        for (int i = 0; i < caption.size(); i++) {
            g.setFont(i == 0 ? m.smallBold() : m.small());
            g.setFill(p.color(Ink.FAILED));
            g.fillText(TextFit.ellipsize(g, caption.get(i), i == 0 ? m.smallBold() : m.small(), width - 2 * PAD),
                    PAD, y, Painter.Align.LEFT);
            y += line;
        }
    }

    /** The key's line height: only when there are edges to explain. */
    private double key() {
        return edges.isEmpty() ? 0 : Math.round(metrics.smallSize() * 1.6);
    }

    /** "- - → waits for   —→ is held by": the two kinds of line, in the edges' own strokes. */
    private void paintKey(Painter g, double cy) {
        TextStyle font = metrics.small();
        double sample = 26;
        double x = PAD;
        g.setFont(font);
        String[] words = {"waits for", "is held by"};
        for (int i = 0; i < 2; i++) {
            g.setStroke(theme.color(Ink.ARROW));
            g.setLineWidth(1.5);
            g.setLineDashes(i == 0 ? 5 : 0, i == 0 ? 3 + 1.5 : 0);   // as the edges: widened by the width
            g.strokeLine(x, cy, x + sample, cy);
            g.setLineDashes(0, 0);
            g.setFill(theme.color(Ink.MUTED_TEXT));
            g.fillText(words[i], x + sample + 5, cy, Painter.Align.LEFT);
            x += sample + 5 + g.textWidth(words[i], font) + 18;
        }
    }

    private void node(Painter g, WaitForGraph.Node n, double[] b, boolean cycle) {
        PictureTheme p = theme;
        g.setFill(p.color(n.thread() ? Ink.BACKGROUND : Ink.PROCESS_HEADER));
        g.fillRoundRect(b[0], b[1], b[2], b[3], n.thread() ? b[3] : 6);
        g.setStroke(p.color(cycle ? Ink.FAILED : Ink.BORDER));
        g.setLineWidth(cycle ? 2.5 : 1);
        g.strokeRoundRect(b[0], b[1], b[2], b[3], n.thread() ? b[3] : 6);
        double x = b[0] + 10;
        if (n.thread()) {
            double d = Math.round(b[3] * 0.38);
            g.setFill(ThreadColors.of(p, n.id()));
            g.fillOval(x, b[1] + (b[3] - d) / 2, d, d);
            x += d + 7;
        }
        TextStyle font = metrics.smallBold();
        String name = WaitForGraph.name(trace, n);
        String text = n.thread() ? name : trace.resource(n.id()).kind().title() + " " + name;
        g.setFont(font);
        g.setFill(p.color(cycle ? Ink.FAILED : Ink.TEXT));
        g.fillText(TextFit.ellipsize(g, text, font, b[0] + b[2] - x - 6), x, b[1] + b[3] / 2, Painter.Align.LEFT);
    }

    private void edge(Painter g, WaitForGraph.Edge e, double[] from, double[] to) {
        if (from == null || to == null) {
            return;
        }
        PictureTheme p = theme;
        Rgb c = p.color(e.inCycle() ? Ink.FAILED : Ink.ARROW);
        g.setStroke(c);
        g.setFill(c);
        double lw = e.inCycle() ? 2.5 : 1.5;
        g.setLineWidth(lw);
        // a dash's square ends reach half the line's width into each gap: the gaps are widened by
        // it, or the cycle's thick "waits for" edges were drawn solid in the window, as "is held by"
        double gap = 3 + lw;
        double head = metrics.capRadius() + 1.5;
        if (e.from().thread() && e.to().thread()) {
            // a join: out of the left side of one thread, into the left side of the other
            double x = from[0] - 12;
            double y0 = from[1] + from[3] / 2;
            double y1 = to[1] + to[3] / 2;
            g.setLineDashes(4, gap);
            g.strokePolyline(new double[] {from[0], x, x, to[0] - head}, new double[] {y0, y0, y1, y1}, 4);
            g.setLineDashes(0, 0);
            arrowHead(g, to[0] - head, y1, to[0], y1, head);
            label(g, e.label(), x - 2, (y0 + y1) / 2, Painter.Align.RIGHT);
            return;
        }
        boolean waits = e.from().thread();
        // waits leave the thread's upper half for the resource; holds come back to its lower half
        double x0 = waits ? from[0] + from[2] : from[0];
        double y0 = from[1] + from[3] * (waits ? 0.35 : 0.65);
        double x1 = waits ? to[0] : to[0] + to[2];
        double y1 = to[1] + to[3] * (waits ? 0.35 : 0.65);
        g.setLineDashes(waits ? 5 : 0, waits ? gap : 0);
        double len = Math.hypot(x1 - x0, y1 - y0);
        double bx = x1 - (x1 - x0) / len * head * 1.4;
        double by = y1 - (y1 - y0) / len * head * 1.4;
        g.strokeLine(x0, y0, bx, by);
        g.setLineDashes(0, 0);
        arrowHead(g, bx, by, x1, y1, head);
        // The key above the graph says what a dashed and a solid line are: a plain "waits" or
        // "holds" on each edge only repeated it, and a cycle's crossing edges stacked the words
        // at the crossing (two "waits" one over the other, one "holds" of two). An edge's word is
        // written when it says more: a role, or how often an RLock is held.
        String word = e.label().equals("waits") || e.label().equals("holds") ? "" : e.label();
        // near the thread's end first, where the two kinds of edge are apart (they may cross
        // mid-way); a wait's word above its line, a holding's below, else further along or none
        double off = metrics.smallSize() * 0.75;
        for (double f : waits ? new double[] {0.22, 0.5} : new double[] {0.78, 0.5}) {
            if (label(g, word, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f + (waits ? -off : off),
                    Painter.Align.CENTER)) {
                break;
            }
        }
    }

    private static void arrowHead(Painter g, double bx, double by, double tx, double ty, double head) {
        double len = Math.max(1e-6, Math.hypot(tx - bx, ty - by));
        double ux = (tx - bx) / len;
        double uy = (ty - by) / len;
        double w = head * 0.9;
        g.fillPolygon(new double[] {tx, bx - uy * w, bx + uy * w}, new double[] {ty, by + ux * w, by - ux * w}, 3);
    }

    /** Draws an edge's word unless it would touch one already drawn; true if drawn (or none is needed). */
    private boolean label(Painter g, String text, double x, double y, Painter.Align align) {
        if (text.isEmpty()) {
            return true;
        }
        TextStyle font = metrics.small();
        double w = g.textWidth(text, font);
        double left = align == Painter.Align.CENTER ? x - w / 2 : align == Painter.Align.RIGHT ? x - w : x;
        double[] box = {left - 2, y - font.size() * 0.6, w + 4, font.size() * 1.2};
        for (double[] b : labelled) {
            if (box[0] < b[0] + b[2] && b[0] < box[0] + box[2] && box[1] < b[1] + b[3] && b[1] < box[1] + box[3]) {
                return false;
            }
        }
        labelled.add(box);
        g.setFill(theme.color(Ink.BACKGROUND));
        g.fillRect(box[0], box[1], box[2], box[3]);
        g.setFont(font);
        g.setFill(theme.color(Ink.MUTED_TEXT));
        g.fillText(text, x, y, align);
        return true;
    }
}
