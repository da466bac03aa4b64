package io.threadline.ui;

import io.threadline.export.TraceFile;
import io.threadline.trace.Trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Saves traces off the JavaFX thread, one at a time, in the order asked. Each save is atomic
 * ({@link TraceFile#save}): a failed or cut-off save leaves the file that was there. Closing the
 * window waits for saves under way ({@link #finish}) rather than asking the user anything: the
 * save is what the user asked for, and it takes seconds at most.
 */
final class TraceExports {
    /** What happens to one save: done, or failed with a one-line reason. */
    interface Listener {
        void saved(Path file);

        void failed(Path file, String reason);
    }

    /** Saves a trace to a file; the window's is {@link TraceFile#save}, tests slow it down. */
    @FunctionalInterface
    interface Saver {
        void save(Trace trace, Path file) throws IOException;
    }

    private final Saver saver;
    private final ExecutorService worker = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "trace-export");
                // The window's close waits for it (finish); a daemon cannot hold a JVM that must exit.
                t.setDaemon(true);
                return t;
            });
    private int pending;

    TraceExports(Saver saver) {
        this.saver = saver;
    }

    TraceExports() {
        this(TraceFile::save);
    }

    /** Saves {@code trace} to {@code file} in the background; {@code done} hears how it went, on that thread. */
    synchronized void save(Trace trace, Path file, Listener done) {
        pending++;
        worker.execute(() -> {
            try {
                saver.save(trace, file);
                done.saved(file);
            } catch (IOException e) {
                done.failed(file, IoProblems.describe(e));
            } catch (RuntimeException | Error e) {
                ErrorReporter.report("saving " + file.getFileName(), e);
                done.failed(file, "an unexpected error (see the error details)");
            } finally {
                finished();
            }
        });
    }

    private synchronized void finished() {
        pending--;
        notifyAll();
    }

    /** Saves under way or waiting. */
    synchronized int pending() {
        return pending;
    }

    /**
     * Lets the saves under way end, up to {@code millis}, and takes no more; true if none is left.
     * A save cut off by the timeout leaves the old file, as any failed save.
     */
    boolean finish(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (this) {
            while (pending > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        worker.shutdown();
        return pending() == 0;
    }
}
