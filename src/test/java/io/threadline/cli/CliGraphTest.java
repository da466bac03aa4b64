package io.threadline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.threadline.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --graph FILE}: the wait-for graph at the end of the run, as PNG or SVG, the cycle named. */
class CliGraphTest {

    /** The light theme's colour of failure (#d55e00), which only a cycle is drawn in; anti-aliasing aside. */
    private static boolean failedColour(int c) {
        int r = (c >> 16) & 0xff;
        int g = (c >> 8) & 0xff;
        int b = c & 0xff;
        return Math.abs(r - 0xd5) < 12 && Math.abs(g - 0x5e) < 12 && b < 20;
    }

    @Test
    void aDeadlocksGraphIsWrittenWithItsCycleNamed(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("g.png");
        Path svg = dir.resolve("g.svg");
        CliRun.Result r = cli("run", "deadlock", "--graph", png.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("wait-for graph written to " + png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThanOrEqualTo(320);
        // the cycle is drawn in the colour of failure
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (failedColour(c)) {
                    red++;
                }
            }
        }
        assertThat(red).isGreaterThan(200);

        assertThat(cli("run", "deadlock", "--graph", svg.toString()).status()).isZero();
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg", "wait-for graph");
    }

    @Test
    void withoutADeadlockNoCycleIsDrawn(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("g.png");
        assertThat(cli("run", "deadlock", "--set", "ordered=true", "--graph", png.toString()).status()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (failedColour(c)) {
                    red++;
                }
            }
        }
        assertThat(red).isZero();
    }
}
