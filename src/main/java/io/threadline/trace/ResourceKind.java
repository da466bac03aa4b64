package io.threadline.trace;

/**
 * What a resource lane shows: a lock, a semaphore, a queue, a process's GIL ... Each kind says
 * whether threads hold it (a span per holder), whether it carries items (a queue's, a pipe's)
 * and what a thread waiting for it has as its reason.
 */
public enum ResourceKind {
    GIL("gil", "GIL", true, false),
    LOCK("lock", "Lock", true, false),
    RLOCK("rlock", "RLock", true, false),
    SEMAPHORE("semaphore", "Semaphore", true, false),
    BOUNDED_SEMAPHORE("bounded-semaphore", "BoundedSemaphore", true, false),
    CONDITION("condition", "Condition", false, false),
    EVENT("event", "Event", false, false),
    BARRIER("barrier", "Barrier", false, false),
    QUEUE("queue", "Queue", false, true),
    PIPE("pipe", "Pipe", false, true),
    /** A future of an executor: held by the worker running its task, waited for by result(). */
    FUTURE("future", "Future", true, false),
    /** The results of one pool call (map, imap_unordered ...): items put by workers, taken by the caller. */
    POOL_RESULTS("pool-results", "pool results", false, true);

    private static final ResourceKind[] VALUES = values();
    private final String label;
    private final String title;
    private final boolean held;
    private final boolean carriesItems;

    ResourceKind(String label, String title, boolean held, boolean carriesItems) {
        this.label = label;
        this.title = title;
        this.held = held;
        this.carriesItems = carriesItems;
    }

    /** The name in trace files, e.g. "bounded-semaphore". */
    public String label() {
        return label;
    }

    /** The name a program knows it by (Python's class name): the default name's stem, "Lock 2". */
    public String title() {
        return title;
    }

    /** Whether threads hold it, so its lane shows holder spans. */
    public boolean held() {
        return held;
    }

    /** Whether it carries items (put by one thread, taken by another). */
    public boolean carriesItems() {
        return carriesItems;
    }

    /** Whether a holder may take it again while holding it (its depth counts). */
    public boolean reentrant() {
        return this == RLOCK;
    }

    /** Whether several threads may hold it at once (one permit each). */
    public boolean shared() {
        return this == SEMAPHORE || this == BOUNDED_SEMAPHORE;
    }

    /**
     * Whether a thread waiting for it in the given way has {@code reason} on its lane: a queue's
     * getters wait queue-get, its putters queue-put; a GIL's waiters are runnable, not waiting.
     */
    public boolean waitsWith(Reason reason, int role) {
        return switch (this) {
            case GIL -> reason.state() == ThreadState.RUNNABLE;
            case LOCK, RLOCK -> reason == Reason.LOCK;
            case SEMAPHORE, BOUNDED_SEMAPHORE -> reason == Reason.SEMAPHORE;
            case CONDITION -> reason == Reason.CONDITION;
            case EVENT -> reason == Reason.EVENT;
            case BARRIER -> reason == Reason.BARRIER;
            case QUEUE -> reason == WaitRole.of(role).reason();
            case PIPE -> reason == Reason.RECV;
            case FUTURE, POOL_RESULTS -> reason == Reason.RESULT;
        };
    }

    public static ResourceKind ofCode(int code) {
        return VALUES[code];
    }

    /** The kind with this label, or null. */
    public static ResourceKind ofLabel(String label) {
        for (ResourceKind k : VALUES) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        return null;
    }
}
