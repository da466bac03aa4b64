package io.threadline.scenario;

/** The type of a scenario parameter, which decides how its text is read and checked. */
public enum ParamKind {
    /** A duration in seconds, e.g. 0.5. */
    SECONDS,
    /** A whole number, e.g. 4. */
    INTEGER,
    /** true or false. */
    BOOLEAN,
    /** Durations in seconds: one for all inputs, a comma list with one per input, or "varied". */
    DURATIONS
}
