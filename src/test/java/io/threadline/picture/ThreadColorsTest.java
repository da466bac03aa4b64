package io.threadline.picture;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A thread has one colour everywhere: the resource lanes' are threadline.css's, in both themes. */
class ThreadColorsTest {

    @Test
    void theLanesColoursAreTheStyleSheetsThreadColours() throws Exception {
        String css = Files.readString(Path.of("src/main/resources/io/threadline/ui/threadline.css"));
        Matcher m = Pattern.compile("-tl-thread-(\\d+): (#[0-9a-fA-F]{6});").matcher(css);
        List<String> light = new ArrayList<>();
        List<String> dark = new ArrayList<>();
        while (m.find()) {
            (light.size() < ThreadColors.COUNT ? light : dark).add(m.group(2).toLowerCase());
        }
        assertThat(light).hasSize(ThreadColors.COUNT);
        assertThat(dark).hasSize(ThreadColors.COUNT);
        for (int i = 0; i < ThreadColors.COUNT; i++) {
            assertThat(ThreadColors.of(PictureTheme.LIGHT, i).hex().toLowerCase()).isEqualTo(light.get(i));
            assertThat(ThreadColors.of(PictureTheme.DARK, i).hex().toLowerCase()).isEqualTo(dark.get(i));
        }
    }

    /** The main thread's colour is its own; the others go round the other nine. */
    @Test
    void noOtherThreadHasTheMainThreadsColour() {
        for (int id = 1; id < 40; id++) {
            assertThat(ThreadColors.index(id)).as("thread %d", id).isBetween(1, 9);
            assertThat(ThreadColors.of(PictureTheme.LIGHT, id)).isNotEqualTo(ThreadColors.of(PictureTheme.LIGHT, 0));
        }
        // nine threads besides main have nine colours (gil-cpu-vs-io's eight workers, semaphore's eight clients)
        assertThat(java.util.stream.IntStream.rangeClosed(1, 9).map(ThreadColors::index).distinct().count()).isEqualTo(9);
        assertThat(ThreadColors.index(10)).isEqualTo(1);
        assertThat(ThreadColors.index(9)).isEqualTo(9);
        assertThat(io.threadline.ui.teach.ThreadColours.text(10)).isEqualTo("thread-1");
        assertThat(io.threadline.ui.teach.ThreadColours.mark(0)).isEqualTo("mark-0");
    }

    /** The state inks a holder's span must never be mistaken for. */
    private static final Set<Ink> STATES = Set.of(Ink.RUNNING, Ink.RUNNABLE, Ink.WAITING, Ink.NEW, Ink.FAILED,
            Ink.MIXED, Ink.RETURNED);

    @Test
    void noThreadColourReadsAsAState() {
        for (PictureTheme theme : List.of(PictureTheme.LIGHT, PictureTheme.DARK)) {
            for (int i = 0; i < ThreadColors.COUNT; i++) {
                Rgb c = ThreadColors.of(theme, i);
                for (Ink state : STATES) {
                    assertThat(deltaE(c, theme.color(state)))
                            .as("%s thread colour %d %s against %s %s", theme.name(), i, c.hex(), state, theme.color(state).hex())
                            .isGreaterThan(20);
                }
                for (int j = 0; j < i; j++) {
                    assertThat(deltaE(c, ThreadColors.of(theme, j))).as("%s thread colours %d and %d", theme.name(), j, i)
                            .isGreaterThan(12);
                }
            }
        }
    }

    @Test
    void everyThreadColourReadsAsTextOnItsGroundAndCarriesReadableText() {
        for (PictureTheme theme : List.of(PictureTheme.LIGHT, PictureTheme.DARK)) {
            for (int i = 0; i < ThreadColors.COUNT; i++) {
                Rgb c = ThreadColors.of(theme, i);
                assertThat(contrast(c, theme.color(Ink.BACKGROUND))).as("%s thread %d as text", theme.name(), i)
                        .isGreaterThanOrEqualTo(4.5);
                assertThat(contrast(c, ThreadColors.textOn(theme, i))).as("%s text on thread %d", theme.name(), i)
                        .isGreaterThanOrEqualTo(4.5);
            }
        }
    }

    private static double[] lab(Rgb c) {
        double r = linear(c.red()), g = linear(c.green()), b = linear(c.blue());
        double x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    private static double linear(int v) {
        double c = v / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** CIE76 colour difference: about 2.3 is just noticeable, 20 reads as another colour. */
    private static double deltaE(Rgb a, Rgb b) {
        double[] p = lab(a), q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    private static double luminance(Rgb c) {
        return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
    }

    private static double contrast(Rgb a, Rgb b) {
        double x = luminance(a) + 0.05, y = luminance(b) + 0.05;
        return Math.max(x, y) / Math.min(x, y);
    }
}
