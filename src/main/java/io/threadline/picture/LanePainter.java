package io.threadline.picture;

import io.threadline.trace.LaneColumns;
import io.threadline.trace.ProcessInfo;
import io.threadline.trace.ThreadInfo;
import io.threadline.trace.ThreadRole;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread's lane in a picture: its states binned per pixel column ({@link LaneBins}, as in the
 * window), labels where they fit, the end cap; and the lane's header with name and badges.
 */
final class LanePainter {
    private static final double LABEL_PAD = 6;

    private LanePainter() {
    }

    /** Draws lane {@code thread}'s body; the painter's origin is the row's top-left at scale x = 0. */
    static void body(Painter g, Frame f, int thread, double height) {
        PictureMetrics m = f.metrics();
        PictureTheme p = f.theme();
        LaneColumns lane = f.trace().lane(thread);
        int w = (int) Math.ceil(f.scale().width());
        LaneBins b = new LaneBins();
        b.bin(lane, lane.size(), f.horizon(), f.scale(), w);
        double barTop = m.barPadding();
        double barHeight = height - 2 * m.barPadding();
        List<int[]> labelled = new ArrayList<>();

        int x = 0;
        while (x < w) {
            byte kind = b.kind(x);
            if (kind == LaneBins.EMPTY) {
                x++;
                continue;
            }
            ThreadState s = b.state(x);
            int ev = b.event(x);
            int x1 = x + 1;
            while (x1 < w && b.kind(x1) == kind && b.state(x1) == s && (kind != LaneBins.PURE || b.event(x1) == ev)) {
                x1++;
            }
            if (kind == LaneBins.PURE) {
                // a span cut by the picture's edge shows no outline there: it goes on
                double left = x == 0 && lane.time(ev) < f.scale().start() ? -4 : x;
                boolean ongoing = ev == b.size() - 1 && lane.state(ev) != ThreadState.DEAD;
                double right = x1 == w || ongoing ? x1 + 4 : x1;
                StateMarks.span(g, p, m, s, left, right, barTop, barHeight);
                labelled.add(new int[] {x, x1, ev});
            } else {
                StateMarks.mergedSpan(g, p, s, x, x1, barTop, barHeight);
                if (x1 - x >= 3) {
                    // dense stretch: a strip says "several states here, zoom in"
                    g.setFill(p.color(Ink.MIXED));
                    g.fillRect(x, barTop + barHeight - 3, x1 - x, 3);
                }
            }
            x = x1;
        }
        g.setFill(p.color(Ink.RUNNING));
        double tickWidth = Math.max(2, m.line() + 1);
        for (int c = 0; c < w; c++) {
            if (b.instantRun(c)) {
                // the thread ran for an instant of scenario time: a thin running tick
                g.fillRect(c, barTop, tickWidth, barHeight);
            }
        }
        labels(g, f, labelled, lane, barTop, barHeight);
        cap(g, f, b, lane, height);
    }

    private static void labels(Painter g, Frame f, List<int[]> runs, LaneColumns lane, double barTop,
                               double barHeight) {
        TextStyle font = f.metrics().small();
        g.setFont(font);
        double y = Math.round(barTop + barHeight / 2);
        for (int[] r : runs) {
            double room = r[1] - r[0] - 2 * LABEL_PAD;
            if (room < 12) {
                continue;
            }
            ThreadState s = lane.state(r[2]);
            String text = TextFit.fit(g, font, room, SpanText.labels(f.trace(), lane, r[2]));
            if (text == null) {
                continue;
            }
            StateStyle look = StateStyle.of(s);
            double tx = r[0] + LABEL_PAD;
            if (look.shape() == StateStyle.Shape.HATCHED) {
                // stripes behind letters hurt reading: give the label a calm ground
                double tw = g.textWidth(text, font);
                g.setFill(f.theme().color(Ink.RUNNABLE_FILL));
                double h = Math.round(font.size() + 4);
                g.fillRect(tx - 3, Math.round(y - h / 2), Math.ceil(tw) + 6, h);
            }
            g.setFill(f.theme().color(look.text()));
            g.fillText(text, Math.round(tx), y, Painter.Align.LEFT);
        }
    }

    private static void cap(Painter g, Frame f, LaneBins b, LaneColumns lane, double height) {
        int size = b.size();
        if (size == 0 || lane.state(size - 1) != ThreadState.DEAD) {
            return;
        }
        double r = f.metrics().capRadius();
        double cx = Math.round(f.scale().x(b.laneEnd()));
        if (cx < -2 * r || cx > f.scale().width() + 2 * r) {
            return;
        }
        StateMarks.cap(g, f.theme(), lane.reason(size - 1), cx, Math.round(height / 2), r);
    }

    /** Draws the lane's name and badges in the gutter; the origin is the row's top-left. */
    static void header(Painter g, Frame f, int thread, boolean indented, double width, double height) {
        PictureMetrics m = f.metrics();
        ThreadInfo info = f.trace().thread(thread);
        double x = indented ? 24 : 14;
        double y = Math.round(height / 2);
        g.setFont(m.bold());
        g.setFill(f.theme().color(Ink.TEXT));
        String name = TextFit.ellipsize(g, info.name(), m.bold(), width - x - 8);
        g.fillText(name, x, y, Painter.Align.LEFT);
        // the name matters most: badges follow only as far as they fit
        double bx = x + g.textWidth(name, m.bold()) + 8;
        for (String badge : badges(info)) {
            double bw = g.textWidth(badge, m.smallBold()) + 12;
            if (bx + bw > width - 6) {
                break;
            }
            bx += badge(g, f, badge, bx, y) + 6;
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
    private static double badge(Painter g, Frame f, String text, double x, double cy) {
        PictureTheme p = f.theme();
        TextStyle font = f.metrics().smallBold();
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

    /** A band naming a process above its threads' lanes (body part). */
    static void processBand(Painter g, Frame f, double width, double height) {
        g.setFill(f.theme().color(Ink.PROCESS_HEADER));
        g.fillRect(0, 0, width + 1, height);
        g.setFill(f.theme().color(Ink.BORDER));
        g.fillRect(0, 0, width + 1, 1);
    }

    /** The process band's gutter part, with the process's name. */
    static void processHeader(Painter g, Frame f, int process, double width, double height) {
        processBand(g, f, width, height);
        PictureMetrics m = f.metrics();
        ProcessInfo info = f.trace().process(process);
        double y = Math.round(height / 2) + 1;
        g.setFont(m.small());
        g.setFill(f.theme().color(Ink.MUTED_TEXT));
        String kind = "PROCESS";
        g.fillText(kind, 14, y, Painter.Align.LEFT);
        double x = 14 + g.textWidth(kind, m.small()) + 8;
        g.setFont(m.smallBold());
        g.setFill(f.theme().color(Ink.TEXT));
        g.fillText(TextFit.ellipsize(g, info.name(), m.smallBold(), width - x - 8), x, y, Painter.Align.LEFT);
    }

    /** What a lane shows, for an SVG tooltip. */
    static String title(Trace trace, int thread) {
        ThreadInfo info = trace.thread(thread);
        return info.name() + " (" + info.role().label() + (info.daemon() ? ", daemon" : "") + ")";
    }
}
