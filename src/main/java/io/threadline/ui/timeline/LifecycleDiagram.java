package io.threadline.ui.timeline;

import io.threadline.picture.Ink;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.StateMarks;
import io.threadline.picture.StateStyle;
import io.threadline.picture.TextStyle;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import javafx.css.PseudoClass;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The five states and the ways between them, drawn in the timeline's looks: new → runnable ⇄
 * running → waiting → runnable, running → dead (and waiting → dead for a daemon killed in its
 * sleep). It shows one thread at one moment ({@link ThreadMoment}): its state is ringed, and the
 * transitions it took at that instant light up, the latest one strongest.
 */
public class LifecycleDiagram extends Region {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    /** Boxes of states other than the thread's own fade back this far. */
    private static final double OTHERS = 0.55;

    /** A way between two states; {@code from} null is the thread's creation. */
    private record Edge(ThreadState from, ThreadState to, String label) {
    }

    private static final List<Edge> EDGES = List.of(
            new Edge(null, ThreadState.NEW, "created"),
            new Edge(ThreadState.NEW, ThreadState.RUNNABLE, "start()"),
            new Edge(ThreadState.RUNNABLE, ThreadState.RUNNING, "scheduled"),
            new Edge(ThreadState.RUNNING, ThreadState.RUNNABLE, "preempted"),
            new Edge(ThreadState.RUNNING, ThreadState.WAITING, "blocks"),
            new Edge(ThreadState.WAITING, ThreadState.RUNNABLE, "woken"),
            new Edge(ThreadState.RUNNING, ThreadState.DEAD, "ends"),
            new Edge(ThreadState.WAITING, ThreadState.DEAD, "killed"));

    private final TimelineView view;
    private final Canvas canvas = new Canvas();
    private final CanvasPainter painter = new CanvasPainter(canvas.getGraphicsContext2D());
    private ThreadMoment moment;

    public LifecycleDiagram(TimelineView view) {
        this.view = view;
        getStyleClass().add("lifecycle-diagram");
        getChildren().add(canvas);
        view.themeProperty().addListener(obs -> redraw());
        view.presentationProperty().addListener(obs -> {
            requestLayout();
            redraw();
        });
        view.darkProperty().addListener((obs, was, now) -> pseudoClassStateChanged(DARK, now));
        setMinHeight(USE_PREF_SIZE);
    }

    /** Shows a thread's moment; null shows the bare diagram. */
    public void show(ThreadMoment m) {
        if (m == null ? moment == null : m.equals(moment)) {
            return;
        }
        moment = m;
        redraw();
    }

    /** The ringed state, or null. */
    public ThreadState state() {
        return moment == null ? null : moment.state();
    }

    /** The lit transitions, oldest first, as "running → waiting" ("created → new" for a creation). */
    public List<String> litTransitions() {
        List<String> out = new ArrayList<>();
        if (moment != null) {
            for (ThreadMoment.Step s : moment.trail()) {
                out.add((s.from() == null ? "created" : s.from().label()) + " → " + s.to().label());
            }
        }
        return out;
    }

    // ---- layout

    /** Positions computed for a width: box rectangles per state and the font sizes that fit. */
    private record Layout(Map<ThreadState, double[]> boxes, TextStyle boxFont, TextStyle edgeFont, double height,
                          double width) {
        double[] box(ThreadState s) {
            return boxes.get(s);
        }
    }

    /*
     * The shape, with dead under running so the top row holds only three boxes (and the text can
     * be large in a narrow side panel):
     *
     *   o-> new --start()--> runnable --scheduled--> running
     *                          ^  <--preempted--     |      |
     *                        woken              blocks     ends
     *                          |                     v      v
     *                          +------ waiting <-----+    dead
     *                                     '----killed---->'
     */
    /** The least text size in presentation mode, the words on the arrows included. */
    static final double PRESENTATION_LEAST = 18;

