package io.threadline.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's jar: the app's entries copied whole, JavaFX's native libraries set beside it, and
 * every entry written with its sizes ahead (no data descriptor after it: 16 bytes an entry, which
 * put the image over its 80 MB).
 */
class SplitNativesTest {
    @TempDir
    Path dir;

    @Test
    void copiesEveryEntryWholeWithItsSizesAheadAndSetsTheNativesBesideIt() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n".getBytes(StandardCharsets.UTF_8));
        entries.put("io/", new byte[0]);
        entries.put("io/empty.txt", new byte[0]);
        entries.put("io/text.css", ".a { -fx-fill: red; }\n".repeat(500).getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[70_000];
        new Random(3).nextBytes(noise);
        entries.put("io/noise.bin", noise);
        byte[] lib = "\u007fELF not really".getBytes(StandardCharsets.ISO_8859_1);
        Path jar = dir.resolve("in.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("libglass.so"));
            z.write(lib);
            z.closeEntry();
        }
        Path out = Files.createDirectories(dir.resolve("out"));

        assertThat(Packager.splitNatives(jar, out)).isEqualTo(1);

        assertThat(Files.readAllBytes(out.resolve("libglass.so"))).isEqualTo(lib);
        Path app = out.resolve("threadline.jar");
        try (ZipFile z = new ZipFile(app.toFile())) {
            assertThat(z.size()).isEqualTo(entries.size());
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry got = z.getEntry(e.getKey());
                assertThat(got).as(e.getKey()).isNotNull();
                try (var in = z.getInputStream(got)) {
                    assertThat(in.readAllBytes()).as(e.getKey()).isEqualTo(e.getValue());
                }
            }
        }
        List<Integer> flags = localHeaderFlags(Files.readAllBytes(app));
        assertThat(flags).hasSize(entries.size());
        assertThat(flags).as("general purpose flags: bit 3 is a data descriptor after the entry")
                .allMatch(f -> (f & 8) == 0);
    }

    /** Walks the local headers from the start, each followed by its data only (no descriptor). */
    private static List<Integer> localHeaderFlags(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> flags = new ArrayList<>();
        int at = 0;
        while (at + 30 <= zip.length && b.getInt(at) == 0x04034b50) {
            int flag = b.getShort(at + 6) & 0xffff;
            flags.add(flag);
            if ((flag & 8) != 0) {
                break;   // its sizes follow the data: the walk cannot go on
            }
            long csize = b.getInt(at + 18) & 0xffffffffL;
            at += 30 + (b.getShort(at + 26) & 0xffff) + (b.getShort(at + 28) & 0xffff) + (int) csize;
        }
        return flags;
    }
}
