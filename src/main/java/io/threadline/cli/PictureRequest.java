package io.threadline.cli;

import io.threadline.export.Captions;
import io.threadline.export.PictureExport;
import io.threadline.export.PlaybackRecorder;
import io.threadline.export.Progress;
import io.threadline.export.Recording;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.TimelinePicture;
import io.threadline.trace.Trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The picture options of {@code run} and {@code draw}: which pictures to write and how they look.
 * Everything is drawn with Java2D, so it works without a display ({@code java.awt.headless}).
 */
final class PictureRequest {
    static final String OPTIONS = "--png, --svg, --gif, --frames, --scale, --width, --window, --theme, --large,"
            + " --fps, --play-speed";

    static final String USAGE = String.join("\n",
            "           --png FILE                draw the timeline as a PNG picture",
            "           --svg FILE                draw it as SVG (sharp at any size)",
            "           --gif FILE                record the run playing back as an animated GIF",
            "           --frames DIR              ... or as numbered PNG files in a new folder",
            "           --scale N                 pixels per point of PNG and GIF: 1 or 2 (crisp slides)",
            "           --width PX                picture width (default 1200)",
            "           --window FROM:TO          only this stretch of time, in seconds (e.g. 0.4:1.2)",
            "           --theme light|dark        colours (default light); --large: presentation sizes",
            "           --fps N, --play-speed X   recording: frames per second (default 10) and speed",
            "                                     (scenario seconds per second, default 1)");

    private Path png;
    private Path svg;
    private Path gif;
    private Path frames;
    private double scale = 1;
    private double width = 1200;
    private long from;
    private long to;
    private PictureTheme theme = PictureTheme.LIGHT;
    private boolean large;
    private double fps = 10;
    private double playSpeed = 1;

    /**
     * Takes the option at {@code args[i]} if it is a picture option: returns the index of the last
     * argument it used, or -1 if the option is not one of these.
     */
    int take(List<String> args, int i, String option, String inline) throws UsageException {
        switch (option) {
            case "--png" -> png = path(option, value(args, i, option, inline));
            case "--svg" -> svg = path(option, value(args, i, option, inline));
            case "--gif" -> gif = path(option, value(args, i, option, inline));
            case "--frames" -> frames = folder(option, value(args, i, option, inline));
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
        return png != null || svg != null || gif != null || frames != null;
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
        } catch (NumberFormatException e) {
            throw new UsageException(problem);
        }
    }

    /** A file a picture can be written to, checked before a run that may take a while. */
    private static Path path(String option, String text) throws UsageException {
        Path p = usable(option, text);
        if (Files.isDirectory(p)) {
            throw new UsageException(option + ": " + p + " is a directory");
        }
        writableParent(option, p);
        return p;
    }

    private static Path folder(String option, String text) throws UsageException {
        Path p = usable(option, text);
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new UsageException(option + ": " + p + " exists and is not a folder");
        }
        writableParent(option, p);
        return p;
    }

    private static Path usable(String option, String text) throws UsageException {
        if (text.isBlank()) {
            throw new UsageException(option + " needs a file name");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": not a usable file name: '" + text + "'");
        }
    }

    private static void writableParent(String option, Path p) throws UsageException {
        Path dir = p.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException(option + ": cannot write " + p + ": no such directory " + dir);
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException(option + ": cannot write " + p + ": directory " + dir + " is not writable");
        }
    }

    /** The look every picture of this request shares; {@code title} for a trace of no known scenario. */
    PictureOptions options(Trace trace, String title) {
        PictureOptions o = PictureOptions.defaults().withWidth(width).withTheme(theme)
                .withMetrics(large ? PictureMetrics.PROJECTOR : PictureMetrics.DESK)
                .withTitle(title, Captions.subtitle(trace));
        return to > from ? o.withWindow(from, to) : o;
    }

    /** Writes every picture asked for and says so, one line each. */
    void write(Trace trace, PrintStream out) throws UsageException {
        write(trace, out, Captions.title(trace));
    }

    /** As {@link #write(Trace, PrintStream)}, with the heading given (a foreign trace's file name). */
    void write(Trace trace, PrintStream out, String title) throws UsageException {
        PictureOptions o = options(trace, title);
        List<String> done = new ArrayList<>();
        try {
            if (png != null) {
                long t0 = System.nanoTime();
                PictureExport.writePng(TimelinePicture.of(trace, o), scale, title, png);
                done.add("picture written to " + png + " (" + size(png) + ", " + ms(t0) + ")");
            }
            if (svg != null) {
                long t0 = System.nanoTime();
                PictureExport.writeSvg(TimelinePicture.of(trace, o), title, true, svg);
                done.add("picture written to " + svg + " (" + size(svg) + ", " + ms(t0) + ")");
            }
            if (gif != null || frames != null) {
                Recording rec = new Recording(playSpeed, fps, 2, scale);
                PictureOptions playback = o.withOutputLines(4);
                int n = PlaybackRecorder.frames(trace, rec);
                if (gif != null) {
                    long t0 = System.nanoTime();
                    PlaybackRecorder.writeGif(trace, playback, rec, gif, Progress.NONE);
                    done.add("recording written to " + gif + " (" + n + " frames, " + size(gif) + ", " + ms(t0) + ")");
                }
                if (frames != null) {
                    long t0 = System.nanoTime();
                    PlaybackRecorder.writePngSequence(trace, playback, rec, frames, Progress.NONE);
                    done.add("recording written to " + frames + "/ (" + n + " PNG files, " + ms(t0) + ")");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (DirectoryNotEmptyException e) {
            throw new UsageException("--frames: " + e.getFile() + " is not empty (name a new or empty folder)");
        } catch (IOException e) {
            throw new UsageException(Cli.FAILED, "cannot write the picture: " + problem(e));
        }
        done.forEach(out::println);
    }

    private static String problem(IOException e) {
        if (e instanceof AccessDeniedException) {
            return e.getMessage() + ": permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
    }

    private static String size(Path file) {
        try {
            long n = Files.size(file);
            return n < 10_000 ? n + " bytes" : String.format(Locale.ROOT, "%.0f KB", n / 1024.0);
        } catch (IOException e) {
            return "size unknown";
        }
    }

    private static String ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000 + " ms";
    }
}