    private Layout layout(double width) {
        PictureMetrics m = view.metrics();
        double size = m.fontSize() + 2;
        double edgeSize = m.smallSize();
        // a projector's text stays readable from the back of the room, whatever the panel's width
        boolean projector = view.presentationProperty().get();
        double least = projector ? PRESENTATION_LEAST : 9;
        while (true) {
            Layout l = place(m, size, edgeSize, 0);
            if (l.width() > width && size > least) {
                size -= 1;
                edgeSize = Math.max(projector ? PRESENTATION_LEAST : 8, edgeSize - 1);
                continue;
            }
            // spare width widens the gaps a little; the rest centres the diagram
            double spare = Math.max(0, Math.min(width - l.width(), l.width() * 0.4));
            Layout wide = spare > 0 ? place(m, size, edgeSize, spare) : l;
            double left = Math.max(0, Math.floor((width - wide.width()) / 2));
            for (double[] r : wide.boxes().values()) {
                r[0] += left;
            }
            return wide;
        }
    }

    /** The boxes for these font sizes, from x = 0, with {@code spare} pixels shared among the gaps. */
    private Layout place(PictureMetrics m, double size, double edgeSize, double spare) {
        TextStyle box = TextStyle.bold(size);
        TextStyle edge = TextStyle.of(edgeSize);
        double pad = Math.round(size * 0.9);
        double h = Math.round(size * 2.3);
        EnumMap<ThreadState, Double> w = new EnumMap<>(ThreadState.class);
        for (ThreadState s : ThreadState.values()) {
            double extra = s == ThreadState.DEAD ? h * 0.5 : 0;
            w.put(s, Math.ceil(painter.textWidth(s.label(), box)) + 2 * pad + extra);
        }
        double g1 = painter.textWidth("start()", edge) + 16 + spare * 0.4;
        double g2 = Math.max(painter.textWidth("scheduled", edge), painter.textWidth("preempted", edge)) + 16 + spare * 0.6;
        double top = Math.round(edgeSize + 10);
        double bottom = top + h + Math.round(Math.max(40, edgeSize * 3.2));
        Map<ThreadState, double[]> boxes = new EnumMap<>(ThreadState.class);
        double x = Math.round(size * 1.6);
        boxes.put(ThreadState.NEW, new double[] {x, top, w.get(ThreadState.NEW), h});
        x += w.get(ThreadState.NEW) + g1;
        boxes.put(ThreadState.RUNNABLE, new double[] {x, top, w.get(ThreadState.RUNNABLE), h});
        double[] rn = boxes.get(ThreadState.RUNNABLE);
        x += w.get(ThreadState.RUNNABLE) + g2;
        double wr = w.get(ThreadState.RUNNING);
        boxes.put(ThreadState.RUNNING, new double[] {x, top, wr, h});
        double mid = (rn[0] + rn[2] / 2 + x + wr / 2) / 2;
        double ww = w.get(ThreadState.WAITING);
        double waitLeft = Math.round(mid - ww / 2);
        boxes.put(ThreadState.WAITING, new double[] {waitLeft, bottom, ww, h});
        // dead hangs under running's right part, far enough from waiting for the "killed" way between
        double wd = w.get(ThreadState.DEAD);
        double deadLeft = Math.max(x + wr * 0.78 - wd / 2, waitLeft + ww + painter.textWidth("killed", edge) + 16);
        boxes.put(ThreadState.DEAD, new double[] {Math.round(deadLeft), bottom, wd, h});
        double endsX = endsX(boxes);
        double right = Math.max(Math.max(x + wr, deadLeft + wd), endsX + 6 + painter.textWidth("ends", edge)) + 4;
        return new Layout(boxes, box, edge, bottom + h + Math.round(edgeSize) + 8, right);
    }

    /** Where the way from running down to dead leaves running: under dead's middle, or running's right end. */
    private static double endsX(Map<ThreadState, double[]> boxes) {
        double[] ru = boxes.get(ThreadState.RUNNING);
        double[] d = boxes.get(ThreadState.DEAD);
        return Math.round(Math.min(d[0] + d[2] / 2, ru[0] + ru[2] - 10));
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : 400;
        Layout l = layout(w);
        return l.height() * fit(l, w);
    }

