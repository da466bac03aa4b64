package io.threadline.picture;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Draws on a Java2D image: PNG export and the frames of a recording. Needs no display
 * ({@code java.awt.headless} is fine), so the command line makes the same pictures as the window.
 */
public final class Java2DPainter implements Painter {
    private final Graphics2D g;
    private final double scale;
    private final Deque<State> saved = new ArrayDeque<>();
    private final Map<Long, TexturePaint> hatches = new HashMap<>();
    private State s = new State();
    private BufferedImage block;
    private int[] blockPixels;

    /** What {@link #save()} keeps besides the transform and clip. */
    private static final class State implements Cloneable {
        Paint fill = Color.BLACK;
        Color stroke = Color.BLACK;
        double lineWidth = 1;
        double dash;
        double gap;
        boolean round;
        TextStyle font = TextStyle.of(12);
        double alpha = 1;
        AffineTransform transform;
        Shape clip;

        State copy() {
            try {
                return (State) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * @param g     the surface; its transform maps logical pixels to the image's
     * @param scale device pixels per logical pixel (for patterns drawn at full resolution)
     */
    public Java2DPainter(Graphics2D g, double scale) {
        this.g = g;
        this.scale = scale;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** Paints {@code picture} on a new RGB image, {@code scale} device pixels per logical pixel. */
    public static BufferedImage render(TimelinePicture picture, double scale) {
        int w = (int) Math.ceil(picture.width() * scale);
        int h = (int) Math.ceil(picture.height() * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            picture.paint(new Java2DPainter(g, scale));
        } finally {
            g.dispose();
        }
        return img;
    }

    private static Color color(Rgb c) {
        return new Color(c.value());
    }

    @Override
    public void save() {
        State copy = s.copy();
        copy.transform = g.getTransform();
        copy.clip = g.getClip();
        saved.push(copy);
    }

    @Override
    public void restore() {
        State back = saved.pop();
        g.setTransform(back.transform);
        g.setClip(back.clip);
        s = back;
        setAlpha(back.alpha);
    }

    @Override
    public void translate(double dx, double dy) {
        g.translate(dx, dy);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void setAlpha(double alpha) {
        s.alpha = alpha;
        g.setComposite(alpha >= 1 ? AlphaComposite.SrcOver : AlphaComposite.SrcOver.derive((float) alpha));
    }

    @Override
    public void setFill(Rgb color) {
        s.fill = color(color);
    }

    @Override
    public void setHatch(Rgb stripe, Rgb ground) {
        long key = ((long) stripe.value() << 24) | ground.value();
        s.fill = hatches.computeIfAbsent(key, k -> hatch(stripe, ground));
    }

    /** The shared tile at device resolution, anchored at the user-space origin. */
    private TexturePaint hatch(Rgb stripe, Rgb ground) {
        int n = Hatch.size(scale);
        BufferedImage tile = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        tile.setRGB(0, 0, n, n, Hatch.tile(stripe, ground, scale), 0, n);
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, Hatch.PERIOD, Hatch.PERIOD));
    }

    /**
     * At one device pixel per logical pixel, a block drawn as an image: the same pixels the
     * shapes would give, for a fraction of the work. Scaled pictures draw the shapes instead, at
     * their full resolution.
     */
    @Override
    public PixelBlock pixels(int width, int height) {
        if (scale != 1 || width <= 0 || height <= 0) {
            return null;
        }
        if (block == null || block.getWidth() != width || block.getHeight() != height) {
            block = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
            blockPixels = ((DataBufferInt) block.getRaster().getDataBuffer()).getData();
        }
        BufferedImage img = block;
        int[] px = blockPixels;
        return new PixelBlock() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public int[] pixels() {
                return px;
            }

            @Override
            public void draw(double x, double y) {
                g.drawImage(img, (int) Math.round(x), (int) Math.round(y), null);
            }
        };
    }

    @Override
    public void setStroke(Rgb color) {
        s.stroke = color(color);
    }

    @Override
    public void setLineWidth(double width) {
        s.lineWidth = width;
    }

    @Override
    public void setLineDashes(double dash, double gap) {
        s.dash = dash;
        s.gap = gap;
    }

    @Override
    public void setRoundCaps(boolean round) {
        s.round = round;
    }

    @Override
    public void setFont(TextStyle style) {
        s.font = style;
    }

    private void fill(Shape shape) {
        g.setPaint(s.fill);
        g.fill(shape);
    }

    private void stroke(Shape shape) {
        float lw = (float) s.lineWidth;
        int cap = s.round ? BasicStroke.CAP_ROUND : BasicStroke.CAP_SQUARE;
        BasicStroke stroke = s.dash > 0
                ? new BasicStroke(lw, cap, BasicStroke.JOIN_MITER, 10f, new float[] {(float) s.dash, (float) s.gap}, 0)
                : new BasicStroke(lw, cap, BasicStroke.JOIN_MITER);
        g.setStroke(stroke);
        g.setPaint(s.stroke);
        g.draw(shape);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        stroke(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        fill(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        stroke(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        fill(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        stroke(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        stroke(new Line2D.Double(x1, y1, x2, y2));
    }

    private static Path2D path(double[] xs, double[] ys, int n, boolean close) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        if (close) {
            p.closePath();
        }
        return p;
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        if (n > 0) {
            fill(path(xs, ys, n, true));
        }
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int n) {
        if (n > 0) {
            stroke(path(xs, ys, n, true));
        }
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        if (n > 0) {
            stroke(path(xs, ys, n, false));
        }
    }

    @Override
    public void fillText(String text, double x, double y, Align align) {
        if (text.isEmpty()) {
            return;
        }
        Font font = PictureFonts.fontFor(text, s.font);
        double w = align == Align.LEFT ? 0 : PictureFonts.width(text, s.font);
        double left = align == Align.LEFT ? x : align == Align.CENTER ? x - w / 2 : x - w;
        g.setFont(font);
        g.setPaint(s.fill);
        g.drawString(text, (float) left, (float) (y + PictureFonts.baselineOffset(font)));
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        return PictureFonts.width(text, style);
    }
}
