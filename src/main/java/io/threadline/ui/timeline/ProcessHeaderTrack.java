package io.threadline.ui.timeline;

import io.threadline.trace.ProcessInfo;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** A band naming a process above its threads' lanes, shown when a run has several processes. */
final class ProcessHeaderTrack implements Track {
    private final int process;
    private final int threads;

    ProcessHeaderTrack(int process, int threads) {
        this.process = process;
        this.threads = threads;
    }

    @Override
    public double height(TimelineMetrics m) {
        return m.processHeight();
    }

    @Override
    public void render(TrackContext ctx) {
        band(ctx);
    }

    @Override
    public void renderHeader(TrackContext ctx) {
        band(ctx);
        GraphicsContext gc = ctx.gc();
        TimelineMetrics m = ctx.metrics();
        ProcessInfo info = ctx.trace().process(process);
        double y = Math.round(ctx.height() / 2) + 1;
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(m.small());
        gc.setFill(ctx.palette().color(PaletteKey.MUTED_TEXT));
        String kind = "PROCESS";
        gc.fillText(kind, 14, y);
        double x = 14 + ctx.text().width(kind, m.small()) + 8;
        gc.setFont(m.smallBold());
        gc.setFill(ctx.palette().color(PaletteKey.TEXT));
        gc.fillText(ctx.text().ellipsize(info.name(), m.smallBold(), ctx.width() - x - 8), x, y);
    }

    private static void band(TrackContext ctx) {
        GraphicsContext gc = ctx.gc();
        gc.setFill(ctx.palette().color(PaletteKey.PROCESS_HEADER));
        gc.fillRect(0, 0, ctx.width() + 1, ctx.height());
        gc.setFill(ctx.palette().color(PaletteKey.BORDER));
        gc.fillRect(0, 0, ctx.width() + 1, 1);
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
