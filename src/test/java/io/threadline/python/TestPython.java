package io.threadline.python;

/** The interpreter the bridge's tests use: python3 from the PATH, or THREADLINE_TEST_PYTHON. */
final class TestPython {
    private TestPython() {
    }

    static String interpreter() {
        String exe = System.getenv("THREADLINE_TEST_PYTHON");
        return exe == null || exe.isBlank() ? null : exe;
    }

    static PythonSettings settings() {
        return PythonSettings.defaults().withInterpreter(interpreter());
    }

    /** What plain CPython prints for {@code args} (a file, or -c and a program), in {@code dir}. */
    record Printed(String stdout, String stderr, int status) {
    }

    static Printed cpython(java.nio.file.Path dir, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(interpreter() == null ? "python3" : interpreter());
        command.addAll(java.util.List.of(args));
        ProcessBuilder b = new ProcessBuilder(command);
        if (dir != null) {
            b.directory(dir.toFile());
        }
        Process p = b.start();
        p.getOutputStream().close();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "";
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 " + String.join(" ", args) + " did not end");
        }
        return new Printed(out, err.get(), p.exitValue());
    }
}
