package io.threadline.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A write replaces the file whole or not at all, and leaves no temporary file either way. */
class AtomicFileTest {
    private static final byte[] GOOD = "the good file\n".getBytes(StandardCharsets.UTF_8);

    private static void assertOnly(Path dir, Path file) throws IOException {
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aCompleteWriteReplacesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        Files.write(file, GOOD);

        AtomicFile.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertOnly(dir, file);
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.json");
        Files.write(file, GOOD);

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write(new byte[200_000]);   // more than the buffer: some of it reached the disk
            throw new IOException("disk full");
        })).hasMessage("disk full");

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
    void aDirectoryIsNotReplaced(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub.json"));

        assertThatThrownBy(() -> AtomicFile.write(sub, out -> out.write(1)))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("is a directory");
        assertThat(Files.isDirectory(sub)).isTrue();
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
