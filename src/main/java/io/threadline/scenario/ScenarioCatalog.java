package io.threadline.scenario;

import java.util.List;

/** Every scenario the app offers, in the order the browser lists them. */
public final class ScenarioCatalog {
    private static final List<ScenarioSpec> ALL = List.of(
            new ChefSoup(),
            new DaemonCleaner(),
            new ProducerConsumer(),
            new PoolMapVsImap(),
            new RaceCondition(),
            new RLock(),
            new Semaphore(),
            new Event(),
            new Condition(),
            new Deadlock(),
            new GilCpuVsIo(),
            new Executor(),
            new ThreadsVsProcesses());

    private ScenarioCatalog() {
    }

    public static List<ScenarioSpec> all() {
        return ALL;
    }

    /** The scenario with this id, or null. */
    public static ScenarioSpec byId(String id) {
        for (ScenarioSpec s : ALL) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }
}
