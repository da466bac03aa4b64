package io.threadline.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Linux image's AOT cache packs (xz or gzip) to the same bytes, under a name of those bytes. */
class PackedCacheTest {
    @TempDir
    Path dir;

    private byte[] someCache() {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        System.arraycopy(new byte[100_000], 0, bytes, 0, 100_000); // a run that compresses
        return bytes;
    }

    private String expectedName(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return String.format("threadline-0.1.0-%08x.aot", crc.getValue());
    }

    @Test
    void withoutXzTheCacheIsGzippedInPlaceAndNamedByVersionAndCrc() throws Exception {
        byte[] bytes = someCache();
        Path cache = Files.write(dir.resolve("threadline.aot"), bytes);

        PackedCache.Packed packed = PackedCache.pack(cache, "0.1.0", null);

        assertThat(cache).doesNotExist();
        assertThat(packed.file()).isEqualTo(dir.resolve("threadline.aot.gz"));
        assertThat(Files.size(packed.file())).isLessThan(bytes.length);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(packed.file()))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(packed.name()).isEqualTo(expectedName(bytes));
        assertThat(packed.size()).isEqualTo(bytes.length);
    }

    @Test
    void withXzTheCacheIsXzedAndXzGivesTheSameBytesBack() throws Exception {
        Path xz = Executables.find("xz");
        assumeTrue(xz != null, "xz on the PATH");
        byte[] bytes = someCache();
        Path cache = Files.write(dir.resolve("threadline.aot"), bytes);

        PackedCache.Packed packed = PackedCache.pack(cache, "0.1.0", xz);

        assertThat(cache).doesNotExist();
        assertThat(packed.file()).isEqualTo(dir.resolve("threadline.aot.xz"));
        Process p = new ProcessBuilder(xz.toString(), "-dc", packed.file().toString()).start();
        byte[] back = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        assertThat(back).isEqualTo(bytes);
        assertThat(packed.name()).isEqualTo(expectedName(bytes));
    }

    @Test
    void aDifferentCacheGetsADifferentNameAndAVersionKeepsToSafeCharacters() {
        assertThat(PackedCache.name("0.1.0", 1)).isNotEqualTo(PackedCache.name("0.1.0", 2));
        assertThat(PackedCache.name("1.0 beta/2", 0xabc)).isEqualTo("threadline-1.0_beta_2-00000abc.aot");
    }

    @Test
    void theConfigurationLosesTheCacheOptionAndGainsTheSectionTheScriptReads() {
        List<String> cfg = List.of("[Application]", "app.mainclass=io.threadline.Launcher", "[JavaOptions]",
                "java-options=-XX:+UseSerialGC", "java-options=-XX:AOTCache=$APPDIR/threadline.aot",
                "java-options=-Dthreadline.noWarmup=true");
        assertThat(PackedCache.configure(cfg, "-XX:AOTCache=$APPDIR/threadline.aot", "threadline.aot.gz", "n.aot", 42))
                .containsExactly("[Application]", "app.mainclass=io.threadline.Launcher", "[JavaOptions]",
                        "java-options=-XX:+UseSerialGC", "java-options=-Dthreadline.noWarmup=true", "",
                        "[Threadline]", "aot.packed=$APPDIR/threadline.aot.gz", "aot.name=n.aot", "aot.size=42");
        assertThatThrownBy(() -> PackedCache.configure(List.of("[JavaOptions]"), "-XX:AOTCache=x", "x.gz", "n.aot", 1))
                .hasMessageContaining("no java-options=-XX:AOTCache=x");
    }
}
