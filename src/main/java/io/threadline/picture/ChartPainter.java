package io.threadline.picture;

import io.threadline.trace.CounterTrack;
import io.threadline.trace.ResultMark;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The rows under the lanes in a picture: a counter (such as a queue's length) as a step chart
 * scaled to its maximum, and the results of one pool call as diamonds where they arrive, as the
 * window draws them.
 */
final class ChartPainter {
    private static final int EXACT_LIMIT = 32;
    private static final int SAMPLES = 16;

    private ChartPainter() {
    }

    // ------------------------------------------------------------------ counters

    static long max(CounterTrack c, long horizon) {
        long max = 0;
        for (int i = 0, n = c.size(); i < n && c.get(i).time() <= horizon; i++) {
            max = Math.max(max, c.get(i).value());
        }
        return max;
    }

    private static double y(Frame f, double height, long v, long max) {
        double top = f.metrics().barPadding() + 4;
        double bottom = height - f.metrics().barPadding();
        return Math.round(bottom - (bottom - top) * v / Math.max(1, max));
    }

    static void counter(Painter g, Frame f, CounterTrack counter, long max, double height) {
        int n = counter.size();
        if (n == 0) {
            return;
        }
        TimeScale s = f.scale();
        int w = (int) Math.ceil(s.width());
        double bottom = y(f, height, 0, max);
        double maxY = y(f, height, Math.max(1, max), max);
        // the maximum as a dashed guide, so the chart's scale reads at a glance
        g.setStroke(f.theme().color(Ink.BORDER));
        g.setLineWidth(1);
        g.setLineDashes(4, 4);
        g.strokeLine(0, maxY + 0.5, w, maxY + 0.5);
        g.setLineDashes(0, 0);
        g.setStroke(f.theme().color(Ink.COUNTER));
        g.strokeLine(0, bottom + 0.5, w, bottom + 0.5);

        long first = counter.get(0).time();
        double endX = Math.min(w, Math.ceil(s.x(f.horizon())));
        int x0 = (int) Math.max(0, Math.floor(s.x(first)));
        long runValue = Long.MIN_VALUE;
        int runStart = x0;
        List<double[]> line = new ArrayList<>();      // the step line's points
        List<double[]> spikes = new ArrayList<>();    // {x, y0, y1}: moved within a column
        double prevY = Double.NaN;
        g.setFill(f.theme().color(Ink.COUNTER_FILL));
        for (int x = x0; x < endX; x++) {
            double ta = s.time(x);
            double tb = Math.min(s.time(x + 1), f.horizon() + 1);
            int i0 = lastAtOrBefore(counter, n, (long) Math.floor(ta));
            int i1 = lastAtOrBefore(counter, n, (long) Math.ceil(tb) - 1);
            if (i1 < 0) {
                continue;
            }
            long end = counter.get(i1).value();
            long lo = end;
            long hi = end;
            int from = Math.max(i0, 0);
            if (i1 - from <= EXACT_LIMIT) {
                for (int i = from; i <= i1; i++) {
                    long v = counter.get(i).value();
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            } else {
                for (int k = 0; k < SAMPLES; k++) {
                    long v = counter.get(from + (int) ((long) (i1 - from) * k / SAMPLES)).value();
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (end != runValue) {
                if (runValue != Long.MIN_VALUE) {
                    double ry = y(f, height, runValue, max);
                    g.fillRect(runStart, ry, x - runStart, bottom - ry);
                }
                runValue = end;
                runStart = x;
            }
            double ey = y(f, height, end, max) + 0.5;
            if (Double.isNaN(prevY)) {
                line.add(new double[] {x, ey});
            } else if (ey != prevY) {
                line.add(new double[] {x + 0.5, prevY});
                line.add(new double[] {x + 0.5, ey});
            }
            prevY = ey;
            if (hi != lo) {
                spikes.add(new double[] {x + 0.5, y(f, height, hi, max) + 0.5, y(f, height, lo, max) + 0.5});
            }
        }
        if (runValue != Long.MIN_VALUE) {
            double ry = y(f, height, runValue, max);
            g.fillRect(runStart, ry, endX - runStart, bottom - ry);
        }
        if (!line.isEmpty()) {
            line.add(new double[] {endX, prevY});
            double[] xs = new double[line.size()];
            double[] ys = new double[line.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = line.get(i)[0];
                ys[i] = line.get(i)[1];
            }
            g.setStroke(f.theme().color(Ink.COUNTER));
            g.setLineWidth(Math.max(1.5, f.metrics().line()));
            g.strokePolyline(xs, ys, xs.length);
            for (double[] sp : spikes) {
                g.strokeLine(sp[0], sp[1], sp[0], sp[2]);
            }
        }
    }

    private static int lastAtOrBefore(CounterTrack counter, int n, long t) {
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (counter.get(mid).time() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    static void counterHeader(Painter g, Frame f, CounterTrack counter, long max, double width, double height) {
        PictureMetrics m = f.metrics();
        double mid = height / 2;
        g.setFont(m.bold());
        g.setFill(f.theme().color(Ink.TEXT));
        g.fillText(TextFit.ellipsize(g, counter.name(), m.bold(), width - 24), 14,
                Math.round(mid - m.fontSize() * 0.6), Painter.Align.LEFT);
        g.setFont(m.small());
        g.setFill(f.theme().color(Ink.MUTED_TEXT));
        g.fillText("max " + max, 14, Math.round(mid + m.smallSize() * 0.8), Painter.Align.LEFT);
    }

    // ------------------------------------------------------------------ pool results

    private static boolean hollow(String variant) {
        return variant.contains("unordered");
    }

    private static Rgb color(Frame f, String variant) {
        return f.theme().color(hollow(variant) ? Ink.RESULT_UNORDERED : Ink.RESULT_MAP);
    }

    static void results(Painter g, Frame f, String variant, List<ResultMark> all, double height) {
        List<ResultMark> results = new ArrayList<>();
        for (ResultMark r : all) {
            if (r.time() <= f.horizon()) {
                results.add(r);
            }
        }
        if (results.isEmpty()) {
            return;
        }
        PictureMetrics m = f.metrics();
        TimeScale s = f.scale();
        double width = s.width();
        double r = m.capRadius() + 1.5;
        double cy = Math.round(height * 0.26);
        double bracketY = Math.round(height * 0.68) + 0.5;
        double labelY = Math.round(height * 0.86);
        Rgb c = color(f, variant);

        double x0 = Math.round(s.x(results.get(0).time()));
        double x1 = Math.round(s.x(results.get(results.size() - 1).time()));
        g.setStroke(f.theme().color(Ink.MUTED_TEXT));
        g.setLineWidth(1);
        g.strokeLine(x0 + 0.5, bracketY - 4, x0 + 0.5, bracketY);
        g.strokeLine(x0 + 0.5, bracketY, x1 + 0.5, bracketY);
        g.strokeLine(x1 + 0.5, bracketY - 4, x1 + 0.5, bracketY);
        TextStyle small = m.small();
        g.setFont(small);
        g.setFill(f.theme().color(Ink.MUTED_TEXT));
        String first = "first " + TimeText.seconds(results.get(0).time());
        String last = "last " + TimeText.seconds(results.get(results.size() - 1).time());
        double fw = g.textWidth(first, small);
        double lw = g.textWidth(last, small);
        if (x1 - x0 >= fw + lw + 16) {
            g.fillText(first, x0, labelY, Painter.Align.LEFT);
            g.fillText(last, x1 + 1, labelY, Painter.Align.RIGHT);
        } else {
            g.fillText(x1 == x0 ? "first = last " + TimeText.seconds(results.get(0).time()) : first + " · " + last,
                    x0, labelY, Painter.Align.LEFT);
        }

        List<List<ResultMark>> groups = groups(s, m, results);
        TextStyle valueFont = m.smallBold();
        g.setFont(valueFont);
        double lowY = Math.round(cy + r + valueFont.size() * 0.75);
        double lowEnd = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < groups.size(); k++) {
            List<ResultMark> group = groups.get(k);
            double x = Math.round(s.x(group.get(0).time()));
            double next = k + 1 < groups.size() ? Math.round(s.x(groups.get(k + 1).get(0).time())) - r - 6 : width - 4;
            if (x < -400 || x > width + r) {
                continue;
            }
            diamond(g, f, variant, c, x + 0.5, cy, r);
            g.setFill(f.theme().color(Ink.TEXT));
            StringJoiner values = new StringJoiner(", ");
            group.forEach(mark -> values.add(mark.value()));
            String text = values.toString();
            double w = g.textWidth(text, valueFont);
            if (w <= next - (x + r + 5)) {
                g.fillText(text, x + r + 5, cy, Painter.Align.LEFT);
            } else if (x - r >= lowEnd + 6) {
                // crowded: the values go under their own diamond, on a second line
                String cut = TextFit.ellipsize(g, text, valueFont, width - 4 - (x - r));
                g.fillText(cut, x - r, lowY, Painter.Align.LEFT);
                lowEnd = x - r + g.textWidth(cut, valueFont);
            } else {
                g.fillText(TextFit.ellipsize(g, text, valueFont, next - (x + r + 5)), x + r + 5, cy,
                        Painter.Align.LEFT);
            }
        }
    }

    private static List<List<ResultMark>> groups(TimeScale s, PictureMetrics m, List<ResultMark> results) {
        double near = m.capRadius() * 2;
        List<List<ResultMark>> out = new ArrayList<>();
        double groupX = Double.NaN;
        for (ResultMark r : results) {
            double x = s.x(r.time());
            if (out.isEmpty() || Math.abs(x - groupX) > near) {
                out.add(new ArrayList<>());
                groupX = x;
            }
            out.get(out.size() - 1).add(r);
        }
        return out;
    }

    private static void diamond(Painter g, Frame f, String variant, Rgb c, double cx, double cy, double r) {
        double[] xs = {cx, cx + r, cx, cx - r};
        double[] ys = {cy - r, cy, cy + r, cy};
        g.setFill(hollow(variant) ? f.theme().color(Ink.BACKGROUND) : c);
        g.fillPolygon(xs, ys, 4);
        g.setStroke(c);
        g.setLineWidth(2);
        g.strokePolygon(xs, ys, 4);
    }

    static void resultsHeader(Painter g, Frame f, String variant, List<ResultMark> all, double width,
                              double height) {
        PictureMetrics m = f.metrics();
        List<ResultMark> results = new ArrayList<>();
        for (ResultMark r : all) {
            if (r.time() <= f.horizon()) {
                results.add(r);
            }
        }
        double mid = height / 2;
        double r = m.capRadius() + 1.5;
        double y1 = Math.round(mid - m.fontSize() * 0.6);
        diamond(g, f, variant, color(f, variant), 14 + r, y1, r);
        g.setFont(m.bold());
        g.setFill(f.theme().color(Ink.TEXT));
        double x = 14 + 2 * r + 8;
        g.fillText(variant, x, y1, Painter.Align.LEFT);
        if (!results.isEmpty()) {
            double vx = x + g.textWidth(variant, m.bold()) + 6;
            g.setFont(m.small());
            g.setFill(f.theme().color(Ink.MUTED_TEXT));
            String to = "→ " + f.trace().thread(results.get(0).thread()).name();
            if (vx + g.textWidth(to, m.small()) < width - 8) {
                g.fillText(to, vx, y1, Painter.Align.LEFT);
            }
            String times = results.size() + (results.size() == 1 ? " result" : " results") + " · first "
                    + TimeText.seconds(results.get(0).time()) + " · last "
                    + TimeText.seconds(results.get(results.size() - 1).time());
            g.fillText(TextFit.ellipsize(g, times, m.small(), width - 22), 14,
                    Math.round(mid + m.smallSize() * 0.8), Painter.Align.LEFT);
        }
    }
}
