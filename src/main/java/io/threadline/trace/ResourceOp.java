package io.threadline.trace;

/**
 * What happened to a resource: one event of its lane. Each names the thread it is about; the
 * argument means what the op says. Waiters join the end of the wait list and may leave it from
 * anywhere, so the wait list's order at any time is the order of the WAITs still in it.
 */
public enum ResourceOp {
    /** The thread takes it; argument: its depth after (an RLock's), or 1. */
    ACQUIRE("acquire"),
    /** The thread gives it up; argument: the depth it still holds (an RLock's), else 0. */
    RELEASE("release"),
    /** The thread joins the end of the wait list; argument: its {@link WaitRole} code. */
    WAIT("wait"),
    /** The thread leaves the wait list, woken; argument: the thread that woke it, or -1. */
    WOKEN("woken"),
    /** The thread leaves the wait list because its timeout ran out. */
    TIMEOUT("timeout"),
    /** The thread leaves the wait list otherwise (it was killed, the run ended). */
    LEFT("left"),
    /** An event's flag is set by the thread. */
    SET("set"),
    /** An event's flag is cleared by the thread. */
    CLEAR("clear"),
    /** The thread puts an item; argument: the item's text (a string id). Items are numbered from 0 in put order. */
    PUT("put"),
    /** The thread takes an item; argument: the item's number. */
    GET("get"),
    /** The thread notifies a condition; argument: how many waiters it woke. */
    NOTIFY("notify"),
    /** The GIL's holder is made to drop it at the end of its switch interval; argument: the thread that asked. */
    FORCED("forced"),
    /** A barrier's last party arrives (the thread) and every waiter goes on. */
    PASS("pass"),
    /** A future's result is set by the thread (its worker); argument: the result's text (a string id). */
    DONE("done"),
    /** The thread throws an item away untaken (a terminated pool's tasks); argument: the item's number. */
    DROP("drop");

    private static final ResourceOp[] VALUES = values();
    private final String label;

    ResourceOp(String label) {
        this.label = label;
    }

    /** The name in trace files. */
    public String label() {
        return label;
    }

    /** Whether the op makes the thread leave the wait list. */
    public boolean leaves() {
        return this == WOKEN || this == TIMEOUT || this == LEFT;
    }

    /** Whether the argument is a string id. */
    public boolean textArgument() {
        return this == PUT || this == DONE;
    }

    /** Whether the argument is a thread id. */
    public boolean threadArgument() {
        return this == WOKEN || this == FORCED;
    }

    public static ResourceOp ofCode(int code) {
        return VALUES[code];
    }

    /** The op with this label, or null. */
    public static ResourceOp ofLabel(String label) {
        for (ResourceOp o : VALUES) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        return null;
    }
}
