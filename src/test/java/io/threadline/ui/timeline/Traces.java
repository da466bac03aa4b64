package io.threadline.ui.timeline;

import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;

import java.util.HashMap;
import java.util.Map;

/** Real traces of the scenarios at their defaults, run once per test JVM (each takes ~100 ms). */
final class Traces {
    private static final Map<String, Trace> CACHE = new HashMap<>();

    private Traces() {
    }

    static synchronized Trace of(String scenario) {
        return CACHE.computeIfAbsent(scenario, id -> {
            ScenarioSpec spec = ScenarioCatalog.byId(id);
            try {
                return spec.execute(spec.defaults());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
