package io.threadline.ui.timeline;

import io.threadline.picture.Java2DPainter;
import io.threadline.picture.PictureMetrics;
import io.threadline.picture.PictureOptions;
import io.threadline.picture.PictureTheme;
import io.threadline.picture.TimelinePicture;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's frame and the exported picture of the same trace are one drawing: the lanes,
 * headers, charts, results and arrows of the view (JavaFX canvas) and of a PNG (Java2D), compared
 * pixel by pixel for every scenario, at the desk sizes in the light theme and at the projector's
 * in the dark one. The two rasterizers differ only at anti-aliased edges (mostly text): a few
 * percent of the pixels may be a little off, almost none by more.
 */
@ExtendWith(ApplicationExtension.class)
class WindowMatchesPictureTest {
    private static final double WIDTH = 1200;
    /** A pixel differs when one of its channels is further apart than this. */
    private static final int TOLERANCE = 40;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        stage.show();
    }

    static Stream<String> scenarios() {
        return ScenarioCatalog.all().stream().map(ScenarioSpec::id);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theWindowsFrameIsThePictureOfTheSameTrace(String id) throws IOException {
        compare(id, false);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void soInTheDarkPresentationLookToo(String id) throws IOException {
        compare(id, true);
    }

    private void compare(String id, boolean darkProjector) throws IOException {
        Trace trace = Traces.of(id);
        PictureMetrics m = darkProjector ? PictureMetrics.PROJECTOR : PictureMetrics.DESK;
        TimelinePicture picture = TimelinePicture.of(trace, PictureOptions.defaults().withWidth(WIDTH)
                .withLegend(false).withMetrics(m).withTheme(darkProjector ? PictureTheme.DARK : PictureTheme.LIGHT));
        BufferedImage png = Java2DPainter.render(picture, 1);
        int rowsTop = (int) m.rulerHeight();
        int rowsBottom = (int) Math.round(picture.height()) - 1;

        TimelineView view = fx(() -> {
            TimelineView v = new TimelineView();
            v.presentationProperty().set(darkProjector);
            v.darkProperty().set(darkProjector);
            stage.setScene(new Scene(v, WIDTH, rowsBottom + 40));
            stage.sizeToScene();
            v.traceProperty().set(trace);
            return v;
        });
        BufferedImage window = fx(() -> {
            // frames enough for the shapes drawn again and again to come from their images
            for (int i = 0; i < 12; i++) {
                view.redrawNow();
            }
            WritableImage img = view.snapshot(null, null);
            return SwingFXUtils.fromFXImage(img, null);
        });
        assertThat(view.timeScaleProperty().get()).isEqualTo(picture.scale());

        // the window's playhead is a node on top of the canvas (a picture has none unless asked)
        int playhead = (int) Math.round(view.xOf(0));
        long compared = 0;
        long differ = 0;
        long inexact = 0;
        BufferedImage diff = new BufferedImage(png.getWidth(), png.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = rowsTop; y < rowsBottom; y++) {
            for (int x = 1; x < WIDTH - 1; x++) {
                if (Math.abs(x - playhead) <= 3) {
                    continue;
                }
                int a = png.getRGB(x, y);
                int b = window.getRGB(x, y);
                compared++;
                if (a != b) {
                    inexact++;
                }
                boolean off = distance(a, b) > TOLERANCE;
                if (off) {
                    differ++;
                }
                diff.setRGB(x, y, off ? 0xff0000 : a & 0xffffff);
            }
        }
        double share = (double) differ / compared;
        if (share > 0.001) {
            File dir = new File("target/window-vs-picture");
            dir.mkdirs();
            String name = id + (darkProjector ? "-dark-presentation" : "");
            ImageIO.write(png, "png", new File(dir, name + "-picture.png"));
            ImageIO.write(window, "png", new File(dir, name + "-window.png"));
            ImageIO.write(diff, "png", new File(dir, name + "-diff.png"));
        }
        assertThat(share).as(id + ": share of pixels that differ").isLessThan(0.002);
        // the rest is anti-aliasing: a few percent of the pixels, each a little off
        assertThat((double) inexact / compared).as(id + ": share of pixels not exactly alike").isLessThan(0.08);
    }

    private static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)));
        }
        return d;
    }

    private static <T> T fx(Supplier<T> s) {
        AtomicReference<T> out = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> out.set(s.get()));
        WaitForAsyncUtils.waitForFxEvents();
        return out.get();
    }
}
