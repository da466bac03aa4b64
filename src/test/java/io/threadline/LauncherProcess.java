package io.threadline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the launcher in a JVM of its own, as {@code java -jar} would, to see everything a user
 * sees on the terminal: messages printed while the JVM shuts down too, and what JavaFX logs.
 */
public final class LauncherProcess {
    /** What the process left: its exit status and the text of its two streams. */
    public record Result(int status, String out, String err) {
        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    private LauncherProcess() {
    }

    /**
     * Runs {@code io.threadline.Launcher args} in {@code dir}, its environment changed by
     * {@code env}, without the test JVM's Monocle settings (a user has none).
     */
    public static Result run(Path dir, Consumer<Map<String, String>> env, String... args)
            throws IOException, InterruptedException {
        return run(dir, env, List.of(), args);
    }

    /** As {@link #run(Path, Consumer, String...)}, with {@code jvmOptions} before the class. */
    public static Result run(Path dir, Consumer<Map<String, String>> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "-Dthreadline.home=" + dir.resolve("home"), "-Dthreadline.noWarmup=true"));
        command.addAll(jvmOptions);
        command.add("io.threadline.Launcher");
        command.addAll(List.of(args));
        Path out = dir.resolve(".launcher-out");
        Path err = dir.resolve(".launcher-err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        env.accept(pb.environment());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not end in 60 s: " + String.join(" ", args));
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
