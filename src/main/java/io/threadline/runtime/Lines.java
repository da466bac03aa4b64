package io.threadline.runtime;

/**
 * Where scenario code is: the build stamps the scenario programs' classes (see
 * {@code io.threadline.build.LineStamper}) so that each source line, and each return from a
 * call, first calls {@link #at(int)}. The runtime then knows the line of a call into it
 * without walking the stack (a walk costs about a microsecond; a stamp a nanosecond or two).
 *
 * <p>A program class that was not stamped (one compiled by an IDE without the build's step, or
 * a test's) still gets its lines, from {@link CallSites}'s walk.
 */
public final class Lines {
    /** Name of the static field the stamper adds to every class it has stamped. */
    public static final String MARKER = "$threadline$lineStamps";
    /** Internal name of this class and the descriptor of {@link #at(int)}, for the stamper. */
    public static final String OWNER = "io/threadline/runtime/Lines";
    public static final String AT = "at";
    public static final String AT_DESCRIPTOR = "(I)V";
    /** System property: when true, runs find lines by walking the stack even in stamped programs. */
    public static final String WALK_PROPERTY = "threadline.walkCallSites";

    private static final ClassValue<Boolean> STAMPED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            try {
                c.getDeclaredField(MARKER);
                return true;
            } catch (NoSuchFieldException e) {
                return false;
            }
        }
    };

    private Lines() {
    }

    /** Called by stamped scenario code: the calling thread is now at {@code line}. */
    public static void at(int line) {
        ScenarioThread.restore(line);
    }

    /** Whether the build stamped {@code programClass} (and with it the classes nested in it). */
    static boolean stamped(Class<?> programClass) {
        return programClass != null && STAMPED.get(programClass);
    }
}
