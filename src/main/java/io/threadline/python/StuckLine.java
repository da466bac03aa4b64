package io.threadline.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The program's line a CPython thread is stuck at, outside the runtime (in C): the watchdog
 * has the process write its threads' stacks (faulthandler, on SIGUSR2, which works while a
 * thread blocks in C) and takes the stack that is not parked in the bridge.
 */
final class StuckLine {
    private static final Pattern FRAME = Pattern.compile("^\\s+File \"(.*)\", line (\\d+) in (.*)$");

    private StuckLine() {
    }

    /** The line of {@code program} the stuck thread is at, or 0 if it cannot be told. */
    static int find(Path stacks, long pid, String program) {
        if (pid <= 0 || System.getProperty("os.name", "").startsWith("Windows")) {
            return 0;
        }
        try {
            long before = Files.exists(stacks) ? Files.size(stacks) : 0;
            Process kill = new ProcessBuilder("kill", "-USR2", Long.toString(pid)).start();
            if (!kill.waitFor(2, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                return 0;
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (Files.size(stacks) == before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(20);
            String text = new String(Files.readAllBytes(stacks), StandardCharsets.UTF_8);
            return lineOf(text.substring((int) Math.min(before, text.length())), program);
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** In a dump of every thread's stack (innermost frame first): the stuck thread's program line. */
    static int lineOf(String dump, String program) {
        for (String block : dump.split("\\n(?=(Current thread|Thread) 0x)")) {
            List<String> lines = block.lines().toList();
            boolean innermost = true;
            boolean parked = false;
            for (String l : lines) {
                Matcher m = FRAME.matcher(l);
                if (!m.matches()) {
                    continue;
                }
                if (innermost) {
                    // a thread waiting for the baton is in the bridge (its gate, the channel)
                    parked = m.group(1).contains("threadline_bridge");
                    innermost = false;
                }
                if (!parked && m.group(1).equals(program)) {
                    return Integer.parseInt(m.group(2));
                }
            }
        }
        return 0;
    }
}
