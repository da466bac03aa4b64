package io.threadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads the classes the window needs on a second core while the first starts the JavaFX
 * toolkit: reading and verifying some 2,800 classes from the jar is a good part of start-up,
 * and the toolkit's own start leaves the other core idle. Classes are only loaded, never
 * initialised (no static code runs early, on the wrong thread); one the list names but the jar
 * no longer has is skipped. The list (preload.txt) is the classes a start of the window loads
 * from the jar, in order, as {@code -Xlog:class+load} shows them. To make it again:
 * <pre>
 * xvfb-run java -Xlog:class+load:file=/tmp/cl.txt -Dthreadline.startupProbe=exit -jar target/threadline.jar
 * grep "source: file" /tmp/cl.txt | sed 's/.*\] \([^ ]*\) source.*&#47;\1/' > src/main/resources/io/threadline/preload.txt
 * </pre>
 * Measured with {@code -Dthreadline.noWarmup=true} as the reference: first frame 2.8 s against
 * 3.0 s (medians of four, alternating, on a busy day).
 */
final class ClassWarmer {
    private ClassWarmer() {
    }

    static void start() {
        Thread t = new Thread(ClassWarmer::warm, "threadline-class-warmer");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void warm() {
        ClassLoader loader = ClassWarmer.class.getClassLoader();
        try (InputStream in = ClassWarmer.class.getResourceAsStream("preload.txt")) {
            if (in == null) {
                return;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String name;
            while ((name = r.readLine()) != null) {
                try {
                    Class.forName(name.trim(), false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // stale entry or a class for another platform: the window loads what it needs anyway
                }
            }
        } catch (IOException e) {
            // only a head start is lost
        }
    }
}
