package io.threadline.ui;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The app's log: java.util.logging under {@code io.threadline}, to stderr and to rotating files
 * in the system's folder for logs ({@link AppFolders}; {@code threadline.0.log} is the newest), so
 * an error a teacher saw in class can still be read afterwards. A folder that cannot be written
 * leaves the log on stderr only: logging never stops the app from starting.
 */
public final class AppLog {
    /** The logger every part of the app writes to. */
    public static final Logger LOG = Logger.getLogger("io.threadline");
    /** Bytes per log file before the next one is started. */
    static final int FILE_LIMIT = 1 << 20;
    /** Log files kept: threadline.0.log (newest) to threadline.4.log. */
    static final int FILE_COUNT = 5;
    static final String PATTERN = "threadline.%g.log";

    /** Windows that can write their logs side by side. */
    static final int MAX_INSTANCES = 50;

    private static Handler fileHandler;
    private static Handler consoleHandler;
    private static Path current;
    private static FileChannel instanceLock;

    private AppLog() {
    }

    /** Where the log goes: the system's folder for an app's logs, or {@code -Dthreadline.home} (see {@link AppFolders}). */
    public static Path defaultDirectory() {
        return AppFolders.standard().logs();
    }

    /** Sends the app's log to stderr and to files in {@code dir}; replaces an earlier set-up. */
    public static synchronized void install(Path dir) {
        install(dir, FILE_LIMIT);
    }

    static synchronized void install(Path dir, int fileLimit) {
        uninstall();
        LOG.setUseParentHandlers(false);
        LOG.setLevel(Level.INFO);
        consoleHandler = new ConsoleHandler();
        consoleHandler.setFormatter(new LineFormatter());
        consoleHandler.setLevel(Level.INFO);
        LOG.addHandler(consoleHandler);
        try {
            Files.createDirectories(dir);
            String pattern = instancePattern(dir);
            FileHandler files = new FileHandler(dir.resolve(pattern).toString(), fileLimit, FILE_COUNT, true);
            files.setFormatter(new LineFormatter());
            files.setEncoding("UTF-8");
            files.setLevel(Level.ALL);
            fileHandler = files;
            current = dir.resolve(pattern.replace("%g", "0"));
            LOG.addHandler(files);
        } catch (IOException | RuntimeException e) {
            releaseInstance();
            current = null;
            LOG.log(Level.WARNING, "No log file in " + dir + " (" + e.getMessage() + "); logging to stderr only");
        }
    }

    /** Closes the log files (the window calls this as the app ends). */
    public static synchronized void uninstall() {
        for (Handler h : new Handler[] {fileHandler, consoleHandler}) {
            if (h != null) {
                LOG.removeHandler(h);
                h.close();
            }
        }
        fileHandler = null;
        consoleHandler = null;
        current = null;
        releaseInstance();
        LOG.setUseParentHandlers(true);
    }

    /** This window's newest log file, or null when the log goes to stderr only. */
    public static synchronized Path currentFile() {
        return current;
    }

    /**
     * The file names of this instance's log. The first window open writes threadline.0.log to
     * threadline.4.log; a second launch while it is open threadline-2.0.log and so on, so two
     * windows never write or rotate each other's files. An instance holds its number by a lock
     * on a small file for as long as its log is open.
     */
    private static String instancePattern(Path dir) throws IOException {
        for (int n = 1; n <= MAX_INSTANCES; n++) {
            FileChannel channel = FileChannel.open(dir.resolve("instance-" + n + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    instanceLock = channel;
                    return n == 1 ? PATTERN : PATTERN.replace("threadline.", "threadline-" + n + ".");
                }
            } catch (OverlappingFileLockException e) {
                // held by this JVM (another log installed in a test)
            }
            channel.close();
        }
        throw new IOException(MAX_INSTANCES + " windows are writing logs in " + dir);
    }

    private static void releaseInstance() {
        if (instanceLock != null) {
            try {
                instanceLock.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
            instanceLock = null;
        }
    }

    /** Forces what was logged to disk, for tests and before the app ends. */
    static synchronized void flush() {
        if (fileHandler != null) {
            fileHandler.flush();
        }
    }

    /** A stack trace as text. */
    static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /** One line per record (time, level, thread, message), then the stack trace if there is one. */
    static final class LineFormatter extends Formatter {
        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder();
            b.append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ').append(r.getLevel().getName())
                    .append(" [").append(threadName(r)).append("] ").append(formatMessage(r))
                    .append(System.lineSeparator());
            if (r.getThrown() != null) {
                b.append(stackTrace(r.getThrown()));
            }
            return b.toString();
        }

        private static String threadName(LogRecord r) {
            // The record carries the thread id only; the name is known when logging on that thread.
            Thread t = Thread.currentThread();
            return t.getId() == r.getLongThreadID() ? t.getName() : "thread " + r.getLongThreadID();
        }
    }
}
