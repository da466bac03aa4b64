package io.threadline.ui;

import io.threadline.runtime.ClockMode;
import io.threadline.scenario.ScenarioCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A big run followed live fills the output and the thread's transitions in bursts: the lists
 * scroll to their newest rows without the list controls warning (on stderr) of rows they do not
 * have yet, also while presentation mode has the output folded away.
 */
class BigRunListsTest extends FxTestBase {
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger controls = Logger.getLogger("javafx.scene.control");
    private final Handler hear = new Handler() {
        @Override
        public void publish(LogRecord r) {
            warnings.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        controls.addHandler(hear);
    }

    @AfterEach
    void stopListening() {
        controls.removeHandler(hear);
    }

    @Test
    void aBigProducerConsumerRunScrollsItsListsQuietly() {
        for (boolean presentation : new boolean[]{false, true}) {
            warnings.clear();
            select("producer-consumer");
            fx(() -> {
                c.layout().setFullScreen(false);
                c.setPresentation(presentation);
                c.paramForm().show(ScenarioCatalog.byId("producer-consumer"),
                        Map.of("consumers", "32", "items", "1000", "make", "0.01", "consume", "0.5"));
                c.clockMode = ClockMode.PACED;
                c.playback().setSpeed(8);
                c.timeline().selectedThreadProperty().set(1);
                c.run();
            });
            waitUntil("the run has printed", () -> c.output().lines().size() > 100);
            fx(() -> c.stop());
            // the folded output shown again catches up quietly too
            fx(() -> c.setPresentation(false));
            fx(() -> c.replay());
            waitUntil("the replay has printed", () -> c.output().lines().size() > 50);
            assertThat(warnings).as(presentation ? "in presentation mode" : "in the normal window")
                    .noneMatch(w -> w != null && w.contains("maxCellCount"));
        }
    }
}
