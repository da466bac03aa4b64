package io.threadline.scenario;

import java.util.List;

/** Every scenario the app offers, in the order the browser lists them. */
public final class ScenarioCatalog {
    private static final List<ScenarioSpec> ALL = List.of(
            new ChefSoupScenario(),
            new DaemonCleanerScenario(),
            new ProducerConsumerScenario(),
            new PoolMapVsImapScenario(),
            new NoJoinScenario(),
            new InterleavingScenario(),
            new RaceConditionScenario(),
            new RLockScenario(),
            new SemaphoreScenario(),
            new EventScenario(),
            new BarrierScenario(),
            new ConditionScenario(),
            new DeadlockScenario(),
            new GilCpuVsIoScenario(),
            new PrimeCheckScenario(),
            new ExecutorScenario(),
            new PoolTheRestScenario(),
            new ThreadsVsProcessesScenario(),
            new ProcessesScenario(),
            new ProcessDataScenario(),
            new AsyncioTasksScenario());

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
