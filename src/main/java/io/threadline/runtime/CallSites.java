package io.threadline.runtime;

/**
 * Finds the scenario source line that made a runtime call: the first stack frame in the
 * scenario's program class (or a class nested in it). Only the top few frames are walked.
 */
final class CallSites {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private final String prefix;
    private final String nestedPrefix;

    CallSites(Class<?> programClass) {
        this.prefix = programClass == null ? null : programClass.getName();
        this.nestedPrefix = prefix + "$";
    }

    String programClassName() {
        return prefix;
    }

    /**
     * A frame of the scenario's own code. Constructors are skipped so a thread subclass's
     * creation points at the {@code new}; javac's synthetic accessors (inner classes calling
     * the program's inherited methods) carry the class's first line, so they are skipped too.
     */
    private boolean isScenarioCode(StackWalker.StackFrame f) {
        String c = f.getClassName();
        if (!c.equals(prefix) && !c.startsWith(nestedPrefix)) {
            return false;
        }
        String m = f.getMethodName();
        return !m.startsWith("access$") && !m.equals("<init>");
    }

    /** The line, or 0 when no scenario frame is on the stack. */
    int line() {
        if (prefix == null) {
            return 0;
        }
        return WALKER.walk(frames -> frames.limit(24)
                .filter(this::isScenarioCode)
                .findFirst()
                .map(StackWalker.StackFrame::getLineNumber)
                .orElse(0));
    }
}
