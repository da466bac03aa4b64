package io.threadline.trace;

/** How a run ended, or that it has not yet. */
public enum RunOutcome {
    RUNNING("running"),
    COMPLETED("completed"),
    STOPPED("stopped"),
    TIME_LIMIT("time-limit"),
    DEADLOCK("deadlock"),
    FAILED("failed"),
    /** An exception ended the main thread (a traceback was printed; exit status 1, or sys.exit's). */
    RAISED("raised");

    private final String label;

    RunOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The exit status a program ending so has when nothing else was recorded: 0 completed, 1
     * raised, -1 for none (a stopped or deadlocked program never exits by itself).
     */
    public int defaultExitStatus() {
        return this == COMPLETED ? 0 : this == RAISED ? 1 : -1;
    }

    public static RunOutcome ofLabel(String label) {
        for (RunOutcome o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        return null;
    }
}
