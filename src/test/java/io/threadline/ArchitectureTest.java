package io.threadline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folders encode the dependency graph: the engine (runtime, trace, scenario) knows nothing
 * of the window, so it can run headless, from the command line and in tests.
 */
class ArchitectureTest {
    private static final Path SRC = Path.of("src/main/java/io/threadline");

    @Test
    void engineCodeImportsNoJavaFxAndNoUi() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String pkg : List.of("runtime", "trace", "scenario")) {
            try (Stream<Path> files = Files.walk(SRC.resolve(pkg))) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    for (String line : Files.readAllLines(f)) {
                        if (line.startsWith("import javafx.") || line.startsWith("import io.threadline.ui.")
                                || line.startsWith("import io.threadline.cli.") || line.startsWith("import io.threadline.export.")) {
                            offenders.add(SRC.relativize(f) + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void traceDependsOnNothingElseOfOurs() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SRC.resolve("trace"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import io.threadline.") && !line.startsWith("import io.threadline.trace.")) {
                        offenders.add(SRC.relativize(f) + ": " + line);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    /** Trace files are untrusted: nothing in the app may turn their bytes into arbitrary objects. */
    @Test
    void noJavaDeserializationAnywhere() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SRC)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(f);
                for (String risky : List.of("ObjectInputStream", "readObject(", "readUnshared(", "XMLDecoder",
                        "enableDefaultTyping", "activateDefaultTyping")) {
                    if (text.contains(risky)) {
                        offenders.add(SRC.relativize(f) + ": " + risky);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
