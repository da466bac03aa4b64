package io.threadline.export;

import org.junit.jupiter.api.Assumptions;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Unusual places to write to, made inside a test's scratch folder and nowhere else: a named pipe,
 * a device node, a tiny file system that is full or read-only (where the machine lets a test
 * mount one; the test is skipped where it does not), and a stream that fails as a full disk does.
 */
public final class OddPlaces {
    private OddPlaces() {
    }

    /** A named pipe at {@code p} (mkfifo). */
    public static Path fifo(Path p) {
        Assumptions.assumeTrue(run("mkfifo", p.toString()), "mkfifo is not available here");
        return p;
    }

    /** A character device at {@code p} that is the kernel's "full" device (1, 7), as /dev/full is. */
    public static Path device(Path p) {
        Assumptions.assumeTrue(run("mknod", p.toString(), "c", "1", "7"), "this user cannot make device nodes");
        return p;
    }

    /** A file system of 64 KB mounted on the new folder {@code at}, unmounted by {@link Disk#close}. */
    public static Disk tinyDisk(Path at, boolean readOnly) throws IOException {
        Files.createDirectories(at);
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0777" + (readOnly ? ",ro" : ""), "tmpfs",
                at.toString());
        Assumptions.assumeTrue(mounted, "this machine does not let a test mount a tiny file system");
        return new Disk(at);
    }

    /** A tiny mounted file system (see {@link #tinyDisk}). */
    public static final class Disk implements AutoCloseable {
        private final Path root;

        private Disk(Path root) {
            this.root = root;
        }

        public Path root() {
            return root;
        }

        /** Fills what room is left with a file of its own, so the next byte written fails. */
        public void fill() throws IOException {
            try (OutputStream out = Files.newOutputStream(root.resolve(".filler"))) {
                byte[] block = new byte[1024];
                for (int i = 0; i < 1024; i++) {
                    out.write(block);
                }
                out.flush();
            } catch (IOException expected) {
                if (!String.valueOf(expected.getMessage()).contains("No space left")) {
                    throw expected;
                }
                return;
            }
            throw new IllegalStateException("the tiny disk did not fill");
        }

        @Override
        public void close() {
            run("umount", "-l", root.toString());
        }
    }

    /** A stream that fails as a full disk does once {@code limit} bytes went through. */
    public static OutputStream failingAfter(OutputStream out, int limit) {
        return new FilterOutputStream(out) {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > limit) {
                    throw new IOException("No space left on device");
                }
                written += len;
                out.write(b, off, len);
            }
        };
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
