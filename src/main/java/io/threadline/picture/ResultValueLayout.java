package io.threadline.picture;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a results row writes its values. Each diamond's values go right of it; where they find
 * no room there, before it, or on a second line under it, the diamond takes its neighbours' into
 * one label for the run (joined by a line under its diamonds), so that every value that arrived
 * is on screen. A value squeezed out to nothing, or cut to "pag…", read as a result that never
 * came. Only where no run of any length has room are values left out, and then a "+n" says how
 * many (the hover card lists them all).
 */
final class ResultValueLayout {
    /** The values of diamonds {@code first..last} (indices into the groups), written from x at y. */
    record Label(String text, double x, double y, int first, int last) {
    }

    private final Painter g;
    private final TextStyle font;
    private final double[] gx;
    private final List<List<String>> values;
    private final double r;
    private final double cy;
    private final double lowY;
    private final double width;
    /** Whether a second line of values clears the row's other words (a row tall enough for three lines). */
    private final boolean lowClear;
    /** Where the times are written and where the bracket runs, {from, to} each: a second line keeps off them. */
    private final List<double[]> busy;

    private double lineEnd = Double.NEGATIVE_INFINITY;
    private double lowEnd = Double.NEGATIVE_INFINITY;

    /**
     * @param gx     each diamond's x, left to right
     * @param values each diamond's values, in arrival order
     * @param busy   spans of the second line's height taken by other words or lines, {from, to}
     */
    ResultValueLayout(Painter g, TextStyle font, double[] gx, List<List<String>> values, double r, double cy,
                      double lowY, double width, boolean lowClear, List<double[]> busy) {
        this.g = g;
        this.font = font;
        this.gx = gx;
        this.values = values;
        this.r = r;
        this.cy = cy;
        this.lowY = lowY;
        this.width = width;
        this.lowClear = lowClear;
        this.busy = busy;
    }

    List<Label> labels() {
        List<Label> out = new ArrayList<>();
        // where the line and the second line ended before each label was written: a run taken back starts from there
        List<double[]> before = new ArrayList<>();
        int n = gx.length;
        for (int k = 0; k < n; ) {
            // beside a run's diamonds first (a value under a diamond, on a second line, read as the
            // next run's), then under them, then with the runs before it, then shortened
            Label l = whole(k, false, k);
            if (l == null) {
                l = whole(k, true, k);
            }
            if (l == null) {
                l = joinedBack(out, before, k);
            }
            if (l == null) {
                l = shortened(k);
            }
            out.add(l);
            before.add(new double[] {lineEnd, lowEnd});
            if (l.y() == cy) {
                lineEnd = Math.max(gx[l.last()] + r, l.x() + g.textWidth(l.text(), font));
            } else {
                lineEnd = gx[l.last()] + r;
                lowEnd = l.x() + g.textWidth(l.text(), font);
            }
            k = l.last() + 1;
        }
        return out;
    }

    /**
     * A run from an earlier label's first diamond through diamond {@code k}, written whole, in
     * place of the labels from there on; null if none has room. The last diamonds of a burst,
     * close to the picture's edge, have no room of their own, but the line before the burst is
     * often empty: prime-check's eight results read "True, False … True, +5" with 600 px free on
     * their left.
     */
    private Label joinedBack(List<Label> out, List<double[]> before, int k) {
        double line = lineEnd;
        double low = lowEnd;
        // the two runs before it at most: a row of hundreds of diamonds looked back through all
        // of them for each, and a pulse of the largest scenario took 124 ms
        for (int back = out.size() - 1; back >= Math.max(0, out.size() - 2); back--) {
            double[] was = before.get(back);
            lineEnd = was[0];
            lowEnd = was[1];
            int first = out.get(back).first();
            Label l = whole(first, false, k);
            if (l == null) {
                l = whole(first, true, k);
            }
            if (l != null) {
                out.subList(back, out.size()).clear();
                before.subList(back, before.size()).clear();
                return l;
            }
        }
        lineEnd = line;
        lowEnd = low;
        return null;
    }

