package io.threadline.ui;

import io.threadline.export.TraceFile;
import io.threadline.export.TraceJsonWriter;
import io.threadline.trace.Trace;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The File menu in the window: save and open give back the same trace, recent files are kept,
 * a dropped file opens, pictures and recordings are written off the JavaFX thread (a recording can
 * be cancelled), and the window says what made the run.
 */
class FileMenuTest extends FxTestBase {
    @TempDir
    Path dir;

    @Override
    protected TraceLoader loader() {
        return TraceFile::load;
    }

    @BeforeEach
    void forgetRecentFiles() {
        fx(() -> c.fileMenu().recent().clear());
    }

    private <T> T await(Task<T> task) {
        waitUntil("the task ends", () -> task.getState() == Worker.State.SUCCEEDED
                || task.getState() == Worker.State.FAILED || task.getState() == Worker.State.CANCELLED);
        return fx(task::getValue);
    }

    @Test
    void theMenuOffersEveryFileCommandWithItsKeys() {
        MenuButton menu = node("fileMenuButton");

        List<String> items = fx(() -> menu.getItems().stream().filter(i -> i.getText() != null)
                .map(i -> i.getText() + (i.getAccelerator() == null ? "" : " " + i.getAccelerator().getDisplayText()))
                .collect(Collectors.toList()));

        assertThat(items).containsExactly("New program Ctrl+N", "Open program… Ctrl+Shift+O",
                "Save program… Ctrl+Shift+S", "Open trace… Ctrl+O", "Open recent", "Save trace… Ctrl+S",
                "Export picture… Ctrl+E", "Record playback… Ctrl+Shift+E", "Copy command line Ctrl+Shift+C");
    }

    @Test
    void aSavedTraceOpensBackTheSameAndBecomesRecent() throws Exception {
        runToEnd("chef-soup");
        Trace ran = c.playback().getTrace();
        Path file = dir.resolve("soup.json");

        assertThat(fx(() -> c.fileMenu().saveTo(file))).isTrue();
        waitUntil("saved", () -> c.message().startsWith("Saved soup.json ("));
        assertThat(fx(() -> stage.getTitle())).as("the title names the run, not the file")
                .startsWith("Chef soup (");
        select("daemon-cleaner");
        fx(() -> c.openTrace(file));
        waitUntil("opened", () -> c.message().startsWith("Opened soup.json"));

        Trace opened = c.playback().getTrace();
        assertThat(opened).isNotSameAs(ran);
        assertThat(TraceJsonWriter.toBytes(opened)).isEqualTo(TraceJsonWriter.toBytes(ran));
        assertThat(c.currentScenario().id()).isEqualTo("chef-soup");
        assertThat(fx(() -> c.fileMenu().recent().list())).containsExactly(file.toAbsolutePath());
        // kept in the test home, where the next window finds it
        assertThat(RecentFiles.standard().list()).containsExactly(file.toAbsolutePath());
    }

    @Test
    void aForeignTraceDroppedOnTheWindowOpensWithItsFileAsTitle() throws Exception {
        runToEnd("chef-soup");
        Path file = dir.resolve("browser.json");
        Files.writeString(file, "[{\"name\":\"Frame\",\"ph\":\"X\",\"pid\":1,\"tid\":5,\"ts\":10,\"dur\":16000},"
                + "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":5,\"args\":{\"name\":\"CrRendererMain\"}}]");

        assertThat(fx(() -> c.fileMenu().dropped(List.of(file.toFile())))).isTrue();
        waitUntil("opened", () -> c.message().startsWith("Opened browser.json"));

        assertThat(c.message()).isEqualTo("Opened browser.json: imported from a Chrome trace: 1 span on 1 thread"
                + " (running inside spans, waiting between them)");
        assertThat(c.playback().getTrace().thread(0).name()).isEqualTo("CrRendererMain");
        assertThat(fx(() -> stage.getTitle())).isEqualTo("browser.json — Threadline");
        assertThat(fx(() -> ((Label) node("runStatus")).getText())).isEqualTo("browser.json");
    }

    @Test
    void aBrokenFileGetsOneLineAndTheRunShownStays() throws Exception {
        runToEnd("chef-soup");
        Trace before = c.playback().getTrace();
        Path file = dir.resolve("cut.json");
        byte[] whole = TraceJsonWriter.toBytes(before);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        fx(() -> c.fileMenu().dropped(List.of(file.toFile())));
        waitUntil("refused", () -> c.message().startsWith("Could not open"));

        assertThat(c.message()).matches("Could not open cut\\.json: line \\d+, column \\d+: the file ends in the"
                + " middle of the trace \\(truncated\\?\\)");
        assertThat(c.playback().getTrace()).isSameAs(before);
        assertThat(fx(() -> c.fileMenu().dropped(List.of(dir.toFile())))).isFalse();
        assertThat(c.message()).startsWith("Cannot open ").endsWith("it is a folder; drop a trace file (.json).");
    }

