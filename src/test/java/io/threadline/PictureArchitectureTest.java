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
 * Pictures and trace files are made without JavaFX, so the command line draws on a server with no
 * display, and the window's export uses the very same code off the JavaFX thread.
 */
class PictureArchitectureTest {
    private static final Path SRC = Path.of("src/main/java/io/threadline");

    @Test
    void pictureExportAndTheCommandLineImportNoJavaFxAndNoUi() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String pkg : List.of("picture", "export", "cli")) {
            try (Stream<Path> files = Files.walk(SRC.resolve(pkg))) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    for (String line : Files.readAllLines(f)) {
                        if (line.startsWith("import javafx.") || line.startsWith("import io.threadline.ui.")) {
                            offenders.add(SRC.relativize(f) + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void thePictureDependsOnlyOnTheTrace() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SRC.resolve("picture"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import io.threadline.") && !line.startsWith("import io.threadline.trace.")
                            && !line.startsWith("import io.threadline.picture.")) {
                        offenders.add(SRC.relativize(f) + ": " + line);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
