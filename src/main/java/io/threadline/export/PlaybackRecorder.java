package io.threadline.export;

import io.threadline.picture.Ink;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.TimelinePicture;
import io.threadline.trace.Trace;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Records a run playing back, as the window replays it: the lanes grow from the left with the
 * playhead over the whole run, at the chosen speed and frame rate. As an animated GIF (looping,
 * one palette for all frames so colours never flicker, each frame only the part that changed), or
 * as numbered PNG files for a video editor. Runs on the caller's thread, never touching JavaFX;
 * writes into a temporary file or folder that is moved into place when complete.
 */
public final class PlaybackRecorder {
    private PlaybackRecorder() {
    }

    /** Checks that a recording of this trace is not too long; returns its frame count. */
    public static int frames(Trace trace, Recording rec) {
        long n = rec.frames(trace.endTime());
        if (n > Recording.MAX_FRAMES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "that is %d frames (%.1f s of run at %sx and %s frames per second); at most %d: raise the speed"
                            + " or lower the frame rate", n, trace.endTime() / 1e6, clean(rec.speed()),
                    clean(rec.fps()), Recording.MAX_FRAMES));
        }
        return (int) n;
    }

    private static String clean(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** One frame: the run revealed up to frame {@code i}'s time, the playhead there. */
    public static BufferedImage frame(Trace trace, PictureOptions base, Recording rec, int i) {
        long t = rec.timeOf(i, trace.endTime());
        return PictureExport.image(TimelinePicture.of(trace, base.atTime(t)), rec.scale());
    }

    // ------------------------------------------------------------------ GIF

    /** Writes the playback as a looping animated GIF; the path is checked before the first frame. */
    public static void writeGif(Trace trace, PictureOptions base, Recording rec, Path file, Progress progress)
            throws IOException {
        OutputPath to = OutputPath.file(file);
        AtomicFile.write(to, gif(trace, base, rec, progress));
    }

    /** The playback as GIF bytes, drawn frame by frame as they are written. */
    public static AtomicFile.Content gif(Trace trace, PictureOptions base, Recording rec, Progress progress) {
        int n = frames(trace, rec);
        return out -> gif(trace, base, rec, n, out, progress);
    }

    private static void gif(Trace trace, PictureOptions base, Recording rec, int n, OutputStream out,
                            Progress progress) throws IOException {
        // the palette comes from the last frame: it holds every colour the recording uses
        BufferedImage last = frame(trace, base, rec, n - 1);
        IndexColorModel palette = palette(last, base);
        Quantizer q = new Quantizer(palette);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream ios = PictureExport.imageStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            byte[] previous = null;
            int width = last.getWidth();
            int height = last.getHeight();
            // frames are written one behind, so a frame that changes nothing lengthens the one before
            Pending pending = null;
            int written = 0;
            for (int i = 0; i < n; i++) {
                if (progress.cancelled()) {
                    throw new CancellationException("recording cancelled");
                }
                BufferedImage rgb = i == n - 1 ? last : frame(trace, base, rec, i);
                byte[] pixels = q.indexed(rgb);
                int delay = centiseconds(i + 1, rec.fps()) - centiseconds(i, rec.fps());
                int[] box = previous == null ? new int[] {0, 0, width, height}
                        : changed(previous, pixels, width, height);
                if (box == null && pending != null) {
                    pending.delay += delay;
                } else {
                    if (pending != null) {
                        pending.write(writer, written++ == 0);
                    }
                    if (box == null) {
                        box = new int[] {0, 0, 1, 1};
                    }
                    pending = new Pending(crop(pixels, width, box, palette), box[0], box[1], delay);
                }
                previous = pixels;
                progress.update(i + 1, n);
            }
            if (pending != null) {
                pending.delay += (int) Math.round(rec.holdSeconds() * 100);
                pending.write(writer, written == 0);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** Whole hundredths of a second from the start to frame i, so rounding never drifts. */
    private static int centiseconds(int i, double fps) {
        return (int) Math.round(i * 100 / fps);
    }

    /** A frame waiting to be written, its delay still open to growth. */
    private static final class Pending {
        final BufferedImage image;
        final int left;
        final int top;
        int delay;

        Pending(BufferedImage image, int left, int top, int delay) {
            this.image = image;
            this.left = left;
            this.top = top;
            this.delay = delay;
        }

        void write(ImageWriter writer, boolean first) throws IOException {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            String format = meta.getNativeMetadataFormatName();
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
            IIOMetadataNode gce = child(root, "GraphicControlExtension");
            gce.setAttribute("disposalMethod", "doNotDispose");
            gce.setAttribute("userInputFlag", "FALSE");
            gce.setAttribute("transparentColorFlag", "FALSE");
            gce.setAttribute("delayTime", Integer.toString(Math.min(65_535, Math.max(2, delay))));
            gce.setAttribute("transparentColorIndex", "0");
            IIOMetadataNode desc = child(root, "ImageDescriptor");
            desc.setAttribute("imageLeftPosition", Integer.toString(left));
            desc.setAttribute("imageTopPosition", Integer.toString(top));
            desc.setAttribute("imageWidth", Integer.toString(image.getWidth()));
            desc.setAttribute("imageHeight", Integer.toString(image.getHeight()));
            desc.setAttribute("interlaceFlag", "FALSE");
            // the writer would otherwise fall back to a generic palette of its own
            IIOMetadataNode table = child(root, "LocalColorTable");
            while (table.getLength() > 0) {
                table.removeChild(table.getFirstChild());
            }
            IndexColorModel cm = (IndexColorModel) image.getColorModel();
            int size = 2;
            while (size < cm.getMapSize()) {
                size <<= 1;
            }
            table.setAttribute("sizeOfLocalColorTable", Integer.toString(size));
            table.setAttribute("sortFlag", "FALSE");
            for (int i = 0; i < size; i++) {
                int c = i < cm.getMapSize() ? cm.getRGB(i) : 0;
                IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
                e.setAttribute("index", Integer.toString(i));
                e.setAttribute("red", Integer.toString(c >> 16 & 0xff));
                e.setAttribute("green", Integer.toString(c >> 8 & 0xff));
                e.setAttribute("blue", Integer.toString(c & 0xff));
                table.appendChild(e);
            }
            if (first) {
                // NETSCAPE2.0: loop forever
                IIOMetadataNode apps = child(root, "ApplicationExtensions");
                IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                app.setAttribute("applicationID", "NETSCAPE");
                app.setAttribute("authenticationCode", "2.0");
                app.setUserObject(new byte[] {1, 0, 0});
                apps.appendChild(app);
            }
            meta.setFromTree(format, root);
            writer.writeToSequence(new IIOImage(image, null, meta), param);
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    /** The bounding box {x, y, w, h} of the pixels that differ, or null if none do. */
    private static int[] changed(byte[] a, byte[] b, int width, int height) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (a[row + x] != b[row + x]) {
                    if (x < minX) {
                        minX = x;
                    }
                    if (x > maxX) {
                        maxX = x;
                    }
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    private static BufferedImage crop(byte[] pixels, int width, int[] box, IndexColorModel palette) {
        BufferedImage img = new BufferedImage(box[2], box[3], BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < box[3]; y++) {
            System.arraycopy(pixels, (box[1] + y) * width + box[0], dst, y * box[2], box[2]);
        }
        return img;
    }

    /**
     * At most 256 colours for the whole recording: every colour of the theme exactly, then the
     * most common others of the last frame (the in-between shades of text and edges).
     */
    static IndexColorModel palette(BufferedImage last, PictureOptions base) {
        Map<Integer, int[]> counts = new HashMap<>();
        int w = last.getWidth();
        int h = last.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            last.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                counts.computeIfAbsent(row[x] & 0xffffff, k -> new int[1])[0]++;
            }
        }
        List<Integer> colors = new ArrayList<>();
        for (Ink ink : Ink.values()) {
            int c = base.theme().color(ink).value();
            if (!colors.contains(c)) {
                colors.add(c);
            }
        }
        List<Map.Entry<Integer, int[]>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]));
        for (Map.Entry<Integer, int[]> e : byCount) {
            if (colors.size() >= 256) {
                break;
            }
            if (!colors.contains(e.getKey())) {
                colors.add(e.getKey());
            }
        }
        byte[] r = new byte[colors.size()];
        byte[] g = new byte[colors.size()];
        byte[] b = new byte[colors.size()];
        for (int i = 0; i < colors.size(); i++) {
            int c = colors.get(i);
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
        }
        int bits = 1;
        while ((1 << bits) < colors.size()) {
            bits++;
        }
        return new IndexColorModel(bits, colors.size(), r, g, b);
    }

    /** Maps RGB pixels to the nearest palette entry, remembering each colour's answer. */
    private static final class Quantizer {
        private final int[] rgb;
        private final Map<Integer, Byte> cache = new HashMap<>();

        Quantizer(IndexColorModel palette) {
            rgb = new int[palette.getMapSize()];
            palette.getRGBs(rgb);
        }

        byte[] indexed(BufferedImage img) {
            int w = img.getWidth();
            int h = img.getHeight();
            byte[] out = new byte[w * h];
            int[] row = new int[w];
            int lastColor = -1;
            byte lastIndex = 0;
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int c = row[x] & 0xffffff;
                    if (c != lastColor) {
                        lastColor = c;
                        lastIndex = cache.computeIfAbsent(c, this::nearest);
                    }
                    out[y * w + x] = lastIndex;
                }
            }
            return out;
        }

        private byte nearest(int c) {
            int r = c >> 16 & 0xff;
            int g = c >> 8 & 0xff;
            int b = c & 0xff;
            int best = 0;
            long bestD = Long.MAX_VALUE;
            for (int i = 0; i < rgb.length; i++) {
                int dr = r - (rgb[i] >> 16 & 0xff);
                int dg = g - (rgb[i] >> 8 & 0xff);
                int db = b - (rgb[i] & 0xff);
                // weighted as the eye sees differences: green most, blue least
                long d = 3L * dr * dr + 4L * dg * dg + 2L * db * db;
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            return (byte) best;
        }
    }

    // ------------------------------------------------------------------ PNG sequence

    /**
     * Writes the playback as numbered PNG files ({@code frame-00001.png} ...) in the folder
     * {@code dir}, which must not exist yet or be empty: one file per frame at the frame rate, for
     * a video editor (the end is not held; the editor does that).
     */
    public static void writePngSequence(Trace trace, PictureOptions base, Recording rec, Path dir,
                                        Progress progress) throws IOException {
        OutputPath to = OutputPath.folder(dir);
        AtomicFile.writeFolder(to, pngSequence(trace, base, rec, progress));
    }

    /** The playback as a folder of numbered PNG files, drawn as they are written. */
    public static AtomicFile.Folder pngSequence(Trace trace, PictureOptions base, Recording rec, Progress progress) {
        int n = frames(trace, rec);
        return tmp -> {
            for (int i = 0; i < n; i++) {
                if (progress.cancelled()) {
                    throw new CancellationException("recording cancelled");
                }
                BufferedImage img = frame(trace, base, rec, i);
                try (OutputStream out = new BufferedOutputStream(
                        Files.newOutputStream(tmp.resolve(sequenceName(i))), 1 << 16)) {
                    PictureExport.png(img, rec.scale(), null, out);
                }
                progress.update(i + 1, n);
            }
        };
    }

    /** The file name of frame i (counting from 1, as video editors do). */
    public static String sequenceName(int i) {
        return String.format(Locale.ROOT, "frame-%05d.png", i + 1);
    }
}
