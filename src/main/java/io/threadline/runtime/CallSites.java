package io.threadline.runtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the scenario source line that made a runtime call: the first stack frame in the
 * scenario's program class (or a class nested in it). Only the top few frames are walked.
 *
 * <p>The walk is the cost (about a microsecond, most of it the JVM filling the first batch of
 * frames), so it does as little as it can: classes are compared by identity (whether a class is
 * the scenario's is decided once per class), and the line of a frame is looked up by its method
 * and bytecode index in a cache filled on first sight, instead of building a StackTraceElement
 * each time.
 */
final class CallSites {
    /** Frames fetched in the first batch: the runtime's own frames and the scenario's. */
    private static final int DEPTH = 8;
    private static final int LIMIT = 24;
    private static final StackWalker WALKER =
            StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE), DEPTH);

    private final String prefix;
    private final String nestedPrefix;
    private final ClassValue<Boolean> scenarioClass = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            String n = c.getName();
            return n.equals(prefix) || n.startsWith(nestedPrefix);
        }
    };
    /** Line of (class, method, descriptor, bytecode index); a method's lines never change. */
    private final Map<Site, Integer> lines = new ConcurrentHashMap<>();

    private record Site(Class<?> type, String method, String descriptor, int bci) {
    }

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
        if (!scenarioClass.get(f.getDeclaringClass())) {
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
        return WALKER.walk(frames -> {
            var it = frames.iterator();
            for (int n = 0; n < LIMIT && it.hasNext(); n++) {
                StackWalker.StackFrame f = it.next();
                if (isScenarioCode(f)) {
                    return lineOf(f);
                }
            }
            return 0;
        });
    }

    private int lineOf(StackWalker.StackFrame f) {
        Site site = new Site(f.getDeclaringClass(), f.getMethodName(), f.getDescriptor(), f.getByteCodeIndex());
        Integer line = lines.get(site);
        if (line == null) {
            line = Math.max(0, f.getLineNumber());
            lines.put(site, line);
        }
        return line;
    }
}
