package io.threadline.python;

import io.threadline.runtime.ClockMode;
import io.threadline.runtime.Run;
import io.threadline.runtime.RunOptions;
import io.threadline.scenario.ParamValues;
import io.threadline.scenario.ScenarioCatalog;
import io.threadline.scenario.ScenarioSpec;
import io.threadline.trace.Trace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge on each CPython from 3.9 to 3.13 found on this machine (python3.N on the PATH, or
 * pyenv's): threads with a condition-based queue (3.9 to 3.12 join through threading's
 * sentinel lock, 3.13 through its thread handles), and a pool of processes, each giving its
 * Java program's trace. A version that is not installed is skipped.
 */
class PythonVersionsTest {
    @ParameterizedTest(name = "CPython {0}")
    @ValueSource(strings = {"3.9", "3.10", "3.11", "3.12", "3.13"})
    void scenariosGiveTheirJavaProgramsTraces(String version) throws Exception {
        String exe = find(version);
        Assumptions.assumeTrue(exe != null, "CPython " + version + " is not installed here");
        for (String id : List.of("producer-consumer", "pool-map-vs-imap", "deadlock")) {
            ScenarioSpec spec = ScenarioCatalog.byId(id);
            ParamValues values = spec.values(Map.of());
            Trace expected = spec.execute(values);
            Run run = UserProgram.of(ScenarioSource.fileName(spec), ScenarioSource.render(spec, values))
                    .start(spec.options(values, ClockMode.VIRTUAL, 1), PythonSettings.defaults().withInterpreter(exe)
                            .withLineCost(0));
            assertThat(run.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
            assertThat(String.join("\n", TraceShape.of(run.trace()))).as(id + " on " + version)
                    .isEqualTo(String.join("\n", TraceShape.of(expected)));
        }
        Run run = UserProgram.of("v.py", "import sys\nprint('%d.%d' % sys.version_info[:2])\n")
                .start(RunOptions.defaults(), PythonSettings.defaults().withInterpreter(exe));
        assertThat(run.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.trace().outputLine(0).text()).isEqualTo(version);
    }

    static String find(String version) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "python" + version);
            if (Files.isExecutable(p) && !dir.contains("shims")) {
                return p.toString();
            }
        }
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv)) {
            try (var all = Files.list(pyenv)) {
                return all.filter(d -> d.getFileName().toString().startsWith(version + "."))
                        .map(d -> d.resolve("bin").resolve("python3")).filter(Files::isExecutable)
                        .map(Path::toString).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return null;
    }
}
