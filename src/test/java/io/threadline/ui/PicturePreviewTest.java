package io.threadline.ui;

import io.threadline.picture.Java2DPainter;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.TimelinePicture;
import io.threadline.trace.Trace;
import io.threadline.ui.timeline.CanvasPainter;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/** The picture drawn on a JavaFX canvas (the export preview) is the picture written to a PNG. */
class PicturePreviewTest extends FxTestBase {
    @Test
    void theCanvasAndTheJava2DBackendPaintTheSameColoursInTheSamePlaces() {
        runToEnd("producer-consumer");
        Trace t = c.playback().getTrace();
        TimelinePicture p = TimelinePicture.of(t, PictureOptions.defaults().withWidth(900));
        BufferedImage png = Java2DPainter.render(p, 1);

        WritableImage shot = fx(() -> {
            Canvas canvas = new Canvas(p.width(), p.height());
            p.paint(new CanvasPainter(canvas.getGraphicsContext2D()));
            return canvas.snapshot(null, null);
        });

        PixelReader r = shot.getPixelReader();
        int same = 0;
        int samples = 0;
        for (int y = 5; y < png.getHeight() - 5; y += 7) {
            for (int x = 240; x < png.getWidth() - 5; x += 13) {
                samples++;
                int a = png.getRGB(x, y) & 0xffffff;
                int b = r.getArgb(x, y) & 0xffffff;
                if (close(a, b)) {
                    same++;
                }
            }
        }
        // edges and text are anti-aliased differently; the shapes and colours are the same
        assertThat((double) same / samples).isGreaterThan(0.97);
    }

    private static boolean close(int a, int b) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) <= 12 && Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)) <= 12
                && Math.abs((a & 0xff) - (b & 0xff)) <= 12;
    }
}
