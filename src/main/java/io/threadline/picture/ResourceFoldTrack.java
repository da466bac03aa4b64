package io.threadline.picture;

import java.util.List;
import java.util.StringJoiner;

/**
 * The "resources" row: the resource lanes a lesson is not about, folded into one band that shows
 * each of them as a thin strip (who held it, in the holder's colour). Clicking it opens them as
 * lanes of their own under it, and clicking it again folds them.
 */
public final class ResourceFoldTrack implements Track {
    private final List<Integer> folded;
    private final ResourceLanes lanes;
    private final boolean open;

    public ResourceFoldTrack(List<Integer> folded, ResourceLanes lanes, boolean open) {
        this.folded = List.copyOf(folded);
        this.lanes = lanes;
        this.open = open;
    }

    /** The resources this row stands for. */
    public List<Integer> folded() {
        return folded;
    }

    public boolean open() {
        return open;
    }

    @Override
    public double height(PictureMetrics m) {
        return open ? m.processHeight() : Math.round(m.laneHeight() * 0.8);
    }

    @Override
    public void paint(TrackContext ctx) {
        Painter g = ctx.painter();
        g.setFill(ctx.theme().color(Ink.PROCESS_HEADER));
        g.fillRect(0, 0, ctx.width() + 1, ctx.height());
        if (open) {
            return;
        }
        double pad = 4;
        double strip = Math.max(2, Math.min(4, (ctx.height() - 2 * pad) / Math.max(1, folded.size()) - 1));
        int fit = (int) Math.floor((ctx.height() - 2 * pad) / (strip + 1));
        for (int i = 0; i < Math.min(fit, folded.size()); i++) {
            new ResourceTrack(folded.get(i), lanes).paintStrip(ctx, pad + i * (strip + 1), strip);
        }
    }

    @Override
    public void paintHeader(TrackContext ctx) {
        Painter g = ctx.painter();
        PictureMetrics m = ctx.metrics();
        g.setFill(ctx.theme().color(Ink.PROCESS_HEADER));
        g.fillRect(0, 0, ctx.width() + 1, ctx.height());
        double y = Math.round(ctx.height() / 2) + 1;
        // the disclosure triangle is drawn, not a glyph: every painter's fonts have shapes
        double r = Math.round(m.smallSize() * 0.32);
        g.setFill(ctx.theme().color(Ink.TEXT));
        if (open) {
            g.fillPolygon(new double[] {14, 14 + 2 * r, 14 + r}, new double[] {y - r * 0.6, y - r * 0.6, y + r}, 3);
        } else {
            g.fillPolygon(new double[] {14, 14 + r * 1.6, 14}, new double[] {y - r, y, y + r}, 3);
        }
        double x = 14 + 2 * r + 6;
        g.setFont(m.smallBold());
        String head = "RESOURCES";
        g.fillText(head, x, y, Painter.Align.LEFT);
        g.setFont(m.small());
        g.setFill(ctx.theme().color(Ink.MUTED_TEXT));
        String more = open ? folded.size() + " more below" : folded.size() + " folded";
        double after = x + g.textWidth(head, m.smallBold()) + 8;
        g.fillText(TextFit.ellipsize(g, more, m.small(), ctx.width() - after - 8), after, y, Painter.Align.LEFT);
    }

    @Override
    public String describeAt(TrackContext ctx, double x, double y) {
        return describeHeader(ctx);
    }

    @Override
    public String describeHeader(TrackContext ctx) {
        StringJoiner names = new StringJoiner(", ");
        for (int r : folded) {
            names.add(ctx.trace().resource(r).name());
        }
        return (open ? "Click to fold these resource lanes: " : "Resources the lesson is not about, folded: ")
                + names + (open ? "" : "\nClick to open them as lanes.");
    }
}
