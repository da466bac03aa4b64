package io.threadline.ui.timeline;

import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Small shapes a timeline draws again and again, kept as images: end caps, rings, arrow heads,
 * badges, label pills, the words on them. In the software pipeline each such shape goes through
 * the rasterizer (and each word through text layout) on every frame; an image of it is a copy of
 * a few hundred pixels. An image is made by drawing the shape, with the canvas's own rasterizer,
 * at the same fraction of a pixel as asked, so it is the same pixels; it is drawn back on whole
 * device pixels.
 *
 * <p>A shape is drawn directly until it has been asked for in two frames (a label that changes
 * every frame, as a live run's can, never gets an image); then it is queued, and the queue is
 * drawn into one atlas and read back in a single snapshot at the start of a later frame, at most
 * every few frames, so making images never costs the JavaFX thread more than one wait for the
 * render thread now and then. JavaFX thread only.
 */
final class Sprites {
    /** Shapes larger than this are drawn directly. */
    static final int MAX_SIDE = 240;
    private static final int ATLAS_WIDTH = 1024;
    private static final int MAX_QUEUED = 160;
    private static final int MAX_KEPT = 4000;
    /** Frames between two snapshots. */
    private static final int PERIOD = 6;

    /** Where a sprite lies in its atlas. */
    record Sprite(WritableImage atlas, int x, int y, int width, int height) {
    }

    private record Pending(Object key, int width, int height, Consumer<GraphicsContext> draw) {
    }

    private final Map<Object, Sprite> kept = new HashMap<>();
    /** Shapes asked for, and the frame they were first asked for in. */
    private final Map<Object, Integer> seen = new HashMap<>();
    private int frame;
    private final Map<Object, Pending> queued = new HashMap<>();
    private final List<Pending> order = new ArrayList<>();
    private Canvas scratch;
    private int framesSinceSnapshot;

    /** The image for {@code key}, or null: then the caller draws the shape itself, once queued here. */
    Sprite get(Object key, int width, int height, Consumer<GraphicsContext> draw) {
        Sprite s = kept.get(key);
        if (s != null || width > MAX_SIDE || height > MAX_SIDE || width <= 0 || height <= 0) {
            return s;
        }
        Integer first = seen.putIfAbsent(key, frame);
        if (first == null || first == frame) {
            return null;
        }
        if (queued.size() < MAX_QUEUED && !queued.containsKey(key)) {
            Pending p = new Pending(key, width, height, draw);
            queued.put(key, p);
            order.add(p);
        }
        return null;
    }

    /** At the start of a frame: makes the images queued so far, now and then. */
    void nextFrame() {
        frame++;
        if (seen.size() > MAX_KEPT) {
            seen.clear();
        }
        framesSinceSnapshot++;
        if (order.isEmpty() || framesSinceSnapshot < PERIOD) {
            return;
        }
        framesSinceSnapshot = 0;
        if (kept.size() + order.size() > MAX_KEPT) {
            kept.clear();
        }
        // shelves of sprites left to right, top to bottom
        int x = 0;
        int y = 0;
        int shelf = 0;
        int[][] at = new int[order.size()][];
        for (int i = 0; i < order.size(); i++) {
            Pending p = order.get(i);
            if (x + p.width() > ATLAS_WIDTH) {
                x = 0;
                y += shelf;
                shelf = 0;
            }
            at[i] = new int[] {x, y};
            x += p.width();
            shelf = Math.max(shelf, p.height());
        }
        int h = y + shelf;
        if (scratch == null || scratch.getHeight() < h) {
            scratch = new Canvas(ATLAS_WIDTH, Math.max(h, 64));
        }
        GraphicsContext g = scratch.getGraphicsContext2D();
        g.clearRect(0, 0, scratch.getWidth(), scratch.getHeight());
        for (int i = 0; i < order.size(); i++) {
            Pending p = order.get(i);
            g.save();
            g.beginPath();
            g.rect(at[i][0], at[i][1], p.width(), p.height());
            g.clip();
            g.translate(at[i][0], at[i][1]);
            p.draw().accept(g);
            g.restore();
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        params.setViewport(new Rectangle2D(0, 0, ATLAS_WIDTH, h));
        WritableImage atlas = scratch.snapshot(params, new WritableImage(ATLAS_WIDTH, h));
        for (int i = 0; i < order.size(); i++) {
            Pending p = order.get(i);
            kept.put(p.key(), new Sprite(atlas, at[i][0], at[i][1], p.width(), p.height()));
        }
        order.clear();
        queued.clear();
    }
}
