package io.threadline.ui;

import io.threadline.export.OddPlaces;
import io.threadline.export.TraceFile;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's Save trace, Export picture and Record playback keep the command line's rules
 * (they write through the same helper): what is not a file is never replaced, a link is
 * followed, and a failure is one line in the status bar with the old file as it was.
 */
class WindowWritesTest extends FxTestBase {
    private static final byte[] OLD = "the old file".getBytes(StandardCharsets.UTF_8);
    private static final ExportRequest PNG = new ExportRequest(ExportRequest.Kind.PNG, true, 1, false, false, 800,
            true, 1, 10, false);
    private static final ExportRequest GIF = new ExportRequest(ExportRequest.Kind.GIF, true, 1, false, false, 800,
            true, 3, 2, true);

    @TempDir
    Path dir;

    @Override
    protected TraceLoader loader() {
        return TraceFile::load;
    }

    private void await(Task<?> task) {
        waitUntil("the task ends", () -> task.getState() == Worker.State.SUCCEEDED
                || task.getState() == Worker.State.FAILED || task.getState() == Worker.State.CANCELLED);
        fx(() -> null);
    }

    private static Path[] list(Path folder) throws Exception {
        try (Stream<Path> in = Files.list(folder)) {
            return in.toArray(Path[]::new);
        }
    }

    /** The menu's Save trace and Ctrl+S are one command (KeyMapTest): one save, one way to fail. */
    @Test
    void savingOverANamedPipeIsRefusedInOneLine() throws Exception {
        runToEnd("chef-soup");
        Path fifo = OddPlaces.fifo(dir.resolve("fifo"));

        assertThat(fx(() -> c.fileMenu().saveTo(fifo))).isTrue();
        waitUntil("failure shown", () -> c.message().startsWith("Could not save"));
        assertThat(c.message()).isEqualTo("Could not save fifo: it is a named pipe, not a file. The file that was"
                + " there is unchanged.");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(list(dir)).containsExactly(fifo);
    }

    @Test
    void aPictureExportedThroughALinkReplacesTheFileItNames() throws Exception {
        runToEnd("chef-soup");
        Path real = Files.write(dir.resolve("real.png"), OLD);
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), real.getFileName());
        Path toFolder = Files.createSymbolicLink(dir.resolve("folder.png"), Files.createDirectory(dir.resolve("d")));

        await(fx(() -> c.fileMenu().export(PNG, link)));
        assertThat(c.message()).startsWith("Exported link.png (");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.size(real)).isGreaterThan(1000);

        await(fx(() -> c.fileMenu().export(PNG.with(ExportRequest.Kind.SVG), toFolder)));
        assertThat(c.message()).isEqualTo("Could not export folder.png: it is a link to " + dir.resolve("d")
                + ", which is a folder.");
        assertThat(list(dir)).containsExactlyInAnyOrder(real, link, toFolder, dir.resolve("d"));
    }

    @Test
    void aRecordingOnAFullDiskIsOneLineAndLeavesTheOldFile() throws Exception {
        runToEnd("chef-soup");
        try (OddPlaces.Disk disk = OddPlaces.tinyDisk(dir.resolve("disk"), false)) {
            Path gif = Files.write(disk.root().resolve("soup.gif"), OLD);
            disk.fill();

            await(fx(() -> c.fileMenu().export(GIF, gif)));

            assertThat(c.message()).isEqualTo("Could not export soup.gif: no space left on device.");
            assertThat(Files.readAllBytes(gif)).isEqualTo(OLD);
            assertThat(list(disk.root())).containsExactlyInAnyOrder(gif, disk.root().resolve(".filler"));
        }
    }

    @Test
    void framesIntoAFolderThatIsNotEmptyOrOntoAReadOnlyDiskAreRefused() throws Exception {
        runToEnd("chef-soup");
        Path full = Files.createDirectory(dir.resolve("frames"));
        Files.write(full.resolve("mine.txt"), OLD);

        await(fx(() -> c.fileMenu().export(GIF.with(ExportRequest.Kind.FRAMES), full)));
        assertThat(c.message()).isEqualTo("Could not export frames: it is a folder that is not empty (name a new or"
                + " empty one).");
        assertThat(list(full)).containsExactly(full.resolve("mine.txt"));

        try (OddPlaces.Disk disk = OddPlaces.tinyDisk(dir.resolve("disk"), true)) {
            await(fx(() -> c.fileMenu().export(PNG, disk.root().resolve("soup.png"))));
            assertThat(c.message()).isEqualTo("Could not export soup.png: read-only file system (in " + disk.root()
                    + ").");
        }
    }
}
