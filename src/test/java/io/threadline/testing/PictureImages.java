package io.threadline.testing;

import io.threadline.picture.Java2DPainter;
import io.threadline.picture.TimelinePicture;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** A timeline picture painted into an image, as its PNG export is, for tests that read its pixels. */
public final class PictureImages {
    private PictureImages() {
    }

    public static BufferedImage of(TimelinePicture p) {
        BufferedImage img = new BufferedImage((int) p.width(), (int) Math.ceil(p.height()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            p.paint(new Java2DPainter(g, 1));
        } finally {
            g.dispose();
        }
        return img;
    }
}
