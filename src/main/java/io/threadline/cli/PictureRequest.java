package io.threadline.cli;

import io.threadline.export.AtomicFile;
import io.threadline.export.Captions;
import io.threadline.export.OutputPath;
import io.threadline.export.PictureExport;
import io.threadline.export.PlaybackRecorder;
import io.threadline.export.Progress;
import io.threadline.export.Recording;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.TimelinePicture;
import io.threadline.picture.WaitForGraphPicture;
import io.threadline.trace.Trace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The picture options of {@code run} and {@code draw}: which pictures to write and how they look.
 * Everything is drawn with Java2D, so it works without a display ({@code java.awt.headless}).
 */
final class PictureRequest {
    static final String OPTIONS = "--png, --svg, --gif, --frames, --scale, --width, --window, --theme, --large,"
            + " --fps, --play-speed, --graph";

    static final String USAGE = String.join("\n",
            "           --png FILE                draw the timeline as a PNG picture",
            "           --svg FILE                draw it as SVG (sharp at any size)",
            "           --gif FILE                record the run playing back as an animated GIF",
            "           --frames DIR              ... or as numbered PNG files in a new folder",
            "                                     (any FILE may be -: standard output)",
            "           --scale N                 pixels per point of PNG and GIF: 1 or 2 (crisp slides)",
            "           --width PX                picture width (default 1200)",
            "           --window FROM:TO          only this stretch of time, in seconds (e.g. 0.4:1.2)",
            "           --theme light|dark        colours (default light); --large: presentation sizes",
            "           --fps N, --play-speed X   recording: frames per second (default 10) and speed",
            "                                     (scenario seconds per second, default 1)",
            "           --graph FILE              draw the wait-for graph at the end (a deadlock's",
            "                                     cycle in red) as PNG, or SVG if FILE ends in .svg");

    private final Outputs outputs;
    private OutputPath png;
    private OutputPath svg;
    private OutputPath gif;
    private OutputPath frames;
    private OutputPath graph;
    private double scale = 1;
    private double width = 1200;
    private long from;
    private long to;
    private String windowText;
    private PictureTheme theme = PictureTheme.LIGHT;
    private boolean large;
    private double fps = 10;
    private double playSpeed = 1;

    /** @param outputs where the files named are checked and registered */
    PictureRequest(Outputs outputs) {
        this.outputs = outputs;
    }

    /**
     * Takes the option at {@code args[i]} if it is a picture option: returns the index of the last
     * argument it used, or -1 if the option is not one of these.
     */
    int take(List<String> args, int i, String option, String inline) throws UsageException {
        switch (option) {
            case "--png" -> png = outputs.file(option, value(args, i, option, inline));
            case "--graph" -> graph = outputs.file(option, value(args, i, option, inline));
            case "--svg" -> svg = outputs.file(option, value(args, i, option, inline));
            case "--gif" -> gif = outputs.file(option, value(args, i, option, inline));
            case "--frames" -> frames = outputs.folder(option, value(args, i, option, inline));
            case "--scale" -> scale = number(option, value(args, i, option, inline), 0.5, PictureExport.MAX_SCALE);
            case "--width" -> width = number(option, value(args, i, option, inline), PictureOptions.MIN_WIDTH,
                    PictureOptions.MAX_WIDTH);
            case "--window" -> window(value(args, i, option, inline));
            case "--theme" -> {
                String name = value(args, i, option, inline);
                theme = PictureTheme.named(name.trim().toLowerCase(Locale.ROOT));
                if (theme == null) {
                    throw new UsageException("--theme must be light or dark, got '" + name + "'");
                }
            }
            case "--large" -> {
                if (inline != null) {
                    throw new UsageException("--large takes no value");
                }
                large = true;
                return i;
            }
            case "--fps" -> fps = number(option, value(args, i, option, inline), 1, 50);
            case "--play-speed" -> playSpeed = number(option, value(args, i, option, inline), 0.01, 1000);
            default -> {
                return -1;
            }
        }
        return inline != null ? i : i + 1;
    }

    /** Whether any picture was asked for. */
    boolean any() {
        return png != null || svg != null || gif != null || frames != null || graph != null;
    }

