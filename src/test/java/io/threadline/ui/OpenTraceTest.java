package io.threadline.ui;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The window opens a trace file through the loader the command line sets, in the background. */
class OpenTraceTest extends FxTestBase {
    private volatile Thread loaderThread;

    @Override
    protected TraceLoader loader() {
        return file -> {
            loaderThread = Thread.currentThread();
            if (file.getFileName().toString().startsWith("broken")) {
                throw new IOException("not a Threadline trace (line 1: expected '{')");
            }
            ScenarioSpec chef = ScenarioCatalog.byId("chef-soup");
            return chef.execute(chef.values(Map.of("olivia", "1.5")));
        };
    }

    @Test
    void aTraceFileIsShownWithItsScenarioAndParameters() {
        select("daemon-cleaner");
        assertThat(fx(() -> c.root().lookup("#openButton").isVisible())).isTrue();
        fx(() -> c.openTrace(Path.of("/tmp/soup.json")));
        waitUntil("shown", () -> c.playback().getTrace() != null);
        Trace t = c.playback().getTrace();
        assertThat(loaderThread).isNotNull();
        assertThat(loaderThread.getName()).isEqualTo("trace-loader");
        assertThat(c.currentScenario().id()).isEqualTo("chef-soup");
        assertThat(t.endTime()).isEqualTo(1_500_000);
        assertThat(fx(() -> c.playback().getPlayhead())).isEqualTo(1_500_000);
        assertThat(fx(() -> ((TextField) node("param-olivia")).getText())).isEqualTo("1.5");
        assertThat(fx(() -> c.output().lines().size())).isEqualTo(t.outputCount());
        assertThat(c.message()).isEqualTo("Opened soup.json");
        assertThat(fx(() -> stage.getTitle())).contains("olivia 1.5 s");
    }

    @Test
    void aBrokenFileGetsOneClearLineAndNothingIsLost() {
        runToEnd("chef-soup");
        Trace before = c.playback().getTrace();
        fx(() -> c.openTrace(Path.of("/tmp/broken.json")));
        waitUntil("message", () -> c.message().startsWith("Could not open"));
        assertThat(c.message()).isEqualTo("Could not open broken.json: not a Threadline trace (line 1: expected '{')");
        assertThat(fx(() -> c.playback().getTrace())).isSameAs(before);
    }
}