    /**
     * The shortest run from diamond {@code k} through at least diamond {@code through} whose values
     * all find room (beside it, or {@code low} under it), or null. Beside means after the run's
     * last diamond wherever any run has room there, and only then before its first: values before
     * a diamond, nearer it than the one they follow, read as the earlier diamond's (executor's
     * "1   0, 4 ◆", threads-vs-processes' "0, 1 ◆ ◆ 4, 9"; a review of the projector's pictures).
     */
    private Label whole(int k, boolean low, int through) {
        if (!low) {
            Label after = after(k, through);
            return after != null ? after : before(k, through);
        }
        return grow(k, through, (t, w, end) -> {
            double x = gx[k] - r;
            // the values go under the run's first diamond, on a second line
            return x + w <= width - 4 && x >= lowEnd + 6 && (lowClear || !crosses(x, x + w))
                    ? new Label(t, x, lowY, k, end) : null;
        });
    }

    /** Where a run's values {@code t}, {@code w} wide, go if the run ends at diamond {@code end}; null if not there. */
    private interface Place {
        Label at(String t, double w, int end);
    }

    /**
     * Grows a run from diamond {@code k} one diamond at a time and returns the first place
     * {@code place} finds for its values once it reaches {@code through}; null once they are wider
     * than the row.
     */
    private Label grow(int k, int through, Place place) {
        List<String> run = new ArrayList<>();
        for (int end = k; end < gx.length; end++) {
            run.addAll(values.get(end));
            String t = join(run);
            double w = g.textWidth(t, font);
            if (w > width) {
                return null;
            }
            Label l = end >= through ? place.at(t, w, end) : null;
            if (l != null) {
                return l;
            }
        }
        return null;
    }

    /** The shortest run from {@code k} through at least {@code through} whose values fit after its last diamond, or null. */
    private Label after(int k, int through) {
        return grow(k, through, (t, w, end) -> w <= room(end) ? new Label(t, gx[end] + r + 5, cy, k, end) : null);
    }

    /** The shortest run from {@code k} through at least {@code through} whose values fit before its first diamond, or null. */
    private Label before(int k, int through) {
        return grow(k, through, (t, w, end) -> {
            double x = gx[k] - r - 5 - w;
            // room before the run: the values end at its first diamond
            return x >= Math.max(lineEnd, k > 0 ? gx[k - 1] + r : 0) + 12 ? new Label(t, x, cy, k, end) : null;
        });
    }

    /** The shortest run from diamond {@code k} with room for some of its values and a count of the rest. */
    private Label shortened(int k) {
        List<String> run = new ArrayList<>();
        for (int end = k; end < gx.length; end++) {
            run.addAll(values.get(end));
            double right = room(end);
            boolean last = end + 1 == gx.length;
            for (int shown = run.size() - 1; shown >= (last ? 0 : 1); shown--) {
                String t = join(run.subList(0, shown)) + (shown > 0 ? ", +" : "+") + (run.size() - shown);
                if (g.textWidth(t, font) <= right) {
                    return new Label(t, gx[end] + r + 5, cy, k, end);
                }
            }
            if (last) {
                return new Label("", gx[end] + r + 5, cy, k, end);
            }
        }
        throw new IllegalStateException("no diamonds");
    }

    /**
     * Values one after the other, a first word they all share written once: "page 2, 3, 0" for
     * "page 2, page 3, page 0" (executor's futures), so that more of them find room.
     */
    static String join(List<String> vals) {
        if (vals.size() >= 2) {
            String first = vals.get(0);
            int sp = first.indexOf(' ');
            String prefix = sp > 0 ? first.substring(0, sp + 1) : null;
            boolean shared = prefix != null;
            for (int i = 0; shared && i < vals.size(); i++) {
                String v = vals.get(i);
                shared = v.startsWith(prefix) && v.length() > prefix.length() && v.indexOf(' ', prefix.length()) < 0
                        && v.indexOf(',') < 0;
            }
            if (shared) {
                StringBuilder b = new StringBuilder(prefix);
                for (int i = 0; i < vals.size(); i++) {
                    b.append(i == 0 ? "" : ", ").append(vals.get(i).substring(prefix.length()));
                }
                return b.toString();
            }
        }
        return String.join(", ", vals);
    }

    /** Room right of diamond {@code end}, up to the next diamond or the picture's edge. */
    private double room(int end) {
        double next = end + 1 < gx.length ? gx[end + 1] - r - 6 : width - 4;
        return next - (gx[end] + r + 5);
    }

    private boolean crosses(double from, double to) {
        for (double[] sp : busy) {
            if (from < sp[1] + 4 && to > sp[0] - 4) {
                return true;
            }
        }
        return false;
    }
}
