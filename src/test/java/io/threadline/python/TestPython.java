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
}
