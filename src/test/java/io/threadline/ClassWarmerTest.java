package io.threadline;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The list of classes warmed at start-up stays in step with the code. */
class ClassWarmerTest {
    @Test
    void theListNamesClassesThatExistAndTheWindowsOwn() throws Exception {
        List<String> names;
        try (InputStream in = ClassWarmer.class.getResourceAsStream("preload.txt")) {
            assertThat(in).as("preload.txt on the classpath").isNotNull();
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        }
        assertThat(names).hasSizeGreaterThan(1000).contains("io.threadline.ui.MainController",
                "io.threadline.ui.timeline.TimelineView", "javafx.fxml.FXMLLoader");
        long missing = names.stream().filter(n -> {
            try {
                Class.forName(n, false, getClass().getClassLoader());
                return false;
            } catch (ClassNotFoundException | LinkageError e) {
                return true;
            }
        }).count();
        // a few may go stale between refreshes; many means the list should be made again (see ClassWarmer)
        assertThat(missing).as("classes in preload.txt that no longer exist").isLessThan(names.size() / 20);
    }
}
