package io.threadline.trace;

/**
 * Why a thread entered its state. For WAITING it names what the thread waits on; for
 * RUNNABLE what made it ready; for DEAD how it ended.
 */
public enum Reason {
    NONE("", null),
    // new
    CREATED("created", ThreadState.NEW),
    // runnable
    STARTED("started", ThreadState.RUNNABLE),
    WOKEN("woken", ThreadState.RUNNABLE),
    TIMER("timer", ThreadState.RUNNABLE),
    TIMEOUT("timeout", ThreadState.RUNNABLE),
    PREEMPTED("preempted", ThreadState.RUNNABLE),
    YIELDED("yielded", ThreadState.RUNNABLE),
    // running
    SCHEDULED("scheduled", ThreadState.RUNNING),
    // waiting
    SLEEP("sleep", ThreadState.WAITING),
    JOIN("join", ThreadState.WAITING),
    LOCK("lock", ThreadState.WAITING),
    QUEUE_GET("queue-get", ThreadState.WAITING),
    QUEUE_PUT("queue-put", ThreadState.WAITING),
    QUEUE_JOIN("queue-join", ThreadState.WAITING),
    EVENT("event", ThreadState.WAITING),
    CONDITION("condition", ThreadState.WAITING),
    SEMAPHORE("semaphore", ThreadState.WAITING),
    BARRIER("barrier", ThreadState.WAITING),
    RESULT("result", ThreadState.WAITING),
    IO("io", ThreadState.WAITING),
    START_HANDSHAKE("start-handshake", ThreadState.WAITING),
    /** A pipe's recv(), for data the other end has not sent yet. */
    RECV("recv", ThreadState.WAITING),
    /** An asyncio event loop with no task ready, waiting for its next timer (its selector's select()). */
    SELECT("select", ThreadState.WAITING),
    /** An asyncio task suspended at an await of another task, a future or gather(). */
    AWAIT("await", ThreadState.WAITING),
    /** An asyncio task suspended at {@code await asyncio.sleep(...)}. */
    AWAIT_SLEEP("await-sleep", ThreadState.WAITING),
    // dead
    RETURNED("returned", ThreadState.DEAD),
    RAISED("raised", ThreadState.DEAD),
    KILLED("killed", ThreadState.DEAD),
    /** An asyncio task cancelled (CancelledError ended its coroutine). */
    CANCELLED("cancelled", ThreadState.DEAD);

    private static final Reason[] VALUES = values();
    private final String label;
    private final ThreadState state;

    Reason(String label, ThreadState state) {
        this.label = label;
        this.state = state;
    }

    /** The name used on screen and in trace files, e.g. "queue-get". */
    public String label() {
        return label;
    }

    /** The state this reason belongs to; null for NONE, which fits any state. */
    public ThreadState state() {
        return state;
    }

    public static Reason ofCode(int code) {
        return VALUES[code];
    }

    /** Parses a label as written by {@link #label()}; null if it is not one. */
    public static Reason ofLabel(String label) {
        if (label == null) {
            return null;
        }
        for (Reason r : VALUES) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        return null;
    }
}
