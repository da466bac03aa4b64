package io.threadline.runtime;

import io.threadline.trace.ResourceColumns;
import io.threadline.trace.ResourceKind;
import io.threadline.trace.ResourceOp;
import io.threadline.trace.StringTable;
import io.threadline.trace.WaitRole;

/**
 * Records what happens to one resource of a run (a lock, a queue, a process's GIL ...) in the
 * trace, as the primitives do it: who takes and gives it back, who joins and leaves its wait
 * list, what is put and taken. Its lane is added at its first event, so resources are numbered
 * in the order of first use and one never used has none. Every method is called with the
 * scheduler lock held, at the scheduler's current time. A resource the program gave no name is
 * named after its kind and a number ("Lock 2").
 */
final class ResourceRecorder {
    private final Scheduler s;
    private final ResourceKind kind;
    private String name;
    private final int process;
    private final int capacity;
    private int id = -1;
    /** Its events' columns once it has an id: looked up once, not at every event (seven a handoff). */
    private ResourceColumns lane;

    ResourceRecorder(Scheduler s, ResourceKind kind, String name, int process, int capacity) {
        this.s = s;
        this.kind = kind;
        this.name = name;
        this.process = process;
        this.capacity = capacity;
    }

    /** A process's GIL; its lane exists from the start, also with the GIL off (its lane says so). */
    static ResourceRecorder gil(Scheduler s, Interpreter p) {
        ResourceRecorder r = new ResourceRecorder(s, ResourceKind.GIL, "GIL of " + p.name, p.id, s.options.gil() ? 1 : 0);
        r.id();
        return r;
    }

    private int id() {
        if (id < 0) {
            if (name == null || name.isBlank()) {
                name = kind.title() + " " + (numbered() + 1);
            }
            id = s.trace.addResource(kind, name, process, capacity);
            lane = s.trace.resourceLane(id);
        }
        return id;
    }

    /** Resources of this kind the run has used so far. */
    private int numbered() {
        int n = 0;
        for (int r = 0, m = s.trace.resourceCount(); r < m; r++) {
            if (s.trace.resource(r).kind() == kind) {
                n++;
            }
        }
        return n;
    }

    /** The resource's id in the trace, or -1 while it has no event. */
    int traceId() {
        return id;
    }

    String name() {
        return name;
    }

    /** Its name, its lane added now if it has none yet (a wait for it names it). */
    String laneName() {
        id();
        return name;
    }

    private void record(ResourceOp op, SimThread t, int arg) {
        if (off()) {
            return;
        }
        id();
        lane.append(s.now, op, t.id, arg);
        s.trace.advance(s.now);
    }

    /** A GIL that is off: nothing to record, its lane says so. */
    private boolean off() {
        return kind == ResourceKind.GIL && capacity == 0;
    }

    /** {@code t} takes it; {@code depth}: how often it holds it now (1 but for an RLock). */
    void acquired(SimThread t, int depth) {
        record(ResourceOp.ACQUIRE, t, depth);
    }

    /** {@code t} gives it back, still holding it {@code left} times (an RLock's). */
    void released(SimThread t, int left) {
        record(ResourceOp.RELEASE, t, left);
    }

    /** {@code t} joins the end of the wait list. */
    void waiting(SimThread t, WaitRole role) {
        record(ResourceOp.WAIT, t, role.ordinal());
    }

    /** {@code t} leaves the wait list: woken by {@code by} (null: by no thread), timed out, or gone. */
    void left(SimThread t, ResourceOp how, SimThread by) {
        record(how, t, by == null ? -1 : by.id);
    }

    void set(SimThread t) {
        record(ResourceOp.SET, t, 0);
    }

    void cleared(SimThread t) {
        record(ResourceOp.CLEAR, t, 0);
    }

    /** {@code t} puts an item shown as {@code text}; returns the item's number. */
    int put(SimThread t, String text) {
        s.trace.resourceEvent(id(), s.now, ResourceOp.PUT, t.id, text);
        return puts++;
    }

    /**
     * As {@link #put(SimThread, String)} for an item shown as the number {@code n}
     * ({@link StringTable#numbered}), without making its text.
     */
    int putNumber(SimThread t, int n) {
        s.trace.resourceEvent(id(), s.now, ResourceOp.PUT, t.id, StringTable.number(n));
        return puts++;
    }

    private int puts;

    /** {@code t} takes item number {@code item}. */
    void got(SimThread t, int item) {
        record(ResourceOp.GET, t, item);
    }

    /** {@code t} throws item number {@code item} away untaken (a terminated pool's tasks). */
    void dropped(SimThread t, int item) {
        record(ResourceOp.DROP, t, item);
    }

    void notified(SimThread t, int woken) {
        record(ResourceOp.NOTIFY, t, woken);
    }

    /** The GIL's holder {@code t} must drop it: its switch interval is up and {@code by} asked for it. */
    void forced(SimThread t, SimThread by) {
        record(ResourceOp.FORCED, t, by.id);
    }

    /** A barrier's last party {@code t} arrives: everyone goes on. */
    void passed(SimThread t) {
        record(ResourceOp.PASS, t, 0);
    }

    /** A future's worker {@code t} sets its result, shown as {@code text}. */
    void done(SimThread t, String text) {
        s.trace.resourceEvent(id(), s.now, ResourceOp.DONE, t.id, text);
    }
}
