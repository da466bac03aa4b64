package io.threadline.export;

import io.threadline.picture.Java2DPainter;
import io.threadline.picture.SvgPainter;
import io.threadline.picture.TimelinePicture;
import io.threadline.picture.WaitForGraphPicture;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a timeline picture as PNG (Java2D, at 1x, 2x ... for crisp slides) or SVG. Both work
 * without a display. A PNG records its scale as its resolution (72 dpi per 1x), so a slide tool
 * places a 2x picture at the size of the 1x one, twice as sharp.
 */
public final class PictureExport {
    /** Largest scale factor: 4x already gives 4800 pixels for a 1200-pixel picture. */
    public static final double MAX_SCALE = 4;
    /** Largest image side in pixels a PNG may have (memory: 4 bytes per pixel). */
    public static final int MAX_PIXELS_SIDE = 32_000;

    private PictureExport() {
    }

    /** Checks a scale factor: 0.5 to {@link #MAX_SCALE}. */
    public static void checkScale(double scale) {
        if (!(scale >= 0.5 && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("scale must be from 0.5 to " + (int) MAX_SCALE + ", got " + scale);
        }
    }

    /** Renders the picture as an image of {@code scale} device pixels per logical pixel. */
    public static BufferedImage image(TimelinePicture picture, double scale) {
        checkScale(scale);
        double w = picture.width() * scale;
        double h = picture.height() * scale;
        if (w > MAX_PIXELS_SIDE || h > MAX_PIXELS_SIDE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the picture would be %.0f x %.0f pixels; at most %d on a side (use a smaller scale, or SVG)",
                    w, h, MAX_PIXELS_SIDE));
        }
        return Java2DPainter.render(picture, scale);
    }

    /**
     * Writes the picture as a PNG file, replacing {@code file} only once it is complete; the path
     * is checked before anything is drawn.
     */
    public static void writePng(TimelinePicture picture, double scale, String title, Path file) throws IOException {
        OutputPath to = OutputPath.file(file);
        AtomicFile.write(to, png(picture, scale, title));
    }

    /** Writes the picture as an SVG file, the path checked first. */
    public static void writeSvg(TimelinePicture picture, String title, boolean outlines, Path file)
            throws IOException {
        OutputPath to = OutputPath.file(file);
        AtomicFile.write(to, svg(picture, title, outlines));
    }

    /** The picture drawn now, as PNG bytes to be written. */
    public static AtomicFile.Content png(TimelinePicture picture, double scale, String title) {
        BufferedImage img = image(picture, scale);
        return out -> png(img, scale, title, out);
    }

    /** The wait-for graph drawn now, as PNG bytes to be written. */
    public static AtomicFile.Content png(WaitForGraphPicture picture, double scale, String title) {
        checkScale(scale);
        BufferedImage img = new BufferedImage((int) Math.ceil(picture.width() * scale),
                (int) Math.ceil(picture.height() * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            picture.paint(new Java2DPainter(g, scale));
        } finally {
            g.dispose();
        }
        return out -> png(img, scale, title, out);
    }

    /** The wait-for graph drawn now, as SVG text to be written. */
    public static AtomicFile.Content svg(WaitForGraphPicture picture, String title) {
        SvgPainter g = new SvgPainter(true);
        picture.paint(g);
        byte[] svg = g.document(picture.width(), picture.height(), title).getBytes(StandardCharsets.UTF_8);
        return out -> out.write(svg);
    }

    /** The picture drawn now, as SVG text to be written. */
    public static AtomicFile.Content svg(TimelinePicture picture, String title, boolean outlines) {
        byte[] svg = SvgPainter.render(picture, title, outlines).getBytes(StandardCharsets.UTF_8);
        return out -> out.write(svg);
    }

    /**
     * An image stream over {@code out} that buffers in memory. ImageIO's default caches in a file
     * of its own in the temporary folder, which a full disk breaks twice: once in the write and
     * again, as a NullPointerException on a thread of its own, when that cache is closed.
     */
    static ImageOutputStream imageStream(OutputStream out) {
        return new MemoryCacheImageOutputStream(out);
    }

    /** Encodes {@code img} as PNG with its resolution ({@code scale} x 72 dpi) and a title. */
    static void png(BufferedImage img, double scale, String title, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream ios = imageStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            // the PNG format's own tree: the JDK gets the standard tree's pixel size backwards
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Long.toString(Math.round(72 * scale / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            root.appendChild(phys);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(textEntry("Software", "Threadline"));
            if (title != null && !title.isEmpty()) {
                text.appendChild(textEntry("Title", title));
            }
            root.appendChild(text);
            meta.mergeTree("javax_imageio_png_1.0", root);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode textEntry(String key, String value) {
        IIOMetadataNode e = new IIOMetadataNode("tEXtEntry");
        e.setAttribute("keyword", key);
        // tEXt is Latin-1: what it cannot hold is left out rather than garbled
        e.setAttribute("value", value.replaceAll("[^\\x20-\\x7e\\xa0-\\xff]", "?"));
        return e;
    }
}
