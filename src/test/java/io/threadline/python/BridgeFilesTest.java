package io.threadline.python;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge's files as the jar ships them: every one unpacked, and the run's folder gone after. */
class BridgeFilesTest {
    @Test
    void everyFileOfThePackageIsListedAndUnpacked() throws Exception {
        Path resources = Path.of("src", "main", "resources", "io", "threadline", "python", BridgeFiles.PACKAGE);
        try (Stream<Path> files = Files.list(resources)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py")))
                    .containsExactlyInAnyOrderElementsOf(BridgeFiles.FILES);
        }
        Path dir = BridgeFiles.unpack();
        try {
            for (String name : BridgeFiles.FILES) {
                assertThat(dir.resolve(BridgeFiles.PACKAGE).resolve(name)).isRegularFile()
                        .hasSameTextualContentAs(resources.resolve(name));
            }
        } finally {
            BridgeFiles.remove(dir);
        }
        assertThat(dir).doesNotExist();
    }
}
