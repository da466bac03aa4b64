package io.threadline.testing;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;

import java.util.stream.Stream;

/**
 * The catalogue's scenario ids for parameterised tests, {@code @MethodSource(Scenarios.IDS)}, so a
 * test of "every scenario" covers a new one without being edited.
 */
public final class Scenarios {
    public static final String IDS = "io.threadline.testing.Scenarios#ids";

    private Scenarios() {
    }

    public static Stream<String> ids() {
        return ScenarioCatalog.all().stream().map(ScenarioSpec::id);
    }
}
