package io.threadline.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An X server of our own (Xvfb), for a window where there is no desktop: the app image's training
 * run in the build and the start-up benchmarks. Takes the first display number from 90 on that
 * no other server holds.
 */
public record Xvfb(Process process, String display) implements AutoCloseable {
    /** Starts one; throws if Xvfb is not installed or does not come up. */
    public static Xvfb start() throws IOException, InterruptedException {
        for (int n = 90; n < 140; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p;
            try {
                p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new IOException("Xvfb is not installed (apt-get install -y xvfb libgtk-3-0)", e);
            }
            for (int i = 0; i < 100 && p.isAlive(); i++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                    return new Xvfb(p, ":" + n);
                }
                Thread.sleep(50);
            }
            p.destroy();
        }
        throw new IOException("could not start Xvfb on any display from :90 to :139");
    }

    /** Whether an Xvfb can be started here (the program is on the PATH). */
    public static boolean installed() {
        return Executables.find("Xvfb") != null;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
