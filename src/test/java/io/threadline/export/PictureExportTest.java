package io.threadline.export;

import io.threadline.picture.PictureOptions;
import io.threadline.picture.TimelinePicture;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pictures written to files decode to what was asked: size, scale, resolution, a valid SVG. */
class PictureExportTest {
    static Trace run(String id) throws Exception {
        ScenarioSpec s = ScenarioCatalog.byId(id);
        return s.execute(s.values(Map.of()));
    }

    static TimelinePicture soup() throws Exception {
        Trace t = run("chef-soup");
        return TimelinePicture.of(t, PictureOptions.defaults().withTitle(Captions.title(t), Captions.subtitle(t)));
    }

    @Test
    void aPngAt1xAnd2xDecodesToThePicturesSizeAndSaysItsResolution(@TempDir Path dir) throws Exception {
        TimelinePicture p = soup();
        Path one = dir.resolve("soup.png");
        Path two = dir.resolve("soup@2x.png");

        PictureExport.writePng(p, 1, "Chef soup", one);
        PictureExport.writePng(p, 2, "Chef soup", two);

        BufferedImage a = ImageIO.read(one.toFile());
        BufferedImage b = ImageIO.read(two.toFile());
        assertThat(a.getWidth()).isEqualTo(1200);
        assertThat(a.getHeight()).isEqualTo((int) Math.ceil(p.height()));
        assertThat(b.getWidth()).isEqualTo(2400);
        assertThat(b.getHeight()).isEqualTo((int) Math.ceil(p.height() * 2));
        assertThat(dpi(one)).isCloseTo(72, org.assertj.core.data.Offset.offset(0.5));
        assertThat(dpi(two)).isCloseTo(144, org.assertj.core.data.Offset.offset(0.5));
        // same picture, twice the pixels: the background and a lane colour sit where they should
        assertThat(b.getRGB(4, 4)).isEqualTo(a.getRGB(2, 2));
        assertThat(Files.list(dir)).hasSize(2);
    }

    /** Dots per inch of a PNG, from its pHYs chunk. */
    static double dpi(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadata meta = r.getImageMetadata(0);
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_1.0");
            IIOMetadataNode size = (IIOMetadataNode) root.getElementsByTagName("HorizontalPixelSize").item(0);
            return 25.4 / Double.parseDouble(size.getAttribute("value"));
        }
    }

    @Test
    void anSvgFileParsesAsXmlWithThePicturesSize(@TempDir Path dir) throws Exception {
        TimelinePicture p = soup();
        Path file = dir.resolve("soup.svg");

        PictureExport.writeSvg(p, "Chef soup", true, file);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(file.toFile());
        assertThat(d.getDocumentElement().getAttribute("width")).isEqualTo("1200");
        assertThat(Double.parseDouble(d.getDocumentElement().getAttribute("height"))).isEqualTo(p.height());
        assertThat(d.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength())
                .isGreaterThan(20);
    }

    @Test
    void aScaleOrSizeBeyondTheLimitsIsRefusedInOneLine() throws Exception {
        TimelinePicture p = soup();

        assertThatThrownBy(() -> PictureExport.image(p, 9)).hasMessage("scale must be from 0.5 to 4, got 9.0");
        TimelinePicture wide = TimelinePicture.of(run("chef-soup"), PictureOptions.defaults().withWidth(20_000));
        assertThatThrownBy(() -> PictureExport.image(wide, 2))
                .hasMessageStartingWith("the picture would be 40000 x ")
                .hasMessageEndingWith("pixels; at most 32000 on a side (use a smaller scale, or SVG)");
    }

    @Test
    void aFailedExportLeavesTheFileThatWasThereAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("soup.png");
        Files.writeString(file, "the old picture");

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write(new byte[1000]);
            throw new java.io.IOException("Disk full");
        })).isInstanceOf(WriteFailure.class).hasMessage("cannot write " + file + ": disk full");

        assertThat(Files.readString(file)).isEqualTo("the old picture");
        assertThat(Files.list(dir)).containsExactly(file);
    }
}
