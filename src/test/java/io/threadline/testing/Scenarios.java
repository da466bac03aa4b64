package io.threadline.testing;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;

import java.util.HashMap;
import java.util.Map;
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

    /** The parameters of a run written "id:name=value,name=value" (a test's list of settings). */
    public static Map<String, String> params(String run) {
        Map<String, String> given = new HashMap<>();
        int colon = run.indexOf(':');
        if (colon >= 0) {
            for (String kv : run.substring(colon + 1).split(",")) {
                given.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        return given;
    }
}
