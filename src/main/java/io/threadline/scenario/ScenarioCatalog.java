package io.threadline.scenario;

import java.util.List;

/** Every scenario the app offers, in the order the browser lists them. */
public final class ScenarioCatalog {
    private static final List<ScenarioSpec> ALL = List.of(
            new ChefSoupScenario(),
            new DaemonCleanerScenario(),
            new ProducerConsumerScenario(),
            new PoolMapVsImapScenario(),
            new RaceConditionScenario(),
            new RLockScenario(),
            new SemaphoreScenario(),
            new EventScenario(),
            new ConditionScenario(),
            new DeadlockScenario(),
            new GilCpuVsIoScenario(),
            new ExecutorScenario(),
            new ThreadsVsProcessesScenario());

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
