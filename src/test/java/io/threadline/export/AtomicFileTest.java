package io.threadline.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A write replaces the file whole or not at all, and leaves no temporary file either way; what
 * is not a file (a folder, a pipe, a device) is never replaced; a link is followed; a failure
 * is one line naming the user's path.
 */
class AtomicFileTest {
    private static final byte[] GOOD = "the good file\n".getBytes(StandardCharsets.UTF_8);

    private static void assertOnly(Path dir, Path... files) throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactlyInAnyOrder(files);
        }
    }

    private static AtomicFile.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCompleteWriteReplacesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        Files.write(file, GOOD);

        AtomicFile.write(file, text("new"));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertOnly(dir, file);
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        Files.write(file, GOOD);

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write(new byte[200_000]);   // more than the buffer: some of it reached the disk
            throw new IOException("No space left on device");
        })).isInstanceOf(WriteFailure.class).hasMessage("cannot write " + file + ": no space left on device");

        assertThat(Files.readAllBytes(file)).isEqualTo(GOOD);
        assertOnly(dir, file);
    }

    @Test
    void anErrorHalfwayIsNoDifferent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        Files.write(file, GOOD);

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write(1);
            throw new OutOfMemoryError("simulated");
        })).isInstanceOf(OutOfMemoryError.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(GOOD);
        assertOnly(dir, file);
    }

    @Test
    void aFolderIsNotReplaced(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub.json"));

        assertThatThrownBy(() -> AtomicFile.write(sub, text("x")))
                .isInstanceOf(WriteFailure.class).hasMessage("cannot write " + sub + ": it is a folder");
        assertThat(sub).isEmptyDirectory();
    }

    @Test
    void aNamedPipeIsRefusedAndStaysAPipe(@TempDir Path dir) throws Exception {
        Path fifo = OddPlaces.fifo(dir.resolve("fifo"));

        assertThatThrownBy(() -> AtomicFile.write(fifo, text("x")))
                .isInstanceOf(WriteFailure.class).hasMessage("cannot write " + fifo + ": it is a named pipe, not a file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
        assertOnly(dir, fifo);
    }

    @Test
    void aDeviceIsRefusedAndStaysADevice(@TempDir Path dir) throws Exception {
        Path dev = OddPlaces.device(dir.resolve("full"));

        assertThatThrownBy(() -> AtomicFile.write(dev, text("x")))
                .hasMessage("cannot write " + dev + ": it is a device, not a file");
        assertThat(Files.isRegularFile(dev)).isFalse();
        assertOnly(dir, dev);
    }

    @Test
    void aLinkIsFollowedAndTheFileItNamesIsReplacedInItsOwnFolder(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path real = elsewhere.resolve("real.png");
        Files.write(real, GOOD);
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path here = Files.createDirectory(dir.resolve("here"));
        Path link = Files.createSymbolicLink(here.resolve("link.png"), Path.of("../elsewhere/real.png"));

        AtomicFile.write(link, text("new"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        // a private file stays private
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-------");
        assertOnly(here, link);
        assertOnly(elsewhere, real);
    }

    @Test
    void aLinkToAFolderIsRefused(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("d"));
        Path link = Files.createSymbolicLink(dir.resolve("d.png"), folder);

        assertThatThrownBy(() -> AtomicFile.write(link, text("x")))
                .hasMessage("cannot write " + link + ": it is a link to " + folder + ", which is a folder");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aDanglingLinkMakesTheFileItNamesOrSaysItsFolderIsMissing(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("new.png"), Path.of("made.png"));
        Path nowhere = Files.createSymbolicLink(dir.resolve("lost.png"), Path.of("gone/x.png"));

        AtomicFile.write(link, text("new"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("made.png"))).isEqualTo("new");
        assertThatThrownBy(() -> AtomicFile.write(nowhere, text("x"))).hasMessage("cannot write " + nowhere
                + ": it is a link to " + dir.resolve("gone/x.png") + ", which is in a folder that does not exist");
        assertOnly(dir, link, nowhere, dir.resolve("made.png"));
    }

    @Test
    void aLoopOfLinksIsRefused(@TempDir Path dir) throws Exception {
        Path a = Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));

        assertThatThrownBy(() -> AtomicFile.write(a, text("x")))
                .hasMessage("cannot write " + a + ": too many symbolic links (a loop?)");
    }

    @Test
    void aFolderRemovedWhileWritingIsSaidSoAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path file = sub.resolve("t.json");

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write(new byte[100_000]);
            try (Stream<Path> in = Files.list(sub)) {
                for (Path p : (Iterable<Path>) in::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(sub);
        })).isInstanceOf(WriteFailure.class)
                .hasMessage("cannot write " + file + ": the folder " + sub + " was removed while writing");
        assertOnly(dir);
    }

    @Test
    void aFullDiskLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        try (OddPlaces.Disk disk = OddPlaces.tinyDisk(dir.resolve("disk"), false)) {
            Path file = disk.root().resolve("t.json");
            Files.write(file, GOOD);
            disk.fill();

            assertThatThrownBy(() -> AtomicFile.write(file, out -> out.write(new byte[100_000])))
                    .isInstanceOf(WriteFailure.class).hasMessage("cannot write " + file + ": no space left on device");

            assertThat(Files.readAllBytes(file)).isEqualTo(GOOD);
            assertOnly(disk.root(), file, disk.root().resolve(".filler"));
        }
    }

    @Test
    void aReadOnlyFileSystemIsSaidSo(@TempDir Path dir) throws Exception {
        try (OddPlaces.Disk disk = OddPlaces.tinyDisk(dir.resolve("disk"), true)) {
            Path file = disk.root().resolve("t.json");

            assertThatThrownBy(() -> AtomicFile.write(file, text("x")))
                    .isInstanceOf(WriteFailure.class).hasMessage("cannot write " + file + ": read-only file system");
            assertThatThrownBy(() -> OutputPath.file(file)).hasMessage("cannot write " + file
                    + ": read-only file system (in " + disk.root() + ")");
        }
    }

    @Test
    void aBatchPutsEveryFileInPlaceOrNone(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.png");
        Files.write(a, GOOD);

        assertThatThrownBy(() -> {
            try (AtomicFile.Batch batch = new AtomicFile.Batch()) {
                batch.add(OutputPath.file(a), text("new a"));
                batch.add(OutputPath.file(b), out -> {
                    throw new IOException("No space left on device");
                });
                batch.commit();
            }
        }).hasMessage("cannot write " + b + ": no space left on device");
        assertThat(Files.readAllBytes(a)).isEqualTo(GOOD);
        assertOnly(dir, a);

        try (AtomicFile.Batch batch = new AtomicFile.Batch()) {
            batch.add(OutputPath.file(a), text("new a"));
            batch.add(OutputPath.file(b), text("new b"));
            batch.commit();
        }
        assertThat(Files.readString(a)).isEqualTo("new a");
        assertThat(Files.readString(b)).isEqualTo("new b");
        assertOnly(dir, a, b);
    }

    @Test
    void standardOutputIsWrittenAsItIsAndNotClosed() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        AtomicFile.write(OutputPath.standardOutput(stdout), text("on the stream"));

        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("on the stream");
    }

    @Test
    void aFolderIsFilledUnderATemporaryNameAndLeftOutIfAnythingFails(@TempDir Path dir) throws Exception {
        Path frames = dir.resolve("frames");

        assertThatThrownBy(() -> AtomicFile.writeFolder(frames, tmp -> {
            Files.write(tmp.resolve("1.png"), GOOD);
            throw new IOException("No space left on device");
        })).hasMessage("cannot write " + frames + ": no space left on device");
        assertOnly(dir);

        AtomicFile.writeFolder(frames, tmp -> Files.write(tmp.resolve("1.png"), GOOD));
        assertOnly(frames, frames.resolve("1.png"));
        assertOnly(dir, frames);
    }

    @Test
    void writersRacingForOneFileLeaveOneOfTheirFilesWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] writes = new Future<?>[8];
            for (int i = 0; i < writes.length; i++) {
                byte[] content = String.valueOf(i).repeat(100_000).getBytes(StandardCharsets.UTF_8);
                writes[i] = pool.submit(() -> {
                    AtomicFile.write(file, out -> out.write(content));
                    return null;
                });
            }
            for (Future<?> w : writes) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }

        String text = Files.readString(file);
        assertThat(text).hasSize(100_000).matches(text.charAt(0) + "{100000}");
        assertOnly(dir, file);
    }
}
