package io.threadline.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The Linux image's AOT cache, packed: the cache is 40 % of the image (46 of 116 MB) and packs to
 * a sixth of that, so the image carries {@code threadline.aot.xz} (or {@code .gz}) and its launcher
 * script unpacks it at the first start into the user's cache folder ({@code $XDG_CACHE_HOME/threadline}, by default
 * {@code ~/.cache/threadline}) under a name of this build ({@link #name}), which every later start
 * maps from there. The JVM maps a cache file in place, so it cannot read one compressed.
 *
 * <p>The launcher's configuration says where both are, in lines of its own that jpackage's
 * launchers do not read ({@code aot.packed=}, {@code aot.name=}, {@code aot.size=}); the {@code -XX:AOTCache} option
 * is the script's to add, once the file is there.
 */
final class PackedCache {
    static final String SECTION = "[Threadline]";
    static final String PACKED_KEY = "aot.packed=";
    static final String NAME_KEY = "aot.name=";
    static final String SIZE_KEY = "aot.size=";

    private PackedCache() {
    }

    /** The cache packed, the name it takes unpacked, and its size unpacked (the script checks a file against it). */
    record Packed(Path file, String name, long size) {
    }

    /**
     * Packs {@code cache} beside itself and deletes it: with {@code xz} where the build has it (a
     * sixth of the cache's size; the script then needs xz to unpack it, which Debian's desktops,
     * Fedora and Arch have, and the .deb asks for), else with gzip (a quarter; every Linux has gzip).
     * The name it takes unpacked is {@code threadline-VERSION-CRC.aot}, the CRC of its bytes, so
     * that a new build never finds a stale file under its name.
     */
    static Packed pack(Path cache, String version, Path xz) throws IOException, InterruptedException {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[1 << 16];
        long size = Files.size(cache);
        try (InputStream in = Files.newInputStream(cache)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
        }
        Path packed;
        if (xz != null) {
            packed = cache.resolveSibling(cache.getFileName() + ".xz");
            // -9e: a dictionary the whole cache fits in, 0.13 MB smaller than -6 (the image was 0.3
            // MB over its 80 MB), for 20 s more at build time; one block, so the first start unpacks
            // it on one core, 0.6 s instead of 0.4 (in 26 MiB blocks it kept only 0.08 MB of the 0.13)
            Process p = new ProcessBuilder(xz.toString(), "-9e", "-T0", "-c", cache.toString())
                    .redirectOutput(packed.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0) {
                throw new IOException("xz failed with exit status " + p.exitValue() + " on " + cache);
            }
        } else {
            packed = cache.resolveSibling(cache.getFileName() + ".gz");
            try (InputStream in = Files.newInputStream(cache);
                 OutputStream out = new GZIPOutputStream(Files.newOutputStream(packed), 1 << 16) {
                     {
                         def.setLevel(Deflater.BEST_COMPRESSION);
                     }
                 }) {
                in.transferTo(out);
            }
        }
        Files.delete(cache);
        return new Packed(packed, name(version, crc.getValue()), size);
    }

    static String name(String version, long crc) {
        String v = version.replaceAll("[^A-Za-z0-9._-]", "_");
        return String.format(Locale.ROOT, "%s-%s-%08x.aot", Packager.NAME, v, crc);
    }

    /**
     * The configuration with its {@code -XX:AOTCache} option (for the cache beside the jar) taken
     * out and the packed cache's two lines added in a section of their own at its end.
     */
    static List<String> configure(List<String> cfg, String cacheOption, String packedFile, String name, long size) {
        List<String> lines = new ArrayList<>();
        for (String line : cfg) {
            if (!line.equals("java-options=" + cacheOption)) {
                lines.add(line);
            }
        }
        if (lines.size() == cfg.size()) {
            throw new IllegalStateException("the launcher's configuration has no java-options=" + cacheOption);
        }
        lines.add("");
        lines.add(SECTION);
        lines.add(PACKED_KEY + "$APPDIR/" + packedFile);
        lines.add(NAME_KEY + name);
        lines.add(SIZE_KEY + size);
        return lines;
    }

    /** Rewrites the configuration file {@code cfg} as {@link #configure} says. */
    static void configure(Path cfg, String cacheOption, String packedFile, String name, long size) throws IOException {
        List<String> lines = configure(Files.readAllLines(cfg, StandardCharsets.UTF_8), cacheOption, packedFile, name,
                size);
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }
}
