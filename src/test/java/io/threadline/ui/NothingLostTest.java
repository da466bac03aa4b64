package io.threadline.ui;

import io.threadline.export.AtomicFile;
import io.threadline.export.TraceFile;
import io.threadline.export.TraceJsonWriter;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving a trace from the window: in the background, atomic, and neither a new run nor closing
 * the window while it goes on changes or loses what is saved. Nothing asks the user anything.
 */
class NothingLostTest extends FxTestBase {
    @TempDir
    Path dir;

    private static byte[] bytesOf(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    private void useSaver(TraceExports.Saver saver) {
        fx(() -> c.fileMenu().useSaver(saver));
    }

    @Test
    void aTraceIsSavedInTheBackgroundAndOpensBackTheSame() throws Exception {
        runToEnd("chef-soup");
        Trace t = c.playback().getTrace();
        Path file = dir.resolve("soup.json");

        fx(() -> c.fileMenu().saveTo(file));
        waitUntil("saved", () -> c.message().startsWith("Saved soup.json ("));

        assertThat(c.message()).matches("Saved soup\\.json \\(\\d+\\.\\d KB\\)\\.");
        assertThat(bytesOf(file)).isEqualTo(TraceJsonWriter.toBytes(t));
        assertThat(TraceFile.load(file).eventCount()).isEqualTo(t.eventCount());
        assertThat(fx(() -> c.fileMenu().baseName(t))).isEqualTo("chef-soup-seed0");
        assertThat(fx(() -> c.fileMenu().recent().list())).as("a saved file becomes recent").contains(
                file.toAbsolutePath());
    }

    @Test
    void aFailedSaveSaysSoAndLeavesTheFileThatWasThere() throws Exception {
        runToEnd("chef-soup");
        Path file = dir.resolve("soup.json");
        Files.writeString(file, "the good file");
        useSaver((trace, f) -> AtomicFile.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));

        fx(() -> c.fileMenu().saveTo(file));
        waitUntil("failure shown", () -> c.message().startsWith("Could not save"));

        assertThat(c.message()).isEqualTo("Could not save soup.json: no space left on device. The file that was"
                + " there is unchanged.");
        assertThat(Files.readString(file)).isEqualTo("the good file");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aNewRunWhileASaveGoesOnChangesNothingInWhatIsSaved() throws Exception {
        runToEnd("chef-soup");
        Trace soup = c.playback().getTrace();
        CountDownLatch release = new CountDownLatch(1);
        useSaver((trace, f) -> {
            await(release);
            TraceFile.save(trace, f);
        });
        Path file = dir.resolve("soup.json");

        fx(() -> c.fileMenu().saveTo(file));
        runToEnd("daemon-cleaner");
        release.countDown();
        waitUntil("saved", () -> c.message().startsWith("Saved soup.json ("));

        assertThat(bytesOf(file)).isEqualTo(TraceJsonWriter.toBytes(soup));
        assertThat(TraceFile.load(file).scenario()).isEqualTo("chef-soup");
    }

    @Test
    void closingTheWindowLetsASaveUnderWayFinish() throws Exception {
        runToEnd("producer-consumer");
        Trace t = c.playback().getTrace();
        useSaver((trace, f) -> {
            sleep(500);
            TraceFile.save(trace, f);
        });
        Path file = dir.resolve("pc.json");
        Files.writeString(file, "an older save");

        fx(() -> c.fileMenu().saveTo(file));
        fx(() -> c.shutdown());

        assertThat(bytesOf(file)).as("complete when the window is gone").isEqualTo(TraceJsonWriter.toBytes(t));
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aRunStillGoingOnIsSavedAsFarAsItGot() throws Exception {
        select("chef-soup");
        fx(() -> {
            c.clockMode = io.threadline.runtime.ClockMode.PACED;
            c.run();
        });
        waitUntil("some events", () -> c.playback().getTrace() != null && c.playback().getTrace().eventCount() > 3);
        Path file = dir.resolve("live.json");

        fx(() -> c.fileMenu().saveTo(file));
        waitUntil("saved", () -> c.message().startsWith("Saved live.json"));

        assertThat(c.message()).contains(": the run was still going on, saved up to ");
        Trace back = TraceFile.load(file);
        assertThat(back.eventCount()).isGreaterThan(3);
        assertThat(new String(bytesOf(file), StandardCharsets.UTF_8)).contains("\"outcome\":\"running\"");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
