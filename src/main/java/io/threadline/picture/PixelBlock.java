package io.threadline.picture;

/**
 * A rectangle of pixels a surface lends its caller to paint directly, then draw in one call: a
 * busy lane ({@link LaneStrip}) costs one image instead of thousands of shapes. One logical pixel
 * is one pixel of the block.
 */
public interface PixelBlock {
    int width();

    int height();

    /**
     * The pixels to paint, premultiplied ARGB, row-major, {@code width * height} of them (the
     * array may be longer). Their content on loan is undefined: paint every pixel.
     */
    int[] pixels();

    /** Draws the block with its top-left corner at (x, y), as the surface draws any image. */
    void draw(double x, double y);
}
