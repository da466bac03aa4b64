package io.threadline.picture;

/**
 * The gutter's words for a row that is not a thread's lane (a resource, a counter, a pool call's
 * results): its name, and a line of detail under it ("Queue · 2 items", "max 3"). A row squeezed
 * to its floor (lanes fitted to a projector) has room for one line: the detail then follows the
 * name on its line where it fits whole, else it goes (the hover card has it), so no row's words
 * run into the next row's.
 */
final class RowHeader {
    /** Where the words start in the gutter. */
    static final double LEFT = 14;

    private RowHeader() {
    }

    /** Whether the row holds the name and its detail on two lines. */
    static boolean twoLines(TrackContext ctx) {
        PictureMetrics m = ctx.metrics();
        return ctx.height() >= (m.fontSize() + m.smallSize()) * 1.25 + 4;
    }

    /** The middle of the name's line. */
    static double nameY(TrackContext ctx) {
        double mid = ctx.height() / 2;
        return twoLines(ctx) ? Math.round(mid - ctx.metrics().fontSize() * 0.6) : Math.round(mid);
    }

    /** Writes the name in bold from {@code x}; returns where it ends. */
    static double name(TrackContext ctx, String name, double x) {
        Painter g = ctx.painter();
        PictureMetrics m = ctx.metrics();
        g.setFont(m.bold());
        g.setFill(ctx.theme().color(Ink.TEXT));
        String shown = TextFit.ellipsize(g, name, m.bold(), ctx.width() - x - 8);
        g.fillText(shown, x, nameY(ctx), Painter.Align.LEFT);
        return x + g.textWidth(shown, m.bold());
    }

    /**
     * Writes the detail, muted: under the name (cut to the gutter) on two lines, else after the
     * name's end {@code after} if it fits there whole.
     */
    static void detail(TrackContext ctx, String detail, double after) {
        Painter g = ctx.painter();
        PictureMetrics m = ctx.metrics();
        g.setFont(m.small());
        g.setFill(ctx.theme().color(Ink.MUTED_TEXT));
        if (twoLines(ctx)) {
            g.fillText(TextFit.ellipsize(g, detail, m.small(), ctx.width() - LEFT - 8), LEFT,
                    Math.round(ctx.height() / 2 + m.smallSize() * 0.8), Painter.Align.LEFT);
            return;
        }
        String inline = "· " + detail;
        double x = after + 6;
        if (x + g.textWidth(inline, m.small()) <= ctx.width() - 8) {
            g.fillText(inline, x, nameY(ctx), Painter.Align.LEFT);
        }
    }
}
