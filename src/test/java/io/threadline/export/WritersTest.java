package io.threadline.export;

import io.threadline.picture.PictureOptions;
import io.threadline.picture.TimelinePicture;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every writer the window and the command line use (trace, PNG, SVG, GIF, PNG sequence) keeps
 * the same rules: a pipe, a device, a folder is refused and stays as it was; a link is followed;
 * a full disk or a read-only one is one line naming the path, and leaves the old file and no
 * temporary file.
 */
class WritersTest {
    private static final byte[] OLD = "the old file".getBytes(StandardCharsets.UTF_8);
    private static Trace soup;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() throws Exception {
        soup = PictureExportTest.run("chef-soup");
    }

    /** One writer of a user file, as the window calls it. */
    enum Writer {
        TRACE {
            @Override
            void write(Path p) throws IOException {
                TraceFile.save(soup, p);
            }
        },
        PNG {
            @Override
            void write(Path p) throws IOException {
                PictureExport.writePng(picture(), 2, "soup", p);
            }
        },
        SVG {
            @Override
            void write(Path p) throws IOException {
                PictureExport.writeSvg(picture(), "soup", true, p);
            }
        },
        GIF {
            @Override
            void write(Path p) throws IOException {
                PlaybackRecorder.writeGif(soup, PictureOptions.defaults(), new Recording(3, 2, 0, 1), p,
                        Progress.NONE);
            }
        };

        abstract void write(Path p) throws IOException;

        static TimelinePicture picture() {
            return TimelinePicture.of(soup, PictureOptions.defaults());
        }
    }

    private static void frames(Path p) throws IOException {
        PlaybackRecorder.writePngSequence(soup, PictureOptions.defaults(), new Recording(3, 2, 0, 1), p,
                Progress.NONE);
    }

    private static Path[] list(Path folder) throws IOException {
        try (Stream<Path> in = Files.list(folder)) {
            return in.toArray(Path[]::new);
        }
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aNamedPipeIsRefused(Writer w) throws Exception {
        Path fifo = OddPlaces.fifo(dir.resolve("fifo"));

        assertThatThrownBy(() -> w.write(fifo)).isInstanceOf(WriteFailure.class)
                .hasMessage("cannot write " + fifo + ": it is a named pipe, not a file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(list(dir)).containsExactly(fifo);
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aDeviceIsRefused(Writer w) throws Exception {
        Path dev = OddPlaces.device(dir.resolve("full"));

        assertThatThrownBy(() -> w.write(dev)).hasMessage("cannot write " + dev + ": it is a device, not a file");
        assertThat(Files.isRegularFile(dev)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aLinkIsFollowed(Writer w) throws Exception {
        Path real = dir.resolve("real");
        Files.write(real, OLD);
        Path link = Files.createSymbolicLink(dir.resolve("link"), real.getFileName());
        Path toFolder = Files.createSymbolicLink(dir.resolve("to-folder"), Files.createDirectory(dir.resolve("d")));

        w.write(link);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.size(real)).isGreaterThan(100);
        assertThatThrownBy(() -> w.write(toFolder)).hasMessageEndingWith("which is a folder");
        assertThat(list(dir)).containsExactlyInAnyOrder(real, link, toFolder, dir.resolve("d"));
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aFullDiskLeavesTheOldFile(Writer w) throws Exception {
        try (OddPlaces.Disk disk = OddPlaces.tinyDisk(dir.resolve("disk"), false)) {
            Path file = disk.root().resolve("out");
            Files.write(file, OLD);
            disk.fill();

            assertThatThrownBy(() -> w.write(file)).isInstanceOf(WriteFailure.class)
                    .hasMessage("cannot write " + file + ": no space left on device");
            assertThat(Files.readAllBytes(file)).isEqualTo(OLD);
            assertThat(list(disk.root())).containsExactlyInAnyOrder(file, disk.root().resolve(".filler"));
        }
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aStreamThatFailsLikeAFullDiskIsOneLineToo(Writer w) throws Exception {
        // the same failure where no tiny disk can be mounted: the bytes stop after 1,000
        Path file = dir.resolve("out");
        Files.write(file, OLD);
        AtomicFile.Content content = switch (w) {
            case TRACE -> TraceFile.content(soup);
            case PNG -> PictureExport.png(Writer.picture(), 1, "soup");
            case SVG -> PictureExport.svg(Writer.picture(), "soup", true);
            case GIF -> PlaybackRecorder.gif(soup, PictureOptions.defaults(), new Recording(3, 2, 0, 1), Progress.NONE);
        };

        assertThatThrownBy(() -> AtomicFile.write(file, out -> content.writeTo(OddPlaces.failingAfter(out, 1000))))
                .isInstanceOf(WriteFailure.class).hasMessage("cannot write " + file + ": no space left on device");
        assertThat(Files.readAllBytes(file)).isEqualTo(OLD);
        assertThat(list(dir)).containsExactly(file);
    }

    @ParameterizedTest
    @EnumSource(Writer.class)
    void aReadOnlyDiskIsSaidSoBeforeAnythingIsDrawn(Writer w) throws Exception {
        try (OddPlaces.Disk disk = OddPlaces.tinyDisk(dir.resolve("disk"), true)) {
            Path file = disk.root().resolve("out");

            assertThatThrownBy(() -> w.write(file)).hasMessage("cannot write " + file + ": read-only file system (in "
                    + disk.root() + ")");
        }
    }

    @org.junit.jupiter.api.Test
    void framesKeepTheSameRules() throws Exception {
        Path fifo = OddPlaces.fifo(dir.resolve("fifo"));
        Path file = Files.write(dir.resolve("file"), OLD);
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.write(full.resolve("keep"), OLD);

        assertThatThrownBy(() -> frames(fifo)).hasMessage("cannot write " + fifo + ": it is a named pipe, not a folder");
        assertThatThrownBy(() -> frames(file)).hasMessage("cannot write " + file + ": it is a file, not a folder");
        assertThatThrownBy(() -> frames(full))
                .hasMessage("cannot write " + full + ": it is a folder that is not empty (name a new or empty one)");
        try (OddPlaces.Disk disk = OddPlaces.tinyDisk(dir.resolve("disk"), false)) {
            disk.fill();
            Path frames = disk.root().resolve("frames");

            assertThatThrownBy(() -> frames(frames)).hasMessage("cannot write " + frames + ": no space left on device");
            assertThat(list(disk.root())).containsExactly(disk.root().resolve(".filler"));
        }
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), empty.getFileName());
        frames(link);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(list(empty)).hasSize(3);
        assertThat(Files.readAllBytes(file)).isEqualTo(OLD);
        assertThat(Files.readAllBytes(full.resolve("keep"))).isEqualTo(OLD);
    }
}