    /**
     * The scale that keeps the diagram inside {@code width}: 1, unless even its least text is too
     * wide for the panel (a narrow side panel at 1280x720), where the whole drawing shrinks
     * rather than lose "dead" past the edge. A projector's least text is never shrunk below.
     */
    private double fit(Layout l, double width) {
        return view.presentationProperty().get() || l.width() <= width ? 1 : width / l.width();
    }

    /** The width the diagram takes when drawn at {@code width} (for tests). */
    double drawnWidth(double width) {
        Layout l = layout(width);
        return l.width() * fit(l, width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    // ---- drawing

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        PictureTheme p = view.themeProperty().get();
        Layout l = layout(w);
        ThreadState now = state();
        List<ThreadMoment.Step> trail = moment == null ? List.of() : moment.trail();
        double k = fit(l, w);
        gc.save();
        gc.scale(k, k);

        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        for (Edge e : EDGES) {
            int lit = litIndex(trail, e.from(), e.to());
            drawEdge(gc, p, l, e, lit < 0 ? 0 : lit == trail.size() - 1 ? 2 : 1);
        }
        // a transition the diagram has no way for (killed while runnable, say): a dashed line of its own
        for (int i = 0; i < trail.size(); i++) {
            ThreadMoment.Step s = trail.get(i);
            if (s.from() != null && edge(s.from(), s.to()) == null) {
                drawExtra(gc, p, l, s.from(), s.to(), i == trail.size() - 1);
            }
        }
        for (ThreadState s : ThreadState.values()) {
            drawBox(gc, p, l, s, now == null || now == s ? 1 : OTHERS, now == s);
        }
        gc.restore();
    }

    private static Edge edge(ThreadState from, ThreadState to) {
        for (Edge e : EDGES) {
            if (e.from() == from && e.to() == to) {
                return e;
            }
        }
        return null;
    }

    private static int litIndex(List<ThreadMoment.Step> trail, ThreadState from, ThreadState to) {
        for (int i = trail.size() - 1; i >= 0; i--) {
            if (trail.get(i).from() == from && trail.get(i).to() == to) {
                return i;
            }
        }
        return -1;
    }

    /** @param lit 0 not taken, 1 taken at this instant, 2 the latest transition */
    private void drawEdge(GraphicsContext gc, PictureTheme p, Layout l, Edge e, int lit) {
        Color ink = lit > 0 ? fx(p, Ink.ACCENT) : fx(p, Ink.ARROW);
        double lw = lit == 2 ? 3 : lit == 1 ? 2 : 1.25;
        gc.setGlobalAlpha(lit > 0 ? 1 : 0.6);
        gc.setStroke(ink);
        gc.setFill(ink);
        gc.setLineWidth(lw);
        gc.setLineDashes(e.to() == ThreadState.DEAD && e.from() == ThreadState.WAITING ? new double[] {4, 3} : null);
        double[] a = e.from() == null ? null : l.box(e.from());
        double[] b = l.box(e.to());
        double head = lw + 4;
        double bh = b[3];
        double midA = a == null ? 0 : a[1] + a[3] / 2;
        double lx;
        double ly;
        VPos lv = VPos.BOTTOM;
        TextAlignment la = TextAlignment.CENTER;
        List<double[]> path = new ArrayList<>();
        switch (e.label()) {
            case "created" -> {
                double y = b[1] + bh / 2;
                double x0 = b[0] - Math.round(bh * 0.55);
                gc.fillOval(x0 - 4, y - 4, 8, 8);
                path.add(new double[] {x0 + 4, y});
                path.add(new double[] {b[0], y});
                lx = Double.NaN;
                ly = 0;
            }
            case "scheduled" -> {
                double y = midA - Math.round(bh * 0.18);
                path.add(new double[] {a[0] + a[2], y});
                path.add(new double[] {b[0], y});
                lx = (a[0] + a[2] + b[0]) / 2;
                ly = y - 3;
            }
            case "preempted" -> {
                double y = midA + Math.round(bh * 0.18);
                path.add(new double[] {a[0], y});
                path.add(new double[] {b[0] + b[2], y});
                lx = (a[0] + b[0] + b[2]) / 2;
                ly = y + 3;
                lv = VPos.TOP;
            }
            case "blocks" -> {
                double x = Math.round(a[0] + a[2] * 0.3);
                double y = b[1] + bh / 2 - Math.round(bh * 0.16);
                path.add(new double[] {x, a[1] + a[3]});
                path.add(new double[] {x, y});
                path.add(new double[] {b[0] + b[2], y});
                lx = x - 6;
                ly = (a[1] + a[3] + y) / 2;
                lv = VPos.CENTER;
                la = TextAlignment.RIGHT;
            }
            case "woken" -> {
                double x = b[0] + b[2] / 2;
                double y = a[1] + a[3] / 2;
                path.add(new double[] {a[0], y});
                path.add(new double[] {x, y});
                path.add(new double[] {x, b[1] + bh});
                lx = x - 6;
                ly = (b[1] + bh + y) / 2;
                lv = VPos.CENTER;
                la = TextAlignment.RIGHT;
            }
            case "ends" -> {
                double x = endsX(l.boxes());
                double dx = Math.round(b[0] + b[2] / 2);
                double jog = Math.round((a[1] + a[3] + b[1]) / 2);
                path.add(new double[] {x, a[1] + a[3]});
                if (dx != x) {
                    path.add(new double[] {x, jog});
                    path.add(new double[] {dx, jog});
                }
                path.add(new double[] {dx, b[1]});
                lx = x + 6;
                ly = dx != x ? (a[1] + a[3] + jog) / 2 : jog;
                lv = VPos.CENTER;
                la = TextAlignment.LEFT;
            }
            case "killed" -> {
                double y = a[1] + a[3] / 2 + Math.round(a[3] * 0.16);
                path.add(new double[] {a[0] + a[2], y});
                path.add(new double[] {b[0], y});
                lx = (a[0] + a[2] + b[0]) / 2;
                ly = a[1] + a[3] + 2;
                lv = VPos.TOP;
            }
            default -> {
                double y = midA;
                path.add(new double[] {a[0] + a[2], y});
                path.add(new double[] {b[0], y});
                lx = (a[0] + a[2] + b[0]) / 2;
                ly = y - Math.round(bh / 2) - 2;
            }
        }
        double[] end = path.get(path.size() - 1);
        double[] before = path.get(path.size() - 2);
        double dx = Math.signum(end[0] - before[0]);
        double dy = Math.signum(end[1] - before[1]);
        // stop the shaft at the arrow head's base
        end = new double[] {end[0] - dx * head, end[1] - dy * head};
        gc.beginPath();
        gc.moveTo(path.get(0)[0], path.get(0)[1]);
        for (int i = 1; i < path.size() - 1; i++) {
            gc.lineTo(path.get(i)[0], path.get(i)[1]);
        }
        gc.lineTo(end[0], end[1]);
        gc.stroke();
        gc.setLineDashes((double[]) null);
        double tipX = end[0] + dx * head;
        double tipY = end[1] + dy * head;
        double hw = head * 0.75;
        gc.fillPolygon(new double[] {tipX, end[0] - dy * hw, end[0] + dy * hw},
                new double[] {tipY, end[1] - dx * hw, end[1] + dx * hw}, 3);
        if (!Double.isNaN(lx)) {
            gc.setFont(painter.font(lit > 0 ? TextStyle.bold(l.edgeFont().size()) : l.edgeFont()));
            gc.setFill(lit > 0 ? ink : fx(p, Ink.MUTED_TEXT));
            gc.setTextAlign(la);
            gc.setTextBaseline(lv);
            gc.fillText(e.label(), Math.round(lx), Math.round(ly));
        }
        gc.setGlobalAlpha(1);
    }

    private void drawExtra(GraphicsContext gc, PictureTheme p, Layout l, ThreadState from, ThreadState to,
                           boolean latest) {
        double[] a = l.box(from);
        double[] b = l.box(to);
        gc.setStroke(fx(p, Ink.ACCENT));
        gc.setLineWidth(latest ? 3 : 2);
        gc.setLineDashes(5, 4);
        gc.strokeLine(a[0] + a[2] / 2, a[1] + a[3] / 2, b[0] + b[2] / 2, b[1] + b[3] / 2);
        gc.setLineDashes((double[]) null);
    }

    private void drawBox(GraphicsContext gc, PictureTheme p, Layout l, ThreadState s, double alpha, boolean now) {
        double[] r = l.box(s);
        double x = Math.round(r[0]) + 0.5;
        double y = Math.round(r[1]) + 0.5;
        double w = Math.round(r[2]);
        double h = Math.round(r[3]);
        double arc = 10;
        if (now) {
            gc.setStroke(fx(p, Ink.ACCENT));
            gc.setLineWidth(3);
            gc.strokeRoundRect(x - 4, y - 4, w + 8, h + 8, arc + 8, arc + 8);
        }
        gc.setGlobalAlpha(alpha);
        StateStyle look = StateStyle.of(s);
        Color ink = fx(p, look.text());
        gc.setLineWidth(1.5);
        switch (s) {
            case NEW -> {
                gc.setFill(fx(p, Ink.BACKGROUND));
                gc.fillRoundRect(x, y, w, h, arc, arc);
                gc.setStroke(fx(p, Ink.NEW));
                gc.setLineDashes(4, 3);
                gc.strokeRoundRect(x, y, w, h, arc, arc);
                gc.setLineDashes((double[]) null);
            }
            case RUNNABLE -> {
                gc.setFill(CanvasPainter.hatch(p.color(Ink.RUNNABLE), p.color(Ink.RUNNABLE_FILL)));
                gc.fillRoundRect(x, y, w, h, arc, arc);
                gc.setStroke(fx(p, Ink.RUNNABLE));
                gc.strokeRoundRect(x, y, w, h, arc, arc);
            }
            case RUNNING -> {
                gc.setFill(fx(p, Ink.RUNNING));
                gc.fillRoundRect(x - 0.5, y - 0.5, w + 1, h + 1, arc, arc);
            }
            case WAITING -> {
                gc.setFill(fx(p, Ink.WAITING_FILL));
                gc.fillRoundRect(x, y, w, h, arc, arc);
                gc.setStroke(fx(p, Ink.WAITING));
                gc.strokeRoundRect(x, y, w, h, arc, arc);
            }
            default -> {
                gc.setFill(fx(p, Ink.BACKGROUND));
                gc.fillRoundRect(x, y, w, h, arc, arc);
                gc.setStroke(fx(p, Ink.BORDER));
                gc.strokeRoundRect(x, y, w, h, arc, arc);
                ink = fx(p, Ink.TEXT);
            }
        }
        TextStyle f = l.boxFont();
        double tw = painter.textWidth(s.label(), f);
        double cx = x + w / 2;
        double cy = Math.round(y + h / 2);
        if (s == ThreadState.DEAD) {
            double r0 = Math.round(h * 0.16);
            double dotX = cx - tw / 2 - r0 - 3;
            StateMarks.cap(painter, p, Reason.RETURNED, Math.round(dotX + r0 / 2), cy, r0);
            cx += r0 / 2 + 2;
        }
        if (s == ThreadState.RUNNABLE) {
            // stripes behind letters hurt reading: the label gets a calm ground, as on the lanes
            gc.setFill(fx(p, Ink.RUNNABLE_FILL));
            double gh = Math.round(f.size() + 4);
            gc.fillRect(Math.round(cx - tw / 2 - 4), Math.round(cy - gh / 2), Math.ceil(tw) + 8, gh);
        }
        gc.setFont(painter.font(f));
        gc.setFill(ink);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(s.label(), Math.round(cx), cy);
        gc.setGlobalAlpha(1);
    }

    private static Color fx(PictureTheme p, Ink ink) {
        return CanvasPainter.color(p.color(ink));
    }
}
