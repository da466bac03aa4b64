package io.threadline.trace;

/** What one thread did that changed another's state: the label of a cause arrow. */
public enum CauseKind {
    CREATE("created"),
    START("start"),
    STARTED("started"),
    JOIN("join ended"),
    PUT("put"),
    GET("get"),
    TASK_DONE("task_done"),
    RESULT("result"),
    RELEASE("release"),
    SET("set"),
    NOTIFY("notify"),
    ARRIVED("all arrived"),
    SENT("sent"),
    DONE("done"),
    KILL("killed at exit"),
    /** A process's threads ended by a signal (terminate, kill, a pool's terminate). */
    TERMINATE("terminated"),
    WAKE("woke");

    private final String label;

    CauseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The kind of a caused transition: from the state and reason it enters, and for a wake-up
     * the wait it ends ({@code waitedFor}, the reason of the waiting span before it).
     */
    public static CauseKind of(ThreadState state, Reason reason, Reason waitedFor) {
        return of(state, reason, waitedFor, null);
    }

    /** As {@link #of(ThreadState, Reason, Reason)}, telling a signal's killing by its {@code detail}. */
    public static CauseKind of(ThreadState state, Reason reason, Reason waitedFor, String detail) {
        if (state == ThreadState.DEAD && detail != null && (detail.startsWith("terminated")
                || detail.startsWith("killed (SIG"))) {
            return TERMINATE;
        }
        switch (state) {
            case NEW:
                return CREATE;
            case DEAD:
                return KILL;
            case RUNNABLE:
                if (reason == Reason.STARTED) {
                    return START;
                }
                if (waitedFor == null) {
                    return WAKE;
                }
                switch (waitedFor) {
                    case START_HANDSHAKE: return STARTED;
                    case JOIN: return JOIN;
                    case QUEUE_GET: return PUT;
                    case QUEUE_PUT: return GET;
                    case QUEUE_JOIN: return TASK_DONE;
                    case RESULT: return RESULT;
                    case LOCK:
                    case SEMAPHORE: return RELEASE;
                    case EVENT: return SET;
                    case CONDITION: return NOTIFY;
                    case BARRIER: return ARRIVED;
                    case RECV: return SENT;
                    case AWAIT: return DONE;
                    default: return WAKE;
                }
            default:
                return WAKE;
        }
    }
}
