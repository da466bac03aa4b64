package io.threadline.picture;

import io.threadline.trace.ProcessInfo;

/** A band naming a process above its threads' lanes, shown when a run has several processes. */
public final class ProcessHeaderTrack implements Track {
    private final int process;
    private final int threads;

    public ProcessHeaderTrack(int process, int threads) {
        this.process = process;
        this.threads = threads;
    }

    @Override
    public double height(PictureMetrics m) {
        return m.processHeight();
    }

    @Override
    public void paint(TrackContext ctx) {
        band(ctx);
    }

    @Override
    public void paintHeader(TrackContext ctx) {
        band(ctx);
        Painter g = ctx.painter();
        PictureMetrics m = ctx.metrics();
        ProcessInfo info = ctx.trace().process(process);
        double y = Math.round(ctx.height() / 2) + 1;
        g.setFont(m.small());
        g.setFill(ctx.theme().color(Ink.MUTED_TEXT));
        String kind = "PROCESS";
        g.fillText(kind, 14, y, Painter.Align.LEFT);
        double x = 14 + g.textWidth(kind, m.small()) + 8;
        g.setFont(m.smallBold());
        g.setFill(ctx.theme().color(Ink.TEXT));
        g.fillText(TextFit.ellipsize(g, info.name(), m.smallBold(), ctx.width() - x - 8), x, y, Painter.Align.LEFT);
    }

    private static void band(TrackContext ctx) {
        Painter g = ctx.painter();
        g.setFill(ctx.theme().color(Ink.PROCESS_HEADER));
        g.fillRect(0, 0, ctx.width() + 1, ctx.height());
        g.setFill(ctx.theme().color(Ink.BORDER));
        g.fillRect(0, 0, ctx.width() + 1, 1);
    }

    @Override
    public String describeAt(TrackContext ctx, double x, double y) {
        return describeHeader(ctx);
    }

    @Override
    public String describeHeader(TrackContext ctx) {
        String gil = ctx.trace().params().get("gil");
        return "Process " + ctx.trace().process(process).name() + " — " + threads
                + (threads == 1 ? " thread" : " threads")
                + ("false".equals(gil) ? "" : "\nits own GIL: one of its threads runs at a time");
    }
}
