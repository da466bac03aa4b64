package io.threadline.runtime;

/** How scenario time relates to the wall clock. */
public enum ClockMode {
    /** Time jumps to the next timer as soon as every thread is blocked: a run takes milliseconds. */
    VIRTUAL("virtual"),
    /** The same schedule, with each jump waited out on the wall clock times a speed factor. */
    PACED("paced");

    private final String label;

    ClockMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
