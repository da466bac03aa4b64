package io.threadline.trace;

/** The five states a thread can be in on the timeline; see docs/scenarios.md for their meaning. */
public enum ThreadState {
    NEW("new"),
    RUNNABLE("runnable"),
    RUNNING("running"),
    WAITING("waiting"),
    DEAD("dead");

    private static final ThreadState[] VALUES = values();
    private final String label;

    ThreadState(String label) {
        this.label = label;
    }

    /** The lower-case name used on screen and in trace files. */
    public String label() {
        return label;
    }

    public static ThreadState ofCode(int code) {
        return VALUES[code];
    }

    /** Parses a label as written by {@link #label()}; null if it is not one. */
    public static ThreadState ofLabel(String label) {
        for (ThreadState s : VALUES) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        return null;
    }
}