    @Test
    void thePictureOfTheVisibleWindowAndOfTheWholeRunIsExported() throws Exception {
        runToEnd("chef-soup");
        fx(() -> c.timeline().showWindow(400_000, 600_000));
        ExportRequest png = new ExportRequest(ExportRequest.Kind.PNG, false, 2, false, false, 1000, true, 1, 10, false);

        Path part = await(fx(() -> c.fileMenu().export(png, dir.resolve("part.png"))));
        Path whole = await(fx(() -> c.fileMenu().export(png.with(ExportRequest.Kind.SVG).withWholeRun(), dir.resolve("whole.svg"))));

        assertThat(ImageIO.read(part.toFile()).getWidth()).isEqualTo(2000);
        assertThat(fx(() -> c.fileMenu().options(png, c.playback().getTrace()).from())).isEqualTo(400_000);
        assertThat(Files.readString(whole)).contains("aria-label=\"join Olivia\"");
        assertThat(c.message()).startsWith("Exported whole.svg (");
    }

    @Test
    void aRecordingIsAGifOfTheRunPlayingAndCanBeCancelled() throws Exception {
        runToEnd("chef-soup");
        ExportRequest gif = new ExportRequest(ExportRequest.Kind.GIF, true, 1, true, false, 800, true, 2, 10, true);
        Path file = dir.resolve("soup.gif");

        Task<Path> cancelled = fx(() -> {
            Task<Path> t = c.fileMenu().export(gif, file);
            t.cancel(false);
            return t;
        });
        await(cancelled);
        waitUntil("said", () -> c.message().equals("Recording cancelled; nothing was written."));
        // the recorder stops at its next frame and removes its temporary file
        waitUntil("nothing left", () -> dir.toFile().list().length == 0);

        await(fx(() -> c.fileMenu().export(gif, file)));
        assertThat(c.message()).startsWith("Recorded soup.gif (");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            // 3 s at twice real time, 10 frames a second: 0 to 3 s in 0.2 s steps
            assertThat(r.getNumImages(true)).isEqualTo(16);
            assertThat(r.read(0).getWidth()).isEqualTo(800);
        }
    }

    @Test
    void theTitleAndTheStatusBarSayScenarioParametersAndSeedAndTheCommandIsCopied() {
        runToEnd("chef-soup");

        assertThat(fx(() -> stage.getTitle())).isEqualTo("Chef soup (olivia 3 s, cook 0.5 s, seed 0) — Threadline");
        assertThat(fx(() -> ((Label) node("runStatus")).getText())).isEqualTo("chef-soup olivia=3 cook=0.5 · seed 0");
        String command = fx(() -> c.fileMenu().copyCommandLine());
        assertThat(command).endsWith(" run chef-soup --set olivia=3 --set cook=0.5 --seed 0");
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(command);
        assertThat(c.message()).isEqualTo("Copied: " + command);
    }

    @Test
    void recentFilesKeepTheNewestFirstOnceEachAndForgetMissingOnes() throws Exception {
        Path store = dir.resolve("home/recent-files");
        RecentFiles r = new RecentFiles(store);
        for (int i = 0; i < 12; i++) {
            r.add(dir.resolve("t" + i + ".json"));
        }
        r.add(dir.resolve("t5.json"));

        List<Path> kept = new RecentFiles(store).list();
        assertThat(kept).hasSize(RecentFiles.LIMIT);
        assertThat(kept.get(0)).isEqualTo(dir.resolve("t5.json"));
        assertThat(kept.get(1)).isEqualTo(dir.resolve("t11.json"));
        assertThat(kept).doesNotContain(dir.resolve("t0.json"), dir.resolve("t1.json"));
        r.remove(dir.resolve("t5.json"));
        assertThat(new RecentFiles(store).list()).hasSize(RecentFiles.LIMIT - 1).doesNotContain(dir.resolve("t5.json"));
        assertThat(new RecentFiles(dir.resolve("nowhere/none")).list()).isEmpty();
    }

    @Test
    void theExportFormGivesWhatItShows() {
        ExportRequest initial = new ExportRequest(ExportRequest.Kind.PNG, false, 2, false, false, 1200, true, 1, 10,
                true);
        ExportRequest asked = fx(() -> {
            ExportDialog.Form f = new ExportDialog.Form(false, initial, c.playback().getTrace());
            f.kind.setValue(ExportRequest.Kind.SVG);
            f.whole.setSelected(true);
            f.theme.setValue("Dark");
            return f.request();
        });

        assertThat(asked.kind()).isEqualTo(ExportRequest.Kind.SVG);
        assertThat(asked.wholeRun()).isTrue();
        assertThat(asked.dark()).isTrue();
        assertThat(asked.width()).isEqualTo(1200);
    }

    @Test
    void withoutATraceNothingIsSavedOrExported() {
        select("chef-soup");

        assertThat(fx(() -> c.fileMenu().saveTo(dir.resolve("x.json")))).isFalse();
        assertThat(fx(() -> c.fileMenu().copyCommandLine())).isNull();
        assertThat(c.message()).isEqualTo("Nothing to copy yet: run a scenario first.");
        assertThat(dir).isEmptyDirectory();
        assertThat(fx(() -> ((MenuItem) ((MenuButton) node("fileMenuButton")).getItems().get(4)).getText()))
                .isEqualTo("Open trace…");
        assertThat(new File(dir.toFile(), "x.json")).doesNotExist();
    }
}