    private static String value(List<String> args, int i, String option, String inline) throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (i + 1 >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i + 1);
    }

    private static double number(String option, String text, double min, double max) throws UsageException {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= min && v <= max)) {
            throw new UsageException(option + " must be a number from " + plain(min) + " to " + plain(max) + ", got '"
                    + text + "'");
        }
        return v;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void window(String text) throws UsageException {
        int colon = text.indexOf(':');
        String problem = "--window needs FROM:TO in seconds, FROM before TO (e.g. 0.5:2), got '" + text + "'";
        if (colon < 0) {
            throw new UsageException(problem);
        }
        try {
            double a = Double.parseDouble(text.substring(0, colon).trim());
            double b = Double.parseDouble(text.substring(colon + 1).trim());
            if (!(a >= 0 && b > a && b < 1e9)) {
                throw new UsageException(problem);
            }
            from = Math.round(a * 1e6);
            to = Math.max(from + 1, Math.round(b * 1e6));
            windowText = text;
        } catch (NumberFormatException e) {
            throw new UsageException(problem);
        }
    }

    /**
     * The look every picture of this request shares; {@code title} for a trace of no known
     * scenario. A window past the end of the trace is refused (it would be an empty picture); one
     * that only runs past it ends where the trace does.
     */
    PictureOptions options(Trace trace, String title) throws UsageException {
        PictureOptions o = PictureOptions.defaults().withWidth(width).withTheme(theme)
                .withMetrics(large ? PictureMetrics.PROJECTOR : PictureMetrics.DESK)
                .withTitle(title, Captions.subtitle(trace));
        if (to <= from) {
            return o;
        }
        long end = trace.endTime();
        if (from >= end) {
            throw new UsageException("--window " + windowText + " starts after the trace ends (at "
                    + Cli.seconds(end) + "): nothing to draw");
        }
        return o.withWindow(from, Math.min(to, Math.max(end, from + 1)));
    }

    /**
     * Draws every picture asked for into {@code batch} (nothing is in place until it commits);
     * returns the lines that say so, to be read once it has.
     */
    List<Supplier<String>> stage(Trace trace, String title, AtomicFile.Batch batch) throws UsageException {
        PictureOptions o = options(trace, title);
        List<Supplier<String>> lines = new ArrayList<>();
        try {
            if (png != null) {
                long t0 = System.nanoTime();
                batch.add(png, PictureExport.png(TimelinePicture.of(trace, o), scale, title));
                String took = ms(t0);
                lines.add(() -> "picture written " + Outputs.where(png, null, took));
            }
            if (svg != null) {
                long t0 = System.nanoTime();
                batch.add(svg, PictureExport.svg(TimelinePicture.of(trace, o), title, true));
                String took = ms(t0);
                lines.add(() -> "picture written " + Outputs.where(svg, null, took));
            }
            if (graph != null) {
                WaitForGraphPicture picture = WaitForGraphPicture.at(trace, trace.endTime(), Math.min(width, 900),
                        theme, large ? PictureMetrics.PROJECTOR : PictureMetrics.DESK);
                String named = (title == null || title.isEmpty() ? "" : title + " — ") + "wait-for graph";
                boolean asSvg = graph.given() != null && graph.given().toString().endsWith(".svg");
                batch.add(graph, asSvg ? PictureExport.svg(picture, named)
                        : PictureExport.png(picture, scale, named));
                lines.add(() -> "wait-for graph written " + Outputs.where(graph));
            }
            if (gif != null || frames != null) {
                Recording rec = new Recording(playSpeed, fps, 2, scale);
                PictureOptions playback = o.withOutputLines(4);
                int n = PlaybackRecorder.frames(trace, rec);
                if (gif != null) {
                    long t0 = System.nanoTime();
                    batch.add(gif, PlaybackRecorder.gif(trace, playback, rec, Progress.NONE));
                    String took = ms(t0);
                    lines.add(() -> "recording written " + Outputs.where(gif, n + " frames", took));
                }
                if (frames != null) {
                    long t0 = System.nanoTime();
                    batch.addFolder(frames, PlaybackRecorder.pngSequence(trace, playback, rec, Progress.NONE));
                    String took = ms(t0);
                    lines.add(() -> "recording written to " + frames + "/ (" + n + " PNG files, " + took + ")");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw Outputs.cannotWrite(e);
        }
        return lines;
    }

    private static String ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000 + " ms";
    }
}
