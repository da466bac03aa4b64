package io.threadline.trace;

/** Why a waiter of a queue (or pipe) waits: for an item, for room, or for every item to be done. */
public enum WaitRole {
    /** The one way to wait for a lock, a semaphore, an event ... */
    WAITS("waits", Reason.NONE),
    GET("get", Reason.QUEUE_GET),
    PUT("put", Reason.QUEUE_PUT),
    JOIN("join", Reason.QUEUE_JOIN);

    private static final WaitRole[] VALUES = values();
    private final String label;
    private final Reason reason;

    WaitRole(String label, Reason reason) {
        this.label = label;
        this.reason = reason;
    }

    public String label() {
        return label;
    }

    /** The reason on the waiter's lane (NONE for {@link #WAITS}: the resource's kind says it). */
    public Reason reason() {
        return reason;
    }

    /** The role with this label, or null. */
    public static WaitRole ofLabel(String label) {
        for (WaitRole r : VALUES) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        return null;
    }

    /** The role with this code (an event's argument); WAITS for codes out of range. */
    public static WaitRole of(int code) {
        return code > 0 && code < VALUES.length ? VALUES[code] : WAITS;
    }
}
