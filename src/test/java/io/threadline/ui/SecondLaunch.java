package io.threadline.ui;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a second launch of the app does with the files the first one keeps, in a JVM of its own
 * ({@link TwoLaunchesTest} starts it while the test's JVM plays the first window).
 * <pre>
 * recent STORE PREFIX COUNT GO   waits for the file GO, then adds COUNT files PREFIX-i.json
 * log DIR                        opens the app's log in DIR, logs a line, prints its file
 * </pre>
 */
public final class SecondLaunch {
    private SecondLaunch() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("recent")) {
            RecentFiles recent = new RecentFiles(Path.of(args[1]));
            Path go = Path.of(args[4]);
            while (!Files.exists(go)) {
                Thread.sleep(1);
            }
            for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                recent.add(Path.of("/traces/" + args[2] + "-" + i + ".json"));
            }
        } else {
            AppLog.install(Path.of(args[1]));
            AppLog.LOG.info("the second window's line");
            AppLog.flush();
            System.out.println(AppLog.currentFile());
            AppLog.uninstall();
        }
        System.exit(0);
    }
}
