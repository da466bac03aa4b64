package io.threadline.trace;

/** How a run ended, or that it has not yet. */
public enum RunOutcome {
    RUNNING("running"),
    COMPLETED("completed"),
    STOPPED("stopped"),
    TIME_LIMIT("time-limit"),
    DEADLOCK("deadlock"),
    FAILED("failed");

    private final String label;

    RunOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
