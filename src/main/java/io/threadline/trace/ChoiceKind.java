package io.threadline.trace;

/**
 * The kinds of moment at which the scheduler has a real choice: more than one thread could go
 * on, and which one does changes the run. Each names its candidates as threads.
 */
public enum ChoiceKind {
    /** A core (and its process's GIL) is free: which ready thread gets it. */
    CORE("core", "gets the free core"),
    /** Several threads hold a core: which of them executes its code first. */
    RUN("run", "runs first"),
    /** A release or notify wakes one of several waiters: which. */
    WAKE("wake", "is woken"),
    /**
     * A running thread's switch interval is up and others want its core or GIL: one of them
     * takes over (a preemption), or, as the last candidate, the running thread keeps going.
     */
    PREEMPT("preempt", "runs on");

    private static final ChoiceKind[] VALUES = values();
    private final String label;
    private final String verb;

    ChoiceKind(String label, String verb) {
        this.label = label;
        this.verb = verb;
    }

    /** The name used on screen and in trace files, e.g. "preempt". */
    public String label() {
        return label;
    }

    /** What the chosen candidate does, after its name: "Thread-2 gets the free core". */
    public String verb() {
        return verb;
    }

    /** The kind with this label, or null. */
    public static ChoiceKind ofLabel(String label) {
        for (ChoiceKind k : VALUES) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        return null;
    }
}
