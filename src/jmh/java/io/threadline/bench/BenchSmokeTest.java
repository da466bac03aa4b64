package io.threadline.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark of the suite, once and tiny, so that {@code mvn verify} knows they still run;
 * their numbers mean nothing here (the suite itself: {@code mvn -B -Pbench verify}).
 */
class BenchSmokeTest {
    @Test
    void everyBenchmarkRunsAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        List<BenchSuite.Row> rows = new BenchSuite(true, Set.of(BenchSuite.SECTIONS), dir).run();

        assertThat(rows).extracting(BenchSuite.Row::figure).anyMatch(f -> f.startsWith("Recorder"))
                .anyMatch(f -> f.startsWith("Call site")).anyMatch(f -> f.startsWith("Engine"))
                .anyMatch(f -> f.startsWith("Search"))
                .anyMatch(f -> f.startsWith("Timeline")).anyMatch(f -> f.startsWith("Memory"))
                .anyMatch(f -> f.startsWith("Trace file")).anyMatch(f -> f.startsWith("Start-up"))
                .anyMatch(f -> f.startsWith("Python bridge"));
        // every figure was measured (no benchmark silently failed); allocation needs the gc profiler,
        // which a smoke run does without
        assertThat(rows).filteredOn(r -> !r.figure().startsWith("Start-up") && !r.figure().contains("allocation"))
                .allSatisfy(r -> assertThat(r.measured()).doesNotContain("n/a"));
        assertThat(Files.readString(dir.resolve("results.md"))).contains("| figure | measured | goal |");
        assertThat(Files.readString(dir.resolve("results.json"))).contains("\"recorder.transition.ns\"");
    }
}
