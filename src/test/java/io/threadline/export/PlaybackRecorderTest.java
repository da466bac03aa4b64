package io.threadline.export;

import io.threadline.picture.PictureOptions;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recordings decode to the frames the speed and frame rate ask for, loop, and can be cancelled. */
class PlaybackRecorderTest {
    /** Frames of a GIF: {width, height, delay in hundredths}, and whether it loops. */
    private record Gif(int width, int height, List<int[]> frames, boolean loops) {
        int totalDelay() {
            return frames.stream().mapToInt(f -> f[2]).sum();
        }
    }

    private static Gif decode(Path file) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            int n = r.getNumImages(true);
            List<int[]> frames = new ArrayList<>();
            boolean loops = false;
            for (int i = 0; i < n; i++) {
                BufferedImage img = r.read(i);
                IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                int delay = Integer.parseInt(((IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension")
                        .item(0)).getAttribute("delayTime"));
                frames.add(new int[] {img.getWidth(), img.getHeight(), delay});
                Node app = root.getElementsByTagName("ApplicationExtension").item(0);
                if (app != null && "NETSCAPE".equals(((IIOMetadataNode) app).getAttribute("applicationID"))) {
                    loops = true;
                }
            }
            BufferedImage first = r.read(0);
            return new Gif(first.getWidth(), first.getHeight(), frames, loops);
        }
    }

    @Test
    void theChefSoupAtRealSpeedAnd10FpsIs31FramesOf3SecondsThenAHold(@TempDir Path dir) throws Exception {
        Trace soup = PictureExportTest.run("chef-soup");
        Path file = dir.resolve("soup.gif");
        List<int[]> updates = new ArrayList<>();

        PlaybackRecorder.writeGif(soup, PictureOptions.defaults().withOutputLines(4), new Recording(1, 10, 2, 1),
                file, new Progress() {
                    @Override
                    public void update(int done, int total) {
                        updates.add(new int[] {done, total});
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                });

        Gif gif = decode(file);
        assertThat(gif.width()).isEqualTo(1200);
        // every frame moves the playhead: 0, 0.1 ... 3.0 s
        assertThat(gif.frames()).hasSize(31);
        assertThat(gif.loops()).isTrue();
        assertThat(gif.frames().get(1)[2]).isEqualTo(10);
        assertThat(gif.totalDelay()).isEqualTo(310 + 200);
        // after the first, frames hold only what changed
        assertThat(gif.frames().get(5)[0]).isLessThan(gif.width());
        assertThat(updates).hasSize(31);
        assertThat(updates.get(30)).containsExactly(31, 31);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void anOddFrameRateKeepsTheTotalTimeExact(@TempDir Path dir) throws Exception {
        Trace soup = PictureExportTest.run("chef-soup");
        Path file = dir.resolve("soup.gif");

        PlaybackRecorder.writeGif(soup, PictureOptions.defaults().withWidth(600), new Recording(2, 3, 0, 0.5), file,
                Progress.NONE);

        Gif gif = decode(file);
        assertThat(gif.width()).isEqualTo(300);
        // 3 s at twice real time is 1.5 s: frames at 0, 0.67, 1.33 s of scenario time ... 3 s
        assertThat(gif.frames()).hasSize(6);
        assertThat(gif.totalDelay()).isEqualTo(200);
    }

    @Test
    void aPngSequenceHasOneNumberedFilePerFrame(@TempDir Path dir) throws Exception {
        Trace soup = PictureExportTest.run("chef-soup");
        Path out = dir.resolve("frames");

        PlaybackRecorder.writePngSequence(soup, PictureOptions.defaults(), new Recording(4, 5, 2, 1), out,
                Progress.NONE);

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("frame-00001.png", "frame-00002.png", "frame-00003.png", "frame-00004.png",
                            "frame-00005.png");
        }
        BufferedImage last = ImageIO.read(out.resolve("frame-00005.png").toFile());
        assertThat(last.getWidth()).isEqualTo(1200);
        assertThat(Files.list(dir)).containsExactly(out);
    }

    @Test
    void cancellingLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Trace soup = PictureExportTest.run("chef-soup");
        Path gif = dir.resolve("soup.gif");
        Path frames = dir.resolve("frames");
        Progress cancelAfter3 = new Progress() {
            int done;

            @Override
            public void update(int d, int total) {
                done = d;
            }

            @Override
            public boolean cancelled() {
                return done >= 3;
            }
        };

        assertThatThrownBy(() -> PlaybackRecorder.writeGif(soup, PictureOptions.defaults(), Recording.defaults(), gif,
                cancelAfter3)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> PlaybackRecorder.writePngSequence(soup, PictureOptions.defaults(),
                Recording.defaults(), frames, cancelAfter3)).isInstanceOf(CancellationException.class);

        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void aRecordingTooLongOrAFolderNotEmptyIsRefused(@TempDir Path dir) throws Exception {
        Trace soup = PictureExportTest.run("chef-soup");

        assertThatThrownBy(() -> PlaybackRecorder.frames(soup, new Recording(0.01, 50, 0, 1)))
                .hasMessage("that is 15001 frames (3.0 s of run at 0.01x and 50 frames per second); at most 3000:"
                        + " raise the speed or lower the frame rate");
        assertThatThrownBy(() -> new Recording(1, 60, 0, 1))
                .hasMessage("frame rate must be 1 to 50 frames per second, got 60.0");
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> PlaybackRecorder.writePngSequence(soup, PictureOptions.defaults(),
                Recording.defaults(), full, Progress.NONE)).isInstanceOf(WriteFailure.class)
                .hasMessage("cannot write " + full + ": it is a folder that is not empty (name a new or empty one)");
        assertThat(Files.readString(full.resolve("keep.txt"))).isEqualTo("mine");
    }
}
