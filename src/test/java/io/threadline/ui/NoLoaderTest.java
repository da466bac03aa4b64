package io.threadline.ui;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a trace file reader the window cannot open files, and says so instead of failing. */
class NoLoaderTest extends FxTestBase {
    @Test
    void openingAFileSaysItCannot() {
        assertThat(fx(() -> c.root().lookup("#openButton").isVisible())).isFalse();
        fx(() -> c.openTrace(Path.of("/tmp/x.json")));
        assertThat(c.message()).isEqualTo("Cannot open x.json: this build has no trace file reader.");
        assertThat(fx(() -> c.playback().getTrace())).isNull();
    }
}
