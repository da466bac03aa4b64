package io.threadline.scenario;

import io.threadline.runtime.Carrier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scenario threads give the same trace, byte for byte, whether platform or virtual threads carry
 * them; a virtual thread stuck spinning sends later runs to platform threads. The build runs on Java 17, which has no virtual threads: there the comparison runs in a
 * newer JVM the test starts, the one the system property {@value #NEWER_JAVA} names (the pom
 * sets it to the JDK 25 of the build machines; {@code -Dthreadline.test.newerJdk=DIR} for
 * another). Run on Java 21 or later itself, it compares in its own JVM.
 */
class CarrierTracesTest {
    static final String NEWER_JAVA = "threadline.test.newerJdk";

    @Test
    void everyScenarioGivesTheSameTraceOnBothCarriers() throws Exception {
        if (Carrier.VIRTUAL.isAvailable()) {
            assertThat(CarrierTraces.threadClassOf(Carrier.VIRTUAL)).isEqualTo("java.lang.VirtualThread");
            List<String> differences = new ArrayList<>();
            int runs = CarrierTraces.compare(differences);
            assertThat(differences).isEmpty();
            assertThat(runs).isEqualTo(ScenarioCatalog.all().size() * (1 + CarrierTraces.VARIANTS));
            return;
        }
        Path java = newerJava();
        assumeTrue(java != null, "no JVM with virtual threads: set -D" + NEWER_JAVA + " to a JDK 21 or later");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CarrierTraces.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("compared " + ScenarioCatalog.all().size() * (1 + CarrierTraces.VARIANTS)
                + " runs on both carriers").contains(": 0 differ")
                .contains("a virtual thread the watchdog cannot end sends new runs to platform threads");
    }

    @Test
    void javaSeventeenCarriesRunsOnPlatformThreads() throws Exception {
        assertThat(CarrierTraces.threadClassOf(Carrier.PLATFORM)).isEqualTo("io.threadline.runtime.ScenarioThread");
        if (!Carrier.VIRTUAL.isAvailable()) {
            assertThat(Runtime.version().feature()).isLessThan(21);
            // asked for virtual threads where there are none: platform threads, not a failure
            assertThat(CarrierTraces.threadClassOf(Carrier.VIRTUAL)).isEqualTo("io.threadline.runtime.ScenarioThread");
        }
    }

    @Test
    void thePropertyChoosesTheCarrierOfNewRuns() throws Exception {
        String before = System.getProperty(Carrier.PROPERTY);
        try {
            System.setProperty(Carrier.PROPERTY, "platform");
            assertThat(Carrier.forNewRun()).isEqualTo(Carrier.PLATFORM);
            System.setProperty(Carrier.PROPERTY, "virtual");
            assertThat(Carrier.forNewRun()).isEqualTo(Carrier.VIRTUAL.isAvailable() ? Carrier.VIRTUAL : Carrier.PLATFORM);
            assertThat(Carrier.use(Carrier.PLATFORM, Carrier::forNewRun)).isEqualTo(Carrier.PLATFORM);
        } finally {
            if (before == null) {
                System.clearProperty(Carrier.PROPERTY);
            } else {
                System.setProperty(Carrier.PROPERTY, before);
            }
        }
    }

    /** A java of a JDK with virtual threads, or null. */
    private static Path newerJava() throws IOException {
        String dir = System.getProperty(NEWER_JAVA, "");
        if (dir.isBlank()) {
            return null;
        }
        Path java = Path.of(dir, "bin", System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            return null;
        }
        Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return version.matches("(?s).*version \"(2[1-9]|[3-9][0-9])[\".].*") ? java : null;
    }
}
